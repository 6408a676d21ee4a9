using System.Net.WebSockets;

namespace IvsChat.Emulator.Messaging;

/// <summary>
/// One WebSocket connection. Frames for it go into its own bounded queue; whoever finds the connection idle drains
/// the queue inline (Kestrel's writes usually complete at once, so fan-out costs no thread hop per client), and a
/// send that has to wait continues on its own, so fan-out never waits on one client's network. A client that falls
/// SendQueueCapacity frames behind is cut off (aborted) instead of stalling the room.
/// </summary>
public sealed class ChatSession
{
    private readonly record struct Outgoing(byte[]? Frame, WebSocketCloseStatus CloseStatus, string? CloseReason);

    private readonly WebSocket _socket;
    private readonly int _capacity;
    private readonly object _gate = new();
    private readonly Queue<Outgoing> _queue = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly TaskCompletionSource _sendsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _draining;
    private bool _closing;

    public ChatSession(WebSocket socket, ConnectTicket ticket, string remoteIp, int sendQueueCapacity)
    {
        _socket = socket;
        Ticket = ticket;
        RemoteIp = remoteIp;
        _capacity = sendQueueCapacity;
    }

    public ConnectTicket Ticket { get; }
    public string RoomArn => Ticket.RoomArn;
    public string UserId => Ticket.UserId;
    public string RemoteIp { get; }
    /// <summary>Cancelled when the connection is over (closed, aborted or failed).</summary>
    public CancellationToken Ended => _ended.Token;
    /// <summary>Completes once the close frame went out or the connection was aborted.</summary>
    public Task SendsDone => _sendsDone.Task;

    /// <summary>Queues a frame and sends it (inline when the connection is idle). False when the connection is
    /// closing or its queue overflowed (then it is aborted).</summary>
    public bool Enqueue(byte[] frame)
    {
        bool ok = TryQueue(new Outgoing(frame, default, null), out bool mustDrain);
        if (mustDrain) _ = DrainAsync();
        return ok;
    }

    /// <summary>Queues without sending; true in <paramref name="mustDrain"/> means the caller must call Drain()
    /// (used by fan-out to fix the order under the room's lock and send outside it).</summary>
    public bool TryQueue(byte[] frame, out bool mustDrain) => TryQueue(new Outgoing(frame, default, null), out mustDrain);

    public void Drain() => _ = DrainAsync();

    /// <summary>Sends what is queued, then a close frame. Later frames are dropped.</summary>
    public void CloseAfterPending(WebSocketCloseStatus status, string reason)
    {
        bool mustDrain;
        lock (_gate)
        {
            if (_closing) return;
            _queue.Enqueue(new Outgoing(null, status, reason));
            _closing = true;
            mustDrain = !_draining;
            _draining = true;
        }
        if (mustDrain) _ = DrainAsync();
    }

    public void Abort()
    {
        lock (_gate)
        {
            _closing = true;
            _queue.Clear();
        }
        try { _socket.Abort(); } catch (ObjectDisposedException) { }
        End();
    }

    public void End()
    {
        _sendsDone.TrySetResult();
        try { _ended.Cancel(); } catch (ObjectDisposedException) { }
    }

    private bool TryQueue(Outgoing item, out bool mustDrain)
    {
        mustDrain = false;
        bool overflow;
        lock (_gate)
        {
            if (_closing) return false;
            overflow = _queue.Count >= _capacity;
            if (!overflow)
            {
                _queue.Enqueue(item);
                mustDrain = !_draining;
                _draining = true;
                return true;
            }
        }
        Abort();
        return false;
    }

    private async Task DrainAsync()
    {
        try
        {
            while (true)
            {
                Outgoing item;
                lock (_gate)
                {
                    if (_queue.Count == 0)
                    {
                        _draining = false;
                        return;
                    }
                    item = _queue.Dequeue();
                }
                if (item.Frame != null)
                {
                    await _socket.SendAsync(item.Frame, WebSocketMessageType.Text, true, Ended);
                    continue;
                }
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(item.CloseStatus, item.CloseReason, Ended);
                _sendsDone.TrySetResult();
                // Give the client a moment to answer the close handshake, then drop the TCP connection.
                _ = Task.Delay(TimeSpan.FromSeconds(5), Ended).ContinueWith(_ => Abort(), TaskContinuationOptions.OnlyOnRanToCompletion);
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            Abort();
        }
    }
}
