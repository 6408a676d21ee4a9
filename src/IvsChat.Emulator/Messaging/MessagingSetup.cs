namespace IvsChat.Emulator.Messaging;

/// <summary>Wires the messaging endpoint into the service. Program.cs calls both; until the WebSocket endpoint
/// exists the control plane talks to NoRoomMessaging.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddIvsChatMessaging(this IServiceCollection services)
    {
        services.AddSingleton<IRoomMessaging, NoRoomMessaging>();
        return services;
    }

    public static WebApplication MapIvsChatMessaging(this WebApplication app) => app;
}
