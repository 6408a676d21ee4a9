using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

public class ResourceTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:review";
    private static readonly object S3 = new { s3 = new { bucketName = "chat-logs" } };

    [Fact]
    public async Task Arns_carry_region_account_and_a_12_character_id()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Region = "eu-west-1", AccountId = "000011112222" });
        var room = await emu.OkAsync("CreateRoom", new { });
        var log = await emu.OkAsync("CreateLoggingConfiguration", new { destinationConfiguration = S3 });
        Assert.Matches(new Regex(@"^arn:aws:ivschat:eu-west-1:000011112222:room/[a-zA-Z0-9]{12}$"), room["arn"]!.GetValue<string>());
        Assert.EndsWith("/" + room["id"]!.GetValue<string>(), room["arn"]!.GetValue<string>());
        Assert.Matches(new Regex(@"^arn:aws:ivschat:eu-west-1:000011112222:logging-configuration/[a-zA-Z0-9]{12}$"), log["arn"]!.GetValue<string>());
        Assert.Equal("ACTIVE", log["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Room_defaults_and_round_trip()
    {
        await using var emu = await TestEmulator.StartAsync();
        var created = await emu.OkAsync("CreateRoom", new { messageReviewHandler = new { uri = Lambda } });
        Assert.Equal(10, created["maximumMessageRatePerSecond"]!.GetValue<int>());
        Assert.Equal(500, created["maximumMessageLength"]!.GetValue<int>());
        Assert.Equal("ALLOW", created["messageReviewHandler"]!["fallbackResult"]!.GetValue<string>());
        Assert.Equal("", created["name"]!.GetValue<string>());
        Assert.Empty(created["tags"]!.AsObject());
        Assert.Empty(created["loggingConfigurationIdentifiers"]!.AsArray());
        Assert.Equal(created["createTime"]!.GetValue<string>(), created["updateTime"]!.GetValue<string>());
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), created["createTime"]!.GetValue<string>());

        var got = await emu.OkAsync("GetRoom", new { identifier = created["arn"]!.GetValue<string>() });
        Assert.True(JsonNode.DeepEquals(created, got));
    }

    [Fact]
    public async Task UpdateRoom_changes_only_what_is_given_and_moves_updateTime()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var emu = await TestEmulator.StartAsync(null, clock);
        string arn = await emu.CreateRoomAsync(
            new { name = "a", maximumMessageLength = 100, messageReviewHandler = new { uri = Lambda, fallbackResult = "DENY" } });
        clock.Advance(TimeSpan.FromSeconds(5));
        var updated = await emu.OkAsync("UpdateRoom", new { identifier = arn, maximumMessageRatePerSecond = 3 });
        Assert.Equal("a", updated["name"]!.GetValue<string>());
        Assert.Equal(100, updated["maximumMessageLength"]!.GetValue<int>());
        Assert.Equal(3, updated["maximumMessageRatePerSecond"]!.GetValue<int>());
        Assert.Equal("DENY", updated["messageReviewHandler"]!["fallbackResult"]!.GetValue<string>());
        Assert.Equal("2026-01-01T00:00:00.000Z", updated["createTime"]!.GetValue<string>());
        Assert.Equal("2026-01-01T00:00:05.000Z", updated["updateTime"]!.GetValue<string>());

        // fallback alone keeps the uri; uri "" removes the handler.
        updated = await emu.OkAsync("UpdateRoom", new { identifier = arn, messageReviewHandler = new { fallbackResult = "ALLOW" } });
        Assert.Equal(Lambda, updated["messageReviewHandler"]!["uri"]!.GetValue<string>());
        Assert.Equal("ALLOW", updated["messageReviewHandler"]!["fallbackResult"]!.GetValue<string>());
        updated = await emu.OkAsync("UpdateRoom", new { identifier = arn, messageReviewHandler = new { uri = "" } });
        Assert.Null(updated["messageReviewHandler"]);
    }

    [Fact]
    public async Task Unknown_resources_are_404_with_id_and_type()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.PostAsync("GetRoom", new { identifier = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl" });
        Assert.Equal((404, "ResourceNotFoundException"), (r.Status, r.ErrorType));
        Assert.Equal("abcdefghijkl", r.Json["resourceId"]!.GetValue<string>());
        Assert.Equal("ROOM", r.Json["resourceType"]!.GetValue<string>());

        // Another account's ARN is not ours.
        string mine = await emu.CreateRoomAsync();
        r = await emu.PostAsync("GetRoom", new { identifier = mine.Replace("123456789012", "999999999999") });
        Assert.Equal(404, r.Status);

        foreach (string op in new[] { "DeleteRoom", "UpdateRoom" })
            Assert.Equal(404, (await emu.PostAsync(op, new { identifier = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl" })).Status);
        foreach (string op in new[] { "SendEvent", "DeleteMessage", "DisconnectUser", "CreateChatToken" })
        {
            var body = new { roomIdentifier = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl", eventName = "e", id = "abcdefghijkl", userId = "u" };
            Assert.Equal(404, (await emu.PostAsync(op, body)).Status);
        }
        r = await emu.PostAsync("GetLoggingConfiguration", new { identifier = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/abcdefghijkl" });
        Assert.Equal((404, "LOGGING_CONFIGURATION"), (r.Status, r.Json["resourceType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Room_naming_a_missing_logging_configuration_is_404()
    {
        await using var emu = await TestEmulator.StartAsync();
        string missing = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/abcdefghijkl";
        var r = await emu.PostAsync("CreateRoom", new { loggingConfigurationIdentifiers = new[] { missing } });
        Assert.Equal((404, "ResourceNotFoundException"), (r.Status, r.ErrorType));
        Assert.Equal("abcdefghijkl", r.Json["resourceId"]!.GetValue<string>());
        string arn = await emu.CreateRoomAsync();
        Assert.Equal(404, (await emu.PostAsync("UpdateRoom", new { identifier = arn, loggingConfigurationIdentifiers = new[] { missing } })).Status);
        Assert.Equal(404, (await emu.PostAsync("ListRooms", new { loggingConfigurationIdentifier = missing })).Status);
    }

    [Fact]
    public async Task Logging_configuration_in_use_cannot_be_deleted()
    {
        await using var emu = await TestEmulator.StartAsync();
        string log = (await emu.OkAsync("CreateLoggingConfiguration", new { destinationConfiguration = S3 }))["arn"]!.GetValue<string>();
        string room = await emu.CreateRoomAsync(new { loggingConfigurationIdentifiers = new[] { log } });
        var r = await emu.PostAsync("DeleteLoggingConfiguration", new { identifier = log });
        Assert.Equal((409, "ConflictException"), (r.Status, r.ErrorType));
        Assert.Equal(log.Split('/')[1], r.Json["resourceId"]!.GetValue<string>());
        Assert.NotNull(r.Json["resourceType"]);

        await emu.OkAsync("UpdateRoom", new { identifier = room, loggingConfigurationIdentifiers = Array.Empty<string>() });
        r = await emu.PostAsync("DeleteLoggingConfiguration", new { identifier = log });
        Assert.Equal(204, r.Status);
        Assert.Equal("", r.RawBody);
        Assert.Equal(404, (await emu.PostAsync("GetLoggingConfiguration", new { identifier = log })).Status);
    }

    [Fact]
    public async Task Eleventh_logging_configuration_exceeds_the_quota()
    {
        await using var emu = await TestEmulator.StartAsync();
        for (int i = 0; i < 10; i++) await emu.OkAsync("CreateLoggingConfiguration", new { destinationConfiguration = S3 });
        var r = await emu.PostAsync("CreateLoggingConfiguration", new { destinationConfiguration = S3 });
        Assert.Equal((402, "ServiceQuotaExceededException"), (r.Status, r.ErrorType));
        Assert.Equal(10, r.Json["limit"]!.GetValue<int>());
        Assert.NotNull(r.Json["resourceId"]);
        Assert.NotNull(r.Json["resourceType"]);
    }

    [Fact]
    public async Task Logging_configuration_update_keeps_unnamed_members()
    {
        await using var emu = await TestEmulator.StartAsync();
        var created = await emu.OkAsync("CreateLoggingConfiguration", new { name = "logs", destinationConfiguration = S3, tags = new { team = "chat" } });
        string arn = created["arn"]!.GetValue<string>();
        var updated = await emu.OkAsync("UpdateLoggingConfiguration", new
        {
            identifier = arn, destinationConfiguration = new { cloudWatchLogs = new { logGroupName = "/aws/chat#1" } },
        });
        Assert.Equal("logs", updated["name"]!.GetValue<string>());
        Assert.Equal("/aws/chat#1", updated["destinationConfiguration"]!["cloudWatchLogs"]!["logGroupName"]!.GetValue<string>());
        Assert.Null(updated["destinationConfiguration"]!["s3"]);
        Assert.Equal("chat", updated["tags"]!["team"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(updated, await emu.OkAsync("GetLoggingConfiguration", new { identifier = arn })));
    }

    [Fact]
    public async Task Tags_on_rooms_and_logging_configurations()
    {
        await using var emu = await TestEmulator.StartAsync();
        string room = await emu.CreateRoomAsync(new { tags = new { a = "1" } });
        string log = (await emu.OkAsync("CreateLoggingConfiguration", new { destinationConfiguration = S3 }))["arn"]!.GetValue<string>();
        foreach (string arn in new[] { room, log })
        {
            string path = TestEmulator.TagPath(arn);
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, path, """{"tags":{"b":"2","c d":"x/y"}}""")).Status);
            Assert.Equal(200, (await emu.SendAsync(HttpMethod.Delete, path + "?tagKeys=b&tagKeys=missing")).Status);
            var tags = (await emu.SendAsync(HttpMethod.Get, path)).Json["tags"]!.AsObject();
            Assert.Equal("x/y", tags["c d"]!.GetValue<string>());
            Assert.Null(tags["b"]);
            Assert.Equal(arn == room ? 2 : 1, tags.Count);
        }
        Assert.Equal("1", (await emu.OkAsync("GetRoom", new { identifier = room }))["tags"]!["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tag_limits()
    {
        await using var emu = await TestEmulator.StartAsync();
        string room = await emu.CreateRoomAsync(new { tags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", i => "v") });
        string path = TestEmulator.TagPath(room);
        Assert.Equal(200, (await emu.SendAsync(HttpMethod.Post, path, """{"tags":{"k0":"replaced","k49":"v"}}""")).Status);
        var over = await emu.SendAsync(HttpMethod.Post, path, """{"tags":{"one-too-many":"v"}}""");
        Assert.Equal((400, "ValidationException"), (over.Status, over.ErrorType));
        Assert.Contains("tags", over.FieldNames);
        var tags = (await emu.SendAsync(HttpMethod.Get, path)).Json["tags"]!.AsObject();
        Assert.Equal(50, tags.Count);
        Assert.Equal("replaced", tags["k0"]!.GetValue<string>());

        Assert.Contains("tags", (await emu.SendAsync(HttpMethod.Post, path, """{"tags":{"aws:x":"v"}}""")).FieldNames);
        Assert.Contains("tags", (await emu.SendAsync(HttpMethod.Post, path, "{}")).FieldNames);
        Assert.Contains("tagKeys", (await emu.SendAsync(HttpMethod.Delete, path)).FieldNames);
        Assert.Contains("tagKeys", (await emu.SendAsync(HttpMethod.Delete, path + "?tagKeys=aws%3Ax")).FieldNames);
        Assert.Contains("resourceArn", (await emu.SendAsync(HttpMethod.Get, "/tags/not-an-arn")).FieldNames);
        var missing = await emu.SendAsync(HttpMethod.Get, TestEmulator.TagPath("arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl"));
        Assert.Equal((404, "abcdefghijkl"), (missing.Status, missing.Json["resourceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Chat_operations_answer_event_ids()
    {
        await using var emu = await TestEmulator.StartAsync();
        string room = await emu.CreateRoomAsync();
        string a = (await emu.OkAsync("SendEvent", new { roomIdentifier = room, eventName = "app:x", attributes = new { k = "v" } }))["id"]!.GetValue<string>();
        string b = (await emu.OkAsync("DeleteMessage", new { roomIdentifier = room, id = "abcdefghijkl", reason = "spam" }))["id"]!.GetValue<string>();
        Assert.Matches("^[a-zA-Z0-9]{12}$", a);
        Assert.Matches("^[a-zA-Z0-9]{12}$", b);
        Assert.NotEqual(a, b);
        var d = await emu.PostAsync("DisconnectUser", new { roomIdentifier = room, userId = "u" });
        Assert.Equal(200, d.Status);
        Assert.Empty(d.Json.AsObject());
    }

    [Fact]
    public async Task Deleted_room_is_gone_and_204_has_no_body()
    {
        await using var emu = await TestEmulator.StartAsync();
        string room = await emu.CreateRoomAsync();
        var r = await emu.PostAsync("DeleteRoom", new { identifier = room });
        Assert.Equal((204, ""), (r.Status, r.RawBody));
        Assert.NotNull(r.RequestId);
        Assert.Equal(404, (await emu.PostAsync("GetRoom", new { identifier = room })).Status);
        Assert.Equal(404, (await emu.PostAsync("DeleteRoom", new { identifier = room })).Status);
    }
}
