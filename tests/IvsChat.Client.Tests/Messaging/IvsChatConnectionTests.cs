using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using IvsChat.Client.Messaging;

namespace IvsChat.Client.Tests.Messaging;

public sealed class LocalChatServiceFixture : IAsyncLifetime
{
    public LocalChatService Service { get; private set; } = null!;
    public async Task InitializeAsync() => Service = await LocalChatService.StartAsync("--session-minute-seconds", "3");
    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>The messaging client against the real local service.</summary>
public class IvsChatConnectionTests(LocalChatServiceFixture fixture) : IClassFixture<LocalChatServiceFixture>
{
    private LocalChatService Service => fixture.Service;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static async Task<T> Next<T>(IvsChatConnection c) where T : ChatItem =>
        Assert.IsType<T>(await c.ReceiveAsync(Wait));

    [Fact]
    public async Task Send_returns_the_delivered_message_matched_by_request_id_and_everyone_receives_it()
    {
        string room = await Service.CreateRoomAsync();
        using var alice = await Service.ConnectAsync(room, "alice", capabilities: "SEND_MESSAGE");
        using var bob = await Service.ConnectAsync(room, "bob", capabilities: "SEND_MESSAGE");
        Assert.Equal(ChatConnectionState.Open, alice.State);
        Assert.NotNull(alice.SessionExpirationTime);

        // Both send at once: each call must get its own message back, not the other's.
        var fromAlice = alice.SendMessageAsync("from alice", new Dictionary<string, string> { ["k"] = "v" });
        var fromBob = bob.SendMessageAsync("from bob");
        ChatMessage a = await fromAlice, b = await fromBob;
        Assert.Equal(("from alice", "alice", "alice-nick", "v"), (a.Content, a.Sender.UserId, a.Sender.Attributes["nick"], a.Attributes["k"]));
        Assert.Equal(("from bob", "bob"), (b.Content, b.Sender.UserId));
        Assert.NotEqual(a.RequestId, b.RequestId);
        Assert.True(Math.Abs((DateTime.UtcNow - a.SendTime).TotalSeconds) < 10);

        var seenByBob = new[] { await Next<ChatMessage>(bob), await Next<ChatMessage>(bob) }.Select(m => m.Id).ToHashSet();
        Assert.Equal(new HashSet<string> { a.Id, b.Id }, seenByBob);
    }

    [Fact]
    public async Task Errors_come_back_typed_and_the_connection_stays_open()
    {
        string room = await Service.CreateRoomAsync(rate: 1, length: 4);
        using var viewer = await Service.ConnectAsync(room, "viewer");
        using var writer = await Service.ConnectAsync(room, "writer", capabilities: "SEND_MESSAGE");

        var denied = await Assert.ThrowsAsync<ChatRequestException>(() => viewer.SendMessageAsync("hi"));
        Assert.Equal(403, denied.ErrorCode);
        var tooLong = await Assert.ThrowsAsync<ChatRequestException>(() => writer.SendMessageAsync("12345"));
        Assert.Equal(413, tooLong.ErrorCode);
        // One message per second in this room: of five sent at once, at least one is refused.
        var burst = Enumerable.Range(0, 5).Select(i => writer.SendMessageAsync("m" + i)).ToList();
        await Task.WhenAll(burst.Select(t => t.ContinueWith(_ => { })));
        var limited = burst.Where(t => t.IsFaulted).Select(t => Assert.IsType<ChatRequestException>(t.Exception!.InnerException)).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, e => Assert.Equal(429, e.ErrorCode));
        Assert.Equal(ChatConnectionState.Open, writer.State);
        // Errors answered to a request are the caller's, not room traffic; the delivered messages are.
        int delivered = burst.Count(t => t.Status == TaskStatus.RanToCompletion);
        for (int i = 0; i < delivered; i++) await Next<ChatMessage>(writer);
        Assert.Null(await writer.ReceiveAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Delete_and_disconnect_resolve_on_their_events()
    {
        string room = await Service.CreateRoomAsync();
        using var mod = await Service.ConnectAsync(room, "mod", capabilities: ["SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER"]);
        using var user = await Service.ConnectAsync(room, "user");
        var message = await mod.SendMessageAsync("to delete");
        var deleted = await mod.DeleteMessageAsync(message.Id, "cleanup");
        Assert.Equal((ChatEvent.DeleteMessageEventName, message.Id, "cleanup"), (deleted.EventName, deleted.MessageId, deleted.Reason));

        var kicked = await mod.DisconnectUserAsync("user", "bye");
        Assert.Equal(("user", "bye"), (kicked.UserId, kicked.Reason));
        Assert.Equal(message.Id, (await Next<ChatMessage>(user)).Id);
        Assert.Equal(ChatEvent.DeleteMessageEventName, (await Next<ChatEvent>(user)).EventName);
        Assert.Equal(ChatEvent.DisconnectUserEventName, (await Next<ChatEvent>(user)).EventName);
        Assert.Null(await user.ReceiveAsync(Wait)); // closed and drained
        Assert.Equal(ChatConnectionState.Closed, user.State);
        Assert.Contains("moderator", user.CloseReason);
        await Assert.ThrowsAsync<ChatConnectionException>(() => user.SendMessageAsync("x"));
    }

    [Fact]
    public async Task A_full_buffer_drops_the_oldest_frames_and_counts_them()
    {
        string room = await Service.CreateRoomAsync(rate: 100);
        using var reader = await Service.ConnectAsync(room, "reader", new IvsChatConnectionOptions { ReceiveBufferCapacity = 5 });
        using var writer = await Service.ConnectAsync(room, "writer", capabilities: "SEND_MESSAGE");
        for (int i = 1; i <= 8; i++) await writer.SendMessageAsync("m" + i);
        var deadline = Stopwatch.StartNew();
        while (reader.DroppedCount < 3 && deadline.Elapsed < Wait) await Task.Delay(20);

        Assert.Equal(3, reader.DroppedCount);
        Assert.Equal(3, reader.TakeDroppedCount());
        Assert.Equal(0, reader.TakeDroppedCount());
        var contents = new List<string>();
        while (await reader.ReceiveAsync(TimeSpan.FromMilliseconds(100)) is ChatMessage m) contents.Add(m.Content);
        Assert.Equal(["m4", "m5", "m6", "m7", "m8"], contents);
    }

    [Fact]
    public async Task Receive_waits_for_its_timeout_and_honours_cancellation()
    {
        string room = await Service.CreateRoomAsync();
        using var c = await Service.ConnectAsync(room, "quiet");
        var clock = Stopwatch.StartNew();
        Assert.Null(await c.ReceiveAsync(TimeSpan.FromMilliseconds(400)));
        Assert.InRange(clock.ElapsedMilliseconds, 390, 3000);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        clock.Restart();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.ReceiveAsync(Timeout.InfiniteTimeSpan, cts.Token));
        Assert.InRange(clock.ElapsedMilliseconds, 150, 3000);
    }

    [Fact]
    public async Task Session_expiry_is_reported_as_error_401_then_a_closed_connection()
    {
        string room = await Service.CreateRoomAsync();
        // One session minute lasts three seconds in this service.
        using var c = await Service.ConnectAsync(room, "short", sessionMinutes: 1);
        Assert.InRange((c.SessionExpirationTime!.Value - DateTime.UtcNow).TotalSeconds, 0, 3);
        var error = Assert.IsType<ChatError>(await c.ReceiveAsync(Wait));
        Assert.Equal(401, error.ErrorCode);
        Assert.Null(await c.ReceiveAsync(Wait));
        Assert.Equal(ChatConnectionState.Closed, c.State);
        Assert.True(c.SessionExpired);
        Assert.Contains("expired", c.CloseReason);
    }

    [Fact]
    public async Task A_used_or_forged_token_is_refused_without_revealing_it()
    {
        string room = await Service.CreateRoomAsync();
        var token = await Service.TokenAsync(room, "once");
        using (await IvsChatConnection.ConnectAsync(Service.MessagingEndpoint, token.Token!)) { }
        var reused = await Assert.ThrowsAsync<ChatConnectionException>(() => IvsChatConnection.ConnectAsync(Service.MessagingEndpoint, token.Token!));
        Assert.Equal(401, reused.HttpStatusCode);
        Assert.DoesNotContain(token.Token!, reused.ToString());

        string forged = token.Token![..^3] + (token.Token!.EndsWith("AAA") ? "BBB" : "AAA");
        var refused = await Assert.ThrowsAsync<ChatConnectionException>(() => IvsChatConnection.ConnectAsync(Service.MessagingEndpoint, forged));
        Assert.Equal(401, refused.HttpStatusCode);
    }

    [Fact]
    public async Task Idle_probes_keep_a_live_connection_open_without_surfacing_anything()
    {
        string room = await Service.CreateRoomAsync();
        var trace = new List<string>();
        using var c = await Service.ConnectAsync(room, "idle", new IvsChatConnectionOptions
        {
            IdleProbeInterval = TimeSpan.FromMilliseconds(200), ProbeTimeout = TimeSpan.FromSeconds(3),
            Trace = line => { lock (trace) trace.Add(line); },
        });
        Assert.Null(await c.ReceiveAsync(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(ChatConnectionState.Open, c.State);
        lock (trace)
        {
            Assert.Contains(trace, l => l.Contains("keep-alive probe"));
            Assert.DoesNotContain(trace, l => l.Contains("idle")); // no user id in the wire trace
        }
    }

    [Fact]
    public async Task A_silent_dead_service_is_detected_by_the_keep_alive_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = AcceptAndGoSilentAsync(listener);
        var endpoint = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        using var c = await IvsChatConnection.ConnectAsync(endpoint, "token123", new IvsChatConnectionOptions
        {
            IdleProbeInterval = TimeSpan.FromMilliseconds(200), ProbeTimeout = TimeSpan.FromMilliseconds(400),
        });
        var clock = Stopwatch.StartNew();
        Assert.Null(await c.ReceiveAsync(TimeSpan.FromSeconds(5)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4.5), "the dead connection was noticed, not waited out");
        Assert.Equal(ChatConnectionState.Closed, c.State);
        Assert.Contains("keep-alive timeout", c.CloseReason);
        using TcpClient _ = await accept;
    }

    [Fact]
    public async Task Requests_to_a_peer_that_stopped_reading_time_out_instead_of_hanging()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = AcceptAndGoSilentAsync(listener);
        var endpoint = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        using var c = await IvsChatConnection.ConnectAsync(endpoint, "token123", new IvsChatConnectionOptions
        {
            RequestTimeout = TimeSpan.FromMilliseconds(500), IdleProbeInterval = TimeSpan.Zero,
        });
        // Large frames fill the socket buffers of a peer that never reads: a send must not block forever either.
        string big = new('x', 4_000_000);
        for (int i = 0; i < 4 && c.State == ChatConnectionState.Open; i++)
        {
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAsync<TimeoutException>(() => c.SendMessageAsync(big));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"request {i} took {clock.Elapsed}");
        }
        using TcpClient _ = await accept;
    }

    /// <summary>Completes a WebSocket handshake by hand, then never reads or writes again (a hung peer).</summary>
    private static async Task<TcpClient> AcceptAndGoSilentAsync(TcpListener listener)
    {
        TcpClient client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var request = new StringBuilder();
        var buffer = new byte[4096];
        while (!request.ToString().Contains("\r\n\r\n"))
            request.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer)));
        string Header(string name) => request.ToString().Split("\r\n")
            .First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(Header("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {Header("Sec-WebSocket-Protocol")}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        return client;
    }
}
