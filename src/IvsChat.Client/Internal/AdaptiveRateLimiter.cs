using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client.Internal;

/// <summary>AWS's "adaptive" client-side rate limiter (the SDKs' ClientSideRateLimiter): a token bucket that
/// stays off until the service throttles, then follows a CUBIC curve: on throttling the send rate drops to
/// 0.7 x the measured rate, on success it climbs back towards (and past) the rate that was last throttled.
/// Same constants as the SDKs; the measured rate is a sliding 1 s window (see UpdateMeasuredRate).
/// One per (endpoint, operation), shared by every client in the process, because the service's quotas are
/// per account and operation, not per client object.</summary>
internal sealed class AdaptiveRateLimiter
{
    private const double MinFillRate = 0.5, MinCapacity = 1.0, Beta = 0.7, ScaleConstant = 0.4, MeasureWindow = 1.0;

    private readonly object _gate = new object();
    private readonly Func<double> _seconds;
    private double _fillRate, _maxCapacity, _currentCapacity, _lastTimestamp = -1;
    private bool _enabled;
    private double _measuredTxRate, _lastMaxRate, _lastThrottleTime, _timeWindow;
    private readonly Queue<double> _recentSends = new Queue<double>();

    public AdaptiveRateLimiter(Func<double>? seconds = null)
    {
        var watch = Stopwatch.StartNew();
        _seconds = seconds ?? (() => watch.Elapsed.TotalSeconds);
        _lastThrottleTime = _seconds();
    }

    public bool Enabled { get { lock (_gate) return _enabled; } }
    public double FillRate { get { lock (_gate) return _fillRate; } }

    /// <summary>Waits until a token is available (no wait while the service has not throttled yet).
    /// Returns how long it waited.</summary>
    public async Task<TimeSpan> AcquireAsync(Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                if (!_enabled) return waited;
                Refill();
                if (_currentCapacity >= 1) { _currentCapacity -= 1; return waited; }
                // At least 1 ms: a wait that rounds to zero ticks would spin without the clock moving.
                wait = TimeSpan.FromSeconds(Math.Max(0.001, (1 - _currentCapacity) / _fillRate));
            }
            await delay(wait, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    /// <summary>Feeds back the outcome of one attempt.</summary>
    public void Update(bool throttled)
    {
        lock (_gate)
        {
            UpdateMeasuredRate();
            double calculated;
            if (throttled)
            {
                var rateToUse = _enabled ? Math.Min(_measuredTxRate, _fillRate) : _measuredTxRate;
                _lastMaxRate = rateToUse;
                CalculateTimeWindow();
                _lastThrottleTime = _seconds();
                calculated = rateToUse * Beta;
                _enabled = true;
            }
            else
            {
                CalculateTimeWindow();
                var dt = _seconds() - _lastThrottleTime;
                calculated = ScaleConstant * Math.Pow(dt - _timeWindow, 3) + _lastMaxRate;
            }
            UpdateBucketRate(Math.Min(calculated, 2 * _measuredTxRate));
        }
    }

    private void CalculateTimeWindow() => _timeWindow = Math.Pow(_lastMaxRate * (1 - Beta) / ScaleConstant, 1.0 / 3);

    private void Refill()
    {
        var now = _seconds();
        if (_lastTimestamp < 0) { _lastTimestamp = now; return; }
        _currentCapacity = Math.Min(_maxCapacity, _currentCapacity + (now - _lastTimestamp) * _fillRate);
        _lastTimestamp = now;
    }

    private void UpdateBucketRate(double newRate)
    {
        Refill();
        _fillRate = Math.Max(newRate, MinFillRate);
        _maxCapacity = Math.Max(newRate, MinCapacity);
        _currentCapacity = Math.Min(_currentCapacity, _maxCapacity);
    }

    // The send rate over the last second. AWS's SDKs measure in 0.5 s buckets with smoothing, which reads 0
    // when the first throttle follows a fast burst (the usual case) and then takes seconds to recover;
    // a sliding window has a useful rate at once.
    private void UpdateMeasuredRate()
    {
        var now = _seconds();
        _recentSends.Enqueue(now);
        while (_recentSends.Count > 0 && _recentSends.Peek() <= now - MeasureWindow) _recentSends.Dequeue();
        _measuredTxRate = _recentSends.Count / MeasureWindow;
    }
}

/// <summary>The process-wide set of limiters, keyed by endpoint, region and operation (one endpoint may serve
/// several regions, each with its own quotas).</summary>
internal sealed class RateLimiterRegistry
{
    public static RateLimiterRegistry Shared { get; } = new RateLimiterRegistry();
    private readonly Func<double>? _seconds;
    private readonly ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters =
        new ConcurrentDictionary<string, AdaptiveRateLimiter>(StringComparer.Ordinal);

    /// <param name="seconds">The limiters' clock (tests); null = a stopwatch.</param>
    public RateLimiterRegistry(Func<double>? seconds = null) { _seconds = seconds; }

    public AdaptiveRateLimiter For(Uri endpoint, string operation, string region = "")
        => _limiters.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + " " + region + " " + operation,
            _ => new AdaptiveRateLimiter(_seconds));
}
