using System;

namespace IvsChat.Client.Messaging;

/// <summary>Settings of one messaging connection. The defaults suit runbooks: nothing waits forever.</summary>
public sealed class IvsChatConnectionOptions
{
    /// <summary>Frames kept for ReceiveAsync; when full the oldest is dropped and counted (DroppedCount).</summary>
    public int ReceiveBufferCapacity { get; set; } = 1000;
    /// <summary>How long ConnectAsync waits for the handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How long a send/delete/disconnect waits for the service's answer.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>After this long without any frame, the connection probes the service; Zero turns probing off.</summary>
    public TimeSpan IdleProbeInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a probe may go unanswered before the connection is declared dead and aborted.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Largest frame accepted from the service.</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;
    /// <summary>Wire trace (frame types, ids, request ids, error codes; never tokens, user ids or attributes).</summary>
    public Action<string>? Trace { get; set; }
}
