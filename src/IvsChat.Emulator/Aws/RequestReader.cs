using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IvsChat.Emulator.Aws;

/// <summary>The model's string patterns. Smithy patterns are unanchored; the service matches the whole value.</summary>
public static class Patterns
{
    private static Regex Whole(string pattern) =>
        new(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static readonly Regex RoomArn = Whole("arn:aws:ivschat:[a-z0-9-]+:[0-9]+:room/[a-zA-Z0-9-]+");
    public static readonly Regex LoggingConfigurationArn =
        Whole("arn:aws:ivschat:[a-z0-9-]+:[0-9]+:logging-configuration/[a-zA-Z0-9-]+");
    public static readonly Regex Name = Whole("[a-zA-Z0-9-_]*");
    public static readonly Regex LambdaArn = Whole("$|^arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:.+.*");
    public static readonly Regex Id = Whole("[a-zA-Z0-9]+");
    public static readonly Regex BucketName = Whole("[a-z0-9-.]+");
    public static readonly Regex LogGroupName = Whole(@"[\.\-_/#A-Za-z0-9]+");
    public static readonly Regex DeliveryStreamName = Whole("[a-zA-Z0-9_.-]+");
}

/// <summary>
/// Reads members of one JSON object and collects every constraint failure (type, required, length, range,
/// pattern, enum) under the member's path, so one request reports all its problems at once.
/// </summary>
public sealed class RequestReader
{
    private readonly JsonElement _object;
    private readonly string _prefix;
    public List<FieldError> Errors { get; }

    private RequestReader(JsonElement obj, string prefix, List<FieldError> errors)
    {
        _object = obj;
        _prefix = prefix;
        Errors = errors;
    }

    /// <summary>Parses a request body; an empty body counts as {}. Not JSON / not an object: ValidationException.</summary>
    public static RequestReader FromBody(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty || IsWhitespace(body.Span)) return new RequestReader(default, "", []);
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.ValidationReason("OTHER", "Could not parse the request body as JSON.");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw ApiException.ValidationReason("OTHER", "The request body must be a JSON object.");
        if (!JsonText.StringsAreValid(body.Span))
            throw ApiException.ValidationReason("OTHER",
                "Could not parse the request body as JSON: a string is not valid UTF-8 or has a lone surrogate escape.");
        return new RequestReader(root, "", []);
    }

    /// <summary>An empty reader (no members), for operations whose input travels in the URI.</summary>
    public static RequestReader Empty() => new(default, "", []);

    private static bool IsWhitespace(ReadOnlySpan<byte> s)
    {
        foreach (byte b in s) if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    public void ThrowIfInvalid()
    {
        if (Errors.Count > 0) throw ApiException.Validation(Errors);
    }

    public void Fail(string member, string message) => Errors.Add(new FieldError(Path(member), Constraint(member, null, message)));

    private string Path(string member) => _prefix.Length == 0 ? member : _prefix + "." + member;

    private string Constraint(string member, string? shownValue, string constraint) =>
        shownValue == null
            ? $"Value at '{Path(member)}' failed to satisfy constraint: {constraint}"
            : $"Value '{shownValue}' at '{Path(member)}' failed to satisfy constraint: {constraint}";

    private void Add(string member, string? shownValue, string constraint) =>
        Errors.Add(new FieldError(Path(member), Constraint(member, shownValue, constraint)));

    private bool TryGet(string member, out JsonElement value)
    {
        value = default;
        if (_object.ValueKind != JsonValueKind.Object) return false;
        if (!_object.TryGetProperty(member, out value)) return false;
        return value.ValueKind != JsonValueKind.Null;
    }

    public bool Has(string member) => TryGet(member, out _);

    private void Required(string member) => Add(member, null, "Member must not be null");

    /// <summary>A string member. Sensitive values are never echoed in messages.</summary>
    public string? String(string member, bool required = false, int min = 0, int max = int.MaxValue,
        Regex? pattern = null, bool sensitive = false, string? patternText = null)
    {
        if (!TryGet(member, out var v))
        {
            if (required) Required(member);
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            Add(member, null, "Member must be a string");
            return null;
        }
        string s = v.GetString()!;
        CheckString(member, s, min, max, pattern, sensitive, patternText);
        return s;
    }

    /// <summary>Checks one string value against length (in characters, as the model counts) and pattern.</summary>
    public bool CheckString(string member, string s, int min, int max, Regex? pattern, bool sensitive, string? patternText = null)
    {
        string? shown = sensitive ? null : Shorten(s);
        int before = Errors.Count;
        if (s.Length < min) Add(member, shown, $"Member must have length greater than or equal to {min}");
        if (s.Length > max) Add(member, shown, $"Member must have length less than or equal to {max}");
        if (pattern != null && !pattern.IsMatch(s))
            Add(member, shown, $"Member must satisfy regular expression pattern: {patternText ?? PatternText(pattern)}");
        return Errors.Count == before;
    }

    private static string PatternText(Regex r)
    {
        string t = r.ToString();
        return t.StartsWith(@"\A(?:", StringComparison.Ordinal) ? t[5..^3] : t;
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "...";

    public int? Int(string member, int min, int max, bool required = false)
    {
        if (!TryGet(member, out var v))
        {
            if (required) Required(member);
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long n))
        {
            Add(member, null, "Member must be an integer");
            return null;
        }
        string shown = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < min) Add(member, shown, $"Member must have value greater than or equal to {min}");
        else if (n > max) Add(member, shown, $"Member must have value less than or equal to {max}");
        else return (int)n;
        return null;
    }

    public string? Enum(string member, IReadOnlyCollection<string> allowed, bool required = false)
    {
        string? s = String(member, required);
        if (s != null && !allowed.Contains(s))
            Add(member, Shorten(s), $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        return s;
    }

    public RequestReader? Object(string member, bool required = false)
    {
        if (!TryGet(member, out var v))
        {
            if (required) Required(member);
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            Add(member, null, "Member must be a structure");
            return null;
        }
        return new RequestReader(v, Path(member), Errors);
    }

    /// <summary>A list of strings; each element checked by <paramref name="check"/>.</summary>
    public List<string>? StringList(string member, int maxCount = int.MaxValue, bool required = false,
        Action<string, string>? check = null)
    {
        if (!TryGet(member, out var v))
        {
            if (required) Required(member);
            return null;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            Add(member, null, "Member must be a list");
            return null;
        }
        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Add(member, null, "Member must be a list of strings");
                return null;
            }
            list.Add(item.GetString()!);
        }
        if (list.Count > maxCount) Add(member, null, $"Member must have length less than or equal to {maxCount}");
        if (check != null) foreach (string s in list) check(member, s);
        return list;
    }

    /// <summary>A map of string to string.</summary>
    public Dictionary<string, string>? StringMap(string member, bool required = false, bool sensitive = false)
    {
        if (!TryGet(member, out var v))
        {
            if (required) Required(member);
            return null;
        }
        if (v.ValueKind != JsonValueKind.Object)
        {
            Add(member, null, "Member must be a map");
            return null;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
            {
                Add(member, null, sensitive ? "Member must be a map of strings" : $"Member must be a map of strings (key '{Shorten(p.Name)}')");
                return null;
            }
            map[p.Name] = p.Value.GetString()!;
        }
        return map;
    }

    /// <summary>Total UTF-8 size of keys and values, for the 1 KB attribute limits.</summary>
    public static int Utf8Size(IReadOnlyDictionary<string, string> map) =>
        map.Sum(kv => Encoding.UTF8.GetByteCount(kv.Key) + Encoding.UTF8.GetByteCount(kv.Value));

    /// <summary>Tags: at most 50, key 1-128 not starting with aws:, value 0-256.</summary>
    public Dictionary<string, string>? Tags(string member, bool required = false)
    {
        var tags = StringMap(member, required);
        if (tags == null) return null;
        CheckTags(member, tags);
        return tags;
    }

    public void CheckTags(string member, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count > TagRules.MaxTags)
            Add(member, null, $"Member must have length less than or equal to {TagRules.MaxTags}");
        foreach (var (key, value) in tags) CheckTag(member, key, value);
    }

    public void CheckTag(string member, string key, string? value)
    {
        if (key.Length is < 1 or > 128)
            Add(member, null, "Tag keys must have length between 1 and 128");
        if (key.StartsWith(TagRules.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            Add(member, null, "Tag keys starting with 'aws:' are reserved for system use");
        if (value != null && value.Length > 256)
            Add(member, null, "Tag values must have length less than or equal to 256");
    }
}

public static class TagRules
{
    public const int MaxTags = 50;
    public const string ReservedPrefix = "aws:";
}
