using System.Text.Json;

namespace IvsChat.Emulator.Tokens;

/// <summary>What a chat token carries. Expiry and single use are enforced by the messaging side.</summary>
public sealed record ChatTokenClaims(
    string TokenId,
    string RoomArn,
    string UserId,
    IReadOnlyList<string> Capabilities,
    IReadOnlyDictionary<string, string> Attributes,
    int SessionDurationInMinutes,
    DateTimeOffset TokenExpiresAt,
    DateTimeOffset SessionExpiresAt);

/// <summary>
/// Issues and reads chat tokens: the claims as JSON, signed with a per-process random HMAC key, in base64url
/// ("payload.mac"), so a token is a valid RFC 7230 token and cannot be forged or altered. Singleton in DI.
/// </summary>
public sealed class ChatTokens
{
    private readonly SignedText _signer = new("ivschat-chat-token");

    public string Issue(ChatTokenClaims claims) => _signer.Sign(JsonSerializer.SerializeToUtf8Bytes(claims));

    /// <summary>True when the token was issued by this process and is unaltered (expiry not checked here).</summary>
    public bool TryRead(string? token, out ChatTokenClaims? claims)
    {
        claims = null;
        if (!_signer.TryVerify(token, out byte[] payload)) return false;
        try
        {
            claims = JsonSerializer.Deserialize<ChatTokenClaims>(payload);
        }
        catch (JsonException)
        {
            return false;
        }
        return claims != null;
    }
}
