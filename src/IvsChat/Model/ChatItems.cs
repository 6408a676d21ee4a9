using System;
using System.Collections.Generic;
using Wire = IvsChat.Client.Messaging;

namespace IvsChat
{
    /// <summary>A chat message received on (or sent over) a connection. UserId and RoomArn bind by property name,
    /// so a message pipes into Remove-IvsChatMessage (RoomArn + Id) and Disconnect-IvsChatUser (RoomArn + UserId).</summary>
    public sealed class ChatMessage
    {
        /// <summary>The message id (12 characters), what Remove-IvsChatMessage takes.</summary>
        public string Id { get; set; } = "";
        public string RoomArn { get; set; } = "";
        /// <summary>The sender's user id.</summary>
        public string UserId { get; set; } = "";
        public string Content { get; set; } = "";
        /// <summary>The message's own attributes (set by the sender with -Attribute).</summary>
        public Dictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>The attributes of the sender's chat token.</summary>
        public Dictionary<string, string> SenderAttributes { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>When the service sent it, UTC.</summary>
        public DateTime SendTime { get; set; }
        /// <summary>The RequestId of the client request it answers, when any (a sender's own message).</summary>
        public string? RequestId { get; set; }
        public string Region { get; set; } = "";
        public override string ToString() => Content;
    }

    /// <summary>An event received on a connection: an application event (Send-IvsChatEvent) or the service's
    /// aws:DELETE_MESSAGE / aws:DISCONNECT_USER.</summary>
    public sealed class ChatEvent
    {
        public const string DeleteMessageEventName = Wire.ChatEvent.DeleteMessageEventName;
        public const string DisconnectUserEventName = Wire.ChatEvent.DisconnectUserEventName;

        /// <summary>The event's own id (12 characters).</summary>
        public string Id { get; set; } = "";
        public string RoomArn { get; set; } = "";
        public string EventName { get; set; } = "";
        public Dictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>For aws:DISCONNECT_USER: the disconnected user (events have no sender).</summary>
        public string? UserId { get; set; }
        /// <summary>For aws:DELETE_MESSAGE: the deleted message's id.</summary>
        public string? MessageId { get; set; }
        /// <summary>For aws:* events: the moderator's reason, if given.</summary>
        public string? Reason { get; set; }
        /// <summary>When the service sent it, UTC.</summary>
        public DateTime SendTime { get; set; }
        public string? RequestId { get; set; }
        public string Region { get; set; } = "";
        public override string ToString() => EventName;
    }
}

namespace IvsChat.Internal
{
    /// <summary>The client's chat items as pipeline objects of the module, stamped with the connection's room.</summary>
    internal static class ChatItems
    {
        public static object? From(Wire.ChatItem item, ChatConnection connection) => item switch
        {
            Wire.ChatMessage m => Message(m, connection),
            Wire.ChatEvent e => Event(e, connection),
            _ => null,
        };

        public static ChatMessage Message(Wire.ChatMessage m, ChatConnection connection) => new ChatMessage
        {
            Id = m.Id,
            RoomArn = connection.RoomArn,
            UserId = m.Sender.UserId,
            Content = m.Content,
            Attributes = Copy(m.Attributes),
            SenderAttributes = Copy(m.Sender.Attributes),
            SendTime = ToObject.Utc(m.SendTime) ?? default,
            RequestId = m.RequestId,
            Region = connection.Region,
        };

        public static ChatEvent Event(Wire.ChatEvent e, ChatConnection connection) => new ChatEvent
        {
            Id = e.Id,
            RoomArn = connection.RoomArn,
            EventName = e.EventName,
            Attributes = Copy(e.Attributes),
            UserId = e.UserId,
            MessageId = e.MessageId,
            Reason = e.Reason,
            SendTime = ToObject.Utc(e.SendTime) ?? default,
            RequestId = e.RequestId,
            Region = connection.Region,
        };

        private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> source)
        {
            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in source) copy[kv.Key] = kv.Value;
            return copy;
        }
    }
}
