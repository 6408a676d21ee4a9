namespace IvsChat.Emulator.Messaging;

/// <summary>The room settings messaging enforces, read on every request so that UpdateRoom applies to live connections.</summary>
public sealed record RoomRules(int MaximumMessageLength, int MaximumMessageRatePerSecond, string? ReviewHandlerUri, bool FallbackAllows);

/// <summary>What a valid chat token lets a client do.</summary>
public sealed record ConnectTicket(
    string TokenId,
    string RoomArn,
    string UserId,
    IReadOnlySet<string> Capabilities,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset TokenExpiresAt,
    DateTimeOffset SessionExpiresAt);

/// <summary>The two things messaging reads from the control plane: rooms and tokens.</summary>
public interface IControlPlaneView
{
    /// <summary>The room's current rules, or null when the room does not exist (any more).</summary>
    RoomRules? FindRoom(string roomArn);

    /// <summary>The token's content when it is genuine (signature checked), else null. Expiry is not checked here.</summary>
    ConnectTicket? ReadToken(string token);
}
