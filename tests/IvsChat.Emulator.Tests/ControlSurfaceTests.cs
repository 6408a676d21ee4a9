using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

public class ControlSurfaceTests
{
    [Fact]
    public async Task Injected_errors_answer_the_next_N_calls_then_stop()
    {
        await using var emu = await TestEmulator.StartAsync();
        var add = await emu.Http.PostAsJsonAsync(new Uri(emu.BaseUrl, "/_emulator/faults"),
            new { operation = "ListRooms", error = "ThrottlingException", count = 2 });
        Assert.Equal(200, (int)add.StatusCode);
        await emu.Http.PostAsJsonAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), new { operation = "GetRoom", error = "PendingVerification" });

        for (int i = 0; i < 2; i++)
        {
            var r = await emu.PostAsync("ListRooms", new { });
            Assert.Equal((429, "ThrottlingException"), (r.Status, r.ErrorType));
            Assert.NotNull(r.Json["limit"]);
        }
        Assert.Equal(200, (await emu.PostAsync("ListRooms", new { })).Status);
        var pending = await emu.PostAsync("GetRoom", new { identifier = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl" });
        Assert.Equal((403, "PendingVerification"), (pending.Status, pending.ErrorType));

        var counts = JsonNode.Parse(await emu.Http.GetStringAsync(new Uri(emu.BaseUrl, "/_emulator/requests")))!["counts"]!;
        Assert.Equal(3, counts["ListRooms"]!.GetValue<long>());
        Assert.Equal(1, counts["GetRoom"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("AccessDeniedException", 403)]
    [InlineData("InternalServerException", 500)]
    [InlineData("ServiceQuotaExceededException", 402)]
    public async Task Any_operation_fault_uses_the_error_status(string error, int status)
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.Http.PostAsJsonAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), new { operation = "*", error, message = "custom" });
        var r = await emu.PostAsync("CreateRoom", new { });
        Assert.Equal((status, error, "custom"), (r.Status, r.ErrorType, r.Message));
        Assert.Equal(200, (await emu.PostAsync("CreateRoom", new { })).Status);
    }

    [Fact]
    public async Task Bad_fault_requests_are_explained()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.Http.PostAsJsonAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), new { operation = "Nope", error = "ThrottlingException" });
        Assert.Equal(400, (int)r.StatusCode);
        Assert.Contains("CreateRoom", await r.Content.ReadAsStringAsync());
        r = await emu.Http.PostAsJsonAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), new { operation = "GetRoom", error = "Nope" });
        Assert.Equal(400, (int)r.StatusCode);
    }

    [Theory]
    [InlineData("""{"operation":"\ud800","error":"ThrottlingException"}""")]
    [InlineData("""{"operation":"GetRoom","error":"ThrottlingException","message":"\udc00"}""")]
    [InlineData("""{"operation":"GetRoom","error":"Throttling""")]
    [InlineData("""{"nope":1}""")]
    public async Task Bad_fault_bodies_get_an_AWS_shaped_400(string body)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), content);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("ValidationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Reset_forgets_resources_counts_and_faults()
    {
        await using var emu = await TestEmulator.StartAsync();
        string room = await emu.CreateRoomAsync();
        await emu.Http.PostAsJsonAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), new { operation = "DeleteRoom", error = "InternalServerException" });
        var reset = await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/_emulator/reset"), null);
        Assert.Equal(204, (int)reset.StatusCode);
        Assert.Equal(404, (await emu.PostAsync("GetRoom", new { identifier = room })).Status);
        var counts = JsonNode.Parse(await emu.Http.GetStringAsync(new Uri(emu.BaseUrl, "/_emulator/requests")))!["counts"]!.AsObject();
        Assert.Equal(["GetRoom"], counts.Select(c => c.Key));
        var faults = JsonNode.Parse(await emu.Http.GetStringAsync(new Uri(emu.BaseUrl, "/_emulator/faults")))!["faults"]!.AsArray();
        Assert.Empty(faults);
    }

    [Fact]
    public async Task Quotas_throttle_only_when_enforced()
    {
        await using var strict = await TestEmulator.StartAsync(new EmulatorOptions { EnforceQuotas = true });
        string room = await strict.CreateRoomAsync();
        var results = new List<int>();
        for (int i = 0; i < 15; i++) results.Add((await strict.PostAsync("GetRoom", new { identifier = room })).Status);
        Assert.Contains(429, results);
        Assert.True(results.Count(s => s == 200) is >= 4 and <= 10, string.Join(",", results));
        var throttled = await strict.PostAsync("GetRoom", new { identifier = room });
        if (throttled.Status == 429)
        {
            Assert.Equal("ThrottlingException", throttled.ErrorType);
            Assert.Equal(5, throttled.Json["limit"]!.GetValue<int>());
        }
        // Other operations have their own buckets.
        Assert.Equal(200, (await strict.PostAsync("CreateChatToken", new { roomIdentifier = room, userId = "u" })).Status);
        await Task.Delay(400); // refills continuously: 5 per second = 2 tokens in 0.4 s
        Assert.Equal(200, (await strict.PostAsync("GetRoom", new { identifier = room })).Status);

        await using var lax = await TestEmulator.StartAsync();
        string room2 = await lax.CreateRoomAsync();
        for (int i = 0; i < 30; i++) Assert.Equal(200, (await lax.PostAsync("GetRoom", new { identifier = room2 })).Status);
    }

    private static readonly string[] ControlPaths =
        ["/_emulator/requests", "/_emulator/faults", "/_emulator/messaging/connections?roomArn=x", "/_emulator/nope"];

    [Fact]
    public async Task Non_loopback_callers_are_refused_on_every_path()
    {
        var address = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a));
        Assert.True(address != null, "this test needs a non-loopback IPv4 address on the machine");
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Host = "0.0.0.0" });
        foreach (string path in ControlPaths.Append("/_emulator/reset"))
        {
            var method = path.EndsWith("reset") ? HttpMethod.Post : HttpMethod.Get;
            using var request = new HttpRequestMessage(method, $"http://{address}:{emu.BaseUrl.Port}{path}");
            request.Headers.Host = $"127.0.0.1:{emu.BaseUrl.Port}"; // even with a loopback Host name
            using var response = await emu.Http.SendAsync(request);
            Assert.True((int)response.StatusCode == 403, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("AccessDeniedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        }
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Host", "evil.example")]
    [InlineData("Host", "rebind.evil.example:80")]
    [InlineData("Host", "127.0.0.1.evil.example")]
    public async Task Browser_and_rebound_requests_are_refused_on_every_path(string header, string value)
    {
        await using var emu = await TestEmulator.StartAsync();
        foreach (string path in ControlPaths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emu.BaseUrl, path));
            if (header == "Host") request.Headers.Host = value;
            else request.Headers.Add(header, value);
            using var response = await emu.Http.SendAsync(request);
            Assert.True((int)response.StatusCode == 403, $"{header}: {value} {path}: {(int)response.StatusCode}");
            Assert.Equal("AccessDeniedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        }
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(emu.BaseUrl, "/_emulator/reset"));
        if (header == "Host") post.Headers.Host = value;
        else post.Headers.Add(header, value);
        Assert.Equal(403, (int)(await emu.Http.SendAsync(post)).StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_POST_body_that_is_not_JSON_is_refused(string? contentType)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var content = new ByteArrayContent("""{"operation":"*","error":"InternalServerException"}"""u8.ToArray());
        if (contentType != null) content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), content);
        Assert.True((int)response.StatusCode is 403 or 415, $"{contentType}: {(int)response.StatusCode}");
        Assert.True(response.Headers.Contains("x-amzn-ErrorType"));
        var faults = JsonNode.Parse(await emu.Http.GetStringAsync(new Uri(emu.BaseUrl, "/_emulator/faults")))!["faults"]!.AsArray();
        Assert.Empty(faults);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("[::1]")]
    public async Task Loopback_host_names_and_the_test_clients_requests_are_answered(string host)
    {
        await using var emu = await TestEmulator.StartAsync();
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(emu.BaseUrl, "/_emulator/messaging/connections?roomArn=x"));
        get.Headers.Host = $"{host}:{emu.BaseUrl.Port}";
        Assert.Equal(200, (int)(await emu.Http.SendAsync(get)).StatusCode);
        // What the conformance, Pester and Bench helpers send: JSON bodies, and bodiless POSTs without a content type.
        using var json = new StringContent("""{"operation":"GetRoom","error":"ThrottlingException"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(200, (int)(await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/_emulator/faults"), json)).StatusCode);
        Assert.Equal(204, (int)(await emu.Http.PostAsync(new Uri(emu.BaseUrl, "/_emulator/reset"), null)).StatusCode);
    }
}
