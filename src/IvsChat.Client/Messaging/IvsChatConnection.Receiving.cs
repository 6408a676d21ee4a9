using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client.Messaging;

/// <summary>Receiving: the background reader, dispatch into the bounded buffer, and the idle watchdog.</summary>
public sealed partial class IvsChatConnection
{
    // ---------------- receiving ----------------

    /// <summary>The next buffered MESSAGE / EVENT / ERROR, waiting up to <paramref name="timeout"/>
    /// (Timeout.InfiniteTimeSpan: no limit). Null on timeout, or when the connection is closed and the buffer empty.</summary>
    public async Task<ChatItem?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (_bufferGate)
            {
                if (_buffer.Count > 0) return _buffer.Dequeue();
                if (State == ChatConnectionState.Closed) return null;
                _bufferSignal ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                signal = _bufferSignal.Task;
            }
            TimeSpan remaining = timeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : timeout - clock.Elapsed;
            if (remaining != Timeout.InfiniteTimeSpan && remaining <= TimeSpan.Zero) return null;
            using (var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                Task delay = Task.Delay(remaining, delayCancel.Token);
                Task first = await Task.WhenAny(signal, delay).ConfigureAwait(false);
                delayCancel.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
                if (first != signal) return null;
            }
        }
    }

    /// <summary>How many frames were dropped since the last call (for a "buffer overflowed" warning).</summary>
    public long TakeDroppedCount() => Interlocked.Exchange(ref _droppedUnreported, 0);

    private async Task ReadLoopAsync()
    {
        var chunk = new byte[8192];
        var message = new MemoryStream();
        bool tooBig = false;
        try
        {
            while (!_lifetime.IsCancellationRequested)
            {
                WebSocketReceiveResult r = await _socket.ReceiveAsync(new ArraySegment<byte>(chunk), _lifetime.Token).ConfigureAwait(false);
                Interlocked.Exchange(ref _lastFrameTimestamp, Stopwatch.GetTimestamp());
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    CloseStatus = r.CloseStatus;
                    string description = string.IsNullOrEmpty(r.CloseStatusDescription)
                        ? "closed by the service"
                        : "closed by the service: " + r.CloseStatusDescription;
                    if (SessionExpired) description = "the chat session expired";
                    Interlocked.CompareExchange(ref _closeReason, description, null);
                    Trace($"<- close {(int?)r.CloseStatus} {r.CloseStatusDescription}");
                    await ReplyToCloseAsync().ConfigureAwait(false);
                    return;
                }
                if (!tooBig && message.Length + r.Count <= _options.MaxFrameBytes) message.Write(chunk, 0, r.Count);
                else tooBig = true;
                if (!r.EndOfMessage) continue;
                if (tooBig) Trace($"<- frame over {_options.MaxFrameBytes} bytes ignored");
                else if (r.MessageType == WebSocketMessageType.Text) Dispatch(new ReadOnlyMemory<byte>(message.GetBuffer(), 0, (int)message.Length));
                message.SetLength(0);
                tooBig = false;
            }
        }
        catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is ObjectDisposedException || e is IOException)
        {
            Interlocked.CompareExchange(ref _closeReason, "connection lost: " + e.Message, null);
        }
        finally
        {
            MarkClosed();
        }
    }

    private async Task ReplyToCloseAsync()
    {
        try
        {
            if (!await _sendLock.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false)) return;
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                    using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
            }
            finally { _sendLock.Release(); }
        }
        catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is ObjectDisposedException) { }
    }

    private void Dispatch(ReadOnlyMemory<byte> frame)
    {
        ChatItem? item = ChatWire.Parse(frame, out string? problem);
        if (item == null)
        {
            Trace("<- unreadable frame ignored: " + problem);
            return;
        }
        Trace($"<- {Describe(item)}");
        string? probe = Volatile.Read(ref _probeRequestId);
        Interlocked.Exchange(ref _probeRequestId, null); // any frame proves the connection alive
        if (item is ChatError probeAnswer && (probeAnswer.RequestId?.StartsWith(ProbePrefix, StringComparison.Ordinal) == true
            || (probe != null && probeAnswer.RequestId == null && probeAnswer.ErrorCode == 400)))
            return;

        if (item.RequestId != null && _pending.TryGetValue(item.RequestId, out Pending? pending))
        {
            bool answers = item is ChatError
                || (item is ChatMessage && pending.Action == ChatWire.SendMessageAction)
                || (item is ChatEvent e && ((e.EventName == ChatEvent.DeleteMessageEventName && pending.Action == ChatWire.DeleteMessageAction)
                    || (e.EventName == ChatEvent.DisconnectUserEventName && pending.Action == ChatWire.DisconnectUserAction)));
            if (answers && _pending.TryRemove(item.RequestId, out _))
            {
                if (item is ChatError error)
                {
                    pending.Completion.TrySetException(new ChatRequestException(error));
                    return; // the caller gets it; it is not room traffic
                }
                pending.Completion.TrySetResult(item);
            }
        }
        if (item is ChatError { ErrorCode: 401 }) SessionExpired = true;
        Buffer(item);
    }

    private void Buffer(ChatItem item)
    {
        TaskCompletionSource<bool>? signal;
        lock (_bufferGate)
        {
            if (_buffer.Count >= Math.Max(1, _options.ReceiveBufferCapacity))
            {
                _buffer.Dequeue();
                Interlocked.Increment(ref _dropped);
                Interlocked.Increment(ref _droppedUnreported);
            }
            _buffer.Enqueue(item);
            signal = _bufferSignal;
            _bufferSignal = null;
        }
        signal?.TrySetResult(true);
    }

    private async Task WatchdogAsync()
    {
        try
        {
            TimeSpan tick = TimeSpan.FromMilliseconds(
                Math.Max(50, Math.Min(_options.IdleProbeInterval.TotalMilliseconds, _options.ProbeTimeout.TotalMilliseconds) / 4));
            while (!_lifetime.IsCancellationRequested && State == ChatConnectionState.Open)
            {
                await Task.Delay(tick, _lifetime.Token).ConfigureAwait(false);
                long now = Stopwatch.GetTimestamp();
                if (Volatile.Read(ref _probeRequestId) != null)
                {
                    if (Elapsed(Interlocked.Read(ref _probeSentTimestamp), now) > _options.ProbeTimeout)
                        Abort($"no answer from the chat service for {_options.ProbeTimeout.TotalSeconds:0.#} s (keep-alive timeout)");
                }
                else if (Elapsed(Interlocked.Read(ref _lastFrameTimestamp), now) > _options.IdleProbeInterval)
                {
                    string requestId = ProbePrefix + Guid.NewGuid().ToString("N");
                    Interlocked.Exchange(ref _probeSentTimestamp, now);
                    Volatile.Write(ref _probeRequestId, requestId);
                    using (var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token))
                    {
                        sendTimeout.CancelAfter(_options.ProbeTimeout);
                        try { await SendFrameAsync(ChatWire.Request(ChatWire.ProbeAction, requestId), sendTimeout.Token).ConfigureAwait(false); }
                        catch (ChatConnectionException) { return; }
                        catch (OperationCanceledException) when (!_lifetime.IsCancellationRequested)
                        {
                            Abort($"could not send to the chat service for {_options.ProbeTimeout.TotalSeconds:0.#} s (keep-alive timeout)");
                            return;
                        }
                    }
                    Trace("-> keep-alive probe");
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private static TimeSpan Elapsed(long from, long to) => TimeSpan.FromSeconds((to - from) / (double)Stopwatch.Frequency);
}
