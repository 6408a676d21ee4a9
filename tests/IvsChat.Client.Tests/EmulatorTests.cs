using System.Diagnostics;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>The local IVS Chat service in a child process, with the settings it prints.</summary>
public sealed class LocalEmulator : IDisposable
{
    private readonly Process _process;
    public Dictionary<string, string> Printed { get; } = new();

    public LocalEmulator(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(EmulatorBuild.DllPath);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var a in args) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Printed.ContainsKey("AWS_SECRET_ACCESS_KEY"))
        {
            var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the emulator exited before printing its settings");
            var eq = line.IndexOf('=');
            if (eq > 0) Printed[line[..eq]] = line[(eq + 1)..];
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the emulator did not start");
        }
    }

    /// <summary>Settings resolved the way a user's shell would give them: environment variables only.</summary>
    public ResolvedClientSettings Settings() => ClientSettingsResolver.Resolve(new ClientSettingsInput
    {
        Environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = Printed["AWS_ACCESS_KEY_ID"], ["AWS_SECRET_ACCESS_KEY"] = Printed["AWS_SECRET_ACCESS_KEY"],
            ["AWS_REGION"] = Printed["AWS_REGION"], ["AWS_ENDPOINT_URL_IVSCHAT"] = Printed["IVSCHAT_ENDPOINT"],
            ["AWS_EC2_METADATA_DISABLED"] = "true", ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        },
    });

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); }
        finally { _process.Dispose(); }
    }
}

/// <summary>The client against the real local service: signatures verified by the service, real errors, paging.</summary>
public class EmulatorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Untag_signs_tag_keys_sorted_as_sent_encoded()
    {
        // "a:b" sorts after "a1" unencoded but before it encoded ("a%3Ab"): SigV4 sorts the encoded values.
        using var emulator = new LocalEmulator();
        using var client = new IvsChatClient(emulator.Settings());
        var room = await client.CreateRoomAsync(new CreateRoomRequest { Tags = new() { ["a1"] = "x", ["a:b"] = "y", ["keep"] = "z" } });
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = room.Arn, TagKeys = new() { "a1", "a:b" } });
        var tags = await client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = room.Arn });
        Assert.Equal(new Dictionary<string, string> { ["keep"] = "z" }, tags.Tags);
    }

    [Fact]
    public async Task Round_trip_of_rooms_tags_tokens_and_errors()
    {
        using var emulator = new LocalEmulator();
        using var client = new IvsChatClient(emulator.Settings());

        var room = await client.CreateRoomAsync(new CreateRoomRequest { Name = "client-e2e", Tags = new() { ["team"] = "chat" }, MaximumMessageLength = 300 });
        Assert.StartsWith("arn:aws:ivschat:", room.Arn);
        Assert.Equal(300, room.MaximumMessageLength);
        Assert.Equal(DateTimeKind.Utc, room.CreateTime!.Value.Kind);

        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = room.Arn, Tags = new() { ["cost center"] = "a/b", ["env"] = "dev" } });
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = room.Arn, TagKeys = new() { "team", "env" } });
        var tags = await client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = room.Arn });
        Assert.Equal(new Dictionary<string, string> { ["cost center"] = "a/b" }, tags.Tags);

        var token = await client.CreateChatTokenAsync(new CreateChatTokenRequest
        {
            RoomIdentifier = room.Arn, UserId = "e2e-user", Capabilities = new() { ChatTokenCapabilityValues.SendMessage },
            Attributes = new() { ["displayName"] = "E2E" },
        });
        Assert.False(string.IsNullOrEmpty(token.Token));
        Assert.True(token.SessionExpirationTime > DateTime.UtcNow);

        for (var i = 0; i < 3; i++) await client.CreateRoomAsync(new CreateRoomRequest { Name = "page-" + i });
        var listed = new List<RoomSummary>();
        await foreach (var r in client.ListRoomsPaginatedAsync(new ListRoomsRequest { MaxResults = 1 })) listed.Add(r);
        Assert.Equal(4, listed.Count);

        await client.DeleteRoomAsync(new DeleteRoomRequest { Identifier = room.Arn });
        var missing = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.GetRoomAsync(new GetRoomRequest { Identifier = room.Arn }));
        Assert.Equal(404, missing.StatusCode);
        Assert.False(string.IsNullOrEmpty(missing.RequestId));

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => client.CreateRoomAsync(new CreateRoomRequest { MaximumMessageLength = 9999 }));
        Assert.Equal(400, invalid.StatusCode);
    }

    [Fact]
    public async Task Blocking_calls_do_their_io_on_the_calling_thread_with_the_same_results_and_errors()
    {
        using var emulator = new LocalEmulator();
        using var client = new IvsChatClient(emulator.Settings());
        var created = await client.CreateRoomAsync(new CreateRoomRequest { Name = "blocking", Tags = new() { ["k"] = "v" } });

        var completedWhenReturned = false;
        var room = IvsChatClient.RunBlocking(() =>
        {
            var call = client.GetRoomAsync(new GetRoomRequest { Identifier = created.Arn });
            completedWhenReturned = call.IsCompleted;
            return call;
        });
        Assert.True(completedWhenReturned, "the request and the answer were handled before GetRoomAsync returned");
        Assert.Equal(created.Arn, room.Arn);
        Assert.Equal("v", room.Tags!["k"]);
        Assert.Equal(created.CreateTime, room.CreateTime);

        var pages = IvsChatClient.RunBlocking(async () =>
        {
            var names = new List<string?>();
            await foreach (var r in client.ListRoomsPaginatedAsync(new ListRoomsRequest { MaxResults = 1 })) names.Add(r.Name);
            return names;
        });
        Assert.Equal(new[] { "blocking" }, pages);

        var missing = Assert.Throws<ResourceNotFoundException>(() =>
            IvsChatClient.RunBlocking(() => client.GetRoomAsync(new GetRoomRequest { Identifier = created.Arn!.Replace(created.Id!, "AbCdEfGhIjKl") })));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task Wrong_secret_key_is_refused_by_the_service()
    {
        using var emulator = new LocalEmulator();
        var good = emulator.Settings();
        var bad = new ResolvedClientSettings(new Amazon.Runtime.BasicAWSCredentials(emulator.Printed["AWS_ACCESS_KEY_ID"], "not-the-secret"), "test",
            good.Region, good.RegionSource, good.Endpoint, good.EndpointSource, good.Retry);
        using var client = new IvsChatClient(bad);
        var error = await Assert.ThrowsAnyAsync<IvsChatServiceException>(() => client.ListRoomsAsync(new ListRoomsRequest()));
        Assert.Equal(403, error.StatusCode);
        Assert.DoesNotContain("not-the-secret", error.ToString());
    }

    [Fact]
    public async Task Pipeline_against_enforced_quotas_has_no_errors_and_keeps_the_quota_rate()
    {
        using var emulator = new LocalEmulator("--enforce-quotas");
        using var client = new IvsChatClient(emulator.Settings());
        var room = await client.CreateRoomAsync(new CreateRoomRequest { Name = "paced" });
        const double quota = 10; // TagResource
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(6))
        {
            await client.TagResourceAsync(new TagResourceRequest { ResourceArn = room.Arn, Tags = new() { ["n"] = done.ToString() } });
            done++;
        }
        var rate = done / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{done} TagResource calls in {watch.Elapsed.TotalSeconds:0.0} s = {rate:0.0}/s against a {quota}/s quota");
        Assert.True(rate >= 0.85 * quota, $"{rate:0.0}/s is below 85% of the {quota}/s quota");
    }
}
