using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.Tests.Support;

/// <summary>One answer: status, error type header, parsed JSON body (null when empty).</summary>
public sealed record ApiResponse(int Status, string? ErrorType, string? RequestId, JsonNode? Body, string RawBody)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"No body (status {Status}).");
    public string? Message => Body?["message"]?.GetValue<string>();
    public IEnumerable<string> FieldNames => (Body?["fieldList"]?.AsArray() ?? []).Select(f => f!["name"]!.GetValue<string>());
}

/// <summary>An in-process emulator on a free port plus a signing HTTP client for it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private readonly RunningEmulator _running;
    public HttpClient Http { get; } = new();
    public EmulatorOptions Options => _running.Options;
    public Uri BaseUrl => _running.BaseUrl;
    public IServiceProvider Services => _running.Services;

    /// <summary>The service's clock: requests are signed at its time.</summary>
    public TimeProvider Clock { get; }

    private TestEmulator(RunningEmulator running, TimeProvider clock)
    {
        _running = running;
        Clock = clock;
    }

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null, TimeProvider? time = null) =>
        new(await EmulatorHost.StartAsync(options ?? new EmulatorOptions(), time), time ?? TimeProvider.System);

    /// <summary>Signed request with the emulator's credentials unless overridden.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string pathAndQuery, string? json = null,
        string? accessKey = null, string? secret = null, DateTimeOffset? signedAt = null, string? region = null,
        bool sign = true, string? sessionToken = null, string service = "ivschat")
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, pathAndQuery));
        byte[] body = json == null ? [] : Encoding.UTF8.GetBytes(json);
        if (json != null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        if (sign)
            TestSigner.Sign(request, body, accessKey ?? Options.AccessKeyId, secret ?? Options.SecretAccessKey,
                region ?? Options.Region, signedAt ?? Clock.GetUtcNow(), service, sessionToken);
        using var response = await Http.SendAsync(request);
        string raw = await response.Content.ReadAsStringAsync();
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var e) ? e.First() : null;
        string? requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var r) ? r.First() : null;
        return new ApiResponse((int)response.StatusCode, errorType, requestId, raw.Length == 0 ? null : JsonNode.Parse(raw), raw);
    }

    public Task<ApiResponse> PostAsync(string operation, object body) =>
        SendAsync(HttpMethod.Post, "/" + operation, System.Text.Json.JsonSerializer.Serialize(body));

    public Task<ApiResponse> PostRawAsync(string operation, string json) => SendAsync(HttpMethod.Post, "/" + operation, json);

    /// <summary>Calls an operation that must succeed and returns its JSON.</summary>
    public async Task<JsonNode> OkAsync(string operation, object body)
    {
        var r = await PostAsync(operation, body);
        if (r.Status != 200) throw new Xunit.Sdk.XunitException($"{operation} answered {r.Status} {r.ErrorType}: {r.RawBody}");
        return r.Json;
    }

    public async Task<string> CreateRoomAsync(object? body = null) =>
        (await OkAsync("CreateRoom", body ?? new { }))["arn"]!.GetValue<string>();

    public static string TagPath(string arn) => "/tags/" + Uri.EscapeDataString(arn);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _running.DisposeAsync();
    }
}

/// <summary>A clock tests can move.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}
