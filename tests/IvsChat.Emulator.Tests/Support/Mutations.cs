using System.Text;
using CsCheck;

namespace IvsChat.Emulator.Tests.Support;

/// <summary>Generators of hostile input for the property tests: random JSON with any UTF-16 (lone surrogates
/// included), and byte-level mutations of valid inputs.</summary>
public static class Mutations
{
    /// <summary>Fragments that break parsers: bad text, structure, numbers, escapes.</summary>
    private static readonly byte[][] Fragments =
    [
        "\\ud800"u8.ToArray(), "\\udc00\\ud800"u8.ToArray(), [0xff, 0xfe], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80],
        "\\u0000"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(),
        ","u8.ToArray(), ":"u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "9223372036854775808"u8.ToArray(),
        [0], "\r\n"u8.ToArray(), "%00"u8.ToArray(), "\\u"u8.ToArray(), "😀"u8.ToArray(),
    ];

    /// <summary>Any UTF-16 string (lone and reversed surrogates included), written as a JSON string literal.</summary>
    public static readonly Gen<string> JsonString = Gen.String[Gen.Char, 0, 24].Select(Quote);

    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c is >= ' ' and < (char)0x7f and not '"' and not '\\') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A JSON value of any type, shallow.</summary>
    public static readonly Gen<string> JsonValue = Gen.OneOf(
        JsonString,
        Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400"),
        Gen.OneOf("null", "true", "[]", "{}", "[null]", "\"\""),
        Gen.Select(JsonString, JsonString, (k, v) => $"{{{k}:{v}}}"),
        JsonString.Array[0, 4].Select(a => "[" + string.Join(',', a) + "]"));

    /// <summary>A JSON object whose members are named from <paramref name="names"/> (or randomly) with any values.</summary>
    public static Gen<string> JsonObject(string[] names) =>
        Gen.Select(Gen.OneOf(Gen.OneOf(names).Select(n => "\"" + n + "\""), JsonString), JsonValue).Array[0, 5]
            .Select(members => "{" + string.Join(',', members.Select(m => $"{m.Item1}:{m.Item2}")) + "}");

    /// <summary>One to four byte-level mutations (replace, insert, delete, truncate, splice a fragment) of a seed.</summary>
    public static Gen<byte[]> Of(params byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, Fragments.Length - 1]).Array[1, 4])
            .Select(t => t.Item2.Aggregate(seeds[t.Item1], (bytes, m) => Apply(bytes, m.Item1, m.Item2, m.Item3, m.Item4)));

    public static Gen<string> Of(params string[] seeds) =>
        Of(seeds.Select(Encoding.UTF8.GetBytes).ToArray()).Select(b => Encoding.UTF8.GetString(b));

    private static byte[] Apply(byte[] bytes, int kind, int position, byte value, int fragment)
    {
        int at = bytes.Length == 0 ? 0 : position % (bytes.Length + 1);
        return kind switch
        {
            0 when bytes.Length > 0 => [.. bytes[..Math.Min(at, bytes.Length - 1)], value, .. bytes[(Math.Min(at, bytes.Length - 1) + 1)..]],
            1 => [.. bytes[..at], value, .. bytes[at..]],
            2 when at < bytes.Length => [.. bytes[..at], .. bytes[(at + 1)..]],
            3 => bytes[..at],
            _ => [.. bytes[..at], .. Fragments[fragment], .. bytes[at..]],
        };
    }
}
