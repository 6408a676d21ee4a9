using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client.Internal;

/// <summary>How the retry rules see a failed attempt.</summary>
internal enum FailureKind { NotRetryable, Transient, Throttling, Timeout }

/// <summary>The numbers that tell the retry modes apart.</summary>
internal sealed class RetryModeRules
{
    private RetryModeRules(TimeSpan backoffBase, TimeSpan backoffCap, double backoffGrowth, bool jitter, int quotaCapacity, int retryCost, int timeoutRetryCost)
    {
        BackoffBase = backoffBase; BackoffCap = backoffCap; BackoffGrowth = backoffGrowth; Jitter = jitter;
        QuotaCapacity = quotaCapacity; RetryCost = retryCost; TimeoutRetryCost = timeoutRetryCost;
    }

    /// <summary>The longest wait before the first retry.</summary>
    public TimeSpan BackoffBase { get; }
    public TimeSpan BackoffCap { get; }
    public double BackoffGrowth { get; }
    public bool Jitter { get; }
    public int QuotaCapacity { get; }
    public int RetryCost { get; }
    public int TimeoutRetryCost { get; }
    /// <summary>What a success that needed no retry puts back into the quota.</summary>
    public int NoRetryIncrement => 1;

    /// <summary>AWS standard (and adaptive): full-jitter 100 ms x 2^n up to 20 s; a 500-token quota, a retry costs 5, one after a timeout 10.</summary>
    public static readonly RetryModeRules Standard = new RetryModeRules(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), 2, jitter: true, 500, 5, 10);

    /// <summary>The AWS SDK for .NET's legacy mode (DefaultRetryPolicy): 400 ms x 4^(n-1) up to 30 s without jitter;
    /// a 100-token quota where every retry costs 5.</summary>
    public static readonly RetryModeRules Legacy = new RetryModeRules(TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(30), 4, jitter: false, 100, 5, 5);

    public static RetryModeRules For(string mode) => string.Equals(mode, "legacy", StringComparison.OrdinalIgnoreCase) ? Legacy : Standard;
}

/// <summary>AWS's retry quota: a bucket of tokens that retries draw from and successes refill, so that when a
/// service fails broadly the client stops retrying (fails fast) instead of multiplying the load.</summary>
internal sealed class RetryQuota
{
    private readonly object _gate = new object();
    private readonly int _capacity;
    private int _available;

    public RetryQuota(int capacity) { _capacity = capacity; _available = capacity; }

    public int Available { get { lock (_gate) return _available; } }

    public bool TryAcquire(int cost)
    {
        lock (_gate)
        {
            if (_available < cost) return false;
            _available -= cost;
            return true;
        }
    }

    public void Release(int amount)
    {
        lock (_gate) _available = Math.Min(_capacity, _available + amount);
    }
}

/// <summary>The process's quotas, one per endpoint and mode. The SDKs keep one per client object; the cmdlets
/// make a client per command, so a per-client quota would start full on every command of a failing script.</summary>
internal sealed class RetryQuotaRegistry
{
    public static RetryQuotaRegistry Shared { get; } = new RetryQuotaRegistry();
    private readonly ConcurrentDictionary<string, RetryQuota> _quotas = new ConcurrentDictionary<string, RetryQuota>(StringComparer.Ordinal);

    public RetryQuota For(Uri endpoint, RetryModeRules rules)
        => _quotas.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + (rules == RetryModeRules.Legacy ? " legacy" : ""),
            _ => new RetryQuota(rules.QuotaCapacity));
}

/// <summary>One client's retry strategy: which failures are retried, how long to wait, how many attempts,
/// the retry quota, and feedback to the adaptive rate limiter. The client only sends attempts.</summary>
internal sealed class RetryStrategy
{
    // With pacing on, the rate limiter does the slowing down; a throttled retry only needs a short pause.
    private static readonly TimeSpan ThrottledBackoffCap = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };
    private static readonly HashSet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalServerException", "ServiceUnavailable",
    };

    private readonly RetrySettings _settings;
    private readonly IvsChatClientOptions _options;
    private readonly Func<double> _jitter;

    public RetryStrategy(RetrySettings settings, IvsChatClientOptions options)
    {
        _settings = settings;
        _options = options;
        Rules = RetryModeRules.For(settings.Mode);
        var random = new Random();
        _jitter = options.Jitter ?? (() => { lock (random) return random.NextDouble(); });
    }

    public RetryModeRules Rules { get; }

    /// <summary>One call's retry state; pacing is per endpoint, region and operation (one endpoint may serve
    /// several regions, each with its own quotas).</summary>
    public RetryCall Begin(Uri endpoint, string region, string operation)
    {
        var paced = _options.ClientSidePacing || string.Equals(_settings.Mode, "adaptive", StringComparison.OrdinalIgnoreCase);
        var limiter = paced ? (_options.RateLimiters ?? RateLimiterRegistry.Shared).For(endpoint, operation, region) : null;
        var quota = (_options.RetryQuotas ?? RetryQuotaRegistry.Shared).For(endpoint, Rules);
        return new RetryCall(this, Math.Max(1, _settings.MaxAttempts), limiter, quota);
    }

    public static FailureKind Classify(Exception failure)
    {
        switch (failure)
        {
            case IvsChatServiceException error:
                if (error.StatusCode == 429 || ThrottlingCodes.Contains(error.ErrorCode)) return FailureKind.Throttling;
                if ((error.IsRetryable && !(error is ServiceQuotaExceededException)) || TransientCodes.Contains(error.ErrorCode))
                    return FailureKind.Transient;
                return FailureKind.NotRetryable;
            case TimeoutException _: return FailureKind.Timeout;
            case HttpRequestException _:
            case IOException _: return FailureKind.Transient;
            default: return FailureKind.NotRetryable;
        }
    }

    /// <summary>Exponential backoff: base x growth^(n-1), capped, times a random factor in [0, 1) when the mode jitters.</summary>
    internal TimeSpan Backoff(int retryNumber, TimeSpan cap)
    {
        var ceiling = Math.Min(cap.TotalMilliseconds, Rules.BackoffBase.TotalMilliseconds * Math.Pow(Rules.BackoffGrowth, Math.Min(retryNumber - 1, 30)));
        return TimeSpan.FromMilliseconds(Rules.Jitter ? _jitter() * ceiling : ceiling);
    }

    internal int ThrottlingMaxAttempts => _options.ThrottlingMaxAttempts;
    internal TimeSpan ThrottledCap => ThrottledBackoffCap;
}

/// <summary>The retry state of one call.</summary>
internal sealed class RetryCall
{
    private readonly RetryStrategy _strategy;
    private readonly AdaptiveRateLimiter? _limiter;
    private readonly RetryQuota _quota;
    private readonly int _throttledMaxAttempts;
    private int _throttledInARow;
    private int _lastRetryCost;

    public RetryCall(RetryStrategy strategy, int maxAttempts, AdaptiveRateLimiter? limiter, RetryQuota quota)
    {
        _strategy = strategy; MaxAttempts = maxAttempts; _limiter = limiter; _quota = quota;
        // Paced throttling gets its own, larger budget, unless retries are off (max attempts 1).
        _throttledMaxAttempts = limiter != null && maxAttempts > 1 ? Math.Max(maxAttempts, strategy.ThrottlingMaxAttempts) : maxAttempts;
    }

    /// <summary>The attempt under way, from 1.</summary>
    public int Attempt { get; private set; }
    public int MaxAttempts { get; }
    public double? PacedRate => _limiter?.FillRate;

    /// <summary>Counts the attempt and waits for the rate limiter; returns how long it waited.</summary>
    public Task<TimeSpan> BeforeAttemptAsync(Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancellationToken)
    {
        Attempt++;
        return _limiter == null ? Task.FromResult(TimeSpan.Zero) : _limiter.AcquireAsync(delay, cancellationToken);
    }

    public void Succeeded()
    {
        _limiter?.Update(throttled: false);
        _quota.Release(_lastRetryCost > 0 ? _lastRetryCost : _strategy.Rules.NoRetryIncrement);
    }

    /// <summary>The wait before the next attempt, or null when the failure is final; why, for the log.</summary>
    public (TimeSpan? Wait, string Why) Failed(Exception failure)
    {
        var kind = RetryStrategy.Classify(failure);
        var throttled = kind == FailureKind.Throttling;
        _limiter?.Update(throttled);
        _throttledInARow = throttled ? _throttledInARow + 1 : 0;
        if (kind == FailureKind.NotRetryable) return (null, "not retryable");
        if (Attempt >= (throttled ? _throttledMaxAttempts : MaxAttempts))
            return (null, $"attempt {Attempt} of {(throttled ? _throttledMaxAttempts : MaxAttempts)}");

        // Paced throttling is the rate limiter's to handle; the quota guards against broad failure.
        var pacedThrottling = throttled && _limiter != null;
        if (!pacedThrottling)
        {
            var cost = kind == FailureKind.Timeout ? _strategy.Rules.TimeoutRetryCost : _strategy.Rules.RetryCost;
            if (!_quota.TryAcquire(cost)) return (null, $"retry quota exhausted ({_quota.Available} tokens left; the service is failing broadly)");
            _lastRetryCost = cost;
        }
        var wait = pacedThrottling ? _strategy.Backoff(_throttledInARow, _strategy.ThrottledCap) : _strategy.Backoff(Attempt, _strategy.Rules.BackoffCap);
        return (wait, "retryable");
    }
}
