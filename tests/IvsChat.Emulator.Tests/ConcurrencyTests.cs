using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_creates_and_tags_lose_nothing()
    {
        await using var emu = await TestEmulator.StartAsync();
        const int rooms = 200;
        var arns = await Task.WhenAll(Enumerable.Range(0, rooms).Select(i => emu.CreateRoomAsync(new { name = $"r{i}" })));
        Assert.Equal(rooms, arns.Distinct().Count());

        // Every room gets 5 tags from 5 concurrent TagResource calls: read-modify-write must not lose any.
        var tagCalls = arns.SelectMany(arn => Enumerable.Range(0, 5).Select(async t =>
        {
            var r = await emu.SendAsync(HttpMethod.Post, TestEmulator.TagPath(arn), $$$"""{"tags":{"t{{{t}}}":"v{{{t}}}"}}""");
            Assert.Equal(200, r.Status);
        }));
        await Task.WhenAll(tagCalls);

        var all = new List<System.Text.Json.Nodes.JsonNode>();
        string? next = null;
        do
        {
            var page = await emu.OkAsync("ListRooms", next == null ? new { maxResults = 50 } : new { maxResults = 50, nextToken = next });
            all.AddRange(page["rooms"]!.AsArray()!);
            next = page["nextToken"]?.GetValue<string>();
        } while (next != null);
        Assert.Equal(arns.OrderBy(a => a), all.Select(r => r!["arn"]!.GetValue<string>()).OrderBy(a => a));
        Assert.All(all, r => Assert.Equal(5, r!["tags"]!.AsObject().Count));
    }
}
