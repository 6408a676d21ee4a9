using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client;

namespace IvsChat.Internal;

/// <summary>The one sync-over-async bridge: cmdlets block on the pipeline thread (it has no synchronization
/// context; the client's blocking mode does the I/O on it, without a thread-pool hop per call), Ctrl+C becomes
/// PipelineStoppedException, the client's exceptions become the module's public ones (<see cref="PublicErrors"/>),
/// and queued log lines are written after every wait.</summary>
internal static class AsyncBridge
{
    /// <summary>Waits for <paramref name="call"/>; <paramref name="afterWait"/> runs whatever happened (e.g. drains
    /// queued -Debug lines on the pipeline thread).</summary>
    public static T Run<T>(Func<CancellationToken, Task<T>> call, CancellationToken stop, Action? afterWait = null)
    {
        try { return IvsChatClient.RunBlocking(() => call(stop)); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { throw new PipelineStoppedException(); }
        catch (Exception ex) when (PublicErrors.IsTranslatable(ex)) { throw PublicErrors.From(ex); }
        finally { afterWait?.Invoke(); }
    }

    /// <summary>Streams <paramref name="source"/>: the next item (e.g. the next page) is awaited only when the
    /// consumer asks for it, so stopping the loop early stops the requests.</summary>
    public static IEnumerable<T> Stream<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, CancellationToken stop, Action? afterWait = null)
    {
        var e = source(stop).GetAsyncEnumerator(stop);
        try
        {
            while (Run(_ => e.MoveNextAsync().AsTask(), stop, afterWait))
                yield return e.Current;
        }
        finally
        {
            try { e.DisposeAsync().AsTask().GetAwaiter().GetResult(); } catch (OperationCanceledException) { }
        }
    }
}
