using System.Diagnostics;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>Issue 14 items 8 and 12: endpoints that flood, hang or trickle fail the call with a clear, typed error,
/// in bounded memory and bounded time, over a real socket.</summary>
public class HostileEndpointTests
{
    private static IvsChatClient ClientFor(HostileEndpoint endpoint, int maxAttempts = 1, Action<IvsChatClientOptions>? configure = null)
    {
        var options = new IvsChatClientOptions();
        configure?.Invoke(options);
        return new IvsChatClient(TestClients.Settings(maxAttempts, endpoint: endpoint.Uri), options);
    }

    [Fact]
    public async Task An_endless_answer_fails_at_the_size_cap_in_bounded_memory()
    {
        using var endpoint = new HostileEndpoint(HostileBehaviour.Flood);
        using var client = ClientFor(endpoint);
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<IvsChatResponseTooLargeException>(() => client.ListRoomsAsync(new ListRoomsRequest()));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;

        Assert.Equal(IvsChatResponseTooLargeException.MaxResponseBytes, error.MaxBytes);
        Assert.Equal("ResponseTooLarge", error.ErrorCode);
        Assert.Contains("ListRooms", error.Message);
        Assert.Contains("8 MB", error.Message);
        Assert.False(error.IsRetryable);
        // The client stopped reading near the cap (a little more is in flight in socket buffers) ...
        Assert.True(endpoint.BytesSent >= error.MaxBytes, $"sent {endpoint.BytesSent}");
        Assert.True(endpoint.BytesSent < error.MaxBytes + (16 << 20), $"sent {endpoint.BytesSent}");
        // ... and held at most a few copies of it (the whole process, other tests included, is counted).
        Assert.True(allocated < 96L << 20, $"allocated {allocated >> 20} MB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_fails_before_reading()
    {
        var handler = new RecordingHandler((r, n) =>
        {
            var response = RecordingHandler.Json(System.Net.HttpStatusCode.OK, "{}");
            response.Content.Headers.ContentLength = IvsChatResponseTooLargeException.MaxResponseBytes + 1L;
            return response;
        });
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<IvsChatResponseTooLargeException>(() => client.GetRoomAsync(new GetRoomRequest { Identifier = "g1H2I3j4k5L6" }));
        Assert.Equal("req-1", error.RequestId);
        Assert.Single(handler.Requests);
    }
}
