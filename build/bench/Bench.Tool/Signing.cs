using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using IvsChat.Client.Internal;

namespace IvsChat.Bench;

/// <summary>Signs IVS Chat control-plane requests with IvsChat.Client's SigV4 signer (one signer, so the floor signs as
/// the client does) and sends them on one shared HttpClient, with no retries, pacing or logging: the floor any .NET
/// caller pays.</summary>
public sealed class SignedCaller(Uri endpoint, string region, string accessKey, string secretKey) : IDisposable
{
    private const string JsonContentType = "application/json";
    private readonly ImmutableCredentials _credentials = new(accessKey, secretKey, null);
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

    public HttpRequestMessage Build(string operation, string jsonBody)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var signed = RequestSigner.Sign(endpoint, region, "POST", "/" + operation, null, null, null, body, JsonContentType, _credentials, DateTime.UtcNow);
        var message = new HttpRequestMessage(HttpMethod.Post, signed.Uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonContentType);
        foreach (var (name, value) in signed.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public async Task<(int Status, byte[] Body)> SendAsync(string operation, string jsonBody, CancellationToken ct = default)
    {
        using var message = Build(operation, jsonBody);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return ((int)response.StatusCode, bytes);
    }

    public async Task<byte[]> SendOkAsync(string operation, string jsonBody, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(operation, jsonBody, ct).ConfigureAwait(false);
        if (status / 100 != 2) throw new InvalidOperationException($"{operation} answered {status}: {Encoding.UTF8.GetString(body)}");
        return body;
    }

    public void Dispose() => _http.Dispose();
}
