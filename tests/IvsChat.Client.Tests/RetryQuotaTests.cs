using System.Net;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>AWS's standard retry quota (500 tokens, a retry costs 5, one after a timeout 10, success refunds) and
/// the legacy mode's rules, on virtual time.</summary>
public class RetryQuotaTests
{
    private static readonly GetRoomRequest Get = new() { Identifier = "g1H2I3j4k5L6" };

    private static HttpResponseMessage ServerError() =>
        RecordingHandler.Json(HttpStatusCode.InternalServerError, """{"message":"down"}""", errorType: "InternalServerException");
    private static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, """{"id":"g1H2I3j4k5L6"}""");

    private static (IvsChatClient Client, RetryQuota Quota) Create(RecordingHandler handler, string mode = "standard", int maxAttempts = 3,
        List<TimeSpan>? waits = null, Action<IvsChatClientOptions>? configure = null)
    {
        var quotas = new RetryQuotaRegistry();
        var virtualSeconds = 0.0;
        var s = TestClients.Settings();
        var settings = new ResolvedClientSettings(s.Credentials, s.CredentialSource, s.Region, s.RegionSource, s.Endpoint, s.EndpointSource,
            new RetrySettings(mode, maxAttempts, "test"));
        var client = new IvsChatClient(settings, new IvsChatClientOptions
        {
            HttpHandler = handler, Jitter = () => 1.0, RetryQuotas = quotas, ClockOffsets = new ClockOffsetRegistry(),
            RateLimiters = new RateLimiterRegistry(() => virtualSeconds),
            Delay = (wait, _) => { waits?.Add(wait); virtualSeconds += wait.TotalSeconds; return Task.CompletedTask; },
        }.Also(configure));
        return (client, quotas.For(s.Endpoint, RetryModeRules.For(mode)));
    }

    [Fact]
    public async Task A_broadly_failing_service_drains_the_quota_and_then_calls_fail_without_retrying()
    {
        var handler = new RecordingHandler((r, n) => ServerError());
        var (client, quota) = Create(handler);
        using (client)
        {
            for (var call = 1; call <= 50; call++)
                await Assert.ThrowsAsync<InternalServerException>(() => client.GetRoomAsync(Get));
            Assert.Equal(150, handler.Requests.Count);   // 50 calls x 3 attempts: 100 retries x 5 tokens
            Assert.Equal(0, quota.Available);

            var error = await Assert.ThrowsAsync<InternalServerException>(() => client.GetRoomAsync(Get));
            Assert.Equal(151, handler.Requests.Count);   // no tokens: the first failure is final
            Assert.Equal("InternalServerException", error.ErrorCode);
        }
    }

    [Fact]
    public async Task Successes_refill_the_quota()
    {
        var answers = new Queue<Func<HttpResponseMessage>>(new Func<HttpResponseMessage>[] { ServerError, ServerError, ServerError, Ok, ServerError, Ok });
        var handler = new RecordingHandler((r, n) => answers.Dequeue()());
        var (client, quota) = Create(handler);
        using (client)
        {
            await Assert.ThrowsAsync<InternalServerException>(() => client.GetRoomAsync(Get));
            Assert.Equal(490, quota.Available);   // two retries
            await client.GetRoomAsync(Get);
            Assert.Equal(491, quota.Available);   // a success without retry adds 1
            await client.GetRoomAsync(Get);
            Assert.Equal(491, quota.Available);   // a success after a retry gives back that retry's 5
        }
    }

    [Fact]
    public async Task A_retry_after_a_timeout_costs_10()
    {
        var handler = new RecordingHandler(async (r, n, token) => { await Task.Delay(TimeSpan.FromSeconds(30), token); return Ok(); });
        var (client, quota) = Create(handler, configure: o => o.AttemptTimeout = TimeSpan.FromMilliseconds(30));
        using (client)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => client.GetRoomAsync(Get));
            Assert.Equal(3, handler.Requests.Count);
            Assert.Equal(480, quota.Available);
        }
    }

    [Fact]
    public async Task Paced_throttling_leaves_the_quota_alone_unpaced_throttling_draws_on_it()
    {
        Func<RecordedRequest, int, HttpResponseMessage> throttleTwice = (r, n) => n % 3 == 0 ? Ok()
            : RecordingHandler.Json((HttpStatusCode)429, """{"message":"slow down"}""", errorType: "ThrottlingException");
        var (paced, pacedQuota) = Create(new RecordingHandler(throttleTwice));
        using (paced) await paced.GetRoomAsync(Get);
        Assert.Equal(500, pacedQuota.Available);

        var (unpaced, unpacedQuota) = Create(new RecordingHandler(throttleTwice), configure: o => o.ClientSidePacing = false);
        using (unpaced) await unpaced.GetRoomAsync(Get);
        Assert.Equal(495, unpacedQuota.Available);   // -5 -5, then +5 back for the retry that succeeded
    }

    [Fact]
    public async Task Legacy_mode_follows_the_AWS_SDK_for_NET_legacy_rules()
    {
        var waits = new List<TimeSpan>();
        var handler = new RecordingHandler((r, n) => ServerError());
        var (client, quota) = Create(handler, mode: "legacy", maxAttempts: 5, waits: waits);
        using (client)
        {
            await Assert.ThrowsAsync<InternalServerException>(() => client.GetRoomAsync(Get));
            Assert.Equal(5, handler.Requests.Count);
            // 100 ms x 4^n, no jitter (the jitter source says 1.0 and is not used), capped at 30 s.
            Assert.Equal(new[] { 400.0, 1600, 6400, 25600 }, waits.Select(w => w.TotalMilliseconds));
            Assert.Equal(80, quota.Available);   // a 100-token quota, 5 per retry
        }
    }

    [Fact]
    public void Legacy_mode_defaults_to_5_attempts_and_standard_to_3()
    {
        var env = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_REGION"] = "us-west-2",
            ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
            ["AWS_RETRY_MODE"] = "legacy",
        };
        Assert.Equal(5, ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }).Retry.MaxAttempts);
        env["AWS_MAX_ATTEMPTS"] = "2";
        Assert.Equal(2, ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }).Retry.MaxAttempts);
        env["AWS_RETRY_MODE"] = "standard";
        env.Remove("AWS_MAX_ATTEMPTS");
        Assert.Equal(3, ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }).Retry.MaxAttempts);
    }
}

internal static class OptionsExtensions
{
    public static IvsChatClientOptions Also(this IvsChatClientOptions options, Action<IvsChatClientOptions>? configure)
    {
        configure?.Invoke(options);
        return options;
    }
}
