using System;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Lists rooms (streaming page by page) or gets them by ARN, id or name (wildcards allowed).
/// A listing (no name, a wildcard, or a filter) writes IvsChat.RoomSummary objects, what ListRooms returns (no
/// message limits); -Detailed, or an exact ARN, id or name, writes full IvsChat.Room objects (GetRoom).</summary>
[Cmdlet(VerbsCommon.Get, "IvsChatRoom", DefaultParameterSetName = ParameterSets.Name, SupportsPaging = true)]
[OutputType(typeof(RoomSummary), typeof(Room))]
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

    /// <summary>Writes full rooms (one GetRoom per listed room, paced by the client's rate limiter) instead of summaries.</summary>
    [Parameter(ParameterSetName = ParameterSets.Name)]
    public SwitchParameter Detailed { get; set; }

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
                // A listing lacks the message limits: an exact lookup fetches the room itself.
                var exact = !WildcardPattern.ContainsWildcardCharacters(value) || Internal.Arn.LooksLikeArn(value);
                foreach (var room in Resolver.FindRooms(value, allowWildcards: Name != null))
                    if (!Emit(room, FullRoom(room, exact || Detailed))) return;
            });
        }
    }

    private void ListAll(Func<RoomSummary, bool>? nameFilter)
    {
        string? loggingArn = LoggingConfiguration != null ? Resolver.LoggingConfigurationArn(LoggingConfiguration) : null;
        foreach (var room in Resolver.ListRoomSummaries(null, loggingArn, MessageReviewHandlerUri, PageSize(matchedHere: nameFilter != null)))
        {
            if (nameFilter != null && !nameFilter(room)) continue;
            if (!Emit(room, FullRoom(room, Detailed))) return;
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
            var room = ToObject.RoomSummary(summary);
            if (patterns != null && !patterns.Any(p => p.IsMatch(room.Name))) return true;
            return Emit(room, FullRoom(room, Detailed), target);
        });
    }

    /// <summary>With <paramref name="detailed"/>, how a listed room becomes the full room (GetRoom); a listing lacks
    /// the message limits.</summary>
    private Func<string, object>? FullRoom(RoomSummary room, bool detailed) =>
        detailed && !(room is Room)
            ? arn => ToObject.Room(Service.Call("GetRoom", arn, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = arn }, ct)))
            : null;
}
