using System;
using System.Collections.Generic;

// Request/response shapes of the IVS Chat control plane (API 2020-07-14), named as in AWS's generated SDK so
// that an adapter over AWSSDK.Ivschat stays possible. Enum-typed members are strings: the service may add
// values, and an unknown value must survive a round trip (see the *Values classes for the known ones).
// Each member is documented by the service model it mirrors (reference/model/ivschat-2020-07-14.service-2.json).
#pragma warning disable CS1591
namespace IvsChat.Client.Model;

public static class ChatTokenCapabilityValues
{
    public const string SendMessage = "SEND_MESSAGE";
    public const string DisconnectUser = "DISCONNECT_USER";
    public const string DeleteMessage = "DELETE_MESSAGE";
    public static readonly IReadOnlyList<string> All = new[] { SendMessage, DisconnectUser, DeleteMessage };
}

public static class FallbackResultValues
{
    public const string Allow = "ALLOW";
    public const string Deny = "DENY";
}

public static class LoggingConfigurationStateValues
{
    public const string Creating = "CREATING";
    public const string CreateFailed = "CREATE_FAILED";
    public const string Deleting = "DELETING";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string Updating = "UPDATING";
    public const string UpdateFailed = "UPDATE_FAILED";
    public const string Active = "ACTIVE";
}

/// <summary>What every response carries besides its members.</summary>
public abstract class IvsChatResponse
{
    public string? RequestId { get; set; }
    public int HttpStatusCode { get; set; }
}

public sealed class MessageReviewHandler
{
    /// <summary>Lambda ARN; the empty string removes the handler on UpdateRoom.</summary>
    public string? Uri { get; set; }
    public string? FallbackResult { get; set; }
}

public sealed class S3DestinationConfiguration { public string? BucketName { get; set; } }
public sealed class CloudWatchLogsDestinationConfiguration { public string? LogGroupName { get; set; } }
public sealed class FirehoseDestinationConfiguration { public string? DeliveryStreamName { get; set; } }

public sealed class DestinationConfiguration
{
    public S3DestinationConfiguration? S3 { get; set; }
    public CloudWatchLogsDestinationConfiguration? CloudWatchLogs { get; set; }
    public FirehoseDestinationConfiguration? Firehose { get; set; }
}

// ---- rooms ----

/// <summary>The members shared by CreateRoom, GetRoom and UpdateRoom responses.</summary>
public abstract class RoomDescription : IvsChatResponse
{
    public string? Arn { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
    public int? MaximumMessageRatePerSecond { get; set; }
    public int? MaximumMessageLength { get; set; }
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}

public sealed class CreateRoomRequest
{
    public string? Name { get; set; }
    public int? MaximumMessageRatePerSecond { get; set; }
    public int? MaximumMessageLength { get; set; }
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}
public sealed class CreateRoomResponse : RoomDescription { }

public sealed class GetRoomRequest { public string? Identifier { get; set; } }
public sealed class GetRoomResponse : RoomDescription { }

public sealed class UpdateRoomRequest
{
    public string? Identifier { get; set; }
    public string? Name { get; set; }
    public int? MaximumMessageRatePerSecond { get; set; }
    public int? MaximumMessageLength { get; set; }
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}
public sealed class UpdateRoomResponse : RoomDescription { }

public sealed class DeleteRoomRequest { public string? Identifier { get; set; } }
public sealed class DeleteRoomResponse : IvsChatResponse { }

public sealed class ListRoomsRequest
{
    public string? Name { get; set; }
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
    public string? MessageReviewHandlerUri { get; set; }
    public string? LoggingConfigurationIdentifier { get; set; }
}

public sealed class RoomSummary
{
    public string? Arn { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}

public sealed class ListRoomsResponse : IvsChatResponse
{
    public List<RoomSummary> Rooms { get; set; } = new List<RoomSummary>();
    public string? NextToken { get; set; }
}

// ---- logging configurations ----

/// <summary>The members shared by Create/Get/UpdateLoggingConfiguration responses.</summary>
public abstract class LoggingConfigurationDescription : IvsChatResponse
{
    public string? Arn { get; set; }
    public string? Id { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
    public string? Name { get; set; }
    public DestinationConfiguration? DestinationConfiguration { get; set; }
    public string? State { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
}

public sealed class CreateLoggingConfigurationRequest
{
    public string? Name { get; set; }
    public DestinationConfiguration? DestinationConfiguration { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
}
public sealed class CreateLoggingConfigurationResponse : LoggingConfigurationDescription { }

public sealed class GetLoggingConfigurationRequest { public string? Identifier { get; set; } }
public sealed class GetLoggingConfigurationResponse : LoggingConfigurationDescription { }

public sealed class UpdateLoggingConfigurationRequest
{
    public string? Identifier { get; set; }
    public string? Name { get; set; }
    public DestinationConfiguration? DestinationConfiguration { get; set; }
}
public sealed class UpdateLoggingConfigurationResponse : LoggingConfigurationDescription { }

public sealed class DeleteLoggingConfigurationRequest { public string? Identifier { get; set; } }
public sealed class DeleteLoggingConfigurationResponse : IvsChatResponse { }

public sealed class ListLoggingConfigurationsRequest
{
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
}

public sealed class LoggingConfigurationSummary
{
    public string? Arn { get; set; }
    public string? Id { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
    public string? Name { get; set; }
    public DestinationConfiguration? DestinationConfiguration { get; set; }
    public string? State { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
}

public sealed class ListLoggingConfigurationsResponse : IvsChatResponse
{
    public List<LoggingConfigurationSummary> LoggingConfigurations { get; set; } = new List<LoggingConfigurationSummary>();
    public string? NextToken { get; set; }
}

// ---- tokens, moderation, events ----

public sealed class CreateChatTokenRequest
{
    public string? RoomIdentifier { get; set; }
    public string? UserId { get; set; }
    public List<string>? Capabilities { get; set; }
    public int? SessionDurationInMinutes { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
}

public sealed class CreateChatTokenResponse : IvsChatResponse
{
    public string? Token { get; set; }
    public DateTime? TokenExpirationTime { get; set; }
    public DateTime? SessionExpirationTime { get; set; }
    /// <summary>Never prints the token.</summary>
    public override string ToString() => "CreateChatTokenResponse (token redacted)";
}

public sealed class DeleteMessageRequest
{
    public string? RoomIdentifier { get; set; }
    public string? Id { get; set; }
    public string? Reason { get; set; }
}
public sealed class DeleteMessageResponse : IvsChatResponse { public string? Id { get; set; } }

public sealed class DisconnectUserRequest
{
    public string? RoomIdentifier { get; set; }
    public string? UserId { get; set; }
    public string? Reason { get; set; }
}
public sealed class DisconnectUserResponse : IvsChatResponse { }

public sealed class SendEventRequest
{
    public string? RoomIdentifier { get; set; }
    public string? EventName { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
}
public sealed class SendEventResponse : IvsChatResponse { public string? Id { get; set; } }

// ---- tags ----

public sealed class TagResourceRequest
{
    public string? ResourceArn { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
}
public sealed class TagResourceResponse : IvsChatResponse { }

public sealed class UntagResourceRequest
{
    public string? ResourceArn { get; set; }
    public List<string>? TagKeys { get; set; }
}
public sealed class UntagResourceResponse : IvsChatResponse { }

public sealed class ListTagsForResourceRequest { public string? ResourceArn { get; set; } }
public sealed class ListTagsForResourceResponse : IvsChatResponse
{
    public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
}
