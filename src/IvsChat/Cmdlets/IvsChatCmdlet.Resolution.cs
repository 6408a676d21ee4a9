using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    // Identity: a room or logging configuration may be given as an ARN, a 12-character id, or a name. A value
    // matching ^[A-Za-z0-9]{12}$ is tried as an id first, then as a name. Ids and names are resolved by listing.
    public abstract partial class IvsChatCmdlet
    {
        /// <summary>Every room matching <paramref name="identifier"/> (ARN: fetched with GetRoom; id; name, with
        /// wildcards when <paramref name="allowWildcards"/>). A non-wildcard value that matches nothing throws
        /// RoomNotFound; a wildcard that matches nothing yields nothing.</summary>
        protected IEnumerable<RoomSummary> FindRooms(string identifier, bool allowWildcards)
        {
            if (Arn.LooksLikeArn(identifier))
            {
                var room = CallService("GetRoom", identifier, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = identifier }, ct));
                yield return ToObject.Room(room);
                yield break;
            }
            var found = false;
            if (allowWildcards && WildcardPattern.ContainsWildcardCharacters(identifier))
            {
                var pattern = new WildcardPattern(identifier, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                foreach (var r in ListRoomSummaries(null))
                    if (pattern.IsMatch(r.Name ?? "")) yield return r;
                yield break;
            }
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

        /// <summary>The ARN of the one room <paramref name="identifier"/> names (an ARN is returned as given, without a
        /// call). Throws RoomNotFound, or RoomNameAmbiguous listing the matches.</summary>
        protected string ResolveRoomArn(string identifier)
        {
            if (Arn.LooksLikeArn(identifier)) return identifier;
            return ResolveRoom(identifier).Arn;
        }

        /// <summary>The one room <paramref name="identifier"/> names, as listed (an ARN is fetched with GetRoom).</summary>
        protected RoomSummary ResolveRoom(string identifier)
        {
            var matches = FindRooms(identifier, allowWildcards: false).Take(21).ToList();
            if (matches.Count > 1)
                throw new IvsChatResolutionException(IvsChatErrorIds.RoomNameAmbiguous, ErrorCategory.InvalidArgument,
                    "The name '" + identifier + "' matches " + (matches.Count > 20 ? "more than 20" : matches.Count.ToString()) +
                    " rooms; use an ARN or id: " + string.Join(", ", matches.Take(20).Select(m => m.Arn)) + ".");
            return matches[0];
        }

        /// <summary>Rooms as the service lists them (summaries), optionally filtered by exact name on the server.</summary>
        protected IEnumerable<RoomSummary> ListRoomSummaries(string? name, string? loggingConfigurationArn = null, string? messageReviewHandlerUri = null, int? pageSize = null) =>
            ListService("ListRooms", null, (c, ct) => c.ListRoomsPaginatedAsync(new ListRoomsRequest
            {
                Name = name,
                LoggingConfigurationIdentifier = loggingConfigurationArn,
                MessageReviewHandlerUri = messageReviewHandlerUri,
                MaxResults = pageSize,
            }, ct)).Select(ToObject.RoomSummary);

        /// <summary>Logging configurations as the service lists them.</summary>
        protected IEnumerable<LoggingConfigurationSummary> ListLoggingConfigurationSummaries(int? pageSize = null) =>
            ListService("ListLoggingConfigurations", null, (c, ct) => c.ListLoggingConfigurationsPaginatedAsync(
                new ListLoggingConfigurationsRequest { MaxResults = pageSize }, ct)).Select(ToObject.LoggingConfigurationSummary);

        /// <summary>Every logging configuration matching <paramref name="identifier"/> (ARN, id, or name with optional wildcards).</summary>
        protected IEnumerable<LoggingConfigurationSummary> FindLoggingConfigurations(string identifier, bool allowWildcards)
        {
            if (Arn.LooksLikeArn(identifier))
            {
                var config = CallService("GetLoggingConfiguration", identifier, (c, ct) =>
                    c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = identifier }, ct));
                yield return ToObject.LoggingConfiguration(config);
                yield break;
            }
            if (allowWildcards && WildcardPattern.ContainsWildcardCharacters(identifier))
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

        /// <summary>The one logging configuration <paramref name="identifier"/> names.</summary>
        protected LoggingConfigurationSummary ResolveLoggingConfiguration(string identifier)
        {
            var matches = FindLoggingConfigurations(identifier, allowWildcards: false).ToList();
            if (matches.Count > 1)
                throw new IvsChatResolutionException(IvsChatErrorIds.LoggingConfigurationNameAmbiguous, ErrorCategory.InvalidArgument,
                    "The name '" + identifier + "' matches " + matches.Count + " logging configurations; use an ARN or id: " +
                    string.Join(", ", matches.Select(m => m.Arn)) + ".");
            return matches[0];
        }

        /// <summary>The ARN of the one logging configuration <paramref name="identifier"/> names (an ARN is returned as given).</summary>
        protected string ResolveLoggingConfigurationArn(string identifier) =>
            Arn.LooksLikeArn(identifier) ? identifier : ResolveLoggingConfiguration(identifier).Arn;

        /// <summary>The ARN of the one taggable resource (room or logging configuration) <paramref name="identifier"/> names.</summary>
        protected string ResolveResourceArn(string identifier)
        {
            if (Arn.LooksLikeArn(identifier)) return identifier;
            var matches = new List<string>();
            foreach (var r in TryFind(() => FindRooms(identifier, false).Take(21).ToList())) matches.Add(r.Arn);
            foreach (var c in TryFind(() => FindLoggingConfigurations(identifier, false).ToList())) matches.Add(c.Arn);
            if (matches.Count == 0)
                throw new IvsChatResolutionException(IvsChatErrorIds.ResourceNotFound, ErrorCategory.ObjectNotFound,
                    "No room or logging configuration has the ARN, id or name '" + identifier + "'.");
            if (matches.Count > 1)
                throw new IvsChatResolutionException(IvsChatErrorIds.ResourceNameAmbiguous, ErrorCategory.InvalidArgument,
                    "The name '" + identifier + "' matches " + matches.Count + " resources; use an ARN or id: " + string.Join(", ", matches) + ".");
            return matches[0];
        }

        private static IEnumerable<T> TryFind<T>(Func<List<T>> find)
        {
            try { return find(); }
            catch (IvsChatResolutionException ex) when (ex.Category == ErrorCategory.ObjectNotFound) { return Array.Empty<T>(); }
        }
    }
}
