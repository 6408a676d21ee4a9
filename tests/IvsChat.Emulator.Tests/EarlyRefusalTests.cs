using System.Globalization;
using IvsChat.Emulator.Api;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>What the headers alone can refuse is refused before the body is read; bodies have a cap.</summary>
public class EarlyRefusalTests
{
    public static readonly TheoryData<string, int, string> HeaderRefusals = new()
    {
        { "", 403, "MissingAuthenticationTokenException" },
        { "Authorization: Basic dXNlcjpwYXNz\r\n", 400, "IncompleteSignatureException" },
        { "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIVSCHATEMULATOR0/20200101/us-east-1/ivschat/aws4_request, " +
            "SignedHeaders=host;x-amz-date, Signature=00\r\nx-amz-date: 20200101T000000Z\r\n",
            403, "InvalidSignatureException" }, // stale date
        { "Authorization: AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/{DATE}/us-east-1/ivschat/aws4_request, " +
            "SignedHeaders=host;x-amz-date, Signature=00\r\nx-amz-date: {STAMP}\r\n",
            403, "UnrecognizedClientException" },
        { "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIVSCHATEMULATOR0/{DATE}/not_a_region/ivschat/aws4_request, " +
            "SignedHeaders=host;x-amz-date, Signature=00\r\nx-amz-date: {STAMP}\r\n",
            403, "InvalidSignatureException" }, // a region this service cannot serve (every well-formed one is served)
        { "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIVSCHATEMULATOR0/{DATE}/us-east-1/s3/aws4_request, " +
            "SignedHeaders=host;x-amz-date, Signature=00\r\nx-amz-date: {STAMP}\r\n",
            403, "InvalidSignatureException" }, // wrong service
    };

    /// <summary>The client sends headers announcing 200 KB (under the cap) and then nothing: the answer must come without the body.</summary>
    [Theory]
    [MemberData(nameof(HeaderRefusals))]
    public async Task Refusals_the_headers_decide_come_before_the_body(string authorization, int status, string errorType)
    {
        await using var emu = await TestEmulator.StartAsync();
        var now = DateTimeOffset.UtcNow;
        string headers = authorization.Replace("{DATE}", now.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Replace("{STAMP}", now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        var r = await RawHttp.SendAsync(emu.BaseUrl, System.Text.Encoding.Latin1.GetBytes(
            $"POST /CreateRoom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{headers}Content-Length: 200000\r\n\r\n{{"),
            TimeSpan.FromSeconds(5));
        HostileInputTests.AssertAwsShaped(r, status);
        Assert.Equal(errorType, r.ErrorType);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_a_413_even_when_signed()
    {
        await using var emu = await TestEmulator.StartAsync();
        string padded = "{" + new string(' ', OperationPipeline.MaxBodyBytes) + "}";
        var r = await emu.SendAsync(HttpMethod.Post, "/CreateRoom", padded);
        Assert.Equal((413, "ValidationException"), (r.Status, r.ErrorType));
        Assert.Contains(OperationPipeline.MaxBodyBytes.ToString(CultureInfo.InvariantCulture), r.Message);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_a_413()
    {
        await using var emu = await TestEmulator.StartAsync(new Hosting.EmulatorOptions { RequireSignatures = false });
        var chunk = new string(' ', 60_000);
        string chunks = string.Concat(Enumerable.Repeat($"{chunk.Length:X}\r\n{chunk}\r\n", OperationPipeline.MaxBodyBytes / chunk.Length + 2));
        var r = await RawHttp.SendAsync(emu.BaseUrl,
            $"POST /CreateRoom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{chunks}0\r\n\r\n");
        HostileInputTests.AssertAwsShaped(r, 413);
    }

    [Fact]
    public async Task The_largest_valid_request_fits_under_the_cap()
    {
        await using var emu = await TestEmulator.StartAsync();
        // 50 tags with the longest keys and values, every character escaped as a surrogate pair (12 bytes).
        string Escaped(int units) => string.Concat(Enumerable.Repeat("\\ud83d\\ude00", units / 2));
        var tags = Enumerable.Range(0, 50).Select(i => $"\"{i:D2}{Escaped(126)}\":\"{Escaped(256)}\"");
        string body = "{\"name\":\"" + new string('n', 128) + "\",\"tags\":{" + string.Join(',', tags) + "}}";
        Assert.True(body.Length < OperationPipeline.MaxBodyBytes / 2, $"{body.Length} bytes");
        var r = await emu.SendAsync(HttpMethod.Post, "/CreateRoom", body);
        Assert.True(r.Status == 200, r.RawBody);
    }
}
