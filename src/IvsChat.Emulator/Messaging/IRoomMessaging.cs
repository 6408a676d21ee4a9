namespace IvsChat.Emulator.Messaging;

/// <summary>
/// What the control plane tells the messaging side (the WebSocket endpoint). The control plane calls these after
/// its own validation succeeded; the messaging side delivers to connected clients of the room.
/// Registered as a singleton in DI; NoRoomMessaging is used until the messaging endpoint registers its own.
/// </summary>
public interface IRoomMessaging
{
    /// <summary>Control-plane SendEvent: deliver an EVENT frame with this id to every client of the room.</summary>
    void SendEvent(string roomArn, string eventId, string eventName, IReadOnlyDictionary<string, string> attributes);

    /// <summary>Control-plane DeleteMessage: deliver an aws:DELETE_MESSAGE event (id = eventId) to every client.</summary>
    void DeleteMessage(string roomArn, string eventId, string messageId, string? reason);

    /// <summary>Control-plane DisconnectUser: aws:DISCONNECT_USER event, then close every connection of the user.</summary>
    void DisconnectUser(string roomArn, string eventId, string userId, string? reason);

    /// <summary>The room was updated (limits or review handler changed): live connections use the new values.</summary>
    void RoomUpdated(string roomArn);

    /// <summary>The room was deleted: close its connections.</summary>
    void RoomDeleted(string roomArn);
}

/// <summary>Used when no messaging endpoint is registered: the control plane works alone.</summary>
public sealed class NoRoomMessaging : IRoomMessaging
{
    public void SendEvent(string roomArn, string eventId, string eventName, IReadOnlyDictionary<string, string> attributes) { }
    public void DeleteMessage(string roomArn, string eventId, string messageId, string? reason) { }
    public void DisconnectUser(string roomArn, string eventId, string userId, string? reason) { }
    public void RoomUpdated(string roomArn) { }
    public void RoomDeleted(string roomArn) { }
}
