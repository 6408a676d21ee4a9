using System.Collections.Concurrent;
using IvsChat.Emulator.Aws;

namespace IvsChat.Emulator.Control;

/// <summary>
/// What users' tests can steer through /_emulator/: errors injected on the next N calls of an operation, and
/// per-operation request counts.
/// </summary>
public sealed class TestControls
{
    public const string AnyOperation = "*";

    public sealed record Fault(string Operation, string ErrorCode, int Status, string Message, int Remaining);

    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Counts() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public void AddFault(string operation, string errorCode, int count, string? message)
    {
        int status = ApiException.KnownStatus.TryGetValue(errorCode, out int s) ? s : 400;
        lock (_gate) _faults.Add(new Fault(operation, errorCode, status, message ?? $"Injected {errorCode}.", count));
    }

    public IReadOnlyList<Fault> Faults()
    {
        lock (_gate) return [.. _faults];
    }

    /// <summary>Consumes one injected fault for this call, if any (first added, first used).</summary>
    public ApiException? TakeFault(string operation)
    {
        lock (_gate)
        {
            int i = _faults.FindIndex(f => f.Operation == operation || f.Operation == AnyOperation);
            if (i < 0) return null;
            var f = _faults[i];
            if (f.Remaining <= 1) _faults.RemoveAt(i);
            else _faults[i] = f with { Remaining = f.Remaining - 1 };
            var members = new System.Text.Json.Nodes.JsonObject();
            if (f.ErrorCode is "ThrottlingException" or "ServiceQuotaExceededException")
            {
                members["resourceId"] = "emulator";
                members["resourceType"] = "ROOM";
                members["limit"] = 0;
            }
            else if (f.ErrorCode is "ResourceNotFoundException" or "ConflictException")
            {
                members["resourceId"] = "emulator";
                members["resourceType"] = "ROOM";
            }
            else if (f.ErrorCode == "ValidationException")
            {
                members["reason"] = "OTHER";
            }
            return new ApiException(f.Status, f.ErrorCode, f.Message, members);
        }
    }

    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    public void ClearCounts() => _counts.Clear();
}
