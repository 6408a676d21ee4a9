using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IvsChat.Emulator.Tests.Support;

/// <summary>A small SigV4 signer for tests only (the emulator's verifier is the code under test).</summary>
public static class TestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, string accessKey, string secret, string region,
        DateTimeOffset when, string service = "ivschat", string? sessionToken = null)
    {
        string amzDate = when.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string date = amzDate[..8];
        var uri = request.RequestUri!;
        string host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.Host = host;
        request.Headers.Add("x-amz-date", amzDate);
        if (sessionToken != null) request.Headers.Add("x-amz-security-token", sessionToken);

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-date"] = amzDate,
        };
        if (sessionToken != null) headers["x-amz-security-token"] = sessionToken;
        if (request.Content?.Headers.ContentType is { } ct) headers["content-type"] = ct.ToString();
        string signedHeaders = string.Join(';', headers.Keys);

        string rawPath = uri.AbsolutePath;
        string canonicalPath = string.Join('/', rawPath.Split('/').Select(Encode));
        string query = uri.Query.TrimStart('?');
        string canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => (K: Encode(Uri.UnescapeDataString(kv[0])), V: Encode(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))))
            .OrderBy(kv => kv.K, StringComparer.Ordinal).ThenBy(kv => kv.V, StringComparer.Ordinal)
            .Select(kv => kv.K + "=" + kv.V));
        string canonical = $"{request.Method.Method}\n{canonicalPath}\n{canonicalQuery}\n"
            + string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")) + $"\n{signedHeaders}\n{Hex(SHA256.HashData(body))}";
        string scope = $"{date}/{region}/{service}/aws4_request";
        string toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        string signature = Hex(Hmac(key, toSign));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);

    private static string Encode(string s)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
