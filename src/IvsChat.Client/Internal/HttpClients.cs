using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;

namespace IvsChat.Client.Internal;

/// <summary>The process's HttpClients, one per connect timeout (connections are reused across clients and
/// cmdlet invocations). Timeouts other than connecting are the caller's, per attempt, so Timeout is infinite.</summary>
internal static class HttpClients
{
    private static readonly ConcurrentDictionary<TimeSpan, Lazy<HttpClient>> Shared = new ConcurrentDictionary<TimeSpan, Lazy<HttpClient>>();

    public static HttpClient For(TimeSpan connectTimeout)
        => Shared.GetOrAdd(connectTimeout, t => new Lazy<HttpClient>(() => new HttpClient(CreateHandler(t), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        })).Value;

    // SocketsHttpHandler (.NET Core 2.1 and later, so every pwsh 7) has ConnectTimeout but is not in
    // netstandard2.0, hence reflection. On .NET Framework (Windows PowerShell 5.1) there is no such setting:
    // there the read timeout also bounds connecting.
    private static HttpMessageHandler CreateHandler(TimeSpan connectTimeout)
    {
#if NET8_0_OR_GREATER
        // No draining of an answer we stopped reading (cancelled, timed out, too large): disposing it closes the
        // connection at once, where draining would hold a blocking reader for up to 2 s (ResponseDrainTimeout).
        return new SocketsHttpHandler { ConnectTimeout = connectTimeout, MaxResponseDrainSize = 0 };
#else
        var type = Type.GetType("System.Net.Http.SocketsHttpHandler, System.Net.Http", throwOnError: false);
        var property = type?.GetProperty("ConnectTimeout");
        var supported = type?.GetProperty("IsSupported")?.GetValue(null) as bool? ?? type != null;
        if (type == null || property == null || !supported) return new HttpClientHandler();
        var handler = (HttpMessageHandler)Activator.CreateInstance(type)!;
        property.SetValue(handler, connectTimeout);
        return handler;
#endif
    }
}
