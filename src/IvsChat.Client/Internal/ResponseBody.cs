using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client.Internal;

/// <summary>Reads an answer's body as it streams in, never more than a limit: an endpoint that sends an
/// endless or huge body fails the call once the limit is passed, instead of being buffered first.</summary>
internal static class ResponseBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <param name="response">The answer whose body is read.</param>
    /// <param name="maxBytes">The most the body may be.</param>
    /// <param name="tooLarge">The error to throw once the body passes maxBytes.</param>
    /// <param name="progress">Called whenever bytes arrive (read timeouts count idle time from there).</param>
    /// <param name="blocking">Read on this thread with blocking reads (.NET 5+; see IvsChatClient.RunBlocking).</param>
    /// <param name="cancellationToken">Ends the read.</param>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, int maxBytes, Func<Exception> tooLarge,
        Action progress, bool blocking, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content == null) return Array.Empty<byte>();
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes) throw tooLarge();

        // .NET Framework's response streams and blocking reads ignore the token: closing the response ends a pending read.
        using (cancellationToken.Register(response.Dispose))
#if NET8_0_OR_GREATER
        using (var stream = blocking ? content.ReadAsStream(cancellationToken) : await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
#else
        using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
#endif
        using (var body = new MemoryStream(declared is long length ? (int)length : ChunkBytes))
        {
            var chunk = new byte[ChunkBytes];
            while (true)
            {
                int read;
                try
                {
                    read = blocking ? stream.Read(chunk, 0, chunk.Length)
                        : await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    throw new OperationCanceledException(cancellationToken);
                }
                if (read == 0) return body.ToArray();
                if (body.Length + read > maxBytes) throw tooLarge();
                body.Write(chunk, 0, read);
                progress();
            }
        }
    }
}
