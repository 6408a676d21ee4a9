using IvsChat.Emulator.State;
using IvsChat.Emulator.Tokens;

namespace IvsChat.Emulator.Messaging;

/// <summary>Reads rooms from the room's regional ChatStore and tokens through ChatTokens (the control plane's own types).</summary>
public sealed class ControlPlaneAdapter(ChatStores stores, ChatTokens tokens) : IControlPlaneView
{
    public RoomRules? FindRoom(string roomArn)
    {
        if (!stores.TryGetRoom(roomArn, out Room? room)) return null;
        ReviewHandler? handler = room.MessageReviewHandler;
        return new RoomRules(room.MaximumMessageLength, room.MaximumMessageRatePerSecond,
            string.IsNullOrEmpty(handler?.Uri) ? null : handler.Uri,
            !string.Equals(handler?.FallbackResult, "DENY", StringComparison.Ordinal));
    }

    public ConnectTicket? ReadToken(string token)
    {
        if (!tokens.TryRead(token, out ChatTokenClaims? c) || c == null) return null;
        return new ConnectTicket(c.TokenId, c.RoomArn, c.UserId, new HashSet<string>(c.Capabilities, StringComparer.Ordinal),
            c.Attributes, c.TokenExpiresAt, c.SessionExpiresAt);
    }
}
