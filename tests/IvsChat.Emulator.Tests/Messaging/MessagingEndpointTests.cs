using Xunit;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Messaging;

namespace IvsChat.Emulator.Tests.Messaging;

public sealed class ChatServiceFixture : IAsyncLifetime
{
    public ChatTestService Service { get; private set; } = null!;
    public async Task InitializeAsync() => Service = await ChatTestService.StartAsync(sessionMinuteSeconds: 1);
    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>The messaging WebSocket end to end, over real sockets, against the in-process service.</summary>
public class MessagingEndpointTests(ChatServiceFixture fixture) : IClassFixture<ChatServiceFixture>
{
    private ChatTestService Service => fixture.Service;

    private static object Send(string content, string? requestId = null) => new { Action = "SEND_MESSAGE", Content = content, RequestId = requestId };

    [Fact]
    public async Task Senders_and_every_connection_of_every_user_receive_messages_with_token_attributes()
    {
        string room = await Service.CreateRoomAsync();
        await using var alice = await Service.ConnectAsync(room, "alice", "SEND_MESSAGE");
        await using var bob1 = await Service.ConnectAsync(room, "bob");
        await using var bob2 = await Service.ConnectAsync(room, "bob");
        await alice.SendAsync(new { Action = "SEND_MESSAGE", Content = "hi", Attributes = new { k = "v" }, RequestId = "r1" });
        foreach (var client in new[] { alice, bob1, bob2 })
        {
            var m = await client.ExpectAsync("MESSAGE");
            Assert.Equal(("hi", "r1", "v"), (m["Content"]!.GetValue<string>(), m["RequestId"]!.GetValue<string>(), m["Attributes"]!["k"]!.GetValue<string>()));
            Assert.Equal("alice", m["Sender"]!["UserId"]!.GetValue<string>());
            Assert.Equal("ALICE", m["Sender"]!["Attributes"]!["nick"]!.GetValue<string>());
            Assert.True(FrameIds.IsValid(m["Id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Each_action_needs_its_capability_and_errors_echo_the_request_id()
    {
        string room = await Service.CreateRoomAsync();
        await using var viewer = await Service.ConnectAsync(room, "viewer");
        await viewer.SendAsync(Send("x", "s"));
        await viewer.SendAsync(new { Action = "DELETE_MESSAGE", Id = "AbCdEfGhIjKl", RequestId = "d" });
        await viewer.SendAsync(new { Action = "DISCONNECT_USER", UserId = "someone", RequestId = "u" });
        foreach (string requestId in new[] { "s", "d", "u" })
        {
            var e = await viewer.ExpectAsync("ERROR");
            Assert.Equal((403, requestId), (e["ErrorCode"]!.GetValue<int>(), e["RequestId"]!.GetValue<string>()));
        }
        Assert.Equal(WebSocketState.Open, viewer.Socket.State);
    }

    [Fact]
    public async Task Length_is_counted_in_code_points_and_UpdateRoom_applies_to_live_connections()
    {
        string room = await Service.CreateRoomAsync(length: 2);
        await using var c = await Service.ConnectAsync(room, "c", "SEND_MESSAGE");
        await c.SendAsync(Send("😀😀", "ok"));
        Assert.Equal("😀😀", (await c.ExpectAsync("MESSAGE"))["Content"]!.GetValue<string>());
        await c.SendAsync(Send("😀😀😀", "long"));
        Assert.Equal(413, (await c.ExpectAsync("ERROR"))["ErrorCode"]!.GetValue<int>());

        await Service.CallAsync("UpdateRoom", new { identifier = room, maximumMessageLength = 3 });
        await c.SendAsync(Send("😀😀😀", "now-ok"));
        Assert.Equal("now-ok", (await c.ExpectAsync("MESSAGE"))["RequestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forged_missing_and_replayed_tokens_are_refused_at_the_handshake()
    {
        string room = await Service.CreateRoomAsync();
        string token = await Service.TokenAsync(room, "u");
        int dot = token.IndexOf('.');
        string otherRoomToken = await Service.TokenAsync(await Service.CreateRoomAsync(), "u");
        // A payload from one token with the signature of another, and a flipped signature character.
        Assert.Equal(401, await Service.HandshakeStatusAsync(token[..dot] + otherRoomToken[otherRoomToken.IndexOf('.')..]));
        Assert.Equal(401, await Service.HandshakeStatusAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Equal(401, await Service.HandshakeStatusAsync("garbage"));
        Assert.Equal(401, await Service.HandshakeStatusAsync(null));

        Assert.Equal(101, await Service.HandshakeStatusAsync(token));
        Assert.Equal(401, await Service.HandshakeStatusAsync(token)); // single use
    }

    [Fact]
    public async Task Deleting_the_room_refuses_its_tokens_and_closes_its_connections()
    {
        string room = await Service.CreateRoomAsync();
        string unused = await Service.TokenAsync(room, "late");
        await using var c = await Service.ConnectAsync(room, "c");
        await Service.CallAsync("DeleteRoom", new { identifier = room });
        Assert.Null(await c.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, c.Socket.CloseStatus);
        Assert.Equal(ChatRoomHub.RoomDeletedReason, c.Socket.CloseStatusDescription);
        Assert.Equal(404, await Service.HandshakeStatusAsync(unused));
    }

    [Fact]
    public async Task Malformed_and_oversized_frames_get_errors_and_break_nothing()
    {
        string room = await Service.CreateRoomAsync();
        await using var bad = await Service.ConnectAsync(room, "bad", "SEND_MESSAGE");
        await using var good = await Service.ConnectAsync(room, "good");
        await bad.SendTextAsync("{not json");
        await bad.SendTextAsync("""{"Action":"SEND_MESSAGE","Content":["x"],"RequestId":"t"}""");
        await bad.SendTextAsync("""{"Action":"FLY","RequestId":"f"}""");
        await bad.SendAsync(Send(new string('x', 70 * 1024), "big"));
        await bad.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        await bad.SendAsync(Send("fine", "ok"));
        var codes = new List<int>();
        for (int i = 0; i < 5; i++) codes.Add((await bad.ExpectAsync("ERROR"))["ErrorCode"]!.GetValue<int>());
        Assert.Equal([400, 400, 400, 413, 400], codes);
        Assert.Equal("ok", (await bad.ExpectAsync("MESSAGE"))["RequestId"]!.GetValue<string>());
        // The other client saw only the valid message.
        Assert.Equal("fine", (await good.ExpectAsync("MESSAGE"))["Content"]!.GetValue<string>());
        Assert.Null(await good.ReceiveAsync(TimeSpan.FromMilliseconds(300)).ContinueWith(t => t.IsFaulted || t.IsCanceled ? null : t.Result));
    }

    [Fact]
    public async Task Lone_surrogate_escapes_in_any_member_get_ERROR_400_and_the_connection_stays_open()
    {
        string room = await Service.CreateRoomAsync();
        await using var client = await Service.ConnectAsync(room, "mod", "SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER");
        string[] frames =
        [
            """{"Action":"SEND_MESSAGE","Content":"a\ud800","RequestId":"c"}""",
            """{"Action":"SEND_MESSAGE","Content":"x","RequestId":"\udc00\ud800"}""",
            """{"Action":"SEND_MESSAGE","Content":"x","Attributes":{"k":"\ud800"},"RequestId":"a"}""",
            """{"Action":"SEND_MESSAGE","Content":"x","Attributes":{"\udfff":"v"},"RequestId":"k"}""",
            """{"Action":"DISCONNECT_USER","UserId":"\ud800","RequestId":"u"}""",
            """{"Action":"DELETE_MESSAGE","Id":"AbCdEfGhIjKl","Reason":"\ud800","RequestId":"r"}""",
        ];
        foreach (string frame in frames)
        {
            await client.SendTextAsync(frame);
            var error = await client.ExpectAsync("ERROR");
            Assert.Equal(400, error["ErrorCode"]!.GetValue<int>());
        }
        Assert.Equal(WebSocketState.Open, client.Socket.State);
        await client.SendAsync(Send("still here", "ok"));
        Assert.Equal("ok", (await client.ExpectAsync("MESSAGE"))["RequestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moderation_over_the_socket_and_from_the_control_plane_reaches_everyone()
    {
        string room = await Service.CreateRoomAsync();
        await using var mod = await Service.ConnectAsync(room, "mod", "DELETE_MESSAGE", "DISCONNECT_USER");
        await using var target = await Service.ConnectAsync(room, "target");
        await using var target2 = await Service.ConnectAsync(room, "target");

        await mod.SendAsync(new { Action = "DELETE_MESSAGE", Id = "AbCdEfGhIjKl", Reason = "spam", RequestId = "d1" });
        foreach (var c in new[] { mod, target })
        {
            var e = await c.ExpectAsync("EVENT");
            Assert.Equal(("aws:DELETE_MESSAGE", "d1", "AbCdEfGhIjKl", "AbCdEfGhIjKl", "spam"),
                (e["EventName"]!.GetValue<string>(), e["RequestId"]!.GetValue<string>(), e["Attributes"]!["MessageId"]!.GetValue<string>(),
                 e["Attributes"]!["MessageID"]!.GetValue<string>(), e["Attributes"]!["Reason"]!.GetValue<string>()));
        }
        await target2.ExpectAsync("EVENT");

        var sent = await Service.CallAsync("SendEvent", new { roomIdentifier = room, eventName = "app:hello", attributes = new { x = "1" } });
        foreach (var c in new[] { mod, target, target2 })
        {
            var e = await c.ExpectAsync("EVENT");
            Assert.Equal(sent!["id"]!.GetValue<string>(), e["Id"]!.GetValue<string>());
            Assert.Equal("1", e["Attributes"]!["x"]!.GetValue<string>());
        }

        await Service.CallAsync("DisconnectUser", new { roomIdentifier = room, userId = "target", reason = "bye" });
        foreach (var c in new[] { target, target2 })
        {
            var e = await c.ExpectAsync("EVENT");
            Assert.Equal(("aws:DISCONNECT_USER", "target", "bye"),
                (e["EventName"]!.GetValue<string>(), e["Attributes"]!["UserId"]!.GetValue<string>(), e["Attributes"]!["Reason"]!.GetValue<string>()));
            Assert.Null(await c.ReceiveAsync());
            Assert.Equal(WebSocketCloseStatus.NormalClosure, c.Socket.CloseStatus);
        }
        Assert.Equal("aws:DISCONNECT_USER", (await mod.ExpectAsync("EVENT"))["EventName"]!.GetValue<string>());
        Assert.Equal(WebSocketState.Open, mod.Socket.State);
    }

    [Fact]
    public async Task At_session_end_the_service_sends_error_401_then_closes()
    {
        string room = await Service.CreateRoomAsync();
        // One session minute is one second in this fixture.
        string token = (await Service.CallAsync("CreateChatToken", new { roomIdentifier = room, userId = "s", sessionDurationInMinutes = 1 }))!
            ["token"]!.GetValue<string>();
        await using var c = await RawChatClient.ConnectAsync(Service.MessagingUrl, token);
        var clock = Stopwatch.StartNew();
        var error = await c.ExpectAsync("ERROR");
        Assert.Equal(401, error["ErrorCode"]!.GetValue<int>());
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 8);
        Assert.Null(await c.ReceiveAsync());
    }

    [Fact]
    public async Task Two_hundred_connections_each_receive_every_message_of_a_burst_in_order()
    {
        const int clients = 200, burst = 50;
        string room = await Service.CreateRoomAsync(rate: 100);
        var receivers = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Service.ConnectAsync(room, "r" + i)));
        await using var sender = await Service.ConnectAsync(room, "sender", "SEND_MESSAGE");
        try
        {
            var receiving = receivers.Select(async r =>
            {
                var contents = new List<string>(burst);
                for (int i = 0; i < burst; i++) contents.Add((await r.ExpectAsync("MESSAGE"))["Content"]!.GetValue<string>());
                return contents;
            }).ToList();
            for (int i = 0; i < burst; i++) await sender.SendAsync(Send("m" + i));
            var expected = Enumerable.Range(0, burst).Select(i => "m" + i).ToList();
            foreach (var contents in await Task.WhenAll(receiving)) Assert.Equal(expected, contents);
        }
        finally
        {
            foreach (var r in receivers) await r.DisposeAsync();
        }
    }
}

/// <summary>A clock that stands still until the test moves it (wall time and timestamps).</summary>
public sealed class MovableClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    private long _timestamp = 1_000_000;
    public override DateTimeOffset GetUtcNow() => _now;
    public override long GetTimestamp() => Interlocked.Read(ref _timestamp);
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public void Advance(TimeSpan by)
    {
        _now += by;
        Interlocked.Add(ref _timestamp, by.Ticks);
    }
}

/// <summary>The room-wide rate window, with time standing still so that processing speed cannot matter.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task The_rate_limit_is_room_wide_and_refills_after_a_second()
    {
        var clock = new MovableClock();
        await using var service = await ChatTestService.StartAsync(time: clock);
        string room = await service.CreateRoomAsync(rate: 3);
        await using var a = await service.ConnectAsync(room, "a", "SEND_MESSAGE");
        await using var b = await service.ConnectAsync(room, "b", "SEND_MESSAGE");
        for (int i = 0; i < 3; i++) await a.SendAsync(new { Action = "SEND_MESSAGE", Content = "a" + i, RequestId = "a" + i });
        for (int i = 0; i < 2; i++) await b.SendAsync(new { Action = "SEND_MESSAGE", Content = "b" + i, RequestId = "b" + i });

        // Each client gets every accepted message (3) and a 429 for each of its own refused requests.
        var accepted = new HashSet<string>();
        var refused = new List<string>();
        async Task Collect(RawChatClient client, string prefix, int sent)
        {
            int messages = 0, ownAnswers = 0;
            while (messages < 3 || ownAnswers < sent)
            {
                var frame = (await client.ReceiveAsync())!;
                string requestId = frame["RequestId"]!.GetValue<string>();
                if (requestId.StartsWith(prefix, StringComparison.Ordinal)) ownAnswers++;
                if (frame["Type"]!.GetValue<string>() == "MESSAGE") { messages++; lock (accepted) accepted.Add(requestId); }
                else
                {
                    Assert.Equal(429, frame["ErrorCode"]!.GetValue<int>());
                    lock (accepted) refused.Add(requestId);
                }
            }
        }
        await Task.WhenAll(Collect(a, "a", 3), Collect(b, "b", 2));
        Assert.Equal(3, accepted.Count);
        Assert.Equal(2, refused.Count);
        Assert.Equal(["a0", "a1", "a2", "b0", "b1"], accepted.Concat(refused).Order());

        clock.Advance(TimeSpan.FromMilliseconds(1001));
        await b.SendAsync(new { Action = "SEND_MESSAGE", Content = "later", RequestId = "l" });
        Assert.Equal("later", (await b.ExpectAsync("MESSAGE"))["Content"]!.GetValue<string>());
        await b.SendAsync(new { Action = "SEND_MESSAGE", Content = "x", RequestId = "l2" });
        await b.SendAsync(new { Action = "SEND_MESSAGE", Content = "y", RequestId = "l3" });
        await b.SendAsync(new { Action = "SEND_MESSAGE", Content = "z", RequestId = "l4" });
        Assert.Equal("MESSAGE", (await b.ReceiveAsync())!["Type"]!.GetValue<string>());
        Assert.Equal("MESSAGE", (await b.ReceiveAsync())!["Type"]!.GetValue<string>());
        Assert.Equal(429, (await b.ExpectAsync("ERROR"))["ErrorCode"]!.GetValue<int>());
    }
}

/// <summary>Token lifetime against a clock the test moves.</summary>
public class TokenExpiryTests
{

    [Fact]
    public async Task A_token_connects_only_within_its_ttl()
    {
        var clock = new MovableClock();
        await using var service = await ChatTestService.StartAsync(tokenTtlSeconds: 30, time: clock);
        string room = await service.CreateRoomAsync();
        string fresh = await service.TokenAsync(room, "u");
        string stale = await service.TokenAsync(room, "u");
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(101, await service.HandshakeStatusAsync(fresh));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(401, await service.HandshakeStatusAsync(stale));
    }
}
