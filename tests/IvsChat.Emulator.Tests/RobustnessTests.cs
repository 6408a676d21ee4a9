using System.Net.Http.Headers;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>Hostile input never gets a 500 or a non-AWS answer.</summary>
public class RobustnessTests
{
    internal static readonly string[] Operations =
    [
        "CreateChatToken", "CreateLoggingConfiguration", "CreateRoom", "DeleteLoggingConfiguration", "DeleteMessage",
        "DeleteRoom", "DisconnectUser", "GetLoggingConfiguration", "GetRoom", "ListLoggingConfigurations", "ListRooms",
        "SendEvent", "UpdateLoggingConfiguration", "UpdateRoom",
    ];

    internal static readonly string[] Members =
    [
        "identifier", "roomIdentifier", "userId", "capabilities", "sessionDurationInMinutes", "attributes", "name",
        "maximumMessageRatePerSecond", "maximumMessageLength", "messageReviewHandler", "tags", "loggingConfigurationIdentifiers",
        "destinationConfiguration", "nextToken", "maxResults", "messageReviewHandlerUri", "loggingConfigurationIdentifier",
        "eventName", "id", "reason",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "1e400", "-1", "9223372036854775808", "\"\"", "[]", "{}", "[null]", "{\"a\":null}", "[[]]",
        "{\"s3\":[],\"cloudWatchLogs\":null}", "\"\\u0000\"", "{\"uri\":5,\"fallbackResult\":[]}",
    ];

    [Fact]
    public async Task Wrong_types_everywhere_get_AWS_errors_not_500()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        var bodies = Operations.SelectMany(op => Members.SelectMany(member => Values.Select(value => (op, $"{{\"{member}\":{value}}}"))));
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (c, _) => await Check(emu, c.op, c.Item2));
    }

    [Fact]
    public async Task Broken_bytes_and_odd_requests_get_AWS_errors_not_500()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        foreach (string op in Operations)
        {
            await Check(emu, op, null, [0xC3, 0x28, 0xFF]); // invalid UTF-8
            await Check(emu, op, new string('[', 100) + new string(']', 100));
            await Check(emu, op, "{\"name\":\"a\",\"name\":5}");
        }
        // The service refuses an oversized body from its headers and closes without reading it: with
        // Expect: 100-continue the client waits for that answer instead of racing it with the upload.
        using var big = new HttpRequestMessage(HttpMethod.Post, new Uri(emu.BaseUrl, "/CreateRoom"))
        {
            Content = new ByteArrayContent(new byte[(1 << 20) + 10]),
        };
        big.Headers.ExpectContinue = true;
        var r = await emu.Http.SendAsync(big);
        Assert.Equal(413, (int)r.StatusCode);
        foreach (string path in new[] { "/tags/%ZZ", "/tags/", "/tags/arn%3Aaws%3Aivschat%3Aus-east-1%3A123456789012%3Aroom%2F" })
        {
            var t = await emu.SendAsync(HttpMethod.Get, path, sign: false);
            Assert.Equal(400, t.Status);
            Assert.Equal("ValidationException", t.ErrorType);
        }
        var q = await emu.SendAsync(HttpMethod.Delete, "/tags/arn%3Aaws%3Aivschat%3Aus-east-1%3A123456789012%3Aroom%2Fabcdefghijkl?tagKeys=%ZZ&&=",
            sign: false);
        Assert.Equal(404, q.Status);
    }

    private static async Task Check(TestEmulator emu, string op, string? json, byte[]? bytes = null)
    {
        using var content = new ByteArrayContent(bytes ?? System.Text.Encoding.UTF8.GetBytes(json!));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/" + op), content);
        int status = (int)response.StatusCode;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status is 200 or 204 or 400 or 404 or 409 or 402, $"{op} {json}: {status} {body}");
        if (status >= 400)
        {
            Assert.True(response.Headers.Contains("x-amzn-ErrorType"), $"{op} {json}: no error type");
            Assert.Contains("\"message\"", body);
        }
    }
}
