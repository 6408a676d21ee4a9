using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IvsChat.Internal;

namespace IvsChat.Configuration;

/// <summary>A logging configuration as the configuration file describes it (matched by name).</summary>
public sealed class LoggingConfigurationDefinition
{
    public string Name { get; set; } = "";
    /// <summary>s3, cloudWatchLogs or firehose (the member name in AWS's destinationConfiguration).</summary>
    public string DestinationType { get; set; } = "";
    /// <summary>The bucket, log group or delivery stream name.</summary>
    public string Destination { get; set; } = "";
    public SortedDictionary<string, string> Tags { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A room as the configuration file describes it (matched by name). Omitted values are AWS's defaults.</summary>
public sealed class RoomDefinition
{
    public const int DefaultRate = 10;
    public const int DefaultLength = 500;
    public const string DefaultFallback = "ALLOW";

    public string Name { get; set; } = "";
    public int MaximumMessageRatePerSecond { get; set; } = DefaultRate;
    public int MaximumMessageLength { get; set; } = DefaultLength;
    /// <summary>Null: no message review handler.</summary>
    public string? MessageReviewHandlerUri { get; set; }
    /// <summary>ALLOW or DENY; meaningful only with a handler.</summary>
    public string MessageReviewHandlerFallbackResult { get; set; } = DefaultFallback;
    /// <summary>Logging configurations by name (or ARN when the configuration has no name).</summary>
    public List<string> LoggingConfigurations { get; set; } = new List<string>();
    public SortedDictionary<string, string> Tags { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// The rooms-as-code file: rooms and logging configurations of one region, without ids, ARNs or times, so
/// that it can be applied to any region. Its JSON Schema ships in the module (IvsChat.Configuration.schema.json).
/// </summary>
public sealed class ConfigurationDocument
{
    public const int FormatVersion = 1;
    public const string SchemaFileName = "IvsChat.Configuration.schema.json";

    public List<LoggingConfigurationDefinition> LoggingConfigurations { get; } = new List<LoggingConfigurationDefinition>();
    public List<RoomDefinition> Rooms { get; } = new List<RoomDefinition>();

    /// <summary>The JSON form, rooms and logging configurations sorted by name so that files diff cleanly.</summary>
    public string ToJson(string? schemaUri)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            if (schemaUri != null) w.WriteString("$schema", schemaUri);
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteStartArray("loggingConfigurations");
            foreach (var c in LoggingConfigurations.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteStartObject("destinationConfiguration");
                w.WriteStartObject(c.DestinationType);
                w.WriteString(DestinationMember(c.DestinationType), c.Destination);
                w.WriteEndObject();
                w.WriteEndObject();
                WriteTags(w, c.Tags);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("rooms");
            foreach (var r in Rooms.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteNumber("maximumMessageRatePerSecond", r.MaximumMessageRatePerSecond);
                w.WriteNumber("maximumMessageLength", r.MaximumMessageLength);
                if (r.MessageReviewHandlerUri != null)
                {
                    w.WriteStartObject("messageReviewHandler");
                    w.WriteString("uri", r.MessageReviewHandlerUri);
                    w.WriteString("fallbackResult", r.MessageReviewHandlerFallbackResult);
                    w.WriteEndObject();
                }
                w.WriteStartArray("loggingConfigurations");
                foreach (var name in r.LoggingConfigurations) w.WriteStringValue(name);
                w.WriteEndArray();
                WriteTags(w, r.Tags);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTags(Utf8JsonWriter w, SortedDictionary<string, string> tags)
    {
        w.WriteStartObject("tags");
        foreach (var t in tags) w.WriteString(t.Key, t.Value);
        w.WriteEndObject();
    }

    /// <summary>The member holding the name inside each destination kind.</summary>
    public static string DestinationMember(string destinationType)
    {
        switch (destinationType)
        {
            case "s3": return "bucketName";
            case "cloudWatchLogs": return "logGroupName";
            case "firehose": return "deliveryStreamName";
            default: throw new ArgumentException("Unknown destination type '" + destinationType + "'.", nameof(destinationType));
        }
    }

    /// <summary>Reads and checks a document; every problem is listed with its JSON path (none: null).</summary>
    public static ConfigurationDocument Parse(string json, out IReadOnlyList<string> problems)
    {
        var reader = new DocumentReader();
        var doc = reader.Read(json);
        problems = reader.Problems;
        return doc;
    }

    private sealed class DocumentReader
    {
        // The model's patterns match whole values (as the validation attributes use them).
        private static Regex Whole(string pattern) => new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
        private static readonly Regex NamePattern = Whole(ServiceLimits.RoomNamePattern);
        private static readonly Regex LambdaPattern = Whole(ServiceLimits.LambdaArnPattern);
        private static readonly Dictionary<string, (Regex Pattern, int Min, int Max)> DestinationRules = new Dictionary<string, (Regex, int, int)>
        {
            ["s3"] = (Whole(ServiceLimits.BucketNamePattern), ServiceLimits.BucketNameMin, ServiceLimits.BucketNameMax),
            ["cloudWatchLogs"] = (Whole(ServiceLimits.LogGroupNamePattern), ServiceLimits.LogGroupNameMin, ServiceLimits.LogGroupNameMax),
            ["firehose"] = (Whole(ServiceLimits.DeliveryStreamNamePattern), ServiceLimits.DeliveryStreamNameMin, ServiceLimits.DeliveryStreamNameMax),
        };

        public List<string> Problems { get; } = new List<string>();

        private void Fail(string path, string message) => Problems.Add(path + ": " + message);

        public ConfigurationDocument Read(string json)
        {
            var doc = new ConfigurationDocument();
            JsonDocument parsed;
            try { parsed = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
            catch (JsonException ex) { Fail("$", "not valid JSON: " + ex.Message); return doc; }
            using (parsed)
            {
                var root = parsed.RootElement;
                if (!Expect(root, JsonValueKind.Object, "$")) return doc;
                Members(root, "$", "$schema", "formatVersion", "loggingConfigurations", "rooms");
                if (root.TryGetProperty("formatVersion", out var v) && !(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n == FormatVersion))
                    Fail("$.formatVersion", "must be " + FormatVersion + ".");
                foreach (var (item, path) in Items(root, "loggingConfigurations")) ReadLoggingConfiguration(item, path, doc);
                foreach (var (item, path) in Items(root, "rooms")) ReadRoom(item, path, doc);
            }
            Duplicates(doc.LoggingConfigurations.Select(c => c.Name), "loggingConfigurations");
            Duplicates(doc.Rooms.Select(r => r.Name), "rooms");
            return doc;
        }

        private IEnumerable<(JsonElement Item, string Path)> Items(JsonElement root, string member)
        {
            if (!root.TryGetProperty(member, out var list)) yield break;
            if (!Expect(list, JsonValueKind.Array, "$." + member)) yield break;
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = "$." + member + "[" + i++ + "]";
                if (Expect(item, JsonValueKind.Object, path)) yield return (item, path);
            }
        }

        private void ReadLoggingConfiguration(JsonElement e, string path, ConfigurationDocument doc)
        {
            Members(e, path, "name", "destinationConfiguration", "tags");
            var c = new LoggingConfigurationDefinition { Name = Name(e, path), Tags = Tags(e, path) };
            if (!e.TryGetProperty("destinationConfiguration", out var d)) Fail(path, "destinationConfiguration is required.");
            else if (Expect(d, JsonValueKind.Object, path + ".destinationConfiguration"))
            {
                var kinds = d.EnumerateObject().ToList();
                if (kinds.Count != 1 || !DestinationRules.TryGetValue(kinds[0].Name, out var rule))
                    Fail(path + ".destinationConfiguration", "must have exactly one of s3, cloudWatchLogs, firehose.");
                else
                {
                    var kindPath = path + ".destinationConfiguration." + kinds[0].Name;
                    var member = DestinationMember(kinds[0].Name);
                    if (Expect(kinds[0].Value, JsonValueKind.Object, kindPath))
                    {
                        Members(kinds[0].Value, kindPath, member);
                        var value = String(kinds[0].Value, member, kindPath) ?? "";
                        if (value.Length < rule.Min || value.Length > rule.Max || !rule.Pattern.IsMatch(value))
                            Fail(kindPath + "." + member, "'" + value + "' is not a valid " + member + " (" + rule.Min + "-" + rule.Max + " characters).");
                        c.DestinationType = kinds[0].Name;
                        c.Destination = value;
                    }
                }
            }
            doc.LoggingConfigurations.Add(c);
        }

        private void ReadRoom(JsonElement e, string path, ConfigurationDocument doc)
        {
            Members(e, path, "name", "maximumMessageRatePerSecond", "maximumMessageLength", "messageReviewHandler", "loggingConfigurations", "tags");
            var r = new RoomDefinition { Name = Name(e, path), Tags = Tags(e, path) };
            r.MaximumMessageRatePerSecond = Int(e, "maximumMessageRatePerSecond", path,
                ServiceLimits.RoomMaxMessageRatePerSecondMin, ServiceLimits.RoomMaxMessageRatePerSecondMax) ?? RoomDefinition.DefaultRate;
            r.MaximumMessageLength = Int(e, "maximumMessageLength", path,
                ServiceLimits.RoomMaxMessageLengthMin, ServiceLimits.RoomMaxMessageLengthMax) ?? RoomDefinition.DefaultLength;
            if (e.TryGetProperty("messageReviewHandler", out var h) && h.ValueKind != JsonValueKind.Null
                && Expect(h, JsonValueKind.Object, path + ".messageReviewHandler"))
            {
                var hPath = path + ".messageReviewHandler";
                Members(h, hPath, "uri", "fallbackResult");
                var uri = String(h, "uri", hPath) ?? "";
                if (uri.Length > ServiceLimits.LambdaArnMax || !LambdaPattern.IsMatch(uri))
                    Fail(hPath + ".uri",
                        string.Format(CultureInfo.InvariantCulture, Rules.LambdaArn, ServiceLimits.LambdaArnMin, ServiceLimits.LambdaArnMax) + ".");
                r.MessageReviewHandlerUri = uri.Length == 0 ? null : uri;
                var fallback = h.TryGetProperty("fallbackResult", out _) ? String(h, "fallbackResult", hPath) : null;
                if (fallback != null && fallback != "ALLOW" && fallback != "DENY") Fail(hPath + ".fallbackResult", "must be ALLOW or DENY.");
                r.MessageReviewHandlerFallbackResult = fallback ?? RoomDefinition.DefaultFallback;
            }
            if (e.TryGetProperty("loggingConfigurations", out var lcs) && Expect(lcs, JsonValueKind.Array, path + ".loggingConfigurations"))
            {
                foreach (var lc in lcs.EnumerateArray())
                {
                    if (lc.ValueKind == JsonValueKind.String && lc.GetString()!.Length > 0) r.LoggingConfigurations.Add(lc.GetString()!);
                    else Fail(path + ".loggingConfigurations", "items are logging configuration names.");
                }
                if (r.LoggingConfigurations.Count > 3) Fail(path + ".loggingConfigurations", "a room has at most 3 logging configurations.");
                r.LoggingConfigurations = r.LoggingConfigurations.Distinct(StringComparer.Ordinal).ToList();
            }
            doc.Rooms.Add(r);
        }

        private string Name(JsonElement e, string path)
        {
            var name = String(e, "name", path);
            if (name == null) Fail(path, "name is required (resources are matched by name).");
            else if (name.Length < 1 || name.Length > ServiceLimits.RoomNameMax || !NamePattern.IsMatch(name))
                Fail(path + ".name", "'" + name + "' is not valid: a name is 1-" + ServiceLimits.RoomNameMax +
                    " letters, digits, '-' or '_' (the file matches resources by name, so it needs one).");
            return name ?? "";
        }

        private SortedDictionary<string, string> Tags(JsonElement e, string path)
        {
            var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (!e.TryGetProperty("tags", out var t) || !Expect(t, JsonValueKind.Object, path + ".tags")) return tags;
            foreach (var p in t.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String) { Fail(path + ".tags." + p.Name, "tag values are strings."); continue; }
                if (p.Name.Length < ServiceLimits.TagKeyMin || p.Name.Length > ServiceLimits.TagKeyMax
                    || p.Name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                    Fail(path + ".tags", "tag key '" + p.Name + "' is not valid: " + ServiceLimits.TagKeyMin + "-" + ServiceLimits.TagKeyMax +
                        " characters, not starting with 'aws:'.");
                if (p.Value.GetString()!.Length > ServiceLimits.TagValueMax)
                    Fail(path + ".tags." + p.Name, "tag values are " + ServiceLimits.TagValueMin + "-" + ServiceLimits.TagValueMax + " characters.");
                tags[p.Name] = p.Value.GetString()!;
            }
            if (tags.Count > ServiceLimits.TagsMax) Fail(path + ".tags", "a resource has at most " + ServiceLimits.TagsMax + " tags.");
            return tags;
        }

        private string? String(JsonElement e, string member, string path)
        {
            if (!e.TryGetProperty(member, out var v)) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            Fail(path + "." + member, "must be a string.");
            return null;
        }

        private int? Int(JsonElement e, string member, string path, int min, int max)
        {
            if (!e.TryGetProperty(member, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= min && n <= max) return n;
            Fail(path + "." + member, "must be an integer from " + min + " to " + max + ".");
            return null;
        }

        private bool Expect(JsonElement e, JsonValueKind kind, string path)
        {
            if (e.ValueKind == kind) return true;
            Fail(path, "must be a JSON " + kind.ToString().ToLowerInvariant() + ".");
            return false;
        }

        /// <summary>Unknown members are mistakes (a typo would otherwise silently mean "the default").</summary>
        private void Members(JsonElement e, string path, params string[] known)
        {
            foreach (var p in e.EnumerateObject())
                if (Array.IndexOf(known, p.Name) < 0) Fail(path + "." + p.Name, "unknown member (expected one of: " + string.Join(", ", known) + ").");
        }

        private void Duplicates(IEnumerable<string> names, string list)
        {
            foreach (var g in names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                Fail("$." + list, "the name '" + g.Key + "' appears " + g.Count() + " times; names must be unique.");
        }
    }
}
