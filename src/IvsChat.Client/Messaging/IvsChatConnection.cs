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

/// <summary>Where an <see cref="IvsChatConnection"/> is in its life; it only moves forward.</summary>
public enum ChatConnectionState
{
    /// <summary>The WebSocket handshake is under way.</summary>
    Connecting,
    /// <summary>Sending and receiving.</summary>
    Open,
    /// <summary>CloseAsync is running the close handshake.</summary>
    Closing,
    /// <summary>Ended (see CloseReason); frames already buffered can still be received.</summary>
    Closed
}

/// <summary>
/// One connection to an IVS Chat room's messaging WebSocket. A background reader takes every frame off the socket:
/// answers to this connection's requests complete them (matched by RequestId), and every MESSAGE / EVENT and
/// unmatched ERROR goes into a bounded buffer for ReceiveAsync (oldest dropped and counted when full). An idle
/// watchdog probes a silent connection and aborts it when the service does not answer, so nothing hangs on a dead
/// socket. Thread-safe. The token is never logged or put in an exception.
/// </summary>
public sealed partial class IvsChatConnection : IDisposable
{
    private const string ProbePrefix = "ivschatps-probe-";
    private static readonly Regex HttpStatusPattern = new Regex(@"'(\d{3})'", RegexOptions.CultureInvariant);

    private sealed class Pending
    {
        public Pending(string action) { Action = action; }
        public string Action { get; }
        public TaskCompletionSource<ChatItem> Completion { get; } =
            new TaskCompletionSource<ChatItem>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly ClientWebSocket _socket;
    private readonly IvsChatConnectionOptions _options;
    private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
    private readonly ConcurrentDictionary<string, Pending> _pending = new ConcurrentDictionary<string, Pending>(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
    private readonly object _bufferGate = new object();
    private readonly Queue<ChatItem> _buffer = new Queue<ChatItem>();
    private TaskCompletionSource<bool>? _bufferSignal;
    private Task _reader = Task.CompletedTask;
    private Task _watchdog = Task.CompletedTask;
    private long _lastFrameTimestamp = Stopwatch.GetTimestamp();
    private string? _probeRequestId;
    private long _probeSentTimestamp;
    private long _dropped;
    private long _droppedUnreported;
    private int _state = (int)ChatConnectionState.Connecting;
    private string? _closeReason;

    private IvsChatConnection(Uri endpoint, ClientWebSocket socket, IvsChatConnectionOptions options, DateTime? sessionExpirationTime)
    {
        Endpoint = endpoint;
        _socket = socket;
        _options = options;
        SessionExpirationTime = sessionExpirationTime;
    }

    /// <summary>The messaging WebSocket URL the connection was opened to.</summary>
    public Uri Endpoint { get; }
    /// <summary>Where the connection is in its life.</summary>
    public ChatConnectionState State => (ChatConnectionState)Volatile.Read(ref _state);
    /// <summary>When the session ends (from CreateChatToken's sessionExpirationTime), UTC, if known.</summary>
    public DateTime? SessionExpirationTime { get; }
    /// <summary>True once the service reported the session's end (ERROR 401).</summary>
    public bool SessionExpired { get; private set; }
    /// <summary>The close code the service sent, if it closed the connection.</summary>
    public WebSocketCloseStatus? CloseStatus { get; private set; }
    /// <summary>Why the connection ended, in words (the service's close reason, or what the client saw).</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);
    /// <summary>Frames dropped from the receive buffer because it was full (since connecting).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);
    /// <summary>Frames waiting in the receive buffer for ReceiveAsync.</summary>
    public int BufferedCount { get { lock (_bufferGate) return _buffer.Count; } }

    /// <summary>Opens a connection with a chat token (sent as the WebSocket subprotocol, as the service expects).</summary>
    /// <exception cref="ChatConnectionException">The service refused the token (HttpStatusCode 401/404) or could not be reached.</exception>
    public static async Task<IvsChatConnection> ConnectAsync(Uri endpoint, string token, IvsChatConnectionOptions? options = null,
        DateTime? sessionExpirationTime = null, CancellationToken cancellationToken = default)
    {
        if (endpoint == null) throw new ArgumentNullException(nameof(endpoint));
        if (string.IsNullOrEmpty(token)) throw new ArgumentException("A chat token is required.", nameof(token));
        options ??= new IvsChatConnectionOptions();
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.AddSubProtocol(token);
        }
        catch (ArgumentException)
        {
            socket.Dispose();
            throw new ArgumentException("The chat token contains characters that cannot be sent as a WebSocket subprotocol.", nameof(token));
        }
        // Unsolicited pongs keep NATs and proxies from dropping a quiet connection; liveness is the watchdog's job.
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        var connection = new IvsChatConnection(endpoint, socket, options, sessionExpirationTime);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connectTimeout.CancelAfter(options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(endpoint, connectTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw new ChatConnectionException(
                    $"The chat service at {endpoint} did not accept the connection within {options.ConnectTimeout.TotalSeconds:0.#} s.");
            }
            catch (WebSocketException e)
            {
                socket.Dispose();
                throw RefusedConnection(endpoint, e);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                socket.Dispose();
                throw;
            }
        }
        connection.Trace("connected to " + endpoint);
        Interlocked.Exchange(ref connection._state, (int)ChatConnectionState.Open);
        connection._reader = Task.Run(connection.ReadLoopAsync);
        if (options.IdleProbeInterval > TimeSpan.Zero) connection._watchdog = Task.Run(connection.WatchdogAsync);
        return connection;
    }

    private static ChatConnectionException RefusedConnection(Uri endpoint, WebSocketException e)
    {
        // .NET reports a refused upgrade as "The server returned status code '401' when status code '101' was expected."
        var match = HttpStatusPattern.Match(e.Message);
        if (match.Success && int.TryParse(match.Groups[1].Value, out int status) && status != 101)
        {
            string why = status == 401 ? "the chat token is invalid, expired (tokens connect only within their short lifetime) or already used"
                : status == 404 ? "the token's room does not exist"
                : "the service refused the handshake";
            return new ChatConnectionException($"The chat service refused the connection (HTTP {status}): {why}.", status, e);
        }
        return new ChatConnectionException($"Could not connect to the chat service at {endpoint}: {e.Message}", null, e);
    }

    // ---------------- requests ----------------

    /// <summary>Sends a message and returns it as delivered to the room (matched by RequestId).</summary>
    /// <exception cref="ChatRequestException">ERROR answer: 403 no SEND_MESSAGE capability, 406 review denied, 413 too long, 429 rate.</exception>
    public async Task<ChatMessage> SendMessageAsync(string content, IDictionary<string, string>? attributes = null,
        CancellationToken cancellationToken = default)
    {
        if (content == null) throw new ArgumentNullException(nameof(content));
        string requestId = Guid.NewGuid().ToString();
        var frame = ChatWire.Request(ChatWire.SendMessageAction, requestId, content: content, attributes: attributes);
        return (ChatMessage)await RequestAsync(ChatWire.SendMessageAction, requestId, frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a message for everyone; returns the aws:DELETE_MESSAGE event that confirms it.</summary>
    public async Task<ChatEvent> DeleteMessageAsync(string messageId, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(messageId)) throw new ArgumentException("A message id is required.", nameof(messageId));
        string requestId = Guid.NewGuid().ToString();
        var frame = ChatWire.Request(ChatWire.DeleteMessageAction, requestId, id: messageId, reason: reason);
        return (ChatEvent)await RequestAsync(ChatWire.DeleteMessageAction, requestId, frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disconnects every connection of a user from the room; returns the aws:DISCONNECT_USER event.</summary>
    public async Task<ChatEvent> DisconnectUserAsync(string userId, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId)) throw new ArgumentException("A user id is required.", nameof(userId));
        string requestId = Guid.NewGuid().ToString();
        var frame = ChatWire.Request(ChatWire.DisconnectUserAction, requestId, userId: userId, reason: reason);
        return (ChatEvent)await RequestAsync(ChatWire.DisconnectUserAction, requestId, frame, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatItem> RequestAsync(string action, string requestId, byte[] frame, CancellationToken cancellationToken)
    {
        ThrowIfNotOpen();
        var pending = new Pending(action);
        _pending[requestId] = pending;
        try
        {
            // One deadline for sending and for the answer: a send stuck on a dead socket times out too.
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                wait.CancelAfter(_options.RequestTimeout);
                try
                {
                    await SendFrameAsync(frame, wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Abort($"sending {action} did not complete within {_options.RequestTimeout.TotalSeconds:0.#} s");
                    throw new TimeoutException($"The chat connection could not send {action} within {_options.RequestTimeout.TotalSeconds:0.#} s.");
                }
                Trace($"-> {action} RequestId={requestId}");
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (wait.Token.Register(() => cancelled.TrySetResult(true)))
                {
                    if (await Task.WhenAny(pending.Completion.Task, cancelled.Task).ConfigureAwait(false) != pending.Completion.Task)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new TimeoutException($"The chat service did not answer {action} within {_options.RequestTimeout.TotalSeconds:0.#} s.");
                    }
                }
            }
            return await pending.Completion.Task.ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private async Task SendFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfNotOpen();
            await _socket.SendAsync(new ArraySegment<byte>(frame), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            Abort("connection lost while sending: " + e.Message);
            throw new ChatConnectionException("The chat connection is closed: " + CloseReason, null, e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void ThrowIfNotOpen()
    {
        if (State != ChatConnectionState.Open)
            throw new ChatConnectionException("The chat connection is " + State.ToString().ToLowerInvariant()
                + (CloseReason != null ? ": " + CloseReason : "."));
    }

    // ---------------- closing ----------------

    /// <summary>Closes the connection cleanly (close handshake, at most a few seconds), then releases it.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, (int)ChatConnectionState.Closing, (int)ChatConnectionState.Open) == (int)ChatConnectionState.Open)
        {
            Interlocked.CompareExchange(ref _closeReason, "closed by the client", null);
            try
            {
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(TimeSpan.FromSeconds(2));
                    await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    try
                    {
                        if (_socket.State == WebSocketState.Open || _socket.State == WebSocketState.CloseReceived)
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token).ConfigureAwait(false);
                    }
                    finally { _sendLock.Release(); }
                    await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(2), timeout.Token)).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is WebSocketException || e is OperationCanceledException || e is ObjectDisposedException) { }
        }
        Dispose();
    }

    /// <summary>Drops the connection at once (no close handshake).</summary>
    public void Dispose() => Abort("closed by the client");

    private void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        try { _lifetime.Cancel(); } catch (ObjectDisposedException) { }
        try { _socket.Abort(); } catch (ObjectDisposedException) { }
        MarkClosed();
    }

    private void MarkClosed()
    {
        if (Interlocked.Exchange(ref _state, (int)ChatConnectionState.Closed) == (int)ChatConnectionState.Closed) return;
        Trace("closed: " + CloseReason);
        try { _lifetime.Cancel(); } catch (ObjectDisposedException) { }
        var error = new ChatConnectionException("The chat connection closed before the service answered: " + CloseReason);
        foreach (var pair in _pending)
            if (_pending.TryRemove(pair.Key, out Pending? p)) p.Completion.TrySetException(error);
        TaskCompletionSource<bool>? signal;
        lock (_bufferGate)
        {
            signal = _bufferSignal;
            _bufferSignal = null;
        }
        signal?.TrySetResult(true);
        _socket.Dispose();
    }

    private void Trace(string line) => _options.Trace?.Invoke("IvsChat messaging: " + line);

    // User ids, content and attributes stay out of the wire trace.
    private static string Describe(ChatItem item) => item switch
    {
        ChatMessage m => $"MESSAGE Id={m.Id} RequestId={m.RequestId}",
        ChatEvent e => $"EVENT {e.EventName} Id={e.Id} RequestId={e.RequestId}",
        ChatError x => $"ERROR {x.ErrorCode} Id={x.Id} RequestId={x.RequestId}",
        _ => item.GetType().Name,
    };
}
