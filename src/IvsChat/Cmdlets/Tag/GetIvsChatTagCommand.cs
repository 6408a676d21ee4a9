using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Writes one IvsChat.Tag {ResourceArn, Key, Value} per tag, so tags can be filtered and piped on.</summary>
    [Cmdlet(VerbsCommon.Get, "IvsChatTag", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(Tag))]
    public sealed class GetIvsChatTagCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public IvsChatResource? InputObject { get; set; }

        /// <summary>ARN, id or name of a room or logging configuration.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "ResourceArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>Only tags whose key matches (wildcards allowed).</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(TagKeyCompleter))]
        [SupportsWildcards]
        public string[]? Key { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = Key?.Select(k => new WildcardPattern(k, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            ForEachResource(InputObject, Identifier, (arn, _) =>
            {
                var response = CallService("ListTagsForResource", arn, (c, ct) => c.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, ct));
                foreach (var t in response.Tags.OrderBy(t => t.Key, System.StringComparer.Ordinal))
                    if (patterns == null || patterns.Any(p => p.IsMatch(t.Key)))
                        WriteObject(new Tag { ResourceArn = arn, Key = t.Key, Value = t.Value, Region = Internal.Arn.RegionOf(arn) });
            });
        }
    }
}
