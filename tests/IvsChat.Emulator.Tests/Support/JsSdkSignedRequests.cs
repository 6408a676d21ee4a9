using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IvsChat.Emulator.Tests.Support;

/// <summary>Requests signed by AWS's own JS signer (@smithy/signature-v4), captured by
/// tests/conformance/lib/sigv4-fixture.mjs, and a verifier set up with their credentials and clock.</summary>
public static class JsSdkSignedRequests
{
    public static JsonNode Load() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "js-sdk-signed-requests.json")))!;

    /// <summary>A verifier with the fixture's key, region, and a clock 30 s after its signing date.</summary>
    public static SigV4Verifier Verifier(JsonNode fixture) => new(new EmulatorOptions
    {
        AccessKeyId = fixture["accessKeyId"]!.GetValue<string>(),
        SecretAccessKey = fixture["secretAccessKey"]!.GetValue<string>(),
        Region = fixture["region"]!.GetValue<string>(),
    }, new ManualClock(DateTimeOffset.Parse(fixture["signingDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddSeconds(30)));

    /// <summary>A request as Kestrel would hand it over: the raw target as sent, the decoded path.</summary>
    public static HttpContext Context(string method, string rawTarget, IReadOnlyDictionary<string, string> headers)
    {
        var ctx = new DefaultHttpContext();
        var feature = ctx.Features.Get<IHttpRequestFeature>()!;
        feature.Method = method;
        feature.RawTarget = rawTarget;
        int q = rawTarget.IndexOf('?');
        feature.Path = Uri.UnescapeDataString(q >= 0 ? rawTarget[..q] : rawTarget);
        feature.QueryString = q >= 0 ? rawTarget[q..] : "";
        foreach (var (k, v) in headers) ctx.Request.Headers[k] = v;
        return ctx;
    }
}
