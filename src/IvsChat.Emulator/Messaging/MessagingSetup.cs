using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IvsChat.Emulator.Messaging;

/// <summary>Wires the messaging WebSocket into the service. Program.cs calls both.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddIvsChatMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => MessagingOptions.FromArguments(Environment.GetCommandLineArgs()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatRoomHub>();
        services.AddSingleton<IRoomMessaging>(sp => sp.GetRequiredService<ChatRoomHub>());
        services.AddSingleton<IControlPlaneView, ControlPlaneAdapter>();
        services.AddSingleton(sp => new MessageReview(sp.GetRequiredService<MessagingOptions>(), new HttpClient { Timeout = Timeout.InfiniteTimeSpan }));
        services.AddSingleton<ChatEndpoint>();
        return services;
    }

    /// <summary>WebSocket upgrades at the root path go to the chat endpoint; everything else passes through.
    /// Needs app.UseWebSockets() earlier in the pipeline (EmulatorHost adds it).</summary>
    public static WebApplication MapIvsChatMessaging(this WebApplication app)
    {
        ChatEndpoint endpoint = app.Services.GetRequiredService<ChatEndpoint>();
        ChatRoomHub hub = app.Services.GetRequiredService<ChatRoomHub>();
        _ = Task.Run(WarmUpAsync);
        app.Use(async (ctx, next) =>
        {
            if (ctx.WebSockets.IsWebSocketRequest && (ctx.Request.Path == "/" || !ctx.Request.Path.HasValue))
                await endpoint.HandleAsync(ctx);
            else if (ctx.Request.Path == ConnectionsPath && HttpMethods.IsGet(ctx.Request.Method))
                await WriteConnectionCountAsync(ctx, hub);
            else
                await next(ctx);
        });
        return app;
    }

    /// <summary>Runs the message path once at start-up (parse, serialize, a WebSocket send into memory), so the
    /// first real message of a big room does not pay for JIT compilation.</summary>
    private static async Task WarmUpAsync()
    {
        try
        {
            ClientFrames.TryParse("{\"Action\":\"SEND_MESSAGE\",\"Content\":\"warm\",\"RequestId\":\"r\"}"u8, out _, out _);
            byte[] frame = ServerFrames.Message("WarmUp000000", "r", "warm", null, "warm", null, DateTimeOffset.UtcNow);
            ChatEndpoint.CountCodePoints("warm");
            using var sink = new MemoryStream();
            using var socket = WebSocket.CreateFromStream(sink, new WebSocketCreationOptions { IsServer = true });
            for (int i = 0; i < 3; i++) await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or WebSocketException or NotSupportedException) { }
    }

    /// <summary>Test surface (unsigned, like the rest of /_emulator/): how many WebSockets a room has open.</summary>
    public const string ConnectionsPath = "/_emulator/messaging/connections";

    private static Task WriteConnectionCountAsync(HttpContext ctx, ChatRoomHub hub)
    {
        string roomArn = ctx.Request.Query["roomArn"].ToString();
        return ctx.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["roomArn"] = roomArn, ["connections"] = hub.CountConnections(roomArn) });
    }
}
