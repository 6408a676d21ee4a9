using System.Text.Json;
using System.Text.Unicode;

namespace IvsChat.Emulator.Aws;

/// <summary>
/// JSON that parses can still hold text no string can carry: invalid UTF-8 bytes (the parser does not check them)
/// or lone / reversed surrogate escapes like "\ud800". Reading such a string throws, so bodies and frames are
/// checked once, up front, and refused as malformed.
/// </summary>
public static class JsonText
{
    /// <summary>True when every property name and string value of (already parsed) JSON is valid Unicode.</summary>
    public static bool StringsAreValid(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) continue;
                if (!reader.ValueIsEscaped)
                {
                    if (!Utf8.IsValid(reader.ValueSpan)) return false;
                }
                else
                {
                    reader.GetString(); // unescaping checks surrogate pairs and the bytes around the escapes
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        return true;
    }
}
