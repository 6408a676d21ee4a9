using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IvsChat.Client;
using IvsChat.Client.Model;

namespace IvsChat.Internal;

/// <summary>-ProfileName: the profiles in the AWS config and credentials files (-ProfileLocation, AWS_CONFIG_FILE
/// and AWS_SHARED_CREDENTIALS_FILE respected).</summary>
public sealed class ProfileCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        try
        {
            var names = SharedProfiles.Names(ClientSettingsFromParameters.Text(fakeBoundParameters, "ProfileLocation"));
            return Completion.Filter(wordToComplete, names.Select(n => new KeyValuePair<string, string>(n, "profile " + n))).ToList();
        }
        catch (Exception) { return Array.Empty<CompletionResult>(); } // completion never fails loudly
    }
}

/// <summary>-Key on the tag cmdlets: the tag keys of the resource the command line names (-Identifier: ARN, id or
/// name; or an object with an Arn bound to -InputObject).</summary>
public sealed class TagKeyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters)
    {
        try
        {
            var target = Target(fakeBoundParameters);
            if (target == null) return Array.Empty<CompletionResult>();
            var arn = Arn.LooksLikeArn(target) ? target : ArnOfNamed(target, fakeBoundParameters);
            if (arn == null) return Array.Empty<CompletionResult>();
            var tags = ServiceCompletion.WithClient(fakeBoundParameters, (entry, cancel) =>
                entry.Client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, cancel).GetAwaiter().GetResult().Tags);
            return Completion.Filter(wordToComplete, tags.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new KeyValuePair<string, string>(t.Key, t.Key + "=" + t.Value))).ToList();
        }
        catch (Exception) { return Array.Empty<CompletionResult>(); }
    }

    private static string? Target(IDictionary bound)
    {
        foreach (var name in new[] { "Identifier", "Arn", "ResourceArn", "InputObject" })
        {
            if (bound == null || !bound.Contains(name)) continue;
            var value = bound[name] is PSObject p ? p.BaseObject : bound[name];
            if (value is object[] many && many.Length > 0) value = many[0] is PSObject q ? q.BaseObject : many[0];
            if (value is string[] strings && strings.Length > 0) value = strings[0];
            if (value is IvsChatResource resource) return resource.Arn;
            if (value is string s && s.Length > 0) return s;
        }
        return null;
    }

    // A name or id: the room or logging configuration listings that completion already caches.
    private static string? ArnOfNamed(string identifier, IDictionary bound)
    {
        foreach (var kind in new[] { "room", "logging-configuration" })
            foreach (var item in ServiceCompletion.Items(kind, bound))
                if (item.Key == identifier || item.Value.EndsWith("/" + identifier, StringComparison.Ordinal)) return item.Value;
        return null;
    }
}
