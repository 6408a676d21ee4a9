using System;
using System.Collections.Generic;

namespace IvsChat;

/// <summary>What rooms and logging configurations share: an ARN (with its region) and tags.</summary>
public abstract class IvsChatResource
{
    public string Arn { get; set; } = "";
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
    public Dictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>The region in the ARN, so the next cmdlet in a pipeline talks to the same region.</summary>
    public string Region { get; set; } = "";

    /// <summary>The ARN: unambiguous when the object is turned into a string (e.g. bound to -Identifier).</summary>
    public override string ToString() => Arn;
}

/// <summary>A room as GetRoom returns it, with every setting (see <see cref="RoomSummary"/> for listings).</summary>
public sealed class Room : RoomSummary
{
    public int? MaximumMessageRatePerSecond { get; set; }
    public int? MaximumMessageLength { get; set; }
}

/// <summary>A logging configuration as GetLoggingConfiguration returns it (see <see cref="LoggingConfigurationSummary"/> for listings).</summary>
public sealed class LoggingConfiguration : LoggingConfigurationSummary
{
}

/// <summary>One tag of one resource, so tags can be filtered and piped to Remove-IvsChatTag.</summary>
public sealed class Tag
{
    public string ResourceArn { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public string Region { get; set; } = "";
    public override string ToString() => Key + "=" + Value;
}

/// <summary>A chat token for one user in one room. The token is a bearer secret: ToString and the default
/// views never show it.</summary>
public sealed class ChatToken
{
    /// <summary>Hidden from formatting and Get-Member (read it as .Token): a bearer secret.</summary>
    [System.Management.Automation.Hidden]
    public string Token { get; set; } = "";
    public DateTime? TokenExpirationTime { get; set; }
    public DateTime? SessionExpirationTime { get; set; }
    public string RoomArn { get; set; } = "";
    public string UserId { get; set; } = "";
    public string[] Capabilities { get; set; } = Array.Empty<string>();
    public string Region { get; set; } = "";
    public override string ToString() => "ChatToken for " + RoomArn + " (token redacted, expires " +
        (TokenExpirationTime?.ToString("u") ?? "unknown") + ")";
}

/// <summary>An event sent to a room with Send-IvsChatEvent.</summary>
public sealed class Event
{
    public string Id { get; set; } = "";
    public string RoomArn { get; set; } = "";
    public string EventName { get; set; } = "";
    public Dictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public string Region { get; set; } = "";
}

/// <summary>A message deleted with Remove-IvsChatMessage -PassThru.</summary>
public sealed class MessageDeletion
{
    public string RoomArn { get; set; } = "";
    public string MessageId { get; set; } = "";
    /// <summary>The id of the aws:DELETE_MESSAGE event the service sent to the room.</summary>
    public string EventId { get; set; } = "";
    public string? Reason { get; set; }
    public string Region { get; set; } = "";
}

/// <summary>A user disconnected with Disconnect-IvsChatUser -PassThru.</summary>
public sealed class UserDisconnection
{
    public string RoomArn { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? Reason { get; set; }
    public string Region { get; set; } = "";
}
