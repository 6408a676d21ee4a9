using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace IvsChat.Emulator.Messaging;

/// <summary>
/// Who is connected to which room, the room-wide message rate, used tokens, and fan-out. Also the control plane's
/// way in (IRoomMessaging). Fan-out serializes a frame once and queues the same bytes on every connection, under the
/// room's lock so that every client sees one order.
/// </summary>
public sealed class ChatRoomHub : IRoomMessaging
{
    private sealed class Room
    {
        public readonly object Gate = new();
        public ChatSession[] Sessions = [];
        public readonly Queue<long> RecentSends = new();
    }

    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _usedTokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _tokensSincePurge;

    public ChatRoomHub(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public const string DisconnectedReason = "Disconnected by a moderator";
    public const string RoomDeletedReason = "Room deleted";

    /// <summary>Marks a token as used; false when it was used before (tokens connect once).</summary>
    public bool TryConsumeToken(string tokenId, DateTimeOffset expiresAt)
    {
        if (!_usedTokens.TryAdd(tokenId, expiresAt)) return false;
        if (Interlocked.Increment(ref _tokensSincePurge) >= 1024)
        {
            // An expired token is refused for its expiry anyway, so it need not be remembered.
            Interlocked.Exchange(ref _tokensSincePurge, 0);
            DateTimeOffset now = _time.GetUtcNow();
            foreach (var (id, expiry) in _usedTokens)
                if (expiry < now - TimeSpan.FromMinutes(1)) _usedTokens.TryRemove(id, out _);
        }
        return true;
    }

    public void Join(ChatSession session)
    {
        Room room = _rooms.GetOrAdd(session.RoomArn, _ => new Room());
        lock (room.Gate) room.Sessions = [.. room.Sessions, session];
    }

    public void Leave(ChatSession session)
    {
        if (!_rooms.TryGetValue(session.RoomArn, out Room? room)) return;
        lock (room.Gate) room.Sessions = Array.FindAll(room.Sessions, s => s != session);
    }

    public int CountConnections(string roomArn) =>
        _rooms.TryGetValue(roomArn, out Room? room) ? Volatile.Read(ref room.Sessions).Length : 0;

    /// <summary>Room-wide sliding one-second window: at most <paramref name="perSecond"/> messages in any second.</summary>
    public bool TryAcquireSendSlot(string roomArn, int perSecond)
    {
        Room room = _rooms.GetOrAdd(roomArn, _ => new Room());
        long now = _time.GetTimestamp();
        long windowStart = now - _time.TimestampFrequency;
        lock (room.Gate)
        {
            while (room.RecentSends.Count > 0 && room.RecentSends.Peek() <= windowStart) room.RecentSends.Dequeue();
            if (room.RecentSends.Count >= perSecond) return false;
            room.RecentSends.Enqueue(now);
            return true;
        }
    }

    public void Broadcast(string roomArn, byte[] frame)
    {
        if (!_rooms.TryGetValue(roomArn, out Room? room)) return;
        DrainAll(QueueAll(room, frame));
    }

    private const int DrainChunk = 64;

    /// <summary>Starts sending on idle connections: a few inline, many in chunks on the thread pool (parallel
    /// across cores, without one work item per client).</summary>
    private static void DrainAll(ChatSession[] idle)
    {
        if (idle.Length <= DrainChunk)
        {
            foreach (ChatSession s in idle) s.Drain();
            return;
        }
        for (int start = 0; start < idle.Length; start += DrainChunk)
        {
            var chunk = new ArraySegment<ChatSession>(idle, start, Math.Min(DrainChunk, idle.Length - start));
            ThreadPool.UnsafeQueueUserWorkItem(static c => { foreach (ChatSession s in c) s.Drain(); }, chunk, preferLocal: false);
        }
    }

    /// <summary>Queues the frame on every connection under the room's lock (one order for all) and returns those
    /// that were idle, to be drained outside the lock.</summary>
    private static ChatSession[] QueueAll(Room room, byte[] frame)
    {
        lock (room.Gate)
        {
            ChatSession[] sessions = room.Sessions;
            var idle = new ChatSession[sessions.Length];
            int n = 0;
            foreach (ChatSession s in sessions)
                if (s.TryQueue(frame, out bool mustDrain) && mustDrain) idle[n++] = s;
            return n == idle.Length ? idle : idle[..n];
        }
    }

    /// <summary>The aws:DISCONNECT_USER event to everyone, then every connection of the user closes after it.</summary>
    public void DisconnectUser(string roomArn, string userId, byte[] eventFrame)
    {
        if (!_rooms.TryGetValue(roomArn, out Room? room)) return;
        ChatSession[] idle = QueueAll(room, eventFrame);
        lock (room.Gate)
            foreach (ChatSession s in room.Sessions)
                if (string.Equals(s.UserId, userId, StringComparison.Ordinal))
                    s.CloseAfterPending(WebSocketCloseStatus.NormalClosure, DisconnectedReason);
        DrainAll(idle);
    }

    // ---- IRoomMessaging: the control plane's calls ----

    void IRoomMessaging.SendEvent(string roomArn, string eventId, string eventName, IReadOnlyDictionary<string, string> attributes) =>
        Broadcast(roomArn, ServerFrames.Event(eventId, null, eventName, attributes, _time.GetUtcNow()));

    void IRoomMessaging.DeleteMessage(string roomArn, string eventId, string messageId, string? reason) =>
        Broadcast(roomArn, ServerFrames.DeleteMessage(eventId, null, messageId, reason, _time.GetUtcNow()));

    void IRoomMessaging.DisconnectUser(string roomArn, string eventId, string userId, string? reason) =>
        DisconnectUser(roomArn, userId, ServerFrames.DisconnectUser(eventId, null, userId, reason, _time.GetUtcNow()));

    /// <summary>Nothing to do: limits and the review handler are read from the room on every request.</summary>
    void IRoomMessaging.RoomUpdated(string roomArn) { }

    void IRoomMessaging.RoomDeleted(string roomArn)
    {
        if (!_rooms.TryRemove(roomArn, out Room? room)) return;
        lock (room.Gate)
            foreach (ChatSession s in room.Sessions) s.CloseAfterPending(WebSocketCloseStatus.NormalClosure, RoomDeletedReason);
    }
}
