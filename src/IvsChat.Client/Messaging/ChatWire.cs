using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IvsChat.Client.Messaging;

/// <summary>The messaging protocol's JSON: client requests out, MESSAGE / EVENT / ERROR frames in.</summary>
internal static class ChatWire
{
    public const string SendMessageAction = "SEND_MESSAGE";
    public const string DeleteMessageAction = "DELETE_MESSAGE";
    public const string DisconnectUserAction = "DISCONNECT_USER";
    /// <summary>Not a real action: the service answers it with ERROR 400, which proves the connection is alive.</summary>
    public const string ProbeAction = "IVSCHATPS_PROBE";

    private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Request(string action, string requestId, string? content = null, IEnumerable<KeyValuePair<string, string>>? attributes = null,
        string? id = null, string? userId = null, string? reason = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("Action", action);
            w.WriteString("RequestId", requestId);
            if (content != null) w.WriteString("Content", content);
            if (attributes != null)
            {
                w.WriteStartObject("Attributes");
                foreach (var pair in attributes) w.WriteString(pair.Key, pair.Value);
                w.WriteEndObject();
            }
            if (id != null) w.WriteString("Id", id);
            if (userId != null) w.WriteString("UserId", userId);
            if (reason != null) w.WriteString("Reason", reason);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>A frame from the service, or null (with why) when it is not one this protocol knows.</summary>
    public static ChatItem? Parse(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(utf8);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { problem = "not a JSON object"; return null; }
            string? type = OptionalString(root, "Type");
            string id = OptionalString(root, "Id") ?? throw new FormatException("Id is missing");
            string? requestId = OptionalString(root, "RequestId");
            switch (type)
            {
                case "MESSAGE":
                    var sender = root.TryGetProperty("Sender", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                    return new ChatMessage
                    {
                        Id = id,
                        RequestId = requestId,
                        Content = OptionalString(root, "Content") ?? throw new FormatException("Content is missing"),
                        Attributes = Attributes(root, "Attributes"),
                        Sender = new ChatSender(
                            sender.ValueKind == JsonValueKind.Object ? OptionalString(sender, "UserId") ?? "" : "",
                            sender.ValueKind == JsonValueKind.Object ? Attributes(sender, "Attributes") : EmptyAttributes.Instance),
                        SendTime = Time(root),
                    };
                case "EVENT":
                    return new ChatEvent
                    {
                        Id = id,
                        RequestId = requestId,
                        EventName = OptionalString(root, "EventName") ?? throw new FormatException("EventName is missing"),
                        Attributes = Attributes(root, "Attributes"),
                        SendTime = Time(root),
                    };
                case "ERROR":
                    if (!root.TryGetProperty("ErrorCode", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out int errorCode))
                        throw new FormatException("ErrorCode is not a number");
                    return new ChatError
                    {
                        Id = id,
                        RequestId = requestId,
                        ErrorCode = errorCode,
                        ErrorMessage = OptionalString(root, "ErrorMessage") ?? "",
                    };
                default:
                    problem = "unknown frame Type";
                    return null;
            }
        }
        catch (Exception e) when (e is JsonException || e is FormatException || e is InvalidOperationException)
        {
            problem = e.Message;
            return null;
        }
    }

    private static string? OptionalString(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) throw new FormatException($"{name} is not a string");
        return v.GetString();
    }

    private static IReadOnlyDictionary<string, string> Attributes(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return EmptyAttributes.Instance;
        if (v.ValueKind != JsonValueKind.Object) throw new FormatException($"{name} is not an object");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String) throw new FormatException($"{name} values must be strings");
            map[p.Name] = p.Value.GetString()!;
        }
        return map;
    }

    private static DateTime Time(JsonElement root)
    {
        string text = OptionalString(root, "SendTime") ?? throw new FormatException("SendTime is missing");
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
