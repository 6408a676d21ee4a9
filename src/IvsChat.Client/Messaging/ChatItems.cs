using System;
using System.Collections.Generic;

namespace IvsChat.Client.Messaging;

/// <summary>Anything the chat service sends on a connection: a ChatMessage, a ChatEvent or a ChatError.</summary>
public abstract class ChatItem
{
    /// <summary>The frame's unique id (12 characters).</summary>
    public string Id { get; internal set; } = "";
    /// <summary>The RequestId of the client request this answers, when there is one (any client's request).</summary>
    public string? RequestId { get; internal set; }
}

/// <summary>Who sent a <see cref="ChatMessage"/>.</summary>
public sealed class ChatSender
{
    /// <summary>A sender with the user id and attributes of their chat token.</summary>
    public ChatSender(string userId, IReadOnlyDictionary<string, string> attributes) { UserId = userId; Attributes = attributes; }
    /// <summary>The user id their chat token was created for.</summary>
    public string UserId { get; }
    /// <summary>The attributes of the sender's chat token.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }
    /// <summary>The user id.</summary>
    public override string ToString() => UserId;
}

/// <summary>A MESSAGE frame: a chat message delivered to the room.</summary>
public sealed class ChatMessage : ChatItem
{
    /// <summary>The message text, as delivered (a review handler may have rewritten it).</summary>
    public string Content { get; internal set; } = "";
    /// <summary>The attributes the sender attached to the message.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; internal set; } = EmptyAttributes.Instance;
    /// <summary>Who sent it.</summary>
    public ChatSender Sender { get; internal set; } = new ChatSender("", EmptyAttributes.Instance);
    /// <summary>When the service sent it, UTC.</summary>
    public DateTime SendTime { get; internal set; }
    /// <summary>The content.</summary>
    public override string ToString() => Content;
}

/// <summary>An EVENT frame: an application event (SendEvent) or aws:DELETE_MESSAGE / aws:DISCONNECT_USER.</summary>
public sealed class ChatEvent : ChatItem
{
    /// <summary>The event the service sends when a message is deleted (DeleteMessage).</summary>
    public const string DeleteMessageEventName = "aws:DELETE_MESSAGE";
    /// <summary>The event the service sends when a user is disconnected (DisconnectUser).</summary>
    public const string DisconnectUserEventName = "aws:DISCONNECT_USER";

    /// <summary>The event's name: the application's (SendEvent) or one of the aws:* names above.</summary>
    public string EventName { get; internal set; } = "";
    /// <summary>The event's attributes (for aws:* events: MessageID, UserId, Reason).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; internal set; } = EmptyAttributes.Instance;
    /// <summary>When the service sent it, UTC.</summary>
    public DateTime SendTime { get; internal set; }
    /// <summary>For aws:DELETE_MESSAGE: the deleted message's id (MessageID, or MessageId).</summary>
    public string? MessageId => Get("MessageID") ?? Get("MessageId");
    /// <summary>For aws:DISCONNECT_USER: the disconnected user.</summary>
    public string? UserId => EventName == DisconnectUserEventName ? Get("UserId") : null;
    /// <summary>For aws:* events: the moderator's reason, if given.</summary>
    public string? Reason => Get("Reason");
    /// <summary>The event name.</summary>
    public override string ToString() => EventName;
    private string? Get(string key) => Attributes.TryGetValue(key, out var v) ? v : null;
}

/// <summary>An ERROR frame. Codes: 400 bad request, 401 session expired, 403 missing capability, 404 no room,
/// 406 rejected by message review, 413 too large, 429 rate exceeded, 500 service error.</summary>
public sealed class ChatError : ChatItem
{
    /// <summary>The HTTP-style code (see the class summary).</summary>
    public int ErrorCode { get; internal set; }
    /// <summary>The service's explanation.</summary>
    public string ErrorMessage { get; internal set; } = "";
    /// <summary>"code: message".</summary>
    public override string ToString() => $"{ErrorCode}: {ErrorMessage}";
}

internal static class EmptyAttributes
{
    public static readonly IReadOnlyDictionary<string, string> Instance = new Dictionary<string, string>();
}
