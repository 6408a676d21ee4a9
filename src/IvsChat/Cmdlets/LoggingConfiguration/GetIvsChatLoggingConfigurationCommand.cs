using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Lists logging configurations (streaming page by page) or gets them by ARN, id or name (wildcards allowed).</summary>
    [Cmdlet(VerbsCommon.Get, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.Name, SupportsPaging = true)]
    [OutputType(typeof(LoggingConfiguration))]
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
                        if (!Emit(ToObject.LoggingConfiguration(c))) return;
                });
                return;
            }
            foreach (var value in (string[]?)Name ?? Identifier!)
            {
                if (Done) return;
                ForItem(value, () =>
                {
                    foreach (var c in Resolver.FindLoggingConfigurations(value, allowWildcards: Name != null))
                        if (!Emit(c)) return;
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
                    var config = ToObject.LoggingConfiguration(summary);
                    return patterns != null && !patterns.Any(p => p.IsMatch(config.Name)) || Emit(WithProfile(config, target));
                });
        }

        // With -IncludeTotalCount the listing goes on to the end, counting, so that the total is exact.
        private bool Done => _written >= PagingParameters.First && !PagingParameters.IncludeTotalCount;

        /// <summary>Applies -Skip/-First; false once nothing more is needed (stop requesting pages).</summary>
        private bool Emit(object config)
        {
            _total++;
            if (_skipped < PagingParameters.Skip) { _skipped++; return true; }
            if (_written < PagingParameters.First) { WriteObject(config); _written++; }
            return !Done;
        }

        protected override void EndProcessing()
        {
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_total, 1.0));
        }
    }
}
