using System;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Lists rooms (streaming page by page) or gets them by ARN, id or name (wildcards allowed).
    /// A listing returns what ListRooms returns (no message limits); an exact ARN, id or name returns full details.</summary>
    [Cmdlet(VerbsCommon.Get, "IvsChatRoom", DefaultParameterSetName = ParameterSets.Name, SupportsPaging = true)]
    [OutputType(typeof(Room))]
    public sealed class GetIvsChatRoomCommand : ListingCmdlet
    {
        [Parameter(Position = 0, ParameterSetName = ParameterSets.Name)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Name { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>Only rooms that use this logging configuration (ARN, id or name).</summary>
        [Parameter(ParameterSetName = ParameterSets.Name)]
        [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
        public string? LoggingConfiguration { get; set; }

        /// <summary>Only rooms with this message review handler (Lambda ARN).</summary>
        [Parameter(ParameterSetName = ParameterSets.Name)]
        [ValidateModelString(ServiceLimits.LambdaArnPattern, ServiceLimits.LambdaArnMin, ServiceLimits.LambdaArnMax, Rules.LambdaArn)]
        public string? MessageReviewHandlerUri { get; set; }

        private ulong _skipped;
        private ulong _written;
        private ulong _total;

        protected override void ProcessRecord()
        {
            if (IsMultiTarget) { ListEveryRegion(); return; }
            if (Name == null && Identifier == null) { ForItem(null, () => ListAll(null)); return; }
            if (Name != null && (LoggingConfiguration != null || MessageReviewHandlerUri != null))
            {
                // Filters are applied by the service while listing; names are matched here.
                var patterns = Name.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
                ForItem(null, () => ListAll(room => patterns.Any(p => p.IsMatch(room.Name))));
                return;
            }
            foreach (var value in (string[]?)Name ?? Identifier!)
            {
                if (Done) return;
                ForItem(value, () =>
                {
                    var exact = !WildcardPattern.ContainsWildcardCharacters(value) || Internal.Arn.LooksLikeArn(value);
                    foreach (var room in Resolver.FindRooms(value, allowWildcards: Name != null))
                    {
                        // A listing lacks the message limits: an exact lookup fetches the room itself.
                        if (!Emit(() => exact && !Internal.Arn.LooksLikeArn(value)
                            ? ToObject.Room(Service.Call("GetRoom", room.Arn, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = room.Arn }, ct)))
                            : room)) return;
                    }
                });
            }
        }

        private void ListAll(Func<Room, bool>? nameFilter)
        {
            string? loggingArn = LoggingConfiguration != null ? Resolver.LoggingConfigurationArn(LoggingConfiguration) : null;
            int? pageSize = null;
            if (PagingParameters.First != ulong.MaxValue && nameFilter == null && !PagingParameters.IncludeTotalCount)
                pageSize = (int)Math.Max(1, Math.Min(50UL, PagingParameters.First + Math.Min(PagingParameters.Skip, 50UL)));
            foreach (var summary in Resolver.ListRoomSummaries(null, loggingArn, MessageReviewHandlerUri, pageSize))
            {
                var room = ToObject.Room(summary);
                if (nameFilter != null && !nameFilter(room)) continue;
                if (!Emit(() => room)) return;
            }
        }

        /// <summary>Several regions or profiles: every listing at once, names matched here (wildcards or exact).</summary>
        private void ListEveryRegion()
        {
            if (Identifier != null || LoggingConfiguration != null)
            {
                ThrowSeveralRegionsNeedListing("-Identifier or -LoggingConfiguration");
            }
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            string? single = Name?.Length == 1 && !WildcardPattern.ContainsWildcardCharacters(Name[0]) ? Name[0] : null;
            ListEveryTarget("ListRooms", (c, ct) => c.ListRoomsPaginatedAsync(new ListRoomsRequest
            {
                Name = single,
                MessageReviewHandlerUri = MessageReviewHandlerUri,
            }, ct), (summary, target) =>
            {
                var room = ToObject.Room(summary);
                if (patterns != null && !patterns.Any(p => p.IsMatch(room.Name))) return true;
                return Emit(() => WithProfile(room, target));
            });
        }

        // With -IncludeTotalCount the listing goes on to the end, counting, so that the total is exact.
        private bool Done => _written >= PagingParameters.First && !PagingParameters.IncludeTotalCount;

        /// <summary>Applies -Skip/-First; false once nothing more is needed (stop requesting pages).</summary>
        private bool Emit(Func<object> room)
        {
            _total++;
            if (_skipped < PagingParameters.Skip) { _skipped++; return true; }
            if (_written < PagingParameters.First) { WriteObject(room()); _written++; }
            return !Done;
        }

        protected override void EndProcessing()
        {
            // The service reports no total: the count is of every match listed (see Done).
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_total, 1.0));
        }
    }
}
