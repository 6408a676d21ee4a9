using System;
using System.Collections.Generic;
using System.Linq;
using IvsChat.Client.Model;

namespace IvsChat.Internal;

/// <summary>Client shapes to pipeline objects: UTC timestamps, tags as dictionaries, region from the ARN.</summary>
internal static class ToObject
{
    public static Room Room(RoomDescription r)
    {
        var room = RoomSettings(new Room(), r.Arn, r.Id, r.Name, r.CreateTime, r.UpdateTime, r.Tags, r.MessageReviewHandler, r.LoggingConfigurationIdentifiers);
        room.MaximumMessageRatePerSecond = r.MaximumMessageRatePerSecond;
        room.MaximumMessageLength = r.MaximumMessageLength;
        return room;
    }

    public static RoomSummary RoomSummary(Client.Model.RoomSummary r) =>
        RoomSettings(new RoomSummary(), r.Arn, r.Id, r.Name, r.CreateTime, r.UpdateTime, r.Tags, r.MessageReviewHandler, r.LoggingConfigurationIdentifiers);

    private static T RoomSettings<T>(T room, string? arn, string? id, string? name, DateTime? created, DateTime? updated, Dictionary<string, string>? tags,
        MessageReviewHandler? handler, List<string>? loggingConfigurationIdentifiers) where T : RoomSummary
    {
        Base(room, arn, id, name, created, updated, tags);
        room.MessageReviewHandlerUri = NullIfEmpty(handler?.Uri);
        room.MessageReviewHandlerFallbackResult = handler?.FallbackResult;
        room.LoggingConfigurationIdentifiers = loggingConfigurationIdentifiers?.ToArray() ?? Array.Empty<string>();
        return room;
    }

    public static LoggingConfiguration LoggingConfiguration(LoggingConfigurationDescription c) =>
        Destination(Base(new LoggingConfiguration(), c.Arn, c.Id, c.Name, c.CreateTime, c.UpdateTime, c.Tags), c.State, c.DestinationConfiguration);

    public static LoggingConfigurationSummary LoggingConfigurationSummary(Client.Model.LoggingConfigurationSummary c) =>
        Destination(Base(new LoggingConfigurationSummary(), c.Arn, c.Id, c.Name, c.CreateTime, c.UpdateTime, c.Tags), c.State, c.DestinationConfiguration);

    private static T Destination<T>(T config, string? state, DestinationConfiguration? d) where T : LoggingConfigurationSummary
    {
        config.State = state;
        config.S3BucketName = d?.S3?.BucketName;
        config.LogGroupName = d?.CloudWatchLogs?.LogGroupName;
        config.DeliveryStreamName = d?.Firehose?.DeliveryStreamName;
        if (config.S3BucketName != null) { config.DestinationType = "S3"; config.Destination = config.S3BucketName; }
        else if (config.LogGroupName != null) { config.DestinationType = "CloudWatchLogs"; config.Destination = config.LogGroupName; }
        else if (config.DeliveryStreamName != null) { config.DestinationType = "Firehose"; config.Destination = config.DeliveryStreamName; }
        return config;
    }

    private static T Base<T>(T o, string? arn, string? id, string? name, DateTime? created, DateTime? updated, Dictionary<string, string>? tags)
        where T : IvsChatResource
    {
        o.Arn = arn ?? "";
        o.Id = id ?? "";
        o.Name = name ?? "";
        o.CreateTime = Utc(created);
        o.UpdateTime = Utc(updated);
        o.Tags = tags != null ? new Dictionary<string, string>(tags, StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
        o.Region = Arn.RegionOf(arn);
        return o;
    }

    public static DateTime? Utc(DateTime? t) => t is DateTime v
        ? (v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc))
        : (DateTime?)null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
