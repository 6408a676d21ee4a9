using System.Net.Http.Headers;
using System.Text;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>Bad text, broken framing and transport-level refusals: every answer is an AWS-shaped 4xx.</summary>
public class HostileInputTests
{
    private const string RoomArn = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl";

    /// <summary>Invalid UTF-8 (raw bytes) and broken UTF-16 (escapes): each is put where a string goes.</summary>
    public static readonly TheoryData<string, string> BadTexts = new()
    {
        { "ff fe", "\u00ff\u00fe" },
        { "overlong c0 af", "\u00c0\u00af" },
        { "encoded surrogate ed a0 80", "\u00ed\u00a0\u0080" },
        { "lone high surrogate escape", "\\ud800" },
        { "lone low surrogate escape", "\\udc00" },
        { "reversed surrogate escapes", "\\udc00\\ud800" },
    };

    /// <summary>Operation and body template; {0} is replaced by the bad text (Latin-1 chars stand for raw bytes).</summary>
    private static readonly (string Operation, string Template)[] Places =
    [
        ("CreateRoom", """{"name":"{0}"}"""),
        ("CreateRoom", """{"tags":{"{0}":"v"}}"""),
        ("CreateRoom", """{"tags":{"k":"{0}"}}"""),
        ("CreateChatToken", """{"roomIdentifier":"ROOM","userId":"{0}"}"""),
        ("CreateChatToken", """{"roomIdentifier":"ROOM","userId":"u","attributes":{"a":"{0}"}}"""),
        ("SendEvent", """{"roomIdentifier":"ROOM","eventName":"{0}"}"""),
        ("DisconnectUser", """{"roomIdentifier":"ROOM","userId":"u","reason":"{0}"}"""),
        ("ListRooms", """{"nextToken":"{0}"}"""),
        ("GetRoom", """{"identifier":"{0}"}"""),
        ("CreateLoggingConfiguration", """{"destinationConfiguration":{"s3":{"bucketName":"{0}"}}}"""),
        ("CreateRoom", """{"{0}":1}"""),
    ];

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Bad_text_in_any_string_member_is_a_400_ValidationException(string name, string badText)
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        string room = await emu.CreateRoomAsync();
        foreach (var (operation, template) in Places)
        {
            string json = template.Replace("ROOM", room).Replace("{0}", badText);
            using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(json));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/" + operation), content);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 400, $"{name} in {operation} {template}: {(int)response.StatusCode} {body}");
            Assert.Equal("ValidationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.Contains("\"message\"", body);
        }
    }

    [Fact]
    public async Task Bad_text_in_a_signed_request_is_a_400_too()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.SendAsync(HttpMethod.Post, "/CreateRoom", """{"name":"\ud800"}""");
        Assert.Equal((400, "ValidationException"), (r.Status, r.ErrorType));
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFF")]
    [InlineData("7FFFFFFFFFFFFFFF")]
    [InlineData("zz")]
    [InlineData("-1")]
    public async Task A_malformed_chunked_body_is_a_400(string chunkSize)
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        var r = await RawHttp.SendAsync(emu.BaseUrl,
            "POST /CreateRoom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + chunkSize + "\r\n{}\r\n0\r\n\r\n");
        AssertAwsShaped(r, 400);
    }

    [Fact]
    public async Task Transport_refusals_are_AWS_shaped()
    {
        await using var emu = await TestEmulator.StartAsync();
        string huge = new('a', 40 * 1024);
        AssertAwsShaped(await RawHttp.SendAsync(emu.BaseUrl,
            $"POST /ListRooms HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {huge}\r\nContent-Length: 0\r\n\r\n"), 431);
        AssertAwsShaped(await RawHttp.SendAsync(emu.BaseUrl,
            $"GET /tags/{new string('a', 9000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 414);
        AssertAwsShaped(await RawHttp.SendAsync(emu.BaseUrl,
            $"GET /tags/{Uri.EscapeDataString(RoomArn)}%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 400);
        AssertAwsShaped(await RawHttp.SendAsync(emu.BaseUrl, "BROKEN\r\n\r\n"), 400);
    }

    [Fact]
    public async Task The_service_keeps_answering_after_transport_refusals()
    {
        await using var emu = await TestEmulator.StartAsync();
        for (int i = 0; i < 3; i++)
            AssertAwsShaped(await RawHttp.SendAsync(emu.BaseUrl, "GET /tags/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 400);
        Assert.Equal(200, (await emu.PostAsync("ListRooms", new { })).Status);
    }

    internal static void AssertAwsShaped(ApiResponse r, int status)
    {
        Assert.True(r.Status == status, $"expected {status}, got {r.Status}: {r.RawBody}");
        Assert.False(string.IsNullOrEmpty(r.ErrorType), $"{status}: no x-amzn-ErrorType");
        Assert.False(string.IsNullOrEmpty(r.RequestId), $"{status}: no x-amzn-RequestId");
        Assert.False(string.IsNullOrEmpty(r.Message), $"{status}: no message in '{r.RawBody}'");
    }
}
