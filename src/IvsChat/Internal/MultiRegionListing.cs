using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client;

namespace IvsChat.Internal;

/// <summary>One region (and profile) of a listing over several.</summary>
internal sealed class ListingTarget
{
    public ListingTarget(string? region, string? profileName) { Region = region; ProfileName = profileName; }
    /// <summary>Null: the default region (of the profile, environment...).</summary>
    public string? Region { get; }
    /// <summary>Null: the default credentials.</summary>
    public string? ProfileName { get; }

    public override string ToString() =>
        (Region != null ? "region '" + Region + "'" : "the default region") + (ProfileName != null ? " (profile '" + ProfileName + "')" : "");

    /// <summary>Every region with every profile (a single null stands for "not given").</summary>
    public static List<ListingTarget> Combine(string[]? regions, string[]? profileNames) =>
        (profileNames?.Length > 0 ? profileNames.Distinct(StringComparer.Ordinal).Select(p => (string?)p) : new string?[] { null })
        .SelectMany(p => (regions?.Length > 0 ? regions.Distinct(StringComparer.Ordinal).Select(r => (string?)r) : new string?[] { null })
            .Select(r => new ListingTarget(r, p)))
        .ToList();
}

/// <summary>What a worker hands to the pipeline thread: an item, or the one error that ended its target.</summary>
internal sealed class ListingResult<T>
{
    public ListingResult(ListingTarget target, string region, T item) { Target = target; Region = region; Item = item; }
    public ListingResult(ListingTarget target, Exception error) { Target = target; Region = target.Region ?? ""; Error = error; }
    public ListingTarget Target { get; }
    /// <summary>The region the client resolved to.</summary>
    public string Region { get; }
    public T Item { get; } = default!;
    public Exception? Error { get; }
}

/// <summary>
/// Lists several regions (and profiles) concurrently, one client and one worker each, so that each is paced by
/// its own quota. Workers never touch the cmdlet: they queue items, errors and debug lines, and the pipeline
/// thread writes them (Results) as they arrive. Disposing (or the cmdlet's Ctrl+C token) cancels every worker.
/// </summary>
internal sealed class MultiRegionListing<T> : IDisposable
{
    private readonly BlockingCollection<ListingResult<T>> _results = new BlockingCollection<ListingResult<T>>(boundedCapacity: 1000);
    private readonly ConcurrentQueue<string> _debug = new ConcurrentQueue<string>();
    private readonly List<ClientPool> _pools = new List<ClientPool>();
    private readonly CancellationTokenSource _cancel;
    private readonly Task[] _workers;

    /// <param name="inputFor">The cmdlet's settings input with the target's region and profile.</param>
    /// <param name="list">The paginated listing, on the target's client.</param>
    public MultiRegionListing(IReadOnlyList<ListingTarget> targets, Func<ListingTarget, Func<string?, ClientSettingsInput>> inputFor,
        Func<IIvsChatClient, CancellationToken, IAsyncEnumerable<T>> list, CancellationToken stop)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var token = _cancel.Token;
        _workers = targets.Select(target =>
        {
            var pool = new ClientPool(inputFor(target));
            _pools.Add(pool);
            return Task.Run(() => RunAsync(target, pool, list, token), token);
        }).ToArray();
        Task.WhenAll(_workers).ContinueWith(_ =>
        {
            try { _results.CompleteAdding(); } catch (ObjectDisposedException) { }
        }, TaskScheduler.Default);
    }

    private async Task RunAsync(ListingTarget target, ClientPool pool, Func<IIvsChatClient, CancellationToken, IAsyncEnumerable<T>> list,
        CancellationToken token)
    {
        try
        {
            var entry = pool.Get(null, line => _debug.Enqueue(line));
            var region = entry.Settings.Region;
            var e = list(entry.Client, token).GetAsyncEnumerator(token);
            try
            {
                while (await e.MoveNextAsync().ConfigureAwait(false))
                    _results.Add(new ListingResult<T>(target, region, e.Current), token);
            }
            finally { await e.DisposeAsync().ConfigureAwait(false); }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested) { }
        catch (Exception ex)
        {
            try { _results.Add(new ListingResult<T>(target, ex), token); }
            catch (OperationCanceledException) { }
        }
    }

    /// <summary>Pipeline thread only: results as they arrive, then the end. Throws OperationCanceledException on Ctrl+C.</summary>
    public IEnumerable<ListingResult<T>> Results(Action<string> writeDebug)
    {
        while (true)
        {
            ListingResult<T>? next;
            bool taken;
            try { taken = _results.TryTake(out next, 200, _cancel.Token); }
            finally { DrainDebug(writeDebug); }
            if (taken) yield return next!;
            else if (_results.IsCompleted) yield break;
        }
    }

    private void DrainDebug(Action<string> writeDebug)
    {
        while (_debug.TryDequeue(out var line)) writeDebug(line);
        foreach (var pool in _pools) pool.Drain(writeDebug);
    }

    public void Dispose()
    {
        _cancel.Cancel();
        try { Task.WaitAll(_workers, TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        foreach (var pool in _pools) pool.Dispose();
        _cancel.Dispose();
        _results.Dispose();
    }
}
