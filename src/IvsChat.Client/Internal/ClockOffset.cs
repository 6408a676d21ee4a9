using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace IvsChat.Client.Internal;

/// <summary>Clock skew correction as AWS's SDKs do it: SigV4 signatures are refused more than 5 minutes away
/// from the service's clock, so when an answer's Date header is that far from the local clock (corrected so
/// far), the difference is remembered per endpoint and added to the signing time from then on.</summary>
internal sealed class ClockOffset
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(5);
    private static readonly HashSet<string> SkewCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    };

    private long _offsetTicks;

    /// <summary>What to add to the local clock to get the service's.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Learns from an answer's Date header; true when the offset changed.</summary>
    public bool Update(DateTimeOffset? serverDate, DateTime localNowUtc)
    {
        if (serverDate == null) return false;
        var offset = serverDate.Value.UtcDateTime - localNowUtc;
        if ((offset - Offset).Duration() < Threshold) return false;
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        return true;
    }

    /// <summary>Error codes with which AWS services refuse a request signed at the wrong time.</summary>
    public static bool IsSkewError(IvsChatServiceException error) => SkewCodes.Contains(error.ErrorCode);
}

/// <summary>The process's clock offsets, one per endpoint (shared by every client, as the clock is).</summary>
internal sealed class ClockOffsetRegistry
{
    public static ClockOffsetRegistry Shared { get; } = new ClockOffsetRegistry();
    private readonly ConcurrentDictionary<string, ClockOffset> _offsets = new ConcurrentDictionary<string, ClockOffset>(StringComparer.Ordinal);

    public ClockOffset For(Uri endpoint) => _offsets.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), _ => new ClockOffset());
}
