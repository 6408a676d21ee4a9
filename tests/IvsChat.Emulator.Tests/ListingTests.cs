using System.Text.Json.Nodes;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

public class ListingTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:review";

    private static async Task<List<JsonNode>> ListAllAsync(TestEmulator emu, string operation, string member, object filter, int pageSize)
    {
        var all = new List<JsonNode>();
        string? next = null;
        int pages = 0;
        do
        {
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(filter))!.AsObject();
            body["maxResults"] = pageSize;
            if (next != null) body["nextToken"] = next;
            var page = await emu.OkAsync(operation, body);
            var items = page[member]!.AsArray();
            Assert.True(items.Count <= pageSize);
            all.AddRange(items.Select(i => i!.DeepClone()));
            next = page["nextToken"]?.GetValue<string>();
            Assert.True(++pages < 1000);
        } while (next != null);
        return all;
    }

    [Fact]
    public async Task Rooms_are_listed_newest_update_first_and_paged_without_gaps()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var emu = await TestEmulator.StartAsync(null, clock);
        var created = new List<string>();
        for (int i = 0; i < 125; i++)
        {
            if (i % 3 == 0) clock.Advance(TimeSpan.FromMilliseconds(1)); // several rooms share an updateTime
            created.Add(await emu.CreateRoomAsync(new { name = i % 2 == 0 ? "even" : "odd" }));
        }
        clock.Advance(TimeSpan.FromSeconds(1));
        await emu.OkAsync("UpdateRoom", new { identifier = created[0], maximumMessageLength = 5 });

        var listed = await ListAllAsync(emu, "ListRooms", "rooms", new { }, 7);
        var arns = listed.Select(r => r["arn"]!.GetValue<string>()).ToList();
        Assert.Equal(125, arns.Distinct().Count());
        Assert.Equal(125, arns.Count);
        Assert.Equal(created[0], arns[0]); // most recently updated
        // Newest first; same updateTime: the later change first.
        var expected = created.Skip(1).Reverse().Prepend(created[0]).ToList();
        Assert.Equal(expected, arns);
        var times = listed.Select(r => DateTimeOffset.Parse(r["updateTime"]!.GetValue<string>())).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First >= p.Second));

        // Default page size is 50.
        var first = await emu.OkAsync("ListRooms", new { });
        Assert.Equal(50, first["rooms"]!.AsArray().Count);
        Assert.NotNull(first["nextToken"]);
        // Summaries carry no limits.
        Assert.Null(first["rooms"]![0]!["maximumMessageLength"]);
    }

    [Fact]
    public async Task Filters_apply_across_pages()
    {
        await using var emu = await TestEmulator.StartAsync();
        string log = (await emu.OkAsync("CreateLoggingConfiguration", new { destinationConfiguration = new { s3 = new { bucketName = "abc" } } }))
            ["arn"]!.GetValue<string>();
        var named = new HashSet<string>();
        var reviewed = new HashSet<string>();
        var logged = new HashSet<string>();
        for (int i = 0; i < 40; i++)
        {
            string arn = await emu.CreateRoomAsync(new
            {
                name = i % 4 == 0 ? "target" : $"other{i}",
                messageReviewHandler = i % 5 == 0 ? new { uri = Lambda } : null,
                loggingConfigurationIdentifiers = i % 3 == 0 ? new[] { log } : null,
            });
            if (i % 4 == 0) named.Add(arn);
            if (i % 5 == 0) reviewed.Add(arn);
            if (i % 3 == 0) logged.Add(arn);
        }
        Assert.Equal(named, (await ListAllAsync(emu, "ListRooms", "rooms", new { name = "target" }, 3)).Select(r => r["arn"]!.GetValue<string>()).ToHashSet());
        Assert.Equal(reviewed, (await ListAllAsync(emu, "ListRooms", "rooms", new { messageReviewHandlerUri = Lambda }, 2))
            .Select(r => r["arn"]!.GetValue<string>()).ToHashSet());
        Assert.Equal(logged, (await ListAllAsync(emu, "ListRooms", "rooms", new { loggingConfigurationIdentifier = log }, 4))
            .Select(r => r["arn"]!.GetValue<string>()).ToHashSet());
        var both = named.Intersect(logged).ToHashSet();
        Assert.Equal(both, (await ListAllAsync(emu, "ListRooms", "rooms", new { name = "target", loggingConfigurationIdentifier = log }, 1))
            .Select(r => r["arn"]!.GetValue<string>()).ToHashSet());
        Assert.Empty((await emu.OkAsync("ListRooms", new { name = "nobody" }))["rooms"]!.AsArray());
    }

    [Fact]
    public async Task Page_token_stays_valid_after_its_room_is_deleted()
    {
        await using var emu = await TestEmulator.StartAsync();
        var arns = new List<string>();
        for (int i = 0; i < 6; i++) arns.Add(await emu.CreateRoomAsync());
        var page = await emu.OkAsync("ListRooms", new { maxResults = 2 });
        string last = page["rooms"]![1]!["arn"]!.GetValue<string>();
        string token = page["nextToken"]!.GetValue<string>();
        Assert.Equal(204, (await emu.PostAsync("DeleteRoom", new { identifier = last })).Status);
        var rest = await emu.OkAsync("ListRooms", new { maxResults = 10, nextToken = token });
        Assert.Equal(4, rest["rooms"]!.AsArray().Count);
        Assert.Null(rest["nextToken"]);
    }

    [Fact]
    public async Task Forged_altered_or_foreign_tokens_are_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        for (int i = 0; i < 3; i++) await emu.CreateRoomAsync();
        string token = (await emu.OkAsync("ListRooms", new { maxResults = 1 }))["nextToken"]!.GetValue<string>();
        string altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        foreach (string bad in new[] { altered, "x" + token, "not-a-token", token.Replace(".", "") })
        {
            var r = await emu.PostAsync("ListRooms", new { nextToken = bad });
            Assert.Equal((400, "ValidationException"), (r.Status, r.ErrorType));
            Assert.Contains("nextToken", r.FieldNames);
        }
        // A room listing's token is not a logging-configuration listing's token.
        Assert.Equal(400, (await emu.PostAsync("ListLoggingConfigurations", new { nextToken = token })).Status);
        // Another emulator process did not issue it.
        await using var other = await TestEmulator.StartAsync();
        Assert.Equal(400, (await other.PostAsync("ListRooms", new { nextToken = token })).Status);
    }

    [Fact]
    public async Task Logging_configurations_page_too()
    {
        await using var emu = await TestEmulator.StartAsync();
        var created = new List<string>();
        for (int i = 0; i < 10; i++)
            created.Add((await emu.OkAsync("CreateLoggingConfiguration",
                new { destinationConfiguration = new { firehose = new { deliveryStreamName = $"s{i}" } } }))["arn"]!.GetValue<string>());
        var listed = await ListAllAsync(emu, "ListLoggingConfigurations", "loggingConfigurations", new { }, 3);
        Assert.Equal(created.AsEnumerable().Reverse(), listed.Select(c => c["arn"]!.GetValue<string>()));
        Assert.All(listed, c => Assert.Equal("ACTIVE", c["state"]!.GetValue<string>()));
    }
}
