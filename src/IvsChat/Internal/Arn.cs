namespace IvsChat.Internal;

/// <summary>IVS Chat ARNs: arn:aws:ivschat:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;/&lt;id&gt;.
/// Checked character by character rather than by Regex: a runbook's first call reads an ARN, and the first Regex a
/// process builds costs it about a millisecond.</summary>
internal static class Arn
{
    public const string RoomType = "room";
    public const string LoggingConfigurationType = "logging-configuration";

    public static bool LooksLikeArn(string value) => value.StartsWith("arn:", System.StringComparison.Ordinal);

    /// <summary>A resource id: 12 ASCII letters and digits.</summary>
    public static bool LooksLikeId(string value) => value.Length == 12 && All(value, 0, IsLetterOrDigit);

    /// <summary>arn:aws[a-z-]*:ivschat:[a-z0-9-]+:[0-9]+:[a-z-]+/[A-Za-z0-9-]+, the whole value.</summary>
    public static bool TryParse(string value, out string region, out string type, out string id)
    {
        region = type = id = "";
        var parts = value.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "ivschat") return false;
        if (!parts[1].StartsWith("aws", System.StringComparison.Ordinal) || !All(parts[1], 3, c => IsLower(c) || c == '-')) return false;
        var slash = parts[5].IndexOf('/');
        if (slash < 0) return false;
        var (r, t, i) = (parts[3], parts[5].Substring(0, slash), parts[5].Substring(slash + 1));
        if (r.Length == 0 || !All(r, 0, c => IsLower(c) || IsDigit(c) || c == '-')) return false;
        if (parts[4].Length == 0 || !All(parts[4], 0, IsDigit)) return false;
        if (t.Length == 0 || !All(t, 0, c => IsLower(c) || c == '-')) return false;
        if (i.Length == 0 || !All(i, 0, c => IsLetterOrDigit(c) || c == '-')) return false;
        (region, type, id) = (r, t, i);
        return true;
    }

    public static string RegionOf(string? arn) => arn != null && TryParse(arn, out var region, out _, out _) ? region : "";

    private static bool All(string value, int from, System.Func<char, bool> test)
    {
        for (var k = from; k < value.Length; k++) if (!test(value[k])) return false;
        return true;
    }

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';
    private static bool IsDigit(char c) => c >= '0' && c <= '9';
    private static bool IsLetterOrDigit(char c) => IsLower(c) || (c >= 'A' && c <= 'Z') || IsDigit(c);
}
