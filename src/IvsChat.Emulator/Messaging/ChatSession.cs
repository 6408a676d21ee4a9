using System.Net.WebSockets;
using System.Threading.Channels;

namespace IvsChat.Emulator.Messaging;

/// <summary>
/// One WebSocket connection. Everything sent to it goes through a bounded queue drained by one writer task, so
/// fan-out never waits on a client's network: a client that falls SendQueueCapacity frames behind is cut off
/// (aborted) instead of stalling the room.
/// </summary>
public sealed class ChatSession
{
    private readonly record struct Outgoing(byte[]? Frame, WebSocketCloseStatus CloseStatus, string? CloseReason);

    private readonly WebSocket _socket;
    private readonly Channel<Outgoing> _outbox;
    private readonly CancellationTokenSource _ended = new();
    private int _closing;

    public ChatSession(WebSocket socket, ConnectTicket ticket, string remoteIp, int sendQueueCapacity)
    {
        _socket = socket;
        Ticket = ticket;
        RemoteIp = remoteIp;
        _outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(sendQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ConnectTicket Ticket { get; }
    public string RoomArn => Ticket.RoomArn;
    public string UserId => Ticket.UserId;
    public string RemoteIp { get; }
    /// <summary>Cancelled when the connection is over (closed, aborted or failed).</summary>
    public CancellationToken Ended => _ended.Token;
    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Queues a frame; false when the connection is closing or its queue overflowed (then it is aborted).</summary>
    public bool Enqueue(byte[] frame)
    {
        if (IsClosing) return false;
        if (_outbox.Writer.TryWrite(new Outgoing(frame, default, null))) return true;
        Abort();
        return false;
    }

    /// <summary>Sends what is queued, then a close frame. Later frames are dropped.</summary>
    public void CloseAfterPending(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        if (!_outbox.Writer.TryWrite(new Outgoing(null, status, reason))) Abort();
        _outbox.Writer.TryComplete();
    }

    public void Abort()
    {
        Interlocked.Exchange(ref _closing, 1);
        _outbox.Writer.TryComplete();
        try { _socket.Abort(); } catch (ObjectDisposedException) { }
        End();
    }

    public void End()
    {
        try { _ended.Cancel(); } catch (ObjectDisposedException) { }
    }

    /// <summary>The single writer: drains the queue until a close item, completion or the end of the connection.</summary>
    public async Task RunWriterAsync()
    {
        try
        {
            await foreach (Outgoing item in _outbox.Reader.ReadAllAsync(Ended))
            {
                if (item.Frame != null)
                {
                    await _socket.SendAsync(item.Frame, WebSocketMessageType.Text, true, Ended);
                    continue;
                }
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(item.CloseStatus, item.CloseReason, Ended);
                // Give the client a moment to answer the close handshake, then drop the TCP connection.
                _ = Task.Delay(TimeSpan.FromSeconds(5), Ended).ContinueWith(_ => Abort(), TaskContinuationOptions.OnlyOnRanToCompletion);
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            Abort();
        }
    }
}
