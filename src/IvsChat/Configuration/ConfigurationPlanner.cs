using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Configuration;

// The service's listing shapes (the module's IvsChat.RoomSummary types are what cmdlets write).
using LoggingConfigurationSummary = IvsChat.Client.Model.LoggingConfigurationSummary;
using RoomSummary = IvsChat.Client.Model.RoomSummary;

/// <summary>What one resource needs: created, changed (update/tag/untag) or deleted, with one change per difference.</summary>
public sealed class ResourcePlan
{
    internal ResourcePlan(string kind, string name, string? arn) { Kind = kind; Name = name; Arn = arn; }
    public string Kind { get; }
    public string Name { get; }
    /// <summary>The existing resource; null when it is to be created.</summary>
    public string? Arn { get; }
    public RoomDefinition? Room { get; internal set; }
    public LoggingConfigurationDefinition? LoggingConfiguration { get; internal set; }
    public List<ConfigurationChange> Changes { get; } = new List<ConfigurationChange>();
    /// <summary>Why this name cannot be planned (e.g. two existing rooms share it): one error; the rest go on.</summary>
    public Exception? Error { get; internal set; }
    public bool IsCreate => Changes.Count == 1 && Changes[0].Action == ConfigurationAction.Create;
    public bool IsDelete => Changes.Count == 1 && Changes[0].Action == ConfigurationAction.Delete;
}

/// <summary>Compares a configuration document with what exists in one region, one resource at a time, in the
/// order changes must be applied: logging configurations before the rooms that use them, deletions of rooms
/// before those of logging configurations. Lazy, so that a sync can apply each step while the next room is
/// read (GetRoom and the writes have separate quotas). Reads nothing itself: the caller lists the region and
/// supplies GetRoom (ListRooms lacks the message limits).</summary>
internal sealed class ConfigurationPlanner
{
    public const string RoomKind = "Room";
    public const string LoggingConfigurationKind = "LoggingConfiguration";

    private readonly string _region;
    private readonly IReadOnlyList<LoggingConfigurationSummary> _configs;
    private readonly IReadOnlyList<RoomSummary> _rooms;
    private readonly Func<string, RoomDescription> _getRoom;

    public ConfigurationPlanner(string region, IReadOnlyList<LoggingConfigurationSummary> loggingConfigurations,
        IReadOnlyList<RoomSummary> rooms, Func<string, RoomDescription> getRoom)
    {
        _region = region;
        _configs = loggingConfigurations;
        _rooms = rooms;
        _getRoom = getRoom;
    }

    /// <summary>How a room's logging configuration ARN appears in a document: its name when that is unique, else the ARN.</summary>
    public static Func<string, string> LoggingConfigurationNames(IReadOnlyList<LoggingConfigurationSummary> configs)
    {
        var unique = configs.Where(c => !string.IsNullOrEmpty(c.Name)).GroupBy(c => c.Name!, StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Single().Arn ?? "", g => g.Key, StringComparer.Ordinal);
        return arn => unique.TryGetValue(arn, out var name) ? name : arn;
    }

    /// <summary>The resources that differ (or cannot be planned, with Error set), in the order to apply them.</summary>
    public IEnumerable<ResourcePlan> Plan(ConfigurationDocument desired)
    {
        var configsByName = ByName(_configs, c => c.Name);
        var roomsByName = ByName(_rooms, r => r.Name);
        var nameOfConfig = LoggingConfigurationNames(_configs);

        foreach (var want in desired.LoggingConfigurations)
        {
            if (Ambiguous(LoggingConfigurationKind, want.Name, configsByName, IvsChatErrorIds.LoggingConfigurationNameAmbiguous, c => c.Arn,
                out var have) is { } problem)
            {
                yield return problem;
                continue;
            }
            var step = new ResourcePlan(LoggingConfigurationKind, want.Name, have?.Arn) { LoggingConfiguration = want };
            if (have == null) step.Changes.Add(Change(step, ConfigurationAction.Create, "", null, Describe(want)));
            else
            {
                var current = Destination(have.DestinationConfiguration);
                var wanted = want.DestinationType + ":" + want.Destination;
                if (current != wanted) step.Changes.Add(Change(step, ConfigurationAction.Update, "Destination", current, wanted));
                TagChanges(step, have.Tags, want.Tags);
            }
            if (step.Changes.Count > 0) yield return step;
        }

        foreach (var want in desired.Rooms)
        {
            if (Ambiguous(RoomKind, want.Name, roomsByName, IvsChatErrorIds.RoomNameAmbiguous, r => r.Arn, out var have) is { } problem)
            {
                yield return problem;
                continue;
            }
            var step = new ResourcePlan(RoomKind, want.Name, have?.Arn) { Room = want };
            if (have == null) step.Changes.Add(Change(step, ConfigurationAction.Create, "", null, Describe(want)));
            else
            {
                RoomDescription? full = null;
                try { full = _getRoom(have.Arn ?? ""); }
                catch (Exception ex) when (!(ex is PipelineStoppedException)) { step.Error = ex; }
                if (full != null) RoomChanges(step, full, want, nameOfConfig);
            }
            if (step.Changes.Count > 0 || step.Error != null) yield return step;
        }

        var roomNames = new HashSet<string>(desired.Rooms.Select(r => r.Name), StringComparer.Ordinal);
        foreach (var extra in _rooms.Where(r => !roomNames.Contains(r.Name ?? "")))
        {
            var step = new ResourcePlan(RoomKind, extra.Name ?? "", extra.Arn);
            step.Changes.Add(Change(step, ConfigurationAction.Delete, "", extra.Arn, null));
            yield return step;
        }
        var configNames = new HashSet<string>(desired.LoggingConfigurations.Select(c => c.Name), StringComparer.Ordinal);
        foreach (var extra in _configs.Where(c => !configNames.Contains(c.Name ?? "")))
        {
            var step = new ResourcePlan(LoggingConfigurationKind, extra.Name ?? "", extra.Arn);
            step.Changes.Add(Change(step, ConfigurationAction.Delete, "", extra.Arn, null));
            yield return step;
        }
    }

    private void RoomChanges(ResourcePlan step, RoomDescription have, RoomDefinition want, Func<string, string> nameOfConfig)
    {
        void Compare(string property, object? current, object? wanted)
        {
            if (!Equals(current, wanted)) step.Changes.Add(Change(step, ConfigurationAction.Update, property, current, wanted));
        }
        Compare("MaximumMessageRatePerSecond", have.MaximumMessageRatePerSecond, want.MaximumMessageRatePerSecond);
        Compare("MaximumMessageLength", have.MaximumMessageLength, want.MaximumMessageLength);
        var uri = string.IsNullOrEmpty(have.MessageReviewHandler?.Uri) ? null : have.MessageReviewHandler!.Uri;
        Compare("MessageReviewHandlerUri", uri, want.MessageReviewHandlerUri);
        if (want.MessageReviewHandlerUri != null)
            Compare("MessageReviewHandlerFallbackResult", uri == null ? null : have.MessageReviewHandler!.FallbackResult,
                want.MessageReviewHandlerFallbackResult);
        var current = (have.LoggingConfigurationIdentifiers ?? new List<string>()).Select(nameOfConfig).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var wanted = want.LoggingConfigurations.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        if (!current.SequenceEqual(wanted, StringComparer.Ordinal))
            step.Changes.Add(Change(step, ConfigurationAction.Update, "LoggingConfigurations", current, wanted));
        TagChanges(step, have.Tags, want.Tags);
    }

    private void TagChanges(ResourcePlan step, Dictionary<string, string>? have, SortedDictionary<string, string> want)
    {
        have = have ?? new Dictionary<string, string>();
        foreach (var t in want)
            if (!have.TryGetValue(t.Key, out var value) || value != t.Value)
                step.Changes.Add(Change(step, ConfigurationAction.Tag, "Tags." + t.Key, value, t.Value));
        foreach (var t in have.OrderBy(t => t.Key, StringComparer.Ordinal))
            if (!want.ContainsKey(t.Key))
                step.Changes.Add(Change(step, ConfigurationAction.Untag, "Tags." + t.Key, t.Value, null));
    }

    private ConfigurationChange Change(ResourcePlan step, ConfigurationAction action, string property, object? current, object? desired) =>
        new ConfigurationChange
        {
            Kind = step.Kind, Name = step.Name, Region = _region, Action = action, Property = property,
            Current = current, Desired = desired, Arn = step.Arn,
        };

    private static Dictionary<string, List<T>> ByName<T>(IEnumerable<T> items, Func<T, string?> name) =>
        items.Where(i => !string.IsNullOrEmpty(name(i))).GroupBy(i => name(i)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>A plan carrying the error when several existing resources have the name; else null and the match, if any.</summary>
    private static ResourcePlan? Ambiguous<T>(string kind, string name, Dictionary<string, List<T>> byName,
        string errorId, Func<T, string?> arn, out T? match) where T : class
    {
        match = null;
        if (!byName.TryGetValue(name, out var found)) return null;
        if (found.Count == 1) { match = found[0]; return null; }
        return new ResourcePlan(kind, name, null)
        {
            Error = new IvsChatResolutionException(errorId, ErrorCategory.InvalidResult,
                found.Count + " existing " + (kind == RoomKind ? "rooms" : "logging configurations") + " are named '" + name +
                "', so the file cannot say which one it describes; rename or remove all but one: " + string.Join(", ", found.Select(arn)) + "."),
        };
    }

    /// <summary>A destination as one comparable value, e.g. s3:my-bucket.</summary>
    public static string Destination(DestinationConfiguration? d) =>
        d?.S3 != null ? "s3:" + d.S3.BucketName
        : d?.CloudWatchLogs != null ? "cloudWatchLogs:" + d.CloudWatchLogs.LogGroupName
        : d?.Firehose != null ? "firehose:" + d.Firehose.DeliveryStreamName
        : "";

    private static string Describe(LoggingConfigurationDefinition c) =>
        c.DestinationType + ":" + c.Destination + Tags(c.Tags);

    private static string Describe(RoomDefinition r) =>
        "maximumMessageRatePerSecond=" + r.MaximumMessageRatePerSecond + ", maximumMessageLength=" + r.MaximumMessageLength +
        (r.MessageReviewHandlerUri != null ? ", messageReviewHandler=" + r.MessageReviewHandlerUri + " (" + r.MessageReviewHandlerFallbackResult + ")" : "") +
        (r.LoggingConfigurations.Count > 0 ? ", loggingConfigurations=[" + string.Join(", ", r.LoggingConfigurations) + "]" : "") + Tags(r.Tags);

    private static string Tags(SortedDictionary<string, string> tags) =>
        tags.Count == 0 ? "" : ", tags={" + string.Join(", ", tags.Select(t => t.Key + "=" + t.Value)) + "}";
}
