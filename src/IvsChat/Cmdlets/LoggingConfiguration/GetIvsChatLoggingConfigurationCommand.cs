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

    /// <summary>Writes full logging configurations (one GetLoggingConfiguration per listed one, paced by the client's rate limiter) instead of summaries.</summary>
    [Parameter(ParameterSetName = ParameterSets.Name)]
    public SwitchParameter Detailed { get; set; }

    private ulong _skipped;
    private ulong _written;
    private ulong _total;

    protected override void ProcessRecord()
    {
        if (IsMultiTarget) { ListEveryRegion(); return; }
        if (Name == null && Identifier == null)
        {
            ForItem(null, () =>
            {
                int? pageSize = PagingParameters.First != ulong.MaxValue && !PagingParameters.IncludeTotalCount
                    ? (int)System.Math.Max(1, System.Math.Min(50UL, PagingParameters.First + System.Math.Min(PagingParameters.Skip, 50UL)))
                    : (int?)null;
                foreach (var c in Resolver.ListLoggingConfigurationSummaries(pageSize))
                    if (!Emit(c, Detailed)) return;
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
                    if (!Emit(c, detailed: exact || Detailed)) return;
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
                return patterns != null && !patterns.Any(p => p.IsMatch(config.Name)) || Emit(config, Detailed, target);
            });
    }

    // With -IncludeTotalCount the listing goes on to the end, counting, so that the total is exact.
    private bool Done => _written >= PagingParameters.First && !PagingParameters.IncludeTotalCount;

    /// <summary>Applies -Skip/-First; false once nothing more is needed (stop requesting pages). With
    /// <paramref name="detailed"/> a summary is replaced by the full configuration (a failure is an error of its
    /// own and the listing goes on). An object listed from one of several targets carries its profile.</summary>
    private bool Emit(LoggingConfigurationSummary config, bool detailed, ListingTarget? from = null)
    {
        _total++;
        if (_skipped < PagingParameters.Skip) { _skipped++; return true; }
        if (_written < PagingParameters.First)
        {
            if (detailed && !(config is LoggingConfiguration))
            {
                var arn = config.Arn;
                ForItem(config, () =>
                {
                    Write(ToObject.LoggingConfiguration(Service.Call("GetLoggingConfiguration", arn, (c, ct) =>
                        c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = arn }, ct))), from);
                    _written++;
                });
            }
            else { Write(config, from); _written++; }
        }
        return !Done;
    }

    private void Write(LoggingConfigurationSummary config, ListingTarget? from) => WriteObject(from == null ? config : WithProfile(config, from));

    protected override void EndProcessing()
    {
        if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_total, 1.0));
    }
}
