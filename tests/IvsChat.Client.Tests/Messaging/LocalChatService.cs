using Xunit;
using System.Diagnostics;
using Amazon.Runtime;
using IvsChat.Client.Messaging;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests.Messaging;

/// <summary>The real local IVS Chat service in a child process (IVSCHAT_EMULATOR_DLL, else the repo's Release build).</summary>
public sealed class LocalChatService : IAsyncDisposable
{
    private readonly Process _process;

    private LocalChatService(Process process, Dictionary<string, string> settings)
    {
        _process = process;
        Endpoint = new Uri(settings["IVSCHAT_ENDPOINT"]);
        MessagingEndpoint = new Uri(settings["IVSCHAT_MESSAGING_ENDPOINT"]);
        var resolved = new ResolvedClientSettings(new BasicAWSCredentials(settings["AWS_ACCESS_KEY_ID"], settings["AWS_SECRET_ACCESS_KEY"]),
            "test", settings["AWS_REGION"], "test", Endpoint, "test", RetrySettings.Default);
        Client = new IvsChatClient(resolved);
    }

    public Uri Endpoint { get; }
    public Uri MessagingEndpoint { get; }
    public IvsChatClient Client { get; }

    public static async Task<LocalChatService> StartAsync(params string[] args)
    {
        string dll = EmulatorBuild.DllPath;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { dll, "--port", "0" }.Concat(args)) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var settings = new Dictionary<string, string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!settings.ContainsKey("AWS_SECRET_ACCESS_KEY"))
        {
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line == null) throw new InvalidOperationException("The local service exited: " + await process.StandardError.ReadToEndAsync());
            int eq = line.IndexOf('=');
            if (eq > 0) settings[line[..eq]] = line[(eq + 1)..];
        }
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new LocalChatService(process, settings);
    }

    public async Task<string> CreateRoomAsync(int? rate = null, int? length = null) =>
        (await Client.CreateRoomAsync(new CreateRoomRequest { MaximumMessageRatePerSecond = rate, MaximumMessageLength = length })).Arn!;

    public Task<CreateChatTokenResponse> TokenAsync(string roomArn, string userId, int? sessionMinutes = null, params string[] capabilities) =>
        Client.CreateChatTokenAsync(new CreateChatTokenRequest
        {
            RoomIdentifier = roomArn, UserId = userId, Capabilities = capabilities.ToList(), SessionDurationInMinutes = sessionMinutes,
            Attributes = new Dictionary<string, string> { ["nick"] = userId + "-nick" },
        });

    public async Task<IvsChatConnection> ConnectAsync(string roomArn, string userId, IvsChatConnectionOptions? options = null,
        int? sessionMinutes = null, params string[] capabilities)
    {
        var token = await TokenAsync(roomArn, userId, sessionMinutes, capabilities);
        return await IvsChatConnection.ConnectAsync(MessagingEndpoint, token.Token!, options, token.SessionExpirationTime);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
