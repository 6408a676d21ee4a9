using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IvsChat.Emulator.Messaging;

/// <summary>
/// Server -> client frames, serialized once per fan-out (every recipient gets the same bytes). Field names and
/// shapes as the IVS Chat Messaging API documents them; optional members (RequestId, Reason) are left out when absent.
/// </summary>
public static class ServerFrames
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string DeleteMessageEvent = "aws:DELETE_MESSAGE";
    public const string DisconnectUserEvent = "aws:DISCONNECT_USER";

    /// <summary>ISO 8601 in UTC with milliseconds, as AWS sends SendTime.</summary>
    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static byte[] Message(string id, string? requestId, string content, IReadOnlyDictionary<string, string>? attributes,
        string senderUserId, IReadOnlyDictionary<string, string>? senderAttributes, DateTimeOffset sendTime) =>
        Write(w =>
        {
            w.WriteString("Type", "MESSAGE");
            w.WriteString("Id", id);
            if (requestId != null) w.WriteString("RequestId", requestId);
            w.WriteString("Content", content);
            WriteAttributes(w, "Attributes", attributes);
            w.WriteStartObject("Sender");
            w.WriteString("UserId", senderUserId);
            WriteAttributes(w, "Attributes", senderAttributes);
            w.WriteEndObject();
            w.WriteString("SendTime", Time(sendTime));
        });

    public static byte[] Event(string id, string? requestId, string eventName, IReadOnlyDictionary<string, string>? attributes, DateTimeOffset sendTime) =>
        Write(w =>
        {
            w.WriteString("Type", "EVENT");
            w.WriteString("Id", id);
            if (requestId != null) w.WriteString("RequestId", requestId);
            w.WriteString("EventName", eventName);
            WriteAttributes(w, "Attributes", attributes);
            w.WriteString("SendTime", Time(sendTime));
        });

    /// <summary>aws:DELETE_MESSAGE: MessageId and the deprecated MessageID (which the official SDK reads) both carry the id.</summary>
    public static byte[] DeleteMessage(string id, string? requestId, string messageId, string? reason, DateTimeOffset sendTime)
    {
        var attributes = new Dictionary<string, string> { ["MessageId"] = messageId, ["MessageID"] = messageId };
        if (reason != null) attributes["Reason"] = reason;
        return Event(id, requestId, DeleteMessageEvent, attributes, sendTime);
    }

    public static byte[] DisconnectUser(string id, string? requestId, string userId, string? reason, DateTimeOffset sendTime)
    {
        var attributes = new Dictionary<string, string> { ["UserId"] = userId };
        if (reason != null) attributes["Reason"] = reason;
        return Event(id, requestId, DisconnectUserEvent, attributes, sendTime);
    }

    public static byte[] Error(string id, string? requestId, int errorCode, string errorMessage) =>
        Write(w =>
        {
            w.WriteString("Type", "ERROR");
            w.WriteString("Id", id);
            if (requestId != null) w.WriteString("RequestId", requestId);
            w.WriteNumber("ErrorCode", errorCode);
            w.WriteString("ErrorMessage", errorMessage);
        });

    private static void WriteAttributes(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string>? attributes)
    {
        w.WriteStartObject(name);
        if (attributes != null)
            foreach (var (key, value) in attributes) w.WriteString(key, value);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
