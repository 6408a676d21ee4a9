using System;
using System.Collections.Concurrent;
using IvsChat.Client.Messaging;

namespace IvsChat;

/// <summary>An open (or ended) messaging connection to a room, from Connect-IvsChatRoom. Its state, session
/// expiry and receive-buffer counters are live. The token is not kept.</summary>
public sealed class ChatConnection
{
    private readonly ConcurrentQueue<string> _trace = new ConcurrentQueue<string>();

    internal ChatConnection(string roomArn, string userId, string[] capabilities, Uri endpoint)
    {
        RoomArn = roomArn;
        UserId = userId;
        Capabilities = capabilities;
        Endpoint = endpoint;
        Region = Internal.Arn.RegionOf(roomArn) ?? "";
        ConnectedAt = DateTime.UtcNow;
    }

    /// <summary>The client-library connection (for C# callers); hidden from formatting.</summary>
    [System.Management.Automation.Hidden]
    public IvsChatConnection Connection { get; internal set; } = null!;

    public string RoomArn { get; }
    public string UserId { get; }
    public string[] Capabilities { get; }
    public Uri Endpoint { get; }
    public string Region { get; }
    public DateTime ConnectedAt { get; }
    /// <summary>When the service ends the session (UTC).</summary>
    public DateTime? SessionExpirationTime => Connection.SessionExpirationTime;
    public ChatConnectionState State => Connection.State;
    public bool SessionExpired => Connection.SessionExpired;
    /// <summary>Why the connection ended, once it has.</summary>
    public string? CloseReason => Connection.CloseReason;
    /// <summary>Frames received but not yet read with Receive-IvsChatMessage.</summary>
    public int BufferedCount => Connection.BufferedCount;
    /// <summary>Frames dropped because the receive buffer was full (oldest first).</summary>
    public long DroppedCount => Connection.DroppedCount;

    /// <summary>Wire trace lines queued by the background reader, written as -Debug by the next cmdlet.</summary>
    internal void AddTrace(string line)
    {
        if (_trace.Count < 1000) _trace.Enqueue(line);
    }

    internal void DrainTrace(Action<string> write)
    {
        while (_trace.TryDequeue(out var line)) write(line);
    }

    public override string ToString() => "ChatConnection to " + RoomArn + " (" + State + ")";
}
