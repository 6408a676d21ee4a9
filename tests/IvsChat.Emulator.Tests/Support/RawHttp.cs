using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace IvsChat.Emulator.Tests.Support;

/// <summary>Sends bytes no HttpClient would send (broken chunking, huge headers, odd targets) and reads the answer.</summary>
public static class RawHttp
{
    public static async Task<ApiResponse> SendAsync(Uri baseUrl, byte[] request, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(baseUrl.Host, baseUrl.Port, cts.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cts.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything; the answer is still there to read.
        }
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            int n;
            try
            {
                n = await stream.ReadAsync(buffer, cts.Token);
            }
            catch (IOException)
            {
                break;
            }
            if (n == 0) break;
            received.Write(buffer, 0, n);
            if (TryParse(received.ToArray(), out var parsed)) return parsed!;
        }
        if (TryParse(received.ToArray(), out var last)) return last!;
        throw new Xunit.Sdk.XunitException("No complete HTTP response: " + Encoding.Latin1.GetString(received.ToArray()));
    }

    public static Task<ApiResponse> SendAsync(Uri baseUrl, string request) => SendAsync(baseUrl, Encoding.Latin1.GetBytes(request));

    /// <summary>A complete response with a Content-Length body (every AWS-shaped answer has one).</summary>
    public static bool TryParse(byte[] bytes, out ApiResponse? response)
    {
        response = null;
        string text = Encoding.Latin1.GetString(bytes);
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        string[] lines = text[..end].Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        int length = headers.TryGetValue("Content-Length", out string? cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (bytes.Length < end + 4 + length) return false;
        string body = Encoding.UTF8.GetString(bytes, end + 4, length);
        headers.TryGetValue("x-amzn-ErrorType", out string? errorType);
        headers.TryGetValue("x-amzn-RequestId", out string? requestId);
        response = new ApiResponse(status, errorType, requestId, body.Length == 0 ? null : JsonNode.Parse(body), body);
        return true;
    }
}
