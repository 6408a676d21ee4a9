using Xunit;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Messaging;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>Every region behind one endpoint: the SigV4 credential scope picks the region, each with its own state.</summary>
public class RegionTests
{
    private const string Us = "us-east-1", Eu = "eu-west-1", Ap = "ap-northeast-1";

    private static Task<ApiResponse> Call(TestEmulator emu, string region, string operation, object? body = null) =>
        emu.SendAsync(HttpMethod.Post, "/" + operation, JsonSerializer.Serialize(body ?? new { }), region: region);

    private static async Task<JsonNode> Ok(TestEmulator emu, string region, string operation, object? body = null)
    {
        var r = await Call(emu, region, operation, body);
        Assert.True(r.Status == 200, $"{operation} in {region}: {r.Status} {r.RawBody}");
        return r.Json;
    }

    private static async Task<string[]> RoomNames(TestEmulator emu, string region) =>
        [.. (await Ok(emu, region, "ListRooms"))["rooms"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order()];

    [Fact]
    public async Task Each_region_has_its_own_rooms_and_ARNs_carry_the_region()
    {
        await using var emu = await TestEmulator.StartAsync();
        string usArn = (await Ok(emu, Us, "CreateRoom", new { name = "us-room" }))["arn"]!.GetValue<string>();
        string euArn = (await Ok(emu, Eu, "CreateRoom", new { name = "eu-room" }))["arn"]!.GetValue<string>();
        Assert.StartsWith($"arn:aws:ivschat:{Us}:", usArn);
        Assert.StartsWith($"arn:aws:ivschat:{Eu}:", euArn);
        Assert.Equal(["us-room"], await RoomNames(emu, Us));
        Assert.Equal(["eu-room"], await RoomNames(emu, Eu));
        Assert.Empty(await RoomNames(emu, Ap));

        // An ARN of another region is not found here, for reads, writes and tags alike.
        Assert.Equal(404, (await Call(emu, Us, "GetRoom", new { identifier = euArn })).Status);
        Assert.Equal(404, (await Call(emu, Us, "DeleteRoom", new { identifier = euArn })).Status);
        Assert.Equal(404, (await emu.SendAsync(HttpMethod.Get, TestEmulator.TagPath(euArn), region: Us)).Status);
        Assert.Equal(200, (await emu.SendAsync(HttpMethod.Get, TestEmulator.TagPath(euArn), region: Eu)).Status);
        Assert.Equal("eu-room", (await Ok(emu, Eu, "GetRoom", new { identifier = euArn }))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logging_configuration_limits_count_per_region()
    {
        await using var emu = await TestEmulator.StartAsync();
        var body = new { destinationConfiguration = new { s3 = new { bucketName = "bucket-one" } } };
        for (int i = 0; i < 10; i++) await Ok(emu, Us, "CreateLoggingConfiguration", body);
        Assert.Equal(402, (await Call(emu, Us, "CreateLoggingConfiguration", body)).Status);
        string euConfig = (await Ok(emu, Eu, "CreateLoggingConfiguration", body))["arn"]!.GetValue<string>();
        Assert.Contains($":{Eu}:", euConfig);
        // A room cannot use a logging configuration of another region.
        Assert.Equal(404, (await Call(emu, Us, "CreateRoom", new { loggingConfigurationIdentifiers = new[] { euConfig } })).Status);
        Assert.Equal(200, (await Call(emu, Eu, "CreateRoom", new { loggingConfigurationIdentifiers = new[] { euConfig } })).Status);
    }

    [Fact]
    public async Task A_page_token_of_one_region_is_invalid_in_another()
    {
        await using var emu = await TestEmulator.StartAsync();
        for (int i = 0; i < 3; i++)
        {
            await Ok(emu, Us, "CreateRoom");
            await Ok(emu, Eu, "CreateRoom");
        }
        string token = (await Ok(emu, Us, "ListRooms", new { maxResults = 1 }))["nextToken"]!.GetValue<string>();
        Assert.Equal(200, (await Call(emu, Us, "ListRooms", new { maxResults = 1, nextToken = token })).Status);
        var foreign = await Call(emu, Eu, "ListRooms", new { maxResults = 1, nextToken = token });
        Assert.Equal((400, "ValidationException"), (foreign.Status, foreign.ErrorType));
        Assert.Contains("nextToken", foreign.FieldNames);
    }

    [Fact]
    public async Task Rate_quotas_are_per_region()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { EnforceQuotas = true });
        var us = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Call(emu, Us, "ListRooms")));
        Assert.Contains(us, r => r.Status == 429);
        // The other region's bucket is untouched.
        var eu = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Call(emu, Eu, "ListRooms")));
        Assert.All(eu, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Regions_option_refuses_other_credential_scopes()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Regions = new HashSet<string> { Us, Eu } });
        Assert.Equal(200, (await Call(emu, Eu, "ListRooms")).Status);
        var refused = await Call(emu, Ap, "ListRooms");
        Assert.Equal((403, "InvalidSignatureException"), (refused.Status, refused.ErrorType));
        Assert.Contains(Ap, refused.Message);
    }

    [Fact]
    public async Task Without_signatures_the_scope_still_picks_the_region_else_the_default()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false, Region = Eu });
        string scoped = (await Ok(emu, Ap, "CreateRoom"))["arn"]!.GetValue<string>();
        Assert.Contains($":{Ap}:", scoped);
        var unsigned = await emu.SendAsync(HttpMethod.Post, "/CreateRoom", "{}", sign: false);
        Assert.Contains($":{Eu}:", unsigned.Json["arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chat_tokens_and_the_WebSocket_stay_in_the_room_region()
    {
        await using var emu = await TestEmulator.StartAsync();
        string euRoom = (await Ok(emu, Eu, "CreateRoom"))["arn"]!.GetValue<string>();
        Assert.Equal(404, (await Call(emu, Us, "CreateChatToken", new { roomIdentifier = euRoom, userId = "u" })).Status);
        string token = (await Ok(emu, Eu, "CreateChatToken", new { roomIdentifier = euRoom, userId = "u" }))["token"]!.GetValue<string>();
        var messaging = new UriBuilder(emu.BaseUrl) { Scheme = "ws" }.Uri;
        await using var client = await RawChatClient.ConnectAsync(messaging, token);
        await Ok(emu, Eu, "SendEvent", new { roomIdentifier = euRoom, eventName = "hello" });
        var e = await client.ExpectAsync("EVENT");
        Assert.Equal("hello", e["EventName"]!.GetValue<string>());
    }

    [Fact]
    public void Regions_option_parses_a_list_and_keeps_the_default_region()
    {
        var o = EmulatorOptions.Parse(["--regions", "eu-west-1,ap-northeast-1"])!;
        Assert.True(o.ServesRegion("eu-west-1") && o.ServesRegion("ap-northeast-1") && o.ServesRegion("us-east-1"));
        Assert.False(o.ServesRegion("sa-east-1"));
        Assert.True(EmulatorOptions.Parse([])!.ServesRegion("sa-east-1"));
        Assert.False(EmulatorOptions.Parse([])!.ServesRegion("Not A Region"));
        var e = Assert.Throws<EmulatorOptionsException>(() => EmulatorOptions.Parse(["--regions", "eu-west-1,BAD"]));
        Assert.Contains("--regions", e.Message);
    }
}
