using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IvsChat.Emulator.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace IvsChat.Emulator.Aws;

/// <summary>
/// Server-side AWS Signature Version 4 check of the Authorization header, written from the SigV4 spec.
/// The canonical request is rebuilt from the raw request target: this service (like every one but S3) signs
/// the path URI-encoded once more than it was sent, so `%3A` on the wire is `%253A` when signing.
/// </summary>
public sealed class SigV4Verifier(EmulatorOptions options, TimeProvider time)
{
    public const string Service = "ivschat";
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>What a well-formed Authorization header says; the signature itself is checked once the body is read.</summary>
    public sealed record SignedRequest(IReadOnlyList<string> SignedHeaders, string StringToSignDate, string Scope,
        byte[] SigningKey, string Signature, string Region);

    /// <summary>Throws the ApiException AWS would answer when the request is not properly signed; returns the
    /// credential scope's region (the region the request is for).</summary>
    public string Verify(HttpContext ctx, ReadOnlySpan<byte> body)
    {
        var signed = VerifyHeaders(ctx);
        VerifySignature(ctx, signed, body);
        return signed.Region;
    }

    /// <summary>The region of a request under --no-auth: the Authorization header's credential scope, if it has
    /// one (not verified), else the default region.</summary>
    public string UnsignedRequestRegion(HttpContext ctx)
    {
        string? region = UnverifiedScopeRegion(ctx.Request.Headers);
        if (region == null) return options.Region;
        return options.ServesRegion(region) ? region : throw RegionRefused(region);
    }

    /// <summary>The region in the Authorization header's credential scope, without checking anything else.</summary>
    private static string? UnverifiedScopeRegion(IHeaderDictionary headers)
    {
        string? authorization = headers.Authorization.Count == 1 ? headers.Authorization[0] : null;
        int start = authorization?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
        if (start < 0) return null;
        string[] scope = authorization![(start + "Credential=".Length)..].Split(',')[0].Trim().Split('/');
        return scope.Length == 5 && scope[2].Length > 0 ? scope[2] : null;
    }

    private static ApiException RegionRefused(string region) =>
        Invalid($"Credential should be scoped to a valid region, not '{region}'.");

    /// <summary>Everything the headers alone decide (form, key, scope, date), so such refusals need no body.</summary>
    public SignedRequest VerifyHeaders(HttpContext ctx)
    {
        var headers = ctx.Request.Headers;
        string? authorization = headers.Authorization.Count == 1 ? headers.Authorization[0] : null;
        if (string.IsNullOrEmpty(authorization))
        {
            if (ctx.Request.Query.ContainsKey("X-Amz-Signature") || ctx.Request.Query.ContainsKey("X-Amz-Credential"))
                throw Incomplete("Query-string (presigned) authentication is not supported by this service.");
            throw new ApiException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            throw Incomplete($"Authorization header requires the algorithm '{Algorithm}'.");
        var parts = ParseAuthorization(authorization[(Algorithm.Length + 1)..]);
        if (!parts.TryGetValue("Credential", out string? credential))
            throw Incomplete("Authorization header requires 'Credential' parameter.");
        if (!parts.TryGetValue("SignedHeaders", out string? signedHeaderList))
            throw Incomplete("Authorization header requires 'SignedHeaders' parameter.");
        if (!parts.TryGetValue("Signature", out string? signature))
            throw Incomplete("Authorization header requires 'Signature' parameter.");

        string[] scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || scope[1].Length != 8)
            throw Incomplete("Credential should be of the form <access key>/<yyyyMMdd>/<region>/<service>/aws4_request.");
        string accessKey = scope[0], scopeDate = scope[1], scopeRegion = scope[2], scopeService = scope[3];

        string? amzDate = headers["x-amz-date"].Count > 0 ? headers["x-amz-date"][0] : null;
        DateTimeOffset requestTime;
        if (amzDate != null)
        {
            if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
                throw Incomplete("X-Amz-Date must be in the ISO8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        else if (!DateTimeOffset.TryParse(headers.Date.ToString(), CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
        {
            throw Incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        string[] signedHeaders = signedHeaderList.Split(';');
        if (!signedHeaders.Contains("host"))
            throw Incomplete("Signed headers must include 'host'.");

        if (!string.Equals(accessKey, options.AccessKeyId, StringComparison.Ordinal))
            throw new ApiException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
        if (scopeService != Service)
            throw Invalid($"Credential should be scoped to correct service: '{Service}'.");
        if (!options.ServesRegion(scopeRegion)) throw RegionRefused(scopeRegion);
        if (scopeDate != requestTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            throw Invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");

        var now = time.GetUtcNow();
        if ((now - requestTime).Duration() > MaxSkew)
        {
            string fmt(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            throw requestTime < now
                ? Invalid($"Signature expired: {fmt(requestTime)} is now earlier than {fmt(now - MaxSkew)} ({fmt(now)} - 5 min.)")
                : Invalid($"Signature not yet current: {fmt(requestTime)} is still later than {fmt(now + MaxSkew)} ({fmt(now)} + 5 min.)");
        }

        return new SignedRequest(signedHeaders, amzDate ?? requestTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            $"{scopeDate}/{scopeRegion}/{scopeService}/aws4_request",
            SigningKey(options.SecretAccessKey, scopeDate, scopeRegion, scopeService), signature, scopeRegion);
    }

    /// <summary>The signature over the canonical request, body included.</summary>
    public static void VerifySignature(HttpContext ctx, SignedRequest signed, ReadOnlySpan<byte> body)
    {
        string canonical = CanonicalRequest(ctx, signed.SignedHeaders, body);
        string stringToSign = string.Join('\n', Algorithm, signed.StringToSignDate, signed.Scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        string expected = Hex(HMACSHA256.HashData(signed.SigningKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signed.Signature.ToLowerInvariant())))
            throw Invalid("The request signature we calculated does not match the signature you provided. " +
                "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    private static ApiException Incomplete(string message) => new(400, "IncompleteSignatureException", message);

    private static ApiException Invalid(string message) => new(403, "InvalidSignatureException", message);

    private static Dictionary<string, string> ParseAuthorization(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string piece in text.Split(','))
        {
            string p = piece.Trim();
            int eq = p.IndexOf('=');
            if (eq <= 0) throw Incomplete($"Authorization header parameter is malformed.");
            result[p[..eq]] = p[(eq + 1)..];
        }
        return result;
    }

    public static string CanonicalRequest(HttpContext ctx, IReadOnlyList<string> signedHeaders, ReadOnlySpan<byte> body)
    {
        string rawTarget = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString).ToString();
        int q = rawTarget.IndexOf('?');
        string rawPath = q >= 0 ? rawTarget[..q] : rawTarget;
        string rawQuery = q >= 0 ? rawTarget[(q + 1)..] : "";

        var sb = new StringBuilder();
        sb.Append(ctx.Request.Method).Append('\n');
        sb.Append(CanonicalPath(rawPath)).Append('\n');
        sb.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (string name in signedHeaders)
        {
            var values = ctx.Request.Headers[name];
            sb.Append(name).Append(':').Append(string.Join(',', values.Select(v => CollapseSpaces(v ?? "")))).Append('\n');
        }
        sb.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n');
        sb.Append(Hex(SHA256.HashData(body)));
        return sb.ToString();
    }

    /// <summary>Each segment of the path as sent, URI-encoded once more (the double encoding of non-S3 SigV4).</summary>
    public static string CanonicalPath(string rawPath)
    {
        if (rawPath.Length == 0) return "/";
        return string.Join('/', rawPath.Split('/').Select(UriEncode));
    }

    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0) return "";
        var pairs = new List<(string Key, string Value)>();
        foreach (string piece in rawQuery.Split('&'))
        {
            if (piece.Length == 0) continue;
            int eq = piece.IndexOf('=');
            string key = eq >= 0 ? piece[..eq] : piece, value = eq >= 0 ? piece[(eq + 1)..] : "";
            pairs.Add((UriEncode(Uri.UnescapeDataString(key)), UriEncode(Uri.UnescapeDataString(value))));
        }
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters stay, every other byte is %XX.</summary>
    public static string UriEncode(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string CollapseSpaces(string v)
    {
        var sb = new StringBuilder(v.Length);
        bool space = false;
        foreach (char c in v.Trim())
        {
            if (c == ' ')
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }
        return sb.ToString();
    }

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        byte[] k = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(region));
        k = HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(k, "aws4_request"u8);
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
