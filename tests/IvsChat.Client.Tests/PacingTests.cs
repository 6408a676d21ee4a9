using System.Diagnostics;
using System.Net;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>Client-side pacing (adaptive rate limiter, on by default): a pipeline against a service that
/// throttles with a token bucket finishes with no errors, close to the quota rate.</summary>
public class PacingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>A service quota as the emulator's --enforce-quotas models it: one token bucket, capacity = rate.</summary>
    private sealed class QuotaBucket
    {
        private readonly double _rate;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _tokens, _last;
        public int Throttled;
        public QuotaBucket(double rate) { _rate = rate; _tokens = rate; }

        public HttpResponseMessage Answer()
        {
            lock (this)
            {
                var now = _clock.Elapsed.TotalSeconds;
                _tokens = Math.Min(_rate, _tokens + (now - _last) * _rate);
                _last = now;
                if (_tokens >= 1) { _tokens -= 1; return RecordingHandler.Json(HttpStatusCode.OK, "{}"); }
                Throttled++;
                return RecordingHandler.Json((HttpStatusCode)429, """{"message":"Rate exceeded","resourceId":"x","resourceType":"ROOM","limit":10}""",
                    errorType: "ThrottlingException");
            }
        }
    }

    [Fact]
    public async Task Throttled_pipeline_completes_without_errors_near_the_quota_rate()
    {
        const double quota = 10;
        var bucket = new QuotaBucket(quota);
        var handler = new RecordingHandler((r, _) => bucket.Answer());
        // Real clock and real waits; only the limiter registry is private to this test.
        using var client = new IvsChatClient(TestClients.Settings(),
            new IvsChatClientOptions { HttpHandler = handler, RateLimiters = new RateLimiterRegistry() });
        var request = new TagResourceRequest { ResourceArn = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6", Tags = new() { ["k"] = "v" } };

        var watch = Stopwatch.StartNew();
        var done = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(8))
        {
            await client.TagResourceAsync(request); // any error fails the test
            done++;
        }
        var rate = done / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{done} calls in {watch.Elapsed.TotalSeconds:0.0} s = {rate:0.0}/s, {bucket.Throttled} throttled answers");
        Assert.True(rate >= 0.85 * quota, $"{done} calls in {watch.Elapsed.TotalSeconds:0.0} s = {rate:0.0}/s (quota {quota}/s, {bucket.Throttled} throttled)");
        Assert.True(rate <= quota + 1.5, $"rate {rate:0.0}/s above the quota plus its initial burst");
    }

    [Fact]
    public void Limiter_is_off_until_throttled_then_follows_the_measured_rate()
    {
        var now = 0.0;
        var limiter = new AdaptiveRateLimiter(() => now);
        Assert.False(limiter.Enabled);
        for (var i = 0; i < 40; i++) { now += 0.05; limiter.Update(throttled: false); } // 20 requests/s measured
        Assert.False(limiter.Enabled);
        limiter.Update(throttled: true);
        Assert.True(limiter.Enabled);
        var afterThrottle = limiter.FillRate;
        Assert.InRange(afterThrottle, 0.7 * 10, 0.7 * 21);
        for (var i = 0; i < 40; i++) { now += 0.1; limiter.Update(throttled: false); }
        Assert.True(limiter.FillRate > afterThrottle, "the rate climbs back after successes");
    }

    [Fact]
    public void Limiters_are_shared_per_endpoint_and_operation()
    {
        var registry = new RateLimiterRegistry();
        var a = registry.For(new Uri("https://ivschat.us-west-2.amazonaws.com/"), "TagResource");
        Assert.Same(a, registry.For(new Uri("https://IVSCHAT.us-west-2.amazonaws.com"), "TagResource"));
        Assert.NotSame(a, registry.For(new Uri("https://ivschat.us-west-2.amazonaws.com/"), "CreateRoom"));
        Assert.NotSame(a, registry.For(new Uri("http://127.0.0.1:5000/"), "TagResource"));
        // One endpoint serving several regions (the local service): each region has its own quotas.
        Assert.NotSame(registry.For(new Uri("http://127.0.0.1:5000/"), "TagResource", "us-east-1"),
            registry.For(new Uri("http://127.0.0.1:5000/"), "TagResource", "eu-west-1"));
    }
}
