using System.Globalization;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>--clock-skew-seconds: the service runs on a shifted clock and answers skewed requests as AWS does.</summary>
public class ClockSkewTests
{
    [Theory]
    [InlineData("900", 900)]
    [InlineData("-3600", -3600)]
    [InlineData("0", 0)]
    public void The_option_takes_seconds_either_way(string value, int expected) =>
        Assert.Equal(expected, EmulatorOptions.Parse(["--clock-skew-seconds", value])!.ClockSkewSeconds);

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999")]
    public void Bad_values_are_refused(string value) =>
        Assert.Contains("--clock-skew-seconds", Assert.Throws<EmulatorOptionsException>(() => EmulatorOptions.Parse(["--clock-skew-seconds", value])).Message);

    [Theory]
    [InlineData(900, "Signature expired")]
    [InlineData(-900, "Signature not yet current")]
    public async Task A_request_signed_by_the_real_clock_is_refused_and_the_Date_header_gives_the_service_time(int skew, string message)
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { ClockSkewSeconds = skew });
        var refused = await SendAsync(emu, DateTimeOffset.UtcNow);
        Assert.Equal((403, "InvalidSignatureException"), (refused.Status, refused.ErrorType));
        Assert.StartsWith(message, refused.Message);
        Assert.InRange((refused.Date - DateTimeOffset.UtcNow.AddSeconds(skew)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));

        // What an SDK does next: sign again at the server's time.
        var accepted = await SendAsync(emu, refused.Date);
        Assert.Equal(200, accepted.Status);
        var room = await emu.SendAsync(HttpMethod.Post, "/CreateRoom", "{}", signedAt: refused.Date);
        var created = DateTimeOffset.Parse(room.Json["createTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.InRange((created - refused.Date).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_skew_the_Date_header_is_the_real_time()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await SendAsync(emu, DateTimeOffset.UtcNow);
        Assert.Equal(200, r.Status);
        Assert.InRange((r.Date - DateTimeOffset.UtcNow).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static async Task<(int Status, string? ErrorType, string? Message, DateTimeOffset Date)> SendAsync(TestEmulator emu, DateTimeOffset signedAt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emu.BaseUrl, "/ListRooms"));
        TestSigner.Sign(request, [], emu.Options.AccessKeyId, emu.Options.SecretAccessKey, emu.Options.Region, signedAt);
        using var response = await emu.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var e) ? e.First() : null;
        string? message = body.Length > 0 ? System.Text.Json.Nodes.JsonNode.Parse(body)?["message"]?.GetValue<string>() : null;
        return ((int)response.StatusCode, errorType, message, response.Headers.Date!.Value);
    }
}
