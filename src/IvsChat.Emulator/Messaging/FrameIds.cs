using System.Security.Cryptography;

namespace IvsChat.Emulator.Messaging;

/// <summary>
/// Ids for MESSAGE / EVENT / ERROR frames: 12 characters of [a-zA-Z0-9], never repeated within a process (the
/// official SDK silently drops a frame whose Id it has seen). A counter is mapped through a random bijection of
/// 0..62^12-1 (multiply by an odd number coprime with 62^12, add an offset), so ids look random yet cannot collide.
/// </summary>
public static class FrameIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const int Length = 12;
    private static readonly UInt128 Space = Pow(62, Length);
    private static readonly UInt128 Multiplier = RandomCoprime();
    private static readonly UInt128 Offset = RandomBelow(Space);
    private static long _counter;

    public static string Next()
    {
        UInt128 n = (UInt128)(ulong)Interlocked.Increment(ref _counter);
        UInt128 value = (n * Multiplier + Offset) % Space; // Multiplier < 2^72 and n stays far below 2^56: no 128-bit overflow
        Span<char> chars = stackalloc char[Length];
        for (int i = Length - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }
        return new string(chars);
    }

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(char.IsAsciiLetterOrDigit);

    private static UInt128 Pow(ulong b, int e)
    {
        UInt128 r = 1;
        for (int i = 0; i < e; i++) r *= b;
        return r;
    }

    private static UInt128 RandomBelow(UInt128 bound)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return new UInt128(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..])) % bound;
    }

    private static UInt128 RandomCoprime()
    {
        // 62 = 2 * 31: coprime with 62^12 means odd and not a multiple of 31.
        while (true)
        {
            UInt128 m = RandomBelow(Space) | 1;
            if (m % 31 != 0 && m > 1) return m;
        }
    }
}
