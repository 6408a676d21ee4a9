using System;

namespace IvsChat;

/// <summary>A room as ListRooms returns it: no message limits (the listing does not return them). Get-IvsChatRoom
/// -Detailed, or piping summaries into Get-IvsChatRoom, gives the full IvsChat.Room. Cmdlets that act on a room
/// accept both (a Room is a RoomSummary with the limits).</summary>
public class RoomSummary : IvsChatResource
{
    public string? MessageReviewHandlerUri { get; set; }
    public string? MessageReviewHandlerFallbackResult { get; set; }
    public string[] LoggingConfigurationIdentifiers { get; set; } = Array.Empty<string>();
}

/// <summary>A logging configuration as ListLoggingConfigurations returns it. Get-IvsChatLoggingConfiguration
/// -Detailed, or piping summaries into it, gives the full IvsChat.LoggingConfiguration (GetLoggingConfiguration).</summary>
public class LoggingConfigurationSummary : IvsChatResource
{
    public string? State { get; set; }
    /// <summary>S3, CloudWatchLogs or Firehose.</summary>
    public string? DestinationType { get; set; }
    /// <summary>The bucket, log group or delivery stream name.</summary>
    public string? Destination { get; set; }
    public string? S3BucketName { get; set; }
    public string? LogGroupName { get; set; }
    public string? DeliveryStreamName { get; set; }
}
