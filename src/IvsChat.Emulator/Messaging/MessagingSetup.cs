using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IvsChat.Emulator.Messaging;

/// <summary>Wires the messaging WebSocket into the service. Program.cs calls both.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddIvsChatMessaging(this IServiceCollection services)
    {
        services.AddSingleton(_ => MessagingOptions.FromArguments(Environment.GetCommandLineArgs()));
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

    /// <summary>Test surface (unsigned, like the rest of /_emulator/): how many WebSockets a room has open.</summary>
    public const string ConnectionsPath = "/_emulator/messaging/connections";

    private static Task WriteConnectionCountAsync(HttpContext ctx, ChatRoomHub hub)
    {
        string roomArn = ctx.Request.Query["roomArn"].ToString();
        return ctx.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["roomArn"] = roomArn, ["connections"] = hub.CountConnections(roomArn) });
    }
}
