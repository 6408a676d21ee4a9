using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Writes one IvsChat.Tag {ResourceArn, Key, Value} per tag, so tags can be filtered and piped on.</summary>
    [Cmdlet(VerbsCommon.Get, "IvsChatTag", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(Tag))]
    public sealed class GetIvsChatTagCommand : ListingCmdlet
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
        [SupportsWildcards]
        public string[]? Key { get; set; }

        private List<WildcardPattern>? _patterns;

        protected override void ProcessRecord()
        {
            _patterns = Key?.Select(k => new WildcardPattern(k, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            var identifiers = (IEnumerable<string>?)Identifier;
            if (IsMultiTarget && Identifier != null)
            {
                // Ids and names are looked up by listing every region; an ARN names its own region.
                var names = Identifier.Where(i => !Internal.Arn.LooksLikeArn(i)).ToList();
                if (names.Count > 0) TagsInEveryRegion(names);
                identifiers = Identifier.Where(Internal.Arn.LooksLikeArn).ToList();
                if (!identifiers.Any()) return;
            }
            ForEachResource(InputObject, identifiers, (arn, _) =>
            {
                var response = CallService("ListTagsForResource", arn, (c, ct) => c.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, ct));
                WriteTags(arn, response.Tags, null);
            });
        }

        /// <summary>Listings carry tags, so the rooms and logging configurations of every region are listed concurrently and matched by id or name.</summary>
        private void TagsInEveryRegion(List<string> names)
        {
            var found = new HashSet<string>(System.StringComparer.Ordinal);
            bool Match(string? arn, string? id, string? name, Dictionary<string, string>? tags, ListingTarget target)
            {
                var hit = names.FirstOrDefault(n => n == id || n == name);
                if (hit == null) return true;
                found.Add(hit);
                WriteTags(arn ?? "", tags ?? new Dictionary<string, string>(), target);
                return true;
            }
            ListEveryTarget("ListRooms", (c, ct) => c.ListRoomsPaginatedAsync(new ListRoomsRequest(), ct),
                (r, target) => Match(r.Arn, r.Id, r.Name, r.Tags, target));
            ListEveryTarget("ListLoggingConfigurations", (c, ct) => c.ListLoggingConfigurationsPaginatedAsync(new ListLoggingConfigurationsRequest(), ct),
                (l, target) => Match(l.Arn, l.Id, l.Name, l.Tags, target));
            foreach (var missing in names.Where(n => !found.Contains(n)))
                WriteError(new ErrorRecord(new IvsChatResolutionException(IvsChatErrorIds.ResourceNotFound, ErrorCategory.ObjectNotFound,
                    "No room or logging configuration has the id or name '" + missing + "' in " + string.Join(", ", ListingTarget.Combine(Region, ProfileName)) + "."),
                    IvsChatErrorIds.ResourceNotFound, ErrorCategory.ObjectNotFound, missing));
        }

        private void WriteTags(string arn, Dictionary<string, string> tags, ListingTarget? target)
        {
            foreach (var t in tags.OrderBy(t => t.Key, System.StringComparer.Ordinal))
            {
                if (_patterns != null && !_patterns.Any(p => p.IsMatch(t.Key))) continue;
                var tag = new Tag { ResourceArn = arn, Key = t.Key, Value = t.Value, Region = Internal.Arn.RegionOf(arn) };
                WriteObject(target == null ? (object)tag : WithProfile(tag, target));
            }
        }
    }
}
