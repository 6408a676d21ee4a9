using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;

namespace IvsChat.Internal;

/// <summary>A resource named by a user: its ARN, and its name when it was looked up.</summary>
internal sealed class ResolvedTarget
{
    public ResolvedTarget(string arn, string? name) { Arn = arn; Name = name; }
    public string Arn { get; }
    public string? Name { get; }
}

/// <summary>Turns what users type into resources. An ARN is used as given. Any other value must name exactly one
/// resource by id or by name: a value that is one room's id and another room's name is ambiguous, never a silent
/// pick. Ids and names are resolved by listing. Wildcards are for the Get- cmdlets' -Name only.</summary>
internal sealed class ResourceResolver
{
    private const int MostListed = 20;
    private readonly ServiceCaller _service;

    public ResourceResolver(ServiceCaller service) { _service = service; }

    // ---- the one target a cmdlet acts on ----

    public ResolvedTarget Room(string identifier)
    {
        RefuseWildcards(identifier, "Get-IvsChatRoom");
        if (Arn.LooksLikeArn(identifier)) return new ResolvedTarget(identifier, null);
        // A value that looks like an id may also be a name: list everything, else let the service filter by name.
        var rooms = ListRoomSummaries(Arn.LooksLikeId(identifier) ? null : identifier);
        var matches = Matching(identifier, rooms, r => r.Id, r => r.Name, r => r.Arn);
        return One(identifier, matches, "room", IvsChatErrorIds.RoomNotFound, IvsChatErrorIds.RoomNameAmbiguous);
    }

    public ResolvedTarget LoggingConfiguration(string identifier)
    {
        RefuseWildcards(identifier, "Get-IvsChatLoggingConfiguration");
        if (Arn.LooksLikeArn(identifier)) return new ResolvedTarget(identifier, null);
        var matches = Matching(identifier, ListLoggingConfigurationSummaries(), c => c.Id, c => c.Name, c => c.Arn);
        return One(identifier, matches, "logging configuration", IvsChatErrorIds.LoggingConfigurationNotFound,
            IvsChatErrorIds.LoggingConfigurationNameAmbiguous);
    }

    /// <summary>A taggable resource: a room or a logging configuration.</summary>
    public ResolvedTarget Resource(string identifier)
    {
        RefuseWildcards(identifier, "Get-IvsChatRoom");
        if (Arn.LooksLikeArn(identifier)) return new ResolvedTarget(identifier, null);
        var rooms = ListRoomSummaries(Arn.LooksLikeId(identifier) ? null : identifier);
        var matches = Matching(identifier, rooms, r => r.Id, r => r.Name, r => r.Arn)
            .Concat(Matching(identifier, ListLoggingConfigurationSummaries(), c => c.Id, c => c.Name, c => c.Arn)).ToList();
        return One(identifier, matches, "room or logging configuration", IvsChatErrorIds.ResourceNotFound, IvsChatErrorIds.ResourceNameAmbiguous);
    }

    public string RoomArn(string identifier) => Room(identifier).Arn;

    public string LoggingConfigurationArn(string identifier) => LoggingConfiguration(identifier).Arn;

    /// <summary>Wildcards are resolved only by the Get- cmdlets' -Name; elsewhere they are refused before any request.</summary>
    public static void RefuseWildcards(string identifier, string getCommand)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(identifier)) return;
        throw new IvsChatResolutionException(IvsChatErrorIds.WildcardNotSupported, ErrorCategory.InvalidArgument,
            "'" + identifier + "' contains wildcard characters, which only the -Name parameter of the Get- cmdlets resolves. " +
            "Select the resources first and pipe them, e.g. " + getCommand + " -Name '" + identifier + "' | <this command>.");
    }

    private static List<ResolvedTarget> Matching<T>(string identifier, IEnumerable<T> items, Func<T, string?> id, Func<T, string?> name, Func<T, string?> arn)
    {
        var byId = Arn.LooksLikeId(identifier);
        return items.Where(i => (byId && string.Equals(id(i), identifier, StringComparison.Ordinal))
                || string.Equals(name(i), identifier, StringComparison.Ordinal))
            .Take(MostListed + 1).Select(i => new ResolvedTarget(arn(i) ?? "", name(i))).ToList();
    }

    private static ResolvedTarget One(string identifier, List<ResolvedTarget> matches, string kind, string notFoundId, string ambiguousId)
    {
        matches = matches.GroupBy(m => m.Arn, StringComparer.Ordinal).Select(g => g.First()).ToList();
        if (matches.Count == 0)
            throw new IvsChatResolutionException(notFoundId, ErrorCategory.ObjectNotFound, "No " + kind + " has the ARN, id or name '" + identifier + "'.");
        if (matches.Count > 1)
            throw new IvsChatResolutionException(ambiguousId, ErrorCategory.InvalidArgument,
                "'" + identifier + "' names " + (matches.Count > MostListed ? "more than " + MostListed : matches.Count.ToString()) +
                " resources (by id or by name); use an ARN: " +
                string.Join(", ", matches.Take(MostListed).Select(m => string.IsNullOrEmpty(m.Name) ? m.Arn : m.Arn + " (name '" + m.Name + "')")) + ".");
        return matches[0];
    }

    // ---- Get- cmdlets: every match ----

    /// <summary>Every room (a summary as listed; a full room when fetched by ARN) matching <paramref name="identifier"/> (ARN: fetched
    /// with GetRoom; id; name, with wildcards when <paramref name="allowWildcards"/>). A non-wildcard value that matches nothing throws
    /// RoomNotFound; a wildcard that matches nothing yields nothing.</summary>
    public IEnumerable<RoomSummary> FindRooms(string identifier, bool allowWildcards)
    {
        if (!allowWildcards) RefuseWildcards(identifier, "Get-IvsChatRoom");
        if (Arn.LooksLikeArn(identifier))
        {
            var room = _service.Call("GetRoom", identifier, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = identifier }, ct));
            yield return ToObject.Room(room);
            yield break;
        }
        if (WildcardPattern.ContainsWildcardCharacters(identifier))
        {
            var pattern = new WildcardPattern(identifier, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            foreach (var r in ListRoomSummaries(null))
                if (pattern.IsMatch(r.Name ?? "")) yield return r;
            yield break;
        }
        var found = false;
        if (Arn.LooksLikeId(identifier))
        {
            // One listing answers both questions: is it an id, else which rooms have that name.
            var byName = new List<RoomSummary>();
            foreach (var r in ListRoomSummaries(null))
            {
                if (string.Equals(r.Id, identifier, StringComparison.Ordinal)) { yield return r; yield break; }
                if (string.Equals(r.Name, identifier, StringComparison.Ordinal)) byName.Add(r);
            }
            foreach (var r in byName) { found = true; yield return r; }
        }
        else
        {
            foreach (var r in ListRoomSummaries(identifier))
                if (string.Equals(r.Name, identifier, StringComparison.Ordinal)) { found = true; yield return r; }
        }
        if (!found)
            throw new IvsChatResolutionException(IvsChatErrorIds.RoomNotFound, ErrorCategory.ObjectNotFound,
                "No room has the ARN, id or name '" + identifier + "'.");
    }

    /// <summary>Every logging configuration matching <paramref name="identifier"/> (ARN, id, or name with optional wildcards).</summary>
    public IEnumerable<LoggingConfigurationSummary> FindLoggingConfigurations(string identifier, bool allowWildcards)
    {
        if (!allowWildcards) RefuseWildcards(identifier, "Get-IvsChatLoggingConfiguration");
        if (Arn.LooksLikeArn(identifier))
        {
            var config = _service.Call("GetLoggingConfiguration", identifier, (c, ct) =>
                c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = identifier }, ct));
            yield return ToObject.LoggingConfiguration(config);
            yield break;
        }
        if (WildcardPattern.ContainsWildcardCharacters(identifier))
        {
            var pattern = new WildcardPattern(identifier, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            foreach (var c in ListLoggingConfigurationSummaries())
                if (pattern.IsMatch(c.Name ?? "")) yield return c;
            yield break;
        }
        var all = ListLoggingConfigurationSummaries().ToList();
        var byId = Arn.LooksLikeId(identifier) ? all.FirstOrDefault(c => string.Equals(c.Id, identifier, StringComparison.Ordinal)) : null;
        if (byId != null) { yield return byId; yield break; }
        var byName = all.Where(c => string.Equals(c.Name, identifier, StringComparison.Ordinal)).ToList();
        if (byName.Count == 0)
            throw new IvsChatResolutionException(IvsChatErrorIds.LoggingConfigurationNotFound, ErrorCategory.ObjectNotFound,
                "No logging configuration has the ARN, id or name '" + identifier + "'.");
        foreach (var c in byName) yield return c;
    }

    // ---- listings ----

    /// <summary>Rooms as the service lists them (summaries), optionally filtered by exact name on the server.</summary>
    public IEnumerable<RoomSummary> ListRoomSummaries(string? name, string? loggingConfigurationArn = null, string? messageReviewHandlerUri = null,
        int? pageSize = null) =>
        _service.List("ListRooms", (c, ct) => c.ListRoomsPaginatedAsync(new ListRoomsRequest
        {
            Name = name,
            LoggingConfigurationIdentifier = loggingConfigurationArn,
            MessageReviewHandlerUri = messageReviewHandlerUri,
            MaxResults = pageSize,
        }, ct)).Select(ToObject.RoomSummary);

    /// <summary>Logging configurations as the service lists them.</summary>
    public IEnumerable<LoggingConfigurationSummary> ListLoggingConfigurationSummaries(int? pageSize = null) =>
        _service.List("ListLoggingConfigurations", (c, ct) => c.ListLoggingConfigurationsPaginatedAsync(
            new ListLoggingConfigurationsRequest { MaxResults = pageSize }, ct)).Select(ToObject.LoggingConfigurationSummary);
}
