using System;
using System.Collections.Generic;

// CS1591: documented once the parallel work on this file (retry strategy, transport, message objects) is merged.
#pragma warning disable CS1591
namespace IvsChat.Client.Messaging;

/// <summary>Anything the chat service sends on a connection: a ChatMessage, a ChatEvent or a ChatError.</summary>
public abstract class ChatItem
{
    /// <summary>The frame's unique id (12 characters).</summary>
    public string Id { get; internal set; } = "";
    /// <summary>The RequestId of the client request this answers, when there is one (any client's request).</summary>
    public string? RequestId { get; internal set; }
}

public sealed class ChatSender
{
    public ChatSender(string userId, IReadOnlyDictionary<string, string> attributes) { UserId = userId; Attributes = attributes; }
    public string UserId { get; }
    /// <summary>The attributes of the sender's chat token.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }
    public override string ToString() => UserId;
}

/// <summary>A MESSAGE frame: a chat message delivered to the room.</summary>
public sealed class ChatMessage : ChatItem
{
    public string Content { get; internal set; } = "";
    public IReadOnlyDictionary<string, string> Attributes { get; internal set; } = EmptyAttributes.Instance;
    public ChatSender Sender { get; internal set; } = new ChatSender("", EmptyAttributes.Instance);
    /// <summary>When the service sent it, UTC.</summary>
    public DateTime SendTime { get; internal set; }
    public override string ToString() => Content;
}

/// <summary>An EVENT frame: an application event (SendEvent) or aws:DELETE_MESSAGE / aws:DISCONNECT_USER.</summary>
public sealed class ChatEvent : ChatItem
{
    public const string DeleteMessageEventName = "aws:DELETE_MESSAGE";
    public const string DisconnectUserEventName = "aws:DISCONNECT_USER";

    public string EventName { get; internal set; } = "";
    public IReadOnlyDictionary<string, string> Attributes { get; internal set; } = EmptyAttributes.Instance;
    /// <summary>When the service sent it, UTC.</summary>
    public DateTime SendTime { get; internal set; }
    /// <summary>For aws:DELETE_MESSAGE: the deleted message's id (MessageID, or MessageId).</summary>
    public string? MessageId => Get("MessageID") ?? Get("MessageId");
    /// <summary>For aws:DISCONNECT_USER: the disconnected user.</summary>
    public string? UserId => EventName == DisconnectUserEventName ? Get("UserId") : null;
    /// <summary>For aws:* events: the moderator's reason, if given.</summary>
    public string? Reason => Get("Reason");
    public override string ToString() => EventName;
    private string? Get(string key) => Attributes.TryGetValue(key, out var v) ? v : null;
}

/// <summary>An ERROR frame. Codes: 400 bad request, 401 session expired, 403 missing capability, 404 no room,
/// 406 rejected by message review, 413 too large, 429 rate exceeded, 500 service error.</summary>
public sealed class ChatError : ChatItem
{
    public int ErrorCode { get; internal set; }
    public string ErrorMessage { get; internal set; } = "";
    public override string ToString() => $"{ErrorCode}: {ErrorMessage}";
}

internal static class EmptyAttributes
{
    public static readonly IReadOnlyDictionary<string, string> Instance = new Dictionary<string, string>();
}
