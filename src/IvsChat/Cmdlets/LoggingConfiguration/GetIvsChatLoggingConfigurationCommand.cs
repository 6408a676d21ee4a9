using System;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Lists logging configurations (streaming page by page) or gets them by ARN, id or name (wildcards allowed).
/// A listing (no name or a wildcard) writes IvsChat.LoggingConfigurationSummary objects, what
/// ListLoggingConfigurations returns; -Detailed, or an exact ARN, id or name, writes full IvsChat.LoggingConfiguration objects.</summary>
[Cmdlet(VerbsCommon.Get, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.Name, SupportsPaging = true)]
[OutputType(typeof(LoggingConfigurationSummary), typeof(LoggingConfiguration))]
public sealed class GetIvsChatLoggingConfigurationCommand : ListingCmdlet
{
    [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
    public string[]? Name { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Arn", "LoggingConfigurationArn", "Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
    public string[]? Identifier { get; set; }

    /// <summary>Writes full logging configurations (one GetLoggingConfiguration per listed one, paced by the client's rate limiter)
    /// instead of summaries.</summary>
    [Parameter(ParameterSetName = ParameterSets.Name)]
    public SwitchParameter Detailed { get; set; }


    protected override void ProcessRecord()
    {
        if (IsMultiTarget) { ListEveryRegion(); return; }
        if (Name == null && Identifier == null)
        {
            ForItem(null, () =>
            {
                foreach (var c in Resolver.ListLoggingConfigurationSummaries(PageSize(matchedHere: false)))
                    if (!Emit(c, FullConfiguration(c, Detailed))) return;
            });
            return;
        }
        foreach (var value in (string[]?)Name ?? Identifier!)
        {
            if (Done) return;
            ForItem(value, () =>
            {
                var exact = !WildcardPattern.ContainsWildcardCharacters(value) || Internal.Arn.LooksLikeArn(value);
                foreach (var c in Resolver.FindLoggingConfigurations(value, allowWildcards: Name != null))
                    if (!Emit(c, FullConfiguration(c, exact || Detailed))) return;
            });
        }
    }

    /// <summary>Several regions or profiles: every listing at once, names matched here (wildcards or exact).</summary>
    private void ListEveryRegion()
    {
        if (Identifier != null)
        {
            ThrowSeveralRegionsNeedListing("-Identifier");
        }
        var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
        ListEveryTarget("ListLoggingConfigurations", (c, ct) => c.ListLoggingConfigurationsPaginatedAsync(new ListLoggingConfigurationsRequest(), ct),
            (summary, target) =>
            {
                var config = ToObject.LoggingConfigurationSummary(summary);
                return patterns != null && !patterns.Any(p => p.IsMatch(config.Name)) || Emit(config, FullConfiguration(config, Detailed), target);
            });
    }

    /// <summary>With <paramref name="detailed"/>, how a listed configuration becomes the full one (GetLoggingConfiguration).</summary>
    private Func<string, object>? FullConfiguration(LoggingConfigurationSummary config, bool detailed) =>
        detailed && !(config is LoggingConfiguration)
            ? arn => ToObject.LoggingConfiguration(Service.Call("GetLoggingConfiguration", arn, (c, ct) =>
                c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = arn }, ct)))
            : null;
}
