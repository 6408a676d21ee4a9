using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace IvsChat.Cmdlets
{
    /// <summary>Parameter-set names shared by the cmdlets.</summary>
    public static class ParameterSets
    {
        public const string InputObject = "InputObject";
        public const string Identifier = "Identifier";
        public const string Name = "Name";
        public const string S3 = "S3";
        public const string CloudWatchLogs = "CloudWatchLogs";
        public const string Firehose = "Firehose";
    }

    public abstract partial class IvsChatCmdlet
    {
        /// <summary>Runs <paramref name="act"/> for the room given as an object or as ARN/id/name strings (each
        /// resolved to exactly one room); every failure is reported against its own input item.</summary>
        /// <param name="act">Receives the room's ARN, its name when known, and the input item.</param>
        protected void ForEachRoom(RoomSummary? room, IEnumerable<string>? identifiers, Action<string, string?, object> act)
        {
            if (room != null) ForItem(room, () => act(room.Arn, room.Name, room));
            if (identifiers != null)
                foreach (var id in identifiers)
                    ForItem(id, () =>
                    {
                        if (Internal.Arn.LooksLikeArn(id)) { act(id, null, id); return; }
                        var room = ResolveRoom(id);
                        act(room.Arn, room.Name, id);
                    });
        }

        /// <summary>As <see cref="ForEachRoom"/>, for logging configurations.</summary>
        protected void ForEachLoggingConfiguration(LoggingConfigurationSummary? config, IEnumerable<string>? identifiers, Action<string, string?, object> act)
        {
            if (config != null) ForItem(config, () => act(config.Arn, config.Name, config));
            if (identifiers != null)
                foreach (var id in identifiers)
                    ForItem(id, () =>
                    {
                        if (Internal.Arn.LooksLikeArn(id)) { act(id, null, id); return; }
                        var config = ResolveLoggingConfiguration(id);
                        act(config.Arn, config.Name, id);
                    });
        }

        /// <summary>As <see cref="ForEachRoom"/>, for any taggable resource (room or logging configuration).</summary>
        protected void ForEachResource(IvsChatResource? resource, IEnumerable<string>? identifiers, Action<string, object> act)
        {
            if (resource != null) ForItem(resource, () => act(resource.Arn, resource));
            if (identifiers != null)
                foreach (var id in identifiers)
                    ForItem(id, () => act(ResolveResourceArn(id), id));
        }

        /// <summary>A hashtable from the command line as the string map the service takes.</summary>
        protected static Dictionary<string, string> ToStringMap(IDictionary? table)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (table == null) return map;
            foreach (DictionaryEntry e in table)
            {
                var value = e.Value is PSObject p ? p.BaseObject : e.Value;
                map[e.Key?.ToString() ?? ""] = value == null ? "" : LanguagePrimitives.ConvertTo<string>(value);
            }
            return map;
        }

        /// <summary>Describes a room for -WhatIf/-Confirm.</summary>
        protected static string DescribeRoom(string arn, string? name) => Describe("room", name, arn);

        /// <summary>Describes a logging configuration for -WhatIf/-Confirm.</summary>
        protected static string DescribeLoggingConfiguration(string arn, string? name) => Describe("logging configuration", name, arn);
    }
}
