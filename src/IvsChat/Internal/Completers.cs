using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Threading;
using IvsChat.Client.Model;

namespace IvsChat.Internal;

/// <summary>Shared by the completers: filter with a wildcard, quote when needed.</summary>
internal static class Completion
{
    public static IEnumerable<CompletionResult> Filter(string wordToComplete, IEnumerable<KeyValuePair<string, string>> valuesAndTooltips)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        foreach (var v in valuesAndTooltips)
        {
            if (string.IsNullOrEmpty(v.Key) || !pattern.IsMatch(v.Key)) continue;
            yield return new CompletionResult(Quote(v.Key), v.Key, CompletionResultType.ParameterValue, v.Value);
        }
    }

    public static string Quote(string value) =>
        value.Length == 0 || value.IndexOfAny(new[] { ' ', '\'', '"', '`', '$', '(', ')', '{', '}', '@', ',', ';', '#', '&', '|', '<', '>' }) >= 0
            ? "'" + value.Replace("'", "''") + "'" : value;
}

public sealed class RegionCompleter : IArgumentCompleter
{
    // Regions where IVS Chat is offered.
    private static readonly string[] Regions = { "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        Completion.Filter(wordToComplete, Regions.Select(r => new KeyValuePair<string, string>(r, r)));
}

/// <summary>Room names (and ARNs when the word starts with 'arn:') from the service, cached briefly.</summary>
public sealed class RoomCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        ServiceCompletion.Complete("room", wordToComplete, fakeBoundParameters);
}

/// <summary>Logging configuration names (and ARNs when the word starts with 'arn:') from the service, cached briefly.</summary>
public sealed class LoggingConfigurationCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        ServiceCompletion.Complete("logging-configuration", wordToComplete, fakeBoundParameters);
}

/// <summary>Rooms and logging configurations (the taggable resources), cached briefly.</summary>
public sealed class ResourceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        ServiceCompletion.Complete("room", wordToComplete, fakeBoundParameters)
            .Concat(ServiceCompletion.Complete("logging-configuration", wordToComplete, fakeBoundParameters))
            .GroupBy(r => r.CompletionText).Select(g => g.First()).ToList();
}

internal static class ServiceCompletion
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private static readonly object Gate = new object();
    private static readonly Dictionary<string, KeyValuePair<DateTime, List<KeyValuePair<string, string>>>> Cache =
        new Dictionary<string, KeyValuePair<DateTime, List<KeyValuePair<string, string>>>>(StringComparer.Ordinal);

    /// <summary>Name/ARN pairs of the rooms or logging configurations (cached briefly).</summary>
    public static List<KeyValuePair<string, string>> Items(string kind, IDictionary bound) => Load(kind, bound);

    public static IEnumerable<CompletionResult> Complete(string kind, string wordToComplete, IDictionary fakeBoundParameters)
    {
        List<KeyValuePair<string, string>> items;
        try { items = Load(kind, fakeBoundParameters); }
        catch (Exception) { return Array.Empty<CompletionResult>(); } // completion never fails loudly
        var word = (wordToComplete ?? "").Trim('\'', '"');
        var byArn = word.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
        return Completion.Filter(word, items.Select(i => byArn ? new KeyValuePair<string, string>(i.Value, i.Key) : i))
            .GroupBy(r => r.CompletionText).Select(g => g.First()).ToList();
    }

    private static List<KeyValuePair<string, string>> Load(string kind, IDictionary bound) => WithClient(bound, (entry, cancel) =>
    {
        var key = kind + "|" + entry.Settings.Endpoint + "|" + entry.Settings.Region + "|" + entry.Settings.CredentialSource;
        lock (Gate)
        {
            if (Cache.TryGetValue(key, out var hit) && DateTime.UtcNow - hit.Key < CacheFor) return hit.Value;
        }
        var items = new List<KeyValuePair<string, string>>();
        var named = kind == "room"
            ? AsyncBridge.Stream(ct => entry.Client.ListRoomsPaginatedAsync(new ListRoomsRequest(), ct), cancel).Select(r => (r.Name, r.Arn))
            : AsyncBridge.Stream(ct => entry.Client.ListLoggingConfigurationsPaginatedAsync(new ListLoggingConfigurationsRequest(), ct), cancel)
                .Select(c => (c.Name, c.Arn));
        items.AddRange(named.Take(1000).Select(n => new KeyValuePair<string, string>(n.Name ?? "", n.Arn ?? "")));
        lock (Gate) Cache[key] = new KeyValuePair<DateTime, List<KeyValuePair<string, string>>>(DateTime.UtcNow, items);
        return items;
    });

    /// <summary>Runs <paramref name="use"/> with a client built from the command line's common parameters (as the
    /// cmdlet would build it) and a cancellation that ends after the completion budget.</summary>
    internal static T WithClient<T>(IDictionary bound, Func<ClientPool.Entry, CancellationToken, T> use)
    {
        object? storedCredentials = null, storedRegion = null;
        try
        {
            var proxy = Runspace.DefaultRunspace?.SessionStateProxy;
            storedCredentials = proxy?.GetVariable("StoredAWSCredentials");
            storedRegion = proxy?.GetVariable("StoredAWSRegion");
        }
        catch (Exception) { /* not on a runspace thread: environment and profiles still apply */ }

        using (var pool = new ClientPool(arnRegion => ClientSettingsFromParameters.ToInput(bound, storedCredentials, storedRegion, arnRegion)))
        using (var cts = new CancellationTokenSource(Budget))
            return use(pool.Get(null, _ => { }), cts.Token);
    }
}
