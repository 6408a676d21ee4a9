using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;
using Xunit;

namespace IvsChat.Client.Tests;

/// <summary>SigV4 by AWSSDK.Core's signer equals @smithy/signature-v4's for the same request (Fixtures/sigv4.json).</summary>
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
}
