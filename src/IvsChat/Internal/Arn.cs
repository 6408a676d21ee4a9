using System.Text.RegularExpressions;

namespace IvsChat.Internal;

/// <summary>IVS Chat ARNs: arn:aws:ivschat:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;/&lt;id&gt;.</summary>
internal static class Arn
{
    public const string RoomType = "room";
    public const string LoggingConfigurationType = "logging-configuration";

    private static readonly Regex Pattern = new Regex(
        @"^arn:aws[a-z-]*:ivschat:(?<region>[a-z0-9-]+):(?<account>[0-9]+):(?<type>[a-z-]+)/(?<id>[A-Za-z0-9-]+)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex IdPattern = new Regex("^[A-Za-z0-9]{12}$", RegexOptions.CultureInvariant);

    public static bool LooksLikeArn(string value) => value.StartsWith("arn:", System.StringComparison.Ordinal);

    public static bool LooksLikeId(string value) => IdPattern.IsMatch(value);

    public static bool TryParse(string value, out string region, out string type, out string id)
    {
        var m = Pattern.Match(value);
        region = m.Success ? m.Groups["region"].Value : "";
        type = m.Success ? m.Groups["type"].Value : "";
        id = m.Success ? m.Groups["id"].Value : "";
        return m.Success;
    }

    public static string RegionOf(string? arn) => arn != null && TryParse(arn, out var region, out _, out _) ? region : "";
}
