using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace IvsChat.Client.Internal;

/// <summary>What goes on the wire for one attempt, after signing.</summary>
internal sealed class SignedRequest
{
    public SignedRequest(Uri uri, IDictionary<string, string> headers) { Uri = uri; Headers = headers; }
    public Uri Uri { get; }
    /// <summary>Every header the signer produced (host, X-Amz-Date, X-Amz-Content-SHA256, Authorization, ...).</summary>
    public IDictionary<string, string> Headers { get; }
}

/// <summary>SigV4 (AWS4-HMAC-SHA256) for ivschat's REST-JSON requests: a path whose resources (an ARN) are sent
/// encoded as one segment, optional repeated query values, a JSON body.
/// Our own rather than AWSSDK.Core's AWS4Signer: that one needs a ClientConfig and a marshalled request, which cost a
/// runbook's first call about 15 ms before the first byte (measured cold in a fresh pwsh) and every call about 15 µs.
/// Tests hold it equal to @smithy/signature-v4 (the JS SDK's signer) and to AWS4Signer for generated requests, and the
/// local service verifies every request the client tests send.</summary>
internal static class RequestSigner
{
    public const string ServiceName = "ivschat";
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static SignedRequest Sign(Uri endpoint, string region, string method, string resourcePath,
        IReadOnlyDictionary<string, string>? pathResources, string? queryName, IList<string>? queryValues,
        byte[]? body, string? contentType, ImmutableCredentials credentials, DateTime signedAtUtc)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/') + ExpandPath(resourcePath, pathResources);
        var hasQuery = queryName != null && queryValues != null && queryValues.Count > 0;

        var amzDate = signedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var day = amzDate.Substring(0, 8);
        var headers = new SortedDictionary<string, (string Name, string Value)>(StringComparer.Ordinal)
        {
            // IdnHost: the punycode form HttpClient sends for an internationalised name (IPv6 keeps its brackets).
            ["host"] = ("host", endpoint.IsDefaultPort ? endpoint.IdnHost : endpoint.IdnHost + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture)),
            ["x-amz-date"] = ("X-Amz-Date", amzDate),
            ["x-amz-content-sha256"] = ("X-Amz-Content-SHA256", Hex(Sha256(body ?? Array.Empty<byte>()))),
        };
        if (body != null && contentType != null) headers["content-type"] = ("Content-Type", contentType);
        if (credentials.UseToken) headers["x-amz-security-token"] = ("x-amz-security-token", credentials.Token);

        var signedHeaders = string.Join(";", headers.Keys);
        var canonical = new StringBuilder(512)
            .Append(method).Append('\n')
            // Every service but S3 signs the path encoded once more than it is sent.
            .Append(Encode(path, keepSlashes: true)).Append('\n')
            .Append(hasQuery ? Query(queryName!, queryValues!, sorted: true) : "").Append('\n');
        foreach (var header in headers) canonical.Append(header.Key).Append(':').Append(CanonicalValue(header.Value.Value)).Append('\n');
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(headers["x-amz-content-sha256"].Value);

        var scope = day + "/" + region + "/" + ServiceName + "/aws4_request";
        var stringToSign = Algorithm + "\n" + amzDate + "\n" + scope + "\n" + Hex(Sha256(Encoding.UTF8.GetBytes(canonical.ToString())));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), day);
        foreach (var part in new[] { region, ServiceName, "aws4_request" }) key = Hmac(key, part);
        var signature = Hex(Hmac(key, stringToSign));

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers.Values) result[header.Name] = header.Value;
        result["Authorization"] = $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        // Repeated query values go out in the caller's order, as the JS SDK sends them (the signature sorts them).
        var uri = endpoint.GetLeftPart(UriPartial.Authority) + path + (hasQuery ? "?" + Query(queryName!, queryValues!, sorted: false) : "");
        return new SignedRequest(new Uri(uri), result);
    }

    // Trimmed, each run of spaces as one.
    private static string CanonicalValue(string value)
    {
        value = value.Trim();
        if (value.IndexOf("  ", StringComparison.Ordinal) < 0) return value;
        var text = new StringBuilder(value.Length);
        foreach (var c in value) if (c != ' ' || text[text.Length - 1] != ' ') text.Append(c);
        return text.ToString();
    }

    /// <summary>name=value&amp;... for one repeated parameter, encoded; in the caller's order as sent, or sorted by
    /// encoded value as SigV4 signs it.</summary>
    internal static string Query(string name, IEnumerable<string> values, bool sorted)
    {
        var encoded = values.Select(v => Encode(v));
        if (sorted) encoded = encoded.OrderBy(v => v, StringComparer.Ordinal);
        var encodedName = Encode(name);
        return string.Join("&", encoded.Select(v => encodedName + "=" + v));
    }

    /// <summary>"/tags/{resourceArn}" with the ARN encoded as one segment (its ':' and '/' too), as AWS's marshallers do.</summary>
    internal static string ExpandPath(string resourcePath, IReadOnlyDictionary<string, string>? pathResources)
    {
        if (pathResources == null) return resourcePath;
        foreach (var pair in pathResources) resourcePath = resourcePath.Replace(pair.Key, Encode(pair.Value));
        return resourcePath;
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8: everything but A-Z a-z 0-9 - _ . ~ (and '/' when asked).</summary>
    private static string Encode(string value, bool keepSlashes = false)
    {
        var text = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~' || (keepSlashes && c == '/'))
                text.Append(c);
            else text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static byte[] Sha256(byte[] data)
    {
#if NET
        return SHA256.HashData(data);
#else
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
#endif
    }

    private static byte[] Hmac(byte[] key, string data)
    {
#if NET
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
#endif
    }

    private static string Hex(byte[] bytes)
    {
#if NET
        return Convert.ToHexString(bytes).ToLowerInvariant();
#else
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return text.ToString();
#endif
    }
}
