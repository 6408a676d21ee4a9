using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Lists logging configurations (streaming page by page) or gets them by ARN, id or name (wildcards allowed).
    /// A listing (no name or a wildcard) writes IvsChat.LoggingConfigurationSummary objects, what
    /// ListLoggingConfigurations returns; -Detailed, or an exact ARN, id or name, writes full IvsChat.LoggingConfiguration objects.</summary>
    [Cmdlet(VerbsCommon.Get, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.Name, SupportsPaging = true)]
    [OutputType(typeof(LoggingConfigurationSummary), typeof(LoggingConfiguration))]
    public sealed class GetIvsChatLoggingConfigurationCommand : IvsChatCmdlet
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

        protected override void ProcessRecord()
        {
            if (Name == null && Identifier == null)
            {
                ForItem(null, () =>
                {
                    int? pageSize = PagingParameters.First != ulong.MaxValue
                        ? (int)System.Math.Max(1, System.Math.Min(50UL, PagingParameters.First + System.Math.Min(PagingParameters.Skip, 50UL)))
                        : (int?)null;
                    foreach (var c in ListLoggingConfigurationSummaries(pageSize))
                        if (!Emit(c, Detailed)) return;
                });
                return;
            }
            foreach (var value in (string[]?)Name ?? Identifier!)
            {
                if (_written >= PagingParameters.First) return;
                ForItem(value, () =>
                {
                    var exact = !WildcardPattern.ContainsWildcardCharacters(value) || Internal.Arn.LooksLikeArn(value);
                    foreach (var c in FindLoggingConfigurations(value, allowWildcards: true))
                        if (!Emit(c, detailed: exact || Detailed)) return;
                });
            }
        }

        /// <summary>Applies -Skip/-First; with <paramref name="detailed"/> a summary is replaced by the full
        /// configuration (a failure is an error of its own and the listing goes on).</summary>
        private bool Emit(LoggingConfigurationSummary config, bool detailed)
        {
            if (_written >= PagingParameters.First) return false;
            if (_skipped < PagingParameters.Skip) { _skipped++; return true; }
            if (detailed && !(config is LoggingConfiguration))
            {
                var arn = config.Arn;
                ForItem(config, () =>
                {
                    WriteObject(ToObject.LoggingConfiguration(CallService("GetLoggingConfiguration", arn, (c, ct) =>
                        c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = arn }, ct))));
                    _written++;
                });
            }
            else { WriteObject(config); _written++; }
            return _written < PagingParameters.First;
        }

        protected override void EndProcessing()
        {
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_skipped + _written, 0.0));
        }
    }
}
