#if NET8_0_OR_GREATER
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;
#endif
using System.Threading.Tasks;

namespace IvsChat.Client;

// A runbook's first call pays one-time costs that have nothing to do with the service: type loading, AWSSDK's
// signer, and JIT compiling the generic code of .NET's HTTP stack and System.Text.Json that ReadyToRun cannot
// precompile into our assemblies. WarmUpAsync pays them ahead, off the caller's thread.
public sealed partial class IvsChatClient
{
    /// <summary>Runs one blocking GetRoom (<see cref="RunBlocking"/>) through the whole client (settings resolution, signing, pacing, HTTP and JSON)
    /// against a canned in-memory answer, so that the first real call does not pay the process's one-time
    /// costs. Sends nothing over the network, reads no profile files, touches no shared state a real endpoint
    /// uses, and never throws. A no-op on .NET Framework.</summary>
    public static Task WarmUpAsync()
    {
#if NET8_0_OR_GREATER
        // Blocking, as the cmdlets call (RunBlocking): that is the path to warm.
        return Task.Run(() =>
        {
            try { RunBlocking(WarmUpCoreAsync); }
            catch (Exception) { /* warming is best effort: the real call reports real problems */ }
        });
#else
        return Task.CompletedTask;
#endif
    }

#if NET8_0_OR_GREATER
    internal static async Task<GetRoomResponse> WarmUpCoreAsync()
    {
        WarmTransportAndJson();
        var nowhere = Path.Combine(Path.GetTempPath(), "ivschat-warm-up-reads-no-files");
        var input = new ClientSettingsInput
        {
            AccessKey = "AKIDWARMUP", SecretKey = "warm-up-only", Region = "us-east-1",
            EndpointUrl = "http://" + CannedConnection.Host,
            ProfileLocation = nowhere,
            Environment = new Dictionary<string, string?> { ["HOME"] = nowhere, ["AWS_CONFIG_FILE"] = nowhere },
        };
        // Through the cache as the cmdlets resolve, then out of it again.
        var settings = ClientSettingsCache.Resolve(input);
        ClientSettingsCache.Forget(input);
        // The process's shared HttpClient for the default connect timeout: the one a first call most likely uses.
        HttpClients.For(TimeoutSettings.Default.ConnectTimeout);
        using var handler = CannedHandler();
        using var client = new IvsChatClient(settings, new IvsChatClientOptions { HttpHandler = handler });
        return await client.GetRoomAsync(new GetRoomRequest { Identifier = CannedConnection.RoomArn }, CancellationToken.None).ConfigureAwait(false);
    }

    // What a first call reaches last (.NET's HTTP stack, System.Text.Json's metadata) is warmed first: a call the
    // user starts meanwhile works through settings and signing on its own thread instead of waiting on this one.
    private static void WarmTransportAndJson()
    {
        using var invoker = new HttpMessageInvoker(CannedHandler());
        using var message = new HttpRequestMessage(HttpMethod.Post, "http://" + CannedConnection.Host + "/GetRoom")
        {
            Content = new ByteArrayContent(
                JsonSerializer.SerializeToUtf8Bytes(new GetRoomRequest { Identifier = CannedConnection.RoomArn }, Json.GetRoomRequest)),
        };
        using var response = invoker.Send(message, CancellationToken.None);
        using var body = response.Content.ReadAsStream();
        JsonSerializer.Deserialize(body, Json.GetRoomResponse);
    }

    private static SocketsHttpHandler CannedHandler() => new()
    {
        ConnectCallback = (context, token) => new ValueTask<Stream>(new CannedConnection(CannedConnection.GetRoomAnswer)),
    };
#endif
}
