using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IvsChat.Internal;

/// <summary>Completes -FallbackResult with the model's values (ValidateModelEnum does not offer them by itself).</summary>
public sealed class FallbackResultCompleter : IArgumentCompleter
{
    private static readonly string[] Values = { "ALLOW", "DENY" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        Completion.Filter(wordToComplete, Values.Select(v => new KeyValuePair<string, string>(v, v)));
}
