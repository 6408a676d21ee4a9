using System.Globalization;
using System.Net;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>Clock skew correction: a service whose clock is far from ours refuses the signature once; the client
/// learns the offset from the Date header, signs again, and signs right from then on (over a real socket).</summary>
public class ClockSkewTests
{
    private static readonly GetRoomRequest Get = new() { Identifier = "g1H2I3j4k5L6" };

    private static IvsChatClient ClientFor(Uri endpoint, int maxAttempts = 1, ClockOffsetRegistry? offsets = null, List<string>? log = null)
        => new(TestClients.Settings(maxAttempts, endpoint: endpoint), new IvsChatClientOptions
        {
            ClockOffsets = offsets ?? new ClockOffsetRegistry(),
            Log = (_, line) => { lock (log ?? new List<string>()) log?.Add(line); },
        });

    [Theory]
    [InlineData(20)]
    [InlineData(-75)]
    public async Task A_skewed_service_clock_is_corrected_with_one_extra_attempt(int skewMinutes)
    {
        using var service = new HostileEndpoint(HostileBehaviour.SkewedClock, clockSkew: TimeSpan.FromMinutes(skewMinutes));
        var offsets = new ClockOffsetRegistry();
        var log = new List<string>();
        using (var client = ClientFor(service.Uri, maxAttempts: 1, offsets, log))
        {
            var room = await client.GetRoomAsync(Get);
            Assert.Equal("skewed", room.Name);
        }
        Assert.Equal(2, service.Requests);
        Assert.Contains(log, line => line.Contains("signing again", StringComparison.Ordinal));
        Assert.InRange(offsets.For(service.Uri).Offset.TotalMinutes, skewMinutes - 1, skewMinutes + 1);

        // Another client for the same endpoint signs with the corrected clock at once.
        using (var next = ClientFor(service.Uri, offsets: offsets)) await next.GetRoomAsync(Get);
        Assert.Equal(3, service.Requests);
        var signedAt = DateTime.ParseExact(service.SignedAt[2], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange((signedAt - DateTime.UtcNow).TotalMinutes, skewMinutes - 1, skewMinutes + 1);
    }

    [Fact]
    public async Task A_signature_error_with_a_correct_clock_is_not_retried()
    {
        var handler = new RecordingHandler((r, n) =>
        {
            var response = RecordingHandler.Json(HttpStatusCode.Forbidden, """{"message":"The request signature we calculated does not match"}""",
                errorType: "InvalidSignatureException");
            response.Headers.Date = DateTimeOffset.UtcNow;
            return response;
        });
        using var client = TestClients.Create(handler);
        await Assert.ThrowsAsync<IvsChatServiceException>(() => client.GetRoomAsync(Get));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_service_that_keeps_refusing_the_time_gets_one_correction_only()
    {
        // The Date header jumps by an hour on every answer: the client corrects once, then reports the error.
        var handler = new RecordingHandler((r, n) =>
        {
            var response = RecordingHandler.Json(HttpStatusCode.Forbidden, """{"message":"Signature expired"}""", errorType: "InvalidSignatureException");
            response.Headers.Date = DateTimeOffset.UtcNow.AddHours(n);
            return response;
        });
        using var client = TestClients.Create(handler, maxAttempts: 1);
        var error = await Assert.ThrowsAsync<IvsChatServiceException>(() => client.GetRoomAsync(Get));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(2, handler.Requests.Count);
    }
}
