using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.Control;

/// <summary>
/// AWS's documented API rate quotas (per account and region), enforced with --enforce-quotas: one token bucket
/// per region and operation, capacity = the rate, refilled continuously; an empty bucket answers ThrottlingException (429).
/// </summary>
public sealed class ApiRateQuotas(EmulatorOptions options, TimeProvider time)
{
    /// <summary>Transactions per second by operation (reference §3).</summary>
    public static readonly IReadOnlyDictionary<string, int> RatePerSecond = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["CreateRoom"] = 5, ["DeleteRoom"] = 5, ["GetRoom"] = 5, ["ListRooms"] = 5, ["UpdateRoom"] = 5,
        ["CreateLoggingConfiguration"] = 3, ["DeleteLoggingConfiguration"] = 3, ["GetLoggingConfiguration"] = 3,
        ["ListLoggingConfigurations"] = 3, ["UpdateLoggingConfiguration"] = 3,
        ["TagResource"] = 10, ["UntagResource"] = 10, ["ListTagsForResource"] = 10,
        ["CreateChatToken"] = 200,
        ["DeleteMessage"] = 100, ["DisconnectUser"] = 100, ["SendEvent"] = 100,
    };

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens = tokens;
        public long Stamp = stamp;
    }

    private readonly Dictionary<(string Region, string Operation), Bucket> _buckets = [];

    /// <summary>Takes one token for the operation in the region or throws ThrottlingException.</summary>
    public void Take(string region, string operation)
    {
        if (!options.EnforceQuotas || !RatePerSecond.TryGetValue(operation, out int rate)) return;
        long now = time.GetTimestamp();
        lock (_buckets)
        {
            if (!_buckets.TryGetValue((region, operation), out var b)) _buckets[(region, operation)] = b = new Bucket(rate, now);
            double elapsed = time.GetElapsedTime(b.Stamp, now).TotalSeconds;
            b.Tokens = Math.Min(rate, b.Tokens + elapsed * rate);
            b.Stamp = now;
            if (b.Tokens < 1)
                throw ApiException.Throttling("ROOM", options.AccountId, rate,
                    $"Rate exceeded: {operation} is limited to {rate} requests per second.");
            b.Tokens -= 1;
        }
    }

    public void Reset()
    {
        lock (_buckets) _buckets.Clear();
    }
}
