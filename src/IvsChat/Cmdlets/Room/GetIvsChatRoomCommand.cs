using System;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Lists rooms (streaming page by page) or gets them by ARN, id or name (wildcards allowed).
    /// A listing (no name, a wildcard, or a filter) writes IvsChat.RoomSummary objects, what ListRooms returns (no
    /// message limits); -Detailed, or an exact ARN, id or name, writes full IvsChat.Room objects (GetRoom).</summary>
    [Cmdlet(VerbsCommon.Get, "IvsChatRoom", DefaultParameterSetName = ParameterSets.Name, SupportsPaging = true)]
    [OutputType(typeof(RoomSummary), typeof(Room))]
    public sealed class GetIvsChatRoomCommand : IvsChatCmdlet
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
        [ValidateModelString(Rules.LambdaArnPattern, 0, 170, Rules.LambdaArnRule)]
        public string? MessageReviewHandlerUri { get; set; }

        /// <summary>Writes full rooms (one GetRoom per listed room, paced by the client's rate limiter) instead of summaries.</summary>
        [Parameter(ParameterSetName = ParameterSets.Name)]
        public SwitchParameter Detailed { get; set; }

        private ulong _skipped;
        private ulong _written;
        private bool _totalWritten;

        protected override void ProcessRecord()
        {
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
                    // A listing lacks the message limits: an exact lookup fetches the room itself.
                    var exact = !WildcardPattern.ContainsWildcardCharacters(value) || Internal.Arn.LooksLikeArn(value);
                    foreach (var room in FindRooms(value, allowWildcards: true))
                        if (!Emit(room, detailed: exact || Detailed)) return;
                });
            }
        }

        private void ListAll(Func<RoomSummary, bool>? nameFilter)
        {
            string? loggingArn = LoggingConfiguration != null ? ResolveLoggingConfigurationArn(LoggingConfiguration) : null;
            int? pageSize = null;
            if (PagingParameters.First != ulong.MaxValue && nameFilter == null)
                pageSize = (int)Math.Max(1, Math.Min(50UL, PagingParameters.First + Math.Min(PagingParameters.Skip, 50UL)));
            foreach (var room in ListRoomSummaries(null, loggingArn, MessageReviewHandlerUri, pageSize))
            {
                if (nameFilter != null && !nameFilter(room)) continue;
                if (!Emit(room, Detailed)) return;
            }
        }

        private bool Done => _written >= PagingParameters.First;

        /// <summary>Applies -Skip/-First; false once enough items were written (stop requesting pages). With
        /// <paramref name="detailed"/> a summary is replaced by the full room; a room that fails (e.g. deleted since
        /// the listing) is an error of its own and the listing goes on.</summary>
        private bool Emit(RoomSummary room, bool detailed)
        {
            if (Done) return false;
            if (_skipped < PagingParameters.Skip) { _skipped++; return true; }
            if (detailed && !(room is Room))
            {
                var arn = room.Arn;
                ForItem(room, () => { WriteObject(ToObject.Room(CallService("GetRoom", arn, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = arn }, ct)))); _written++; });
            }
            else { WriteObject(room); _written++; }
            return !Done;
        }

        protected override void EndProcessing()
        {
            if (PagingParameters.IncludeTotalCount && !_totalWritten)
            {
                // The service does not report a total; counting would mean listing everything.
                WriteObject(PagingParameters.NewTotalCount(_skipped + _written, 0.0));
                _totalWritten = true;
            }
        }
    }
}
