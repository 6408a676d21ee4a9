using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client;

/// <summary>How much the client tells its Log callback.</summary>
public enum IvsChatLogLevel
{
    /// <summary>One line per call: operation, endpoint, region.</summary>
    Verbose,
    /// <summary>Wire summary: method, path, status, request id, attempt, retry and pacing waits. Never bodies or auth headers.</summary>
    Debug,
}

/// <summary>Optional behaviour of <see cref="IvsChatClient"/>.</summary>
public sealed class IvsChatClientOptions
{
    /// <summary>Receives log lines; never given secrets, tokens, user ids, attributes or request bodies.</summary>
    public Action<IvsChatLogLevel, string>? Log { get; set; }

    /// <summary>Sends the HTTP requests instead of the process-wide shared HttpClient (tests, proxies).</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Time for one attempt (request and response body) before it counts as a transient failure;
    /// null = the settings' AttemptTimeout (IVSCHAT_ATTEMPT_TIMEOUT, profile ivschat_attempt_timeout, 30 s).</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>Client-side pacing (AWS's "adaptive" rate limiter), on by default: after a throttling answer
    /// the client slows each (endpoint, operation) down to the rate the service accepts, so long pipelines
    /// finish without errors instead of failing on throttling. Retry mode "adaptive" turns it on even when this is false.</summary>
    public bool ClientSidePacing { get; set; } = true;

    /// <summary>Attempts a throttled request may use when pacing is on (at least the configured max attempts;
    /// max attempts 1 still means no retries). Throttling is a signal to slow down, not a failure, so it gets a
    /// larger budget than other errors.</summary>
    public int ThrottlingMaxAttempts { get; set; } = 20;

    /// <summary>Signing clock (UTC); null = the system clock.</summary>
    public Func<DateTime>? Clock { get; set; }

    // Test seams: how retry waits happen, where jitter comes from, and state shared per endpoint.
    internal Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }
    internal Func<double>? Jitter { get; set; }
    internal Internal.RateLimiterRegistry? RateLimiters { get; set; }
    internal Internal.RetryQuotaRegistry? RetryQuotas { get; set; }
    internal Internal.ClockOffsetRegistry? ClockOffsets { get; set; }
}
