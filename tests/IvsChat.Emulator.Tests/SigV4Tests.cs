using System.Text;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

public class SigV4Tests
{
    private const string ListRooms = "/ListRooms";

    [Fact]
    public async Task Correctly_signed_requests_pass_including_double_encoded_tag_paths()
    {
        await using var emu = await TestEmulator.StartAsync();
        string room = await emu.CreateRoomAsync();
        var r = await emu.SendAsync(HttpMethod.Delete, TestEmulator.TagPath(room) + "?tagKeys=a%20b&tagKeys=%C3%BC&tagKeys=x%2Fy");
        Assert.Equal(200, r.Status);
        Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", sessionToken: "session-token-value")).Status);
    }

    [Fact]
    public async Task Missing_signature_is_MissingAuthenticationToken()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", sign: false);
        Assert.Equal((403, "MissingAuthenticationTokenException"), (r.Status, r.ErrorType));
        Assert.NotNull(r.Message);
    }

    [Fact]
    public async Task Unknown_access_key_is_UnrecognizedClient()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", accessKey: "AKIDUNKNOWN");
        Assert.Equal((403, "UnrecognizedClientException"), (r.Status, r.ErrorType));
    }

    [Fact]
    public async Task Wrong_secret_region_or_service_is_InvalidSignature()
    {
        await using var emu = await TestEmulator.StartAsync();
        foreach (var r in new[]
                 {
                     await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", secret: "wrong"),
                     await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", region: "not_a_region"),
                     await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", service: "ivs"),
                 })
        {
            Assert.Equal((403, "InvalidSignatureException"), (r.Status, r.ErrorType));
            Assert.DoesNotContain(emu.Options.SecretAccessKey, r.RawBody);
        }
    }

    [Fact]
    public async Task Stale_or_future_clock_is_refused_beyond_five_minutes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var stale = await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal((403, "InvalidSignatureException"), (stale.Status, stale.ErrorType));
        Assert.StartsWith("Signature expired", stale.Message);
        var future = await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", signedAt: DateTimeOffset.UtcNow.AddMinutes(6));
        Assert.Equal(403, future.Status);
        Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", signedAt: DateTimeOffset.UtcNow.AddMinutes(-4))).Status);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIVSCHATEMULATOR0/20260101/us-east-1/ivschat/aws4_request, Signature=abc")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIVSCHATEMULATOR0/20260101/us-east-1/ivschat/aws4_request, SignedHeaders=host")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIVSCHATEMULATOR0/us-east-1/ivschat, SignedHeaders=host, Signature=abc")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("AWS4-HMAC-SHA256 garbage")]
    public async Task Malformed_authorization_is_IncompleteSignature(string authorization)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emu.BaseUrl, ListRooms)) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Add("x-amz-date", DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'"));
        using var response = await emu.Http.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Tampered_body_fails_the_signature()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emu.BaseUrl, "/CreateRoom"));
        byte[] signedBody = Encoding.UTF8.GetBytes("""{"name":"a"}""");
        request.Content = new StringContent("""{"name":"b"}""", Encoding.UTF8, "application/json");
        request.Content.Headers.ContentType!.CharSet = null;
        TestSigner.Sign(request, signedBody, emu.Options.AccessKeyId, emu.Options.SecretAccessKey, emu.Options.Region, DateTimeOffset.UtcNow);
        using var response = await emu.Http.SendAsync(request);
        Assert.Equal(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task No_auth_option_skips_the_check()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", sign: false)).Status);
    }

    /// <summary>Requests signed by AWS's own JS signer (@smithy/signature-v4), captured by tests/conformance/lib/sigv4-fixture.mjs.</summary>
    [Fact]
    public void Signatures_made_by_the_JS_SDK_verify_and_any_change_breaks_them()
    {
        var fixture = JsSdkSignedRequests.Load();
        var verifier = JsSdkSignedRequests.Verifier(fixture);
        var requests = fixture["requests"]!.AsArray();
        Assert.Equal(4, requests.Count);
        foreach (var req in requests)
        {
            string name = req!["name"]!.GetValue<string>();
            string rawTarget = req["rawTarget"]!.GetValue<string>();
            byte[] body = Encoding.UTF8.GetBytes(req["body"]!.GetValue<string>());
            var headers = req["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>());

            var error = Record.Exception(() => verifier.Verify(JsSdkSignedRequests.Context(req["method"]!.GetValue<string>(), rawTarget, headers), body));
            Assert.True(error == null, $"{name}: {error?.Message}");

            // The decoded path (what ASP.NET Core's Request.Path gives) is not what was signed.
            if (rawTarget.Contains("%3A"))
                Assert.Throws<ApiException>(() => verifier.Verify(
                    JsSdkSignedRequests.Context(req["method"]!.GetValue<string>(), Uri.UnescapeDataString(rawTarget), headers), body));
            var e = Assert.Throws<ApiException>(() => verifier.Verify(JsSdkSignedRequests.Context("PUT", rawTarget, headers), body));
            Assert.Equal("InvalidSignatureException", e.Code);
            Assert.Throws<ApiException>(() => verifier.Verify(
                JsSdkSignedRequests.Context(req["method"]!.GetValue<string>(), rawTarget, headers), [.. body, (byte)' ']));
            var other = new Dictionary<string, string>(headers) { ["host"] = "127.0.0.1:9999" };
            Assert.Throws<ApiException>(() => verifier.Verify(JsSdkSignedRequests.Context(req["method"]!.GetValue<string>(), rawTarget, other), body));
        }
    }

    [Fact]
    public void Canonical_path_and_query_follow_the_spec()
    {
        Assert.Equal("/tags/arn%253Aaws%253Aivschat%253Aus-east-1%253A1%253Aroom%252Fabc",
            SigV4Verifier.CanonicalPath("/tags/arn%3Aaws%3Aivschat%3Aus-east-1%3A1%3Aroom%2Fabc"));
        Assert.Equal("/CreateRoom", SigV4Verifier.CanonicalPath("/CreateRoom"));
        Assert.Equal("a=1&tagKeys=%C3%BC&tagKeys=a%20b&tagKeys=x%2Fy", // sorted by encoded value
            SigV4Verifier.CanonicalQuery("tagKeys=%C3%BC&tagKeys=x%2Fy&tagKeys=a%20b&a=1"));
    }

    [Fact]
    public async Task Every_response_has_a_request_id()
    {
        await using var emu = await TestEmulator.StartAsync();
        var ok = await emu.SendAsync(HttpMethod.Post, ListRooms, "{}");
        var bad = await emu.SendAsync(HttpMethod.Post, ListRooms, "{}", sign: false);
        Assert.NotNull(ok.RequestId);
        Assert.NotNull(bad.RequestId);
        Assert.NotEqual(ok.RequestId, bad.RequestId);
    }
}
