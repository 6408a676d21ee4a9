using System;
#if NET8_0_OR_GREATER
using System.Net.Http;
#endif
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client;

// Callers that block anyway (PowerShell cmdlets run on a pipeline thread that waits for each call) pay for
// async I/O twice: the answer is read on a pool thread, which then has to wake the waiting thread. Blocking
// I/O on the caller's own thread skips that hop. One code path: the async methods with blocking I/O inside.
public sealed partial class IvsChatClient
{
    [ThreadStatic] private static bool t_blocking;

    /// <summary>Runs <paramref name="call"/> (calls of any IvsChatClient) and returns its result, with network
    /// I/O blocking the calling thread instead of being awaited: for callers that would wait for the task anyway,
    /// it saves a thread-pool hop and a wake-up per request. Cancellation, timeouts and retries behave as in the
    /// asynchronous calls. On .NET Framework, or with an <see cref="IvsChatClientOptions.HttpHandler"/> other
    /// than SocketsHttpHandler, the calls run asynchronously and this waits for them.</summary>
    public static T RunBlocking<T>(Func<Task<T>> call)
    {
        if (call == null) throw new ArgumentNullException(nameof(call));
        var outer = t_blocking;
        t_blocking = true;
        try { return call().GetAwaiter().GetResult(); }
        finally { t_blocking = outer; }
    }

    // Blocking sends need HttpClient.Send (.NET 5+), which only SocketsHttpHandler implements.
    private bool CanBlock =>
#if NET8_0_OR_GREATER
        _options.HttpHandler == null || _options.HttpHandler is SocketsHttpHandler;
#else
        false;
#endif

    private static Task BlockingDelay(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait > TimeSpan.Zero) cancellationToken.WaitHandle.WaitOne(wait);
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }
}
