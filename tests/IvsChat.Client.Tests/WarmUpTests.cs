using IvsChat.Client.Model;
using Xunit;

namespace IvsChat.Client.Tests;

/// <summary>The warm-up the module starts at import must go through the whole client, or it warms nothing and
/// says nothing (the public entry point swallows failures).</summary>
[Collection(nameof(ClientSettingsCache))]
public class WarmUpTests
{
    [Fact]
    public async Task WarmUpRunsOneGetRoomThroughSigningHttpAndJsonWithoutTheNetwork()
    {
        var room = await IvsChatClient.WarmUpCoreAsync();

        Assert.Equal("arn:aws:ivschat:us-east-1:123456789012:room/WarmUp0001", room.Arn);
        Assert.Equal("warm-up", room.Name);
        Assert.Equal(DateTimeKind.Utc, room.CreateTime!.Value.Kind);
        Assert.Equal(500, room.MaximumMessageLength);
        Assert.Equal("ALLOW", room.MessageReviewHandler!.FallbackResult);
        Assert.Equal("v", room.Tags!["k"]);
        Assert.Equal("warm-up", room.RequestId);
    }

    [Fact]
    public async Task WarmUpLeavesNoResolutionInTheSettingsCache()
    {
        var before = ClientSettingsCache.Count;
        await IvsChatClient.WarmUpCoreAsync();
        Assert.Equal(before, ClientSettingsCache.Count);
    }

    [Fact]
    public async Task PublicWarmUpCompletesWithoutThrowing()
    {
        var warmUp = IvsChatClient.WarmUpAsync();
        Assert.Same(warmUp, await Task.WhenAny(warmUp, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.True(warmUp.IsCompletedSuccessfully);
    }
}
