using System;
using System.Collections.Generic;
using System.Linq;
using IvsChat.Client.Model;

namespace IvsChat.Configuration;

/// <summary>Turns planned changes into the service requests that make them, one request per operation and
/// resource (a room's property updates go in one UpdateRoom, its new tags in one TagResource).</summary>
public static class ConfigurationRequests
{
    public static DestinationConfiguration Destination(string type, string name)
    {
        switch (type)
        {
            case "s3": return new DestinationConfiguration { S3 = new S3DestinationConfiguration { BucketName = name } };
            case "cloudWatchLogs": return new DestinationConfiguration { CloudWatchLogs = new CloudWatchLogsDestinationConfiguration { LogGroupName = name } };
            default: return new DestinationConfiguration { Firehose = new FirehoseDestinationConfiguration { DeliveryStreamName = name } };
        }
    }

    public static CreateLoggingConfigurationRequest Create(LoggingConfigurationDefinition c) => new CreateLoggingConfigurationRequest
    {
        Name = c.Name,
        DestinationConfiguration = Destination(c.DestinationType, c.Destination),
        Tags = c.Tags.Count > 0 ? new Dictionary<string, string>(c.Tags) : null,
    };

    /// <param name="loggingConfigurationArns">The room's logging configurations, resolved from their names.</param>
    public static CreateRoomRequest Create(RoomDefinition r, List<string> loggingConfigurationArns) => new CreateRoomRequest
    {
        Name = r.Name,
        MaximumMessageRatePerSecond = r.MaximumMessageRatePerSecond,
        MaximumMessageLength = r.MaximumMessageLength,
        MessageReviewHandler = r.MessageReviewHandlerUri == null ? null
            : new MessageReviewHandler { Uri = r.MessageReviewHandlerUri, FallbackResult = r.MessageReviewHandlerFallbackResult },
        Tags = r.Tags.Count > 0 ? new Dictionary<string, string>(r.Tags) : null,
        LoggingConfigurationIdentifiers = loggingConfigurationArns.Count > 0 ? loggingConfigurationArns : null,
    };

    /// <summary>One UpdateRoom carrying every approved property change (null: nothing to update).</summary>
    public static UpdateRoomRequest? UpdateRoom(string arn, RoomDefinition r, IReadOnlyCollection<ConfigurationChange> updates,
        Func<List<string>> loggingConfigurationArns)
    {
        if (updates.Count == 0) return null;
        bool Has(string property) => updates.Any(u => u.Property == property);
        var request = new UpdateRoomRequest { Identifier = arn };
        if (Has("MaximumMessageRatePerSecond")) request.MaximumMessageRatePerSecond = r.MaximumMessageRatePerSecond;
        if (Has("MaximumMessageLength")) request.MaximumMessageLength = r.MaximumMessageLength;
        if (Has("MessageReviewHandlerUri") || Has("MessageReviewHandlerFallbackResult"))
            request.MessageReviewHandler = new MessageReviewHandler
            {
                Uri = r.MessageReviewHandlerUri ?? "",
                FallbackResult = r.MessageReviewHandlerUri == null ? null : r.MessageReviewHandlerFallbackResult,
            };
        if (Has("LoggingConfigurations")) request.LoggingConfigurationIdentifiers = loggingConfigurationArns();
        return request;
    }

    public static UpdateLoggingConfigurationRequest? UpdateLoggingConfiguration(string arn, LoggingConfigurationDefinition c,
        IReadOnlyCollection<ConfigurationChange> updates) =>
        updates.Count == 0 ? null : new UpdateLoggingConfigurationRequest
        {
            Identifier = arn,
            DestinationConfiguration = Destination(c.DestinationType, c.Destination),
        };

    public static TagResourceRequest? Tag(string arn, IReadOnlyCollection<ConfigurationChange> tags) =>
        tags.Count == 0 ? null : new TagResourceRequest
        {
            ResourceArn = arn,
            Tags = tags.ToDictionary(t => TagKey(t), t => (string)t.Desired!, StringComparer.Ordinal),
        };

    public static UntagResourceRequest? Untag(string arn, IReadOnlyCollection<ConfigurationChange> tags) =>
        tags.Count == 0 ? null : new UntagResourceRequest { ResourceArn = arn, TagKeys = tags.Select(TagKey).ToList() };

    private static string TagKey(ConfigurationChange change) => change.Property.Substring("Tags.".Length);
}
