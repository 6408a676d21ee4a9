using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using CsCheck;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;
using Xunit;

namespace IvsChat.Client.Tests;

/// <summary>Our SigV4 equals @smithy/signature-v4's for the same request (Fixtures/sigv4.json), and AWSSDK.Core's
/// AWS4Signer's for generated requests of every shape the client sends.</summary>
public class SigningTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(TestClients.FixturePath("sigv4.json"))).RootElement;

    private static SignedRequest SignFixture()
    {
        var input = Fixture.GetProperty("input");
        var path = input.GetProperty("path").GetString()!;
        var arn = Uri.UnescapeDataString(path.Substring("/tags/".Length));
        var signedAt = DateTime.Parse(input.GetProperty("signingDate").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return RequestSigner.Sign(new Uri("https://" + input.GetProperty("host").GetString()), input.GetProperty("region").GetString()!,
            input.GetProperty("method").GetString()!, "/tags/{resourceArn}", new Dictionary<string, string> { ["{resourceArn}"] = arn },
            "tagKeys", input.GetProperty("query").GetProperty("tagKeys").EnumerateArray().Select(k => k.GetString()!).ToList(),
            Encoding.UTF8.GetBytes(input.GetProperty("body").GetString()!), input.GetProperty("contentType").GetString(),
            new ImmutableCredentials(input.GetProperty("accessKeyId").GetString(), input.GetProperty("secretAccessKey").GetString(),
                input.GetProperty("sessionToken").GetString()),
            signedAt);
    }

    [Fact]
    public void Signature_equals_smithy_signature_v4()
    {
        var signed = SignFixture();
        Assert.Equal(Fixture.GetProperty("authorization").GetString(), signed.Headers["Authorization"]);
    }

    [Fact]
    public void Signed_headers_equal_smithy_signed_headers()
    {
        var signed = SignFixture();
        foreach (var header in Fixture.GetProperty("signedHeaders").EnumerateObject())
            Assert.Equal(header.Value.GetString(), signed.Headers[header.Name]);
    }

    [Fact]
    public void Sent_url_encodes_the_arn_as_one_segment_and_repeats_tagKeys()
    {
        var signed = SignFixture();
        Assert.Equal(Fixture.GetProperty("input").GetProperty("path").GetString() + "?tagKeys=b%20key&tagKeys=a", signed.Uri.PathAndQuery);
    }

    [Fact]
    public async Task Client_sends_the_signature_with_its_clock_and_session_token()
    {
        var handler = new RecordingHandler((r, _) => RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.Create(handler, credentials: new SessionAWSCredentials("AKIDEXAMPLE", "secretkey", "session-token-1"),
            configure: o => o.Clock = () => new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        await client.GetRoomAsync(new GetRoomRequest { Identifier = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6" });
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("20240506T070809Z", sent.Headers["x-amz-date"]);
        Assert.Equal("session-token-1", sent.Headers["x-amz-security-token"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240506/us-west-2/ivschat/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=",
            sent.Headers["Authorization"]);
    }

    private static readonly string[] Endpoints = { "https://ivschat.us-west-2.amazonaws.com", "http://127.0.0.1:4566", "https://proxy.example.com:8443" };

    [Fact]
    public void Signature_and_url_equal_AWSSDK_for_generated_requests()
    {
        var text = Gen.String[0, 24];
        var token = Gen.OneOf(Gen.Const((string?)null), Gen.Char["A-Za-z0-9+/= "].Array[1, 60].Select(c => (string?)new string(c)));
        // Operation shapes: a JSON POST, TagResource and ListTagsForResource (ARN in the path). Not UntagResource's
        // repeated tagKeys: AWS4Signer sorts them unencoded, AWS and @smithy/signature-v4 sort them encoded (the
        // fixture above and EmulatorTests' untag test hold ours to that).
        var shape = Gen.Int[0, 2];
        var signedAt = Gen.Long[new DateTime(2000, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks].Select(t => new DateTime(t, DateTimeKind.Utc));
        Gen.Select(Gen.OneOf(Endpoints), Gen.OneOf("us-west-2", "eu-central-1", "cn-north-1"), shape, text, token, signedAt)
            .Sample((endpoint, region, kind, value, sessionToken, at) =>
            {
                var arn = $"arn:aws:ivschat:{region}:123456789012:room/{value}";
                var method = kind == 2 ? "GET" : "POST";
                var path = kind == 0 ? "/GetRoom" : "/tags/{resourceArn}";
                var resources = kind == 0 ? null : new Dictionary<string, string> { ["{resourceArn}"] = arn };
                var body = kind switch
                {
                    0 => Encoding.UTF8.GetBytes("{\"identifier\":" + JsonSerializer.Serialize(arn) + "}"),
                    1 => Encoding.UTF8.GetBytes("{\"tags\":" + JsonSerializer.Serialize(new Dictionary<string, string> { [value] = value }) + "}"),
                    _ => null,
                };
                var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken);
                var contentType = body == null ? null : "application/json";
                var ours = RequestSigner.Sign(new Uri(endpoint), region, method, path, resources, null, null, body, contentType, credentials, at);
                var sdk = AwsSdkReferenceSigner.Sign(new Uri(endpoint), region, method, path, resources, null, null, body, contentType, credentials, at);
                Assert.Equal(sdk.Uri.AbsoluteUri, ours.Uri.AbsoluteUri);
                Assert.Equal(sdk.Headers.OrderBy(h => h.Key, StringComparer.Ordinal), ours.Headers.OrderBy(h => h.Key, StringComparer.Ordinal));
            }, iter: 2000);
    }

    [Fact]
    public void An_endpoint_with_a_path_signs_the_path_it_sends()
    {
        // AWS4Signer signs "/ivschat//tags/..." here but sends "/ivschat/tags/...": a server checking the signature refuses it.
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "secret", null);
        var at = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        var arn = new Dictionary<string, string> { ["{resourceArn}"] = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6" };
        var withPath = RequestSigner.Sign(new Uri("https://proxy.example.com/ivschat/"), "us-west-2", "GET", "/tags/{resourceArn}", arn,
            null, null, null, null, credentials, at);
        var samePathGiven = RequestSigner.Sign(new Uri("https://proxy.example.com"), "us-west-2", "GET", "/ivschat/tags/{resourceArn}", arn,
            null, null, null, null, credentials, at);
        Assert.Equal("/ivschat/tags/arn%3Aaws%3Aivschat%3Aus-west-2%3A123456789012%3Aroom%2Fg1H2I3j4k5L6", withPath.Uri.AbsolutePath);
        Assert.Equal(samePathGiven.Uri, withPath.Uri);
        Assert.Equal(samePathGiven.Headers["Authorization"], withPath.Headers["Authorization"]);
    }

    [Fact]
    public void An_internationalised_host_is_signed_as_sent()
    {
        var signed = RequestSigner.Sign(new Uri("http://bücher.example:8080"), "us-west-2", "POST", "/GetRoom", null, null, null,
            Encoding.UTF8.GetBytes("{}"), "application/json", new ImmutableCredentials("AKIDEXAMPLE", "secret", null), DateTime.UtcNow);
        // HttpClient sends the punycode form: Host: xn--bcher-kva.example:8080.
        Assert.Equal("xn--bcher-kva.example:8080", signed.Headers["host"]);
    }
}
