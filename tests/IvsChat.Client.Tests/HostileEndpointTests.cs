using System.Diagnostics;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>Issue 14 items 8 and 12: endpoints that flood, hang or trickle fail the call with a clear, typed error,
/// in bounded memory and bounded time, over a real socket; with async I/O and with the blocking I/O the cmdlets
/// use (<see cref="IvsChatClient.RunBlocking"/>).</summary>
public class HostileEndpointTests
{
    // Blocking calls get a thread of their own, as a PowerShell pipeline thread is: on a pool thread they would
    // take a thread the endpoint's own async loop needs.
    private static Task<T> Run<T>(bool blocking, Func<Task<T>> call)
    {
        if (!blocking) return call();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { done.SetResult(IvsChatClient.RunBlocking(call)); }
            catch (Exception ex) { done.SetException(ex); }
        }) { IsBackground = true }.Start();
        return done.Task;
    }

    private static IvsChatClient ClientFor(HostileEndpoint endpoint, int maxAttempts = 1, Action<IvsChatClientOptions>? configure = null)
    {
        var options = new IvsChatClientOptions();
        configure?.Invoke(options);
        return new IvsChatClient(TestClients.Settings(maxAttempts, endpoint: endpoint.Uri), options);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_endless_answer_fails_at_the_size_cap_in_bounded_memory(bool blocking)
    {
        using var endpoint = new HostileEndpoint(HostileBehaviour.Flood);
        using var client = ClientFor(endpoint);
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<IvsChatResponseTooLargeException>(() => Run(blocking, () => client.ListRoomsAsync(new ListRoomsRequest())));
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

    private static ResolvedClientSettings Resolve(HostileEndpoint endpoint, params (string Key, string Value)[] settings)
    {
        var env = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            ["AWS_REGION"] = "us-west-2", ["AWS_ENDPOINT_URL_IVSCHAT"] = endpoint.Uri.ToString(), ["AWS_MAX_ATTEMPTS"] = "1",
            ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
        };
        foreach (var (key, value) in settings) env[key] = value;
        return ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_silent_endpoint_fails_after_the_read_timeout_from_the_environment(bool blocking)
    {
        using var endpoint = new HostileEndpoint(HostileBehaviour.Hang);
        using var client = new IvsChatClient(Resolve(endpoint, ("IVSCHAT_READ_TIMEOUT", "0.5")));
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Run(blocking, () => client.GetRoomAsync(new GetRoomRequest { Identifier = "g1H2I3j4k5L6" })));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Contains("GetRoom", error.Message);
        Assert.Contains("read timeout", error.Message);
        Assert.Contains("IVSCHAT_READ_TIMEOUT", error.Message);
        Assert.Equal(1, endpoint.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_trickling_answer_fails_after_the_attempt_timeout_and_retries_count(bool blocking)
    {
        using var endpoint = new HostileEndpoint(HostileBehaviour.Trickle, trickleInterval: TimeSpan.FromMilliseconds(100));
        var settings = Resolve(endpoint, ("IVSCHAT_ATTEMPT_TIMEOUT", "0.8"), ("AWS_MAX_ATTEMPTS", "2"));
        using var client = new IvsChatClient(settings, new IvsChatClientOptions { Delay = (_, _) => Task.CompletedTask });
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Run(blocking, () => client.ListRoomsAsync(new ListRoomsRequest())));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Contains("attempt timeout", error.Message);
        Assert.Equal(2, endpoint.Requests);
    }

    [Fact]
    public void Timeouts_come_from_the_environment_then_the_profile_then_defaults()
    {
        var dir = Directory.CreateTempSubdirectory("ivschat-timeouts-").FullName;
        try
        {
            var config = Path.Combine(dir, "config");
            File.WriteAllText(config, "[default]\ncli_connect_timeout = 7\ncli_read_timeout = 0\nivschat_attempt_timeout = 12.5\n");
            var env = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKID", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_REGION"] = "us-west-2",
                ["AWS_CONFIG_FILE"] = config, ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(dir, "credentials"),
            };
            var fromProfile = ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }).Timeouts;
            Assert.Equal(TimeSpan.FromSeconds(7), fromProfile.ConnectTimeout);
            Assert.Equal(Timeout.InfiniteTimeSpan, fromProfile.ReadTimeout);
            Assert.Equal(TimeSpan.FromSeconds(12.5), fromProfile.AttemptTimeout);

            env["IVSCHAT_CONNECT_TIMEOUT"] = "2";
            var fromEnv = ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }).Timeouts;
            Assert.Equal(TimeSpan.FromSeconds(2), fromEnv.ConnectTimeout);
            Assert.Contains("IVSCHAT_CONNECT_TIMEOUT", fromEnv.Source);

            File.Delete(config);
            env.Remove("IVSCHAT_CONNECT_TIMEOUT");
            var defaults = ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }).Timeouts;
            Assert.Equal(TimeoutSettings.Default.ConnectTimeout, defaults.ConnectTimeout);
            Assert.Equal(TimeoutSettings.Default.ReadTimeout, defaults.ReadTimeout);
            Assert.Equal(TimeoutSettings.Default.AttemptTimeout, defaults.AttemptTimeout);

            env["IVSCHAT_READ_TIMEOUT"] = "-1";
            var error = Assert.Throws<IvsChatConfigurationException>(() => ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }));
            Assert.Contains("IVSCHAT_READ_TIMEOUT", error.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_a_call_to_a_silent_endpoint_returns_at_once(bool blocking)
    {
        using var endpoint = new HostileEndpoint(HostileBehaviour.Trickle, trickleInterval: TimeSpan.FromSeconds(30));
        using var client = ClientFor(endpoint);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(blocking, () => client.ListRoomsAsync(new ListRoomsRequest(), cts.Token)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_listener_that_never_accepts_fails_after_the_connect_timeout(bool blocking)
    {
        // A full accept queue: the kernel drops further SYNs, so connecting hangs until the client gives up.
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream,
            System.Net.Sockets.ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((System.Net.IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<System.Net.Sockets.Socket>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var filler = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream,
                    System.Net.Sockets.ProtocolType.Tcp);
                fillers.Add(filler);
                _ = filler.ConnectAsync(System.Net.IPAddress.Loopback, port);
            }
            await Task.Delay(200);
            var env = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_REGION"] = "us-west-2",
                ["AWS_ENDPOINT_URL_IVSCHAT"] = $"http://127.0.0.1:{port}", ["AWS_MAX_ATTEMPTS"] = "1",
                ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
                ["IVSCHAT_CONNECT_TIMEOUT"] = "0.5", ["IVSCHAT_READ_TIMEOUT"] = "20",
            };
            using var client = new IvsChatClient(ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = env }));
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<TimeoutException>(
                () => Run(blocking, () => client.GetRoomAsync(new GetRoomRequest { Identifier = "g1H2I3j4k5L6" })));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
            Assert.Contains("connect timeout", error.Message);
        }
        finally
        {
            foreach (var filler in fillers) filler.Dispose();
        }
    }
}
