using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace IvsChat.Configuration;

/// <summary>
/// Spaces the calls of each operation at AWS's documented rate quota (per account and region), so that a sync
/// of hundreds of rooms runs at the quota without being throttled. One pacer per region; pipeline thread only.
/// </summary>
internal sealed class RequestPacer
{
    /// <summary>IVS Chat's API rate quotas, transactions per second (the service quotas page).</summary>
    private static readonly Dictionary<string, double> RatePerSecond = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["CreateRoom"] = 5, ["DeleteRoom"] = 5, ["GetRoom"] = 5, ["ListRooms"] = 5, ["UpdateRoom"] = 5,
        ["CreateLoggingConfiguration"] = 3, ["DeleteLoggingConfiguration"] = 3, ["GetLoggingConfiguration"] = 3,
        ["ListLoggingConfigurations"] = 3, ["UpdateLoggingConfiguration"] = 3,
        ["TagResource"] = 10, ["UntagResource"] = 10, ["ListTagsForResource"] = 10,
    };

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> _nextSlot = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Waits until the operation's next slot (the first call goes at once). Ctrl+C ends the wait.</summary>
    public void Wait(string operation, CancellationToken cancellationToken)
    {
        if (!RatePerSecond.TryGetValue(operation, out var rate)) return;
        var now = _clock.Elapsed;
        var slot = _nextSlot.TryGetValue(operation, out var next) && next > now ? next : now;
        _nextSlot[operation] = slot + TimeSpan.FromSeconds(1 / rate);
        var wait = slot - now;
        if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait)) cancellationToken.ThrowIfCancellationRequested();
    }
}
