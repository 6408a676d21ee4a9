using System.Buffers.Text;
using System.Security.Cryptography;

namespace IvsChat.Emulator.Tokens;

/// <summary>
/// payload + "." + HMAC-SHA256(payload), both base64url without padding (an RFC 7230 token, safe as a
/// WebSocket subprotocol). The key is random per process and per purpose, so nothing issued can be forged.
/// </summary>
public sealed class SignedText
{
    private readonly byte[] _key;
    private readonly byte[] _purpose;

    public SignedText(string purpose)
    {
        _key = RandomNumberGenerator.GetBytes(32);
        _purpose = System.Text.Encoding.UTF8.GetBytes(purpose + "\n");
    }

    public string Sign(ReadOnlySpan<byte> payload) =>
        Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(payload));

    public bool TryVerify(string? text, out byte[] payload)
    {
        payload = [];
        if (string.IsNullOrEmpty(text) || text.Length > 16384) return false;
        int dot = text.IndexOf('.');
        if (dot <= 0 || dot != text.LastIndexOf('.')) return false;
        byte[] body, mac;
        try
        {
            body = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }
        // Only the canonical encoding is accepted: one token text per payload.
        if (Base64Url.EncodeToString(body) != text[..dot] || Base64Url.EncodeToString(mac) != text[(dot + 1)..]) return false;
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(body))) return false;
        payload = body;
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> payload)
    {
        using var h = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        h.AppendData(_purpose);
        h.AppendData(payload);
        return h.GetHashAndReset();
    }
}
