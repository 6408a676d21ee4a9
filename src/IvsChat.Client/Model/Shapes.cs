using System;
using System.Collections.Generic;

// Request/response shapes of the IVS Chat control plane (API 2020-07-14), named as in AWS's generated SDK so
// that an adapter over AWSSDK.Ivschat stays possible. Enum-typed members are strings: the service may add
// values, and an unknown value must survive a round trip (see the *Values classes for the known ones).
// Member docs paraphrase the service model (reference/model/ivschat-2020-07-14.service-2.json), limits included.
// This file: the shared shapes, tokens, moderation, events and tags; RoomShapes.cs and
// LoggingConfigurationShapes.cs: the two resources.
namespace IvsChat.Client.Model;

/// <summary>The known values of <see cref="CreateChatTokenRequest.Capabilities"/> (viewing messages needs none).</summary>
public static class ChatTokenCapabilityValues
{
    /// <summary>The user may send messages to the room.</summary>
    public const string SendMessage = "SEND_MESSAGE";
    /// <summary>The user may disconnect other users from the room.</summary>
    public const string DisconnectUser = "DISCONNECT_USER";
    /// <summary>The user may delete messages in the room.</summary>
    public const string DeleteMessage = "DELETE_MESSAGE";
    /// <summary>Every known capability.</summary>
    public static readonly IReadOnlyList<string> All = Array.AsReadOnly(new[] { SendMessage, DisconnectUser, DeleteMessage });
}

/// <summary>The known values of <see cref="MessageReviewHandler.FallbackResult"/>.</summary>
public static class FallbackResultValues
{
    /// <summary>Deliver the message as sent (the service's default).</summary>
    public const string Allow = "ALLOW";
    /// <summary>Deliver the message to no one.</summary>
    public const string Deny = "DENY";
}

/// <summary>The known values of a logging configuration's State.</summary>
public static class LoggingConfigurationStateValues
{
    /// <summary>Being created.</summary>
    public const string Creating = "CREATING";
    /// <summary>Creation failed.</summary>
    public const string CreateFailed = "CREATE_FAILED";
    /// <summary>Being deleted.</summary>
    public const string Deleting = "DELETING";
    /// <summary>Deletion failed.</summary>
    public const string DeleteFailed = "DELETE_FAILED";
    /// <summary>Being updated.</summary>
    public const string Updating = "UPDATING";
    /// <summary>The last update failed.</summary>
    public const string UpdateFailed = "UPDATE_FAILED";
    /// <summary>Ready to log chat content.</summary>
    public const string Active = "ACTIVE";
}

/// <summary>What every response carries besides its members.</summary>
public abstract class IvsChatResponse
{
    /// <summary>The service's id for the request (x-amzn-RequestId), for logs and AWS support.</summary>
    public string? RequestId { get; set; }
    /// <summary>The HTTP status of the answer: 200, or 204 for DeleteRoom and DeleteLoggingConfiguration.</summary>
    public int HttpStatusCode { get; set; }
}

/// <summary>Optional review of every message by an AWS Lambda function before the room gets it.</summary>
public sealed class MessageReviewHandler
{
    /// <summary>Lambda ARN; the empty string removes the handler on UpdateRoom.</summary>
    public string? Uri { get; set; }
    /// <summary>ALLOW (default) or DENY: what happens to a message when the handler fails, times out or answers
    /// invalidly (see <see cref="FallbackResultValues"/>).</summary>
    public string? FallbackResult { get; set; }
}

/// <summary>Chat logs stored in an Amazon S3 bucket.</summary>
public sealed class S3DestinationConfiguration
{
    /// <summary>Bucket name (3-63 characters: lowercase letters, digits, '-' and '.').</summary>
    public string? BucketName { get; set; }
}

/// <summary>Chat logs stored in an Amazon CloudWatch Logs log group.</summary>
public sealed class CloudWatchLogsDestinationConfiguration
{
    /// <summary>Log group name (1-512 characters).</summary>
    public string? LogGroupName { get; set; }
}

/// <summary>Chat logs sent to an Amazon Kinesis Data Firehose delivery stream.</summary>
public sealed class FirehoseDestinationConfiguration
{
    /// <summary>Delivery stream name (1-64 characters).</summary>
    public string? DeliveryStreamName { get; set; }
}

/// <summary>Where a logging configuration stores chat logs: exactly one member is set.</summary>
public sealed class DestinationConfiguration
{
    /// <summary>An S3 bucket.</summary>
    public S3DestinationConfiguration? S3 { get; set; }
    /// <summary>A CloudWatch Logs log group.</summary>
    public CloudWatchLogsDestinationConfiguration? CloudWatchLogs { get; set; }
    /// <summary>A Kinesis Data Firehose delivery stream.</summary>
    public FirehoseDestinationConfiguration? Firehose { get; set; }
}

// ---- tokens, moderation, events ----

/// <summary>CreateChatToken input: a token with which one user opens one connection to a room's messaging WebSocket.</summary>
public sealed class CreateChatTokenRequest
{
    /// <summary>ARN of the room the token is for (required).</summary>
    public string? RoomIdentifier { get; set; }
    /// <summary>The application's id of the user (required; 1-128 characters of any UTF-8 text). Never logged.</summary>
    public string? UserId { get; set; }
    /// <summary>What the user may do besides viewing messages (see <see cref="ChatTokenCapabilityValues"/>); none by default.</summary>
    public List<string>? Capabilities { get; set; }
    /// <summary>How long the session opened with the token lasts, 1-180 minutes (default 60).</summary>
    public int? SessionDurationInMinutes { get; set; }
    /// <summary>Application data attached to the session and to each of the user's messages (1 KB in all). Never logged.</summary>
    public Dictionary<string, string>? Attributes { get; set; }
}

/// <summary>CreateChatToken output.</summary>
public sealed class CreateChatTokenResponse : IvsChatResponse
{
    /// <summary>The encrypted token, a secret: the chat client sends it as the WebSocket subprotocol.</summary>
    public string? Token { get; set; }
    /// <summary>After this time (UTC) the token can no longer open a connection.</summary>
    public DateTime? TokenExpirationTime { get; set; }
    /// <summary>After this time (UTC) the session opened with the token ends.</summary>
    public DateTime? SessionExpirationTime { get; set; }
    /// <summary>Never prints the token.</summary>
    public override string ToString() => "CreateChatTokenResponse (token redacted)";
}

/// <summary>DeleteMessage input: tells the room's clients to remove a message (an aws:DELETE_MESSAGE event).</summary>
public sealed class DeleteMessageRequest
{
    /// <summary>ARN of the room the message was sent to (required).</summary>
    public string? RoomIdentifier { get; set; }
    /// <summary>Id of the message, as received in its MESSAGE frame (required; 12 characters).</summary>
    public string? Id { get; set; }
    /// <summary>Why the message is deleted, passed on to the clients (1-256 characters).</summary>
    public string? Reason { get; set; }
}

/// <summary>DeleteMessage output.</summary>
public sealed class DeleteMessageResponse : IvsChatResponse
{
    /// <summary>The service's id for the operation (12 characters).</summary>
    public string? Id { get; set; }
}

/// <summary>DisconnectUser input: closes every connection of a user to a room.</summary>
public sealed class DisconnectUserRequest
{
    /// <summary>ARN of the room (required).</summary>
    public string? RoomIdentifier { get; set; }
    /// <summary>The user whose connections are closed (required; 1-128 characters). Never logged.</summary>
    public string? UserId { get; set; }
    /// <summary>Why the user is disconnected, passed on to the clients (1-256 characters).</summary>
    public string? Reason { get; set; }
}

/// <summary>DisconnectUser output (no members).</summary>
public sealed class DisconnectUserResponse : IvsChatResponse { }

/// <summary>SendEvent input: an application event delivered to every client of a room.</summary>
public sealed class SendEventRequest
{
    /// <summary>ARN of the room (required).</summary>
    public string? RoomIdentifier { get; set; }
    /// <summary>The application's name for the event (required; 1-100 characters).</summary>
    public string? EventName { get; set; }
    /// <summary>Application data sent with the event (1 KB in all).</summary>
    public Dictionary<string, string>? Attributes { get; set; }
}

/// <summary>SendEvent output.</summary>
public sealed class SendEventResponse : IvsChatResponse
{
    /// <summary>The event's id (12 characters), as the clients receive it.</summary>
    public string? Id { get; set; }
}

// ---- tags ----

/// <summary>TagResource input: adds tags to a room or logging configuration, or changes their values.</summary>
public sealed class TagResourceRequest
{
    /// <summary>ARN of the room or logging configuration (required).</summary>
    public string? ResourceArn { get; set; }
    /// <summary>Tags to set, key to value (required; at most 50 per resource, keys 1-128 and values 0-256 characters).</summary>
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>TagResource output (no members).</summary>
public sealed class TagResourceResponse : IvsChatResponse { }

/// <summary>UntagResource input: removes tags from a room or logging configuration.</summary>
public sealed class UntagResourceRequest
{
    /// <inheritdoc cref="TagResourceRequest.ResourceArn"/>
    public string? ResourceArn { get; set; }
    /// <summary>Keys of the tags to remove (required; at most 50).</summary>
    public List<string>? TagKeys { get; set; }
}

/// <summary>UntagResource output (no members).</summary>
public sealed class UntagResourceResponse : IvsChatResponse { }

/// <summary>ListTagsForResource input.</summary>
public sealed class ListTagsForResourceRequest
{
    /// <inheritdoc cref="TagResourceRequest.ResourceArn"/>
    public string? ResourceArn { get; set; }
}

/// <summary>ListTagsForResource output.</summary>
public sealed class ListTagsForResourceResponse : IvsChatResponse
{
    /// <summary>The resource's tags, key to value (at most 50).</summary>
    public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();
}
