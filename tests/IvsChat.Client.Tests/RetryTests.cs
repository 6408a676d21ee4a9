using System.Diagnostics;
using System.Net;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>AWS "standard" retries: counts, full-jitter backoff bounds, what is retried, cancellation.</summary>
public class RetryTests
{
    private static readonly GetRoomRequest Get = new() { Identifier = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6" };

    private static HttpResponseMessage Error(int status, string code)
        => RecordingHandler.Json((HttpStatusCode)status, $$"""{"message":"{{code}} happened"}""", errorType: code);

    [Fact]
    public async Task Server_errors_are_retried_up_to_max_attempts_with_exponential_backoff()
    {
        var waits = new List<TimeSpan>();
        var handler = new RecordingHandler((r, n) => Error(500, "InternalServerException"));
        using var client = TestClients.Create(handler, waits);
        await Assert.ThrowsAsync<InternalServerException>(() => client.GetRoomAsync(Get));
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200) }, waits);
    }

    [Fact]
    public async Task Success_after_transient_errors_returns_the_result()
    {
        var handler = new RecordingHandler((r, n) => n switch
        {
            1 => Error(503, "ServiceUnavailable"),
            2 => Error(502, "BadGateway"),
            _ => RecordingHandler.Json(HttpStatusCode.OK, """{"id":"g1H2I3j4k5L6"}"""),
        });
        using var client = TestClients.Create(handler, new List<TimeSpan>());
        var room = await client.GetRoomAsync(Get);
        Assert.Equal("g1H2I3j4k5L6", room.Id);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Theory]
    [InlineData(400, "ValidationException")]
    [InlineData(404, "ResourceNotFoundException")]
    [InlineData(403, "AccessDeniedException")]
    [InlineData(409, "ConflictException")]
    [InlineData(402, "ServiceQuotaExceededException")]
    public async Task Client_errors_are_never_retried(int status, string code)
    {
        var waits = new List<TimeSpan>();
        var handler = new RecordingHandler((r, n) => Error(status, code));
        using var client = TestClients.Create(handler, waits);
        var error = await Assert.ThrowsAnyAsync<IvsChatServiceException>(() => client.GetRoomAsync(Get));
        Assert.Equal(code, error.ErrorCode);
        Assert.Single(handler.Requests);
        Assert.Empty(waits);
    }

    [Fact]
    public async Task Max_attempts_setting_is_honoured()
    {
        var handler = new RecordingHandler((r, n) => Error(500, "InternalServerException"));
        using var client = TestClients.Create(handler, new List<TimeSpan>(), maxAttempts: 5);
        await Assert.ThrowsAsync<InternalServerException>(() => client.GetRoomAsync(Get));
        Assert.Equal(5, handler.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        var handler = new RecordingHandler((r, n, _) => n < 3
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"))
            : Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        using var client = TestClients.Create(handler, new List<TimeSpan>());
        await client.GetRoomAsync(Get);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Network_error_on_every_attempt_surfaces_after_max_attempts()
    {
        var handler = new RecordingHandler((r, n, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused")));
        using var client = TestClients.Create(handler, new List<TimeSpan>());
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetRoomAsync(Get));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Attempt_timeout_is_retried_then_reported_as_timeout()
    {
        var handler = new RecordingHandler(async (r, n, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = TestClients.Create(handler, new List<TimeSpan>(), configure: o => o.AttemptTimeout = TimeSpan.FromMilliseconds(50));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetRoomAsync(Get));
        Assert.Contains("GetRoom", error.Message);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Throttling_without_pacing_uses_the_standard_attempts()
    {
        var handler = new RecordingHandler((r, n) => Error(429, "ThrottlingException"));
        using var client = TestClients.Create(handler, new List<TimeSpan>(), configure: o => o.ClientSidePacing = false);
        await Assert.ThrowsAsync<ThrottlingException>(() => client.GetRoomAsync(Get));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Throttling_with_pacing_gets_a_larger_budget()
    {
        var handler = new RecordingHandler((r, n) => n <= 8 ? Error(429, "ThrottlingException") : RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.Create(handler, new List<TimeSpan>());
        await client.GetRoomAsync(Get);
        Assert.Equal(9, handler.Requests.Count);
    }

    [Fact]
    public async Task Adaptive_retry_mode_turns_pacing_on()
    {
        var handler = new RecordingHandler((r, n) => n <= 5 ? Error(429, "ThrottlingException") : RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        var s = TestClients.Settings();
        var adaptive = new ResolvedClientSettings(s.Credentials, s.CredentialSource, s.Region, s.RegionSource, s.Endpoint, s.EndpointSource,
            new RetrySettings("adaptive", 3, "test"));
        var virtualSeconds = 0.0;
        using var client = new IvsChatClient(adaptive, new IvsChatClientOptions
        {
            HttpHandler = handler, ClientSidePacing = false, Jitter = () => 1.0,
            Delay = (wait, _) => { virtualSeconds += wait.TotalSeconds; return Task.CompletedTask; },
            RateLimiters = new IvsChat.Client.Internal.RateLimiterRegistry(() => virtualSeconds),
        });
        await client.GetRoomAsync(Get);
        Assert.Equal(6, handler.Requests.Count);
    }

    [Fact]
    public async Task Max_attempts_1_turns_off_throttling_retries_too()
    {
        var handler = new RecordingHandler((r, n) => Error(429, "ThrottlingException"));
        using var client = TestClients.Create(handler, new List<TimeSpan>(), maxAttempts: 1);
        await Assert.ThrowsAsync<ThrottlingException>(() => client.GetRoomAsync(Get));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Throttling_with_pacing_still_ends_after_its_budget()
    {
        var handler = new RecordingHandler((r, n) => Error(429, "ThrottlingException"));
        using var client = TestClients.Create(handler, new List<TimeSpan>(), configure: o => o.ThrottlingMaxAttempts = 6);
        await Assert.ThrowsAsync<ThrottlingException>(() => client.GetRoomAsync(Get));
        Assert.Equal(6, handler.Requests.Count);
    }

    [Fact]
    public void Backoff_is_full_jitter_capped_at_20_seconds()
    {
        var jitter = 0.0;
        var client = new IvsChat.Client.Internal.RetryStrategy(TestClients.Settings().Retry, new IvsChatClientOptions { Jitter = () => jitter });
        var cap = TimeSpan.FromSeconds(20);
        foreach (var value in new[] { 0.0, 0.25, 0.999 })
        {
            jitter = value;
            for (var retry = 1; retry <= 12; retry++)
            {
                var ceiling = Math.Min(20000, 100 * Math.Pow(2, retry - 1));
                Assert.Equal(value * ceiling, client.Backoff(retry, cap).TotalMilliseconds, 3);
            }
        }
        jitter = 1.0;
        Assert.Equal(cap, client.Backoff(40, cap));
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_returns_promptly()
    {
        using var cts = new CancellationTokenSource();
        var handler = new RecordingHandler((r, n) => { cts.CancelAfter(100); return Error(500, "InternalServerException"); });
        // Real waits here: a 10 s backoff that the cancellation must cut short.
        using var client = TestClients.Create(handler, configure: o => o.Delay = (wait, token) => Task.Delay(TimeSpan.FromSeconds(10), token));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetRoomAsync(Get, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_request_returns_promptly()
    {
        using var cts = new CancellationTokenSource();
        var handler = new RecordingHandler(async (r, n, token) =>
        {
            cts.CancelAfter(100);
            await Task.Delay(TimeSpan.FromSeconds(10), token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = TestClients.Create(handler, new List<TimeSpan>());
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetRoomAsync(Get, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Single(handler.Requests);
    }
}
