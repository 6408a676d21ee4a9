using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Messaging;
using IvsChat.Emulator.State;
using IvsChat.Emulator.Tokens;
using Microsoft.AspNetCore.Http.Features;

namespace IvsChat.Emulator.Api;

/// <summary>The JSON shapes of rooms, logging configurations and tags, as the service writes them.</summary>
public sealed partial class ControlPlaneApi
{
    private static JsonObject TagsJson(ImmutableDictionary<string, string> tags)
    {
        var o = new JsonObject();
        foreach (var (k, v) in tags.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o[k] = v;
        return o;
    }

    private static JsonArray ArnsJson(ImmutableArray<string> arns)
    {
        var a = new JsonArray();
        foreach (string s in arns) a.Add(s);
        return a;
    }

    private static JsonObject RoomJson(Room room)
    {
        var o = new JsonObject
        {
            ["arn"] = room.Arn,
            ["id"] = room.Id,
            ["name"] = room.Name,
            ["createTime"] = AwsJson.Time(room.CreateTime),
            ["updateTime"] = AwsJson.Time(room.UpdateTime),
            ["maximumMessageRatePerSecond"] = room.MaximumMessageRatePerSecond,
            ["maximumMessageLength"] = room.MaximumMessageLength,
        };
        if (room.MessageReviewHandler is { } h) o["messageReviewHandler"] = HandlerJson(h);
        o["tags"] = TagsJson(room.Tags);
        o["loggingConfigurationIdentifiers"] = ArnsJson(room.LoggingConfigurationIdentifiers);
        return o;
    }

    private static JsonObject RoomSummaryJson(Room room)
    {
        var o = new JsonObject
        {
            ["arn"] = room.Arn,
            ["id"] = room.Id,
            ["name"] = room.Name,
            ["createTime"] = AwsJson.Time(room.CreateTime),
            ["updateTime"] = AwsJson.Time(room.UpdateTime),
        };
        if (room.MessageReviewHandler is { } h) o["messageReviewHandler"] = HandlerJson(h);
        o["tags"] = TagsJson(room.Tags);
        o["loggingConfigurationIdentifiers"] = ArnsJson(room.LoggingConfigurationIdentifiers);
        return o;
    }

    private static JsonObject HandlerJson(ReviewHandler h) => new() { ["uri"] = h.Uri, ["fallbackResult"] = h.FallbackResult };

    private static JsonObject LoggingConfigurationJson(LoggingConfiguration c) => new()
    {
        ["arn"] = c.Arn,
        ["id"] = c.Id,
        ["createTime"] = AwsJson.Time(c.CreateTime),
        ["updateTime"] = AwsJson.Time(c.UpdateTime),
        ["name"] = c.Name,
        ["destinationConfiguration"] = new JsonObject
        {
            [c.Destination.Kind] = new JsonObject
            {
                [c.Destination.Kind switch { "s3" => "bucketName", "cloudWatchLogs" => "logGroupName", _ => "deliveryStreamName" }] = c.Destination.Value,
            },
        },
        ["state"] = c.State,
        ["tags"] = TagsJson(c.Tags),
    };
}
