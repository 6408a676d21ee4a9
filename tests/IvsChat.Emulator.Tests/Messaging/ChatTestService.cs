using Xunit;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.Tests.Messaging;

/// <summary>The whole service in process (signatures off: these tests are about messaging) and raw WebSocket clients.</summary>
public sealed class ChatTestService : IAsyncDisposable
{
    private readonly RunningEmulator _running;
    private readonly HttpClient _http = new();

    private ChatTestService(RunningEmulator running) => _running = running;

    public IServiceProvider Services => _running.Services;
    public Uri MessagingUrl => _running.MessagingUrl;

    public static async Task<ChatTestService> StartAsync(int tokenTtlSeconds = 60, int sessionMinuteSeconds = 60, TimeProvider? time = null) =>
        new(await EmulatorHost.StartAsync(new EmulatorOptions
        {
            RequireSignatures = false, TokenTtlSeconds = tokenTtlSeconds, SessionMinuteSeconds = sessionMinuteSeconds,
        }, time));

    public async Task<JsonNode?> CallAsync(string operation, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(_running.BaseUrl, "/" + operation), body);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"{operation}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async Task<string> CreateRoomAsync(int? rate = null, int? length = null)
    {
        var body = new Dictionary<string, object>();
        if (rate != null) body["maximumMessageRatePerSecond"] = rate;
        if (length != null) body["maximumMessageLength"] = length;
        return (await CallAsync("CreateRoom", body))!["arn"]!.GetValue<string>();
    }

    public async Task<string> TokenAsync(string roomArn, string userId, params string[] capabilities) =>
        (await CallAsync("CreateChatToken",
            new { roomIdentifier = roomArn, userId, capabilities, attributes = new Dictionary<string, string> { ["nick"] = userId.ToUpperInvariant() } }))!
            ["token"]!.GetValue<string>();

    public async Task<RawChatClient> ConnectAsync(string roomArn, string userId, params string[] capabilities) =>
        await RawChatClient.ConnectAsync(MessagingUrl, await TokenAsync(roomArn, userId, capabilities));

    /// <summary>The HTTP status of a refused handshake (or 101 when it was accepted).</summary>
    public async Task<int> HandshakeStatusAsync(string? token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token != null) socket.Options.AddSubProtocol(token);
        try
        {
            await socket.ConnectAsync(MessagingUrl, CancellationToken.None);
            return 101;
        }
        catch (WebSocketException)
        {
            return (int)socket.HttpStatusCode;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _running.DisposeAsync();
    }
}

/// <summary>A bare WebSocket speaking the messaging protocol, so the server side is what gets tested.</summary>
public sealed class RawChatClient : IAsyncDisposable
{
    private readonly byte[] _buffer = new byte[256 * 1024];
    public ClientWebSocket Socket { get; }

    private RawChatClient(ClientWebSocket socket) => Socket = socket;

    public static async Task<RawChatClient> ConnectAsync(Uri url, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(token);
        await socket.ConnectAsync(url, CancellationToken.None);
        return new RawChatClient(socket);
    }

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendAsync(object request) => SendTextAsync(JsonSerializer.Serialize(request));

    /// <summary>The next frame as JSON, or null when the server closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        int count = 0;
        while (true)
        {
            var r = await Socket.ReceiveAsync(_buffer.AsMemory(count), cts.Token);
            if (r.MessageType == WebSocketMessageType.Close) return null;
            count += r.Count;
            if (r.EndOfMessage) return JsonNode.Parse(_buffer.AsSpan(0, count))!.AsObject();
        }
    }

    public async Task<JsonObject> ExpectAsync(string type)
    {
        var frame = await ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"closed while expecting {type}");
        Assert.Equal(type, frame["Type"]!.GetValue<string>());
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
        Socket.Dispose();
    }
}
