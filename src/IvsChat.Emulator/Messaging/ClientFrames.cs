using System.Text.Json;
using IvsChat.Emulator.Aws;

namespace IvsChat.Emulator.Messaging;

public enum ChatAction { SendMessage, DeleteMessage, DisconnectUser }

/// <summary>A client request that passed the shape checks (types, required members). Room rules come later.</summary>
public sealed record ChatRequest(
    ChatAction Action,
    string? RequestId,
    string? Content = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    string? Id = null,
    string? UserId = null,
    string? Reason = null);

/// <summary>Why a frame was refused: the ERROR frame's code and message, and the RequestId when it could be read.</summary>
public sealed record FrameRejection(int ErrorCode, string ErrorMessage, string? RequestId);

/// <summary>
/// Client -> server frames: JSON text with PascalCase keys (Action, RequestId, Content, Attributes, Id, UserId,
/// Reason). Unknown members are ignored, as a lenient service would; wrong types and missing required members are 400.
/// </summary>
public static class ClientFrames
{
    public const int MaxReasonLength = 256;

    public static bool TryParse(ReadOnlySpan<byte> utf8, out ChatRequest? request, out FrameRejection? rejection)
    {
        request = null;
        rejection = null;
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 16 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            rejection = new FrameRejection(400, "The request is not valid JSON.", null);
            return false;
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                rejection = new FrameRejection(400, "The request must be a JSON object.", null);
                return false;
            }
            if (!JsonText.StringsAreValid(utf8))
            {
                rejection = new FrameRejection(400, "The request holds a string that is not valid Unicode text (a lone surrogate escape).",
                    ReadableRequestId(root));
                return false;
            }
            string? requestId = null;
            if (root.TryGetProperty("RequestId", out JsonElement rid) && rid.ValueKind != JsonValueKind.Null)
            {
                if (rid.ValueKind != JsonValueKind.String)
                {
                    rejection = new FrameRejection(400, "RequestId must be a string.", null);
                    return false;
                }
                requestId = rid.GetString();
            }
            FrameRejection Bad(string message) => new(400, message, requestId);

            if (!TryString(root, "Action", required: true, out string? action, out string? error))
            {
                rejection = Bad(error!);
                return false;
            }
            switch (action)
            {
                case "SEND_MESSAGE":
                {
                    if (!TryString(root, "Content", required: true, out string? content, out error)
                        || !TryAttributes(root, "Attributes", out var attributes, out error))
                    {
                        rejection = Bad(error!);
                        return false;
                    }
                    request = new ChatRequest(ChatAction.SendMessage, requestId, Content: content, Attributes: attributes);
                    return true;
                }
                case "DELETE_MESSAGE":
                {
                    if (!TryString(root, "Id", required: true, out string? id, out error)
                        || !TryReason(root, out string? reason, out error))
                    {
                        rejection = Bad(error!);
                        return false;
                    }
                    if (!FrameIds.IsValid(id))
                    {
                        rejection = Bad("Id must be 12 characters of [a-zA-Z0-9].");
                        return false;
                    }
                    request = new ChatRequest(ChatAction.DeleteMessage, requestId, Id: id, Reason: reason);
                    return true;
                }
                case "DISCONNECT_USER":
                {
                    if (!TryString(root, "UserId", required: true, out string? userId, out error)
                        || !TryReason(root, out string? reason, out error))
                    {
                        rejection = Bad(error!);
                        return false;
                    }
                    if (userId!.Length is 0 or > 128)
                    {
                        rejection = Bad("UserId must be 1-128 characters.");
                        return false;
                    }
                    request = new ChatRequest(ChatAction.DisconnectUser, requestId, UserId: userId, Reason: reason);
                    return true;
                }
                default:
                    rejection = Bad($"Unknown Action. Expected SEND_MESSAGE, DELETE_MESSAGE or DISCONNECT_USER.");
                    return false;
            }
        }
    }

    /// <summary>The RequestId of a frame with broken text elsewhere, when it can be read (looking members up by name
    /// unescapes every name, which throws on a broken one, so each is tried alone).</summary>
    private static string? ReadableRequestId(JsonElement root)
    {
        foreach (JsonProperty p in root.EnumerateObject())
        {
            try
            {
                if (p.NameEquals("RequestId") && p.Value.ValueKind == JsonValueKind.String) return p.Value.GetString();
            }
            catch (InvalidOperationException)
            {
                // this member's name or value is the broken text
            }
        }
        return null;
    }

    private static bool TryString(JsonElement root, string name, bool required, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required) error = $"{name} is required.";
            return !required;
        }
        if (e.ValueKind != JsonValueKind.String)
        {
            error = $"{name} must be a string.";
            return false;
        }
        value = e.GetString();
        return true;
    }

    private static bool TryReason(JsonElement root, out string? reason, out string? error)
    {
        if (!TryString(root, "Reason", required: false, out reason, out error)) return false;
        if (reason != null && reason.Length > MaxReasonLength)
        {
            error = $"Reason must be at most {MaxReasonLength} characters.";
            return false;
        }
        return true;
    }

    private static bool TryAttributes(JsonElement root, string name, out IReadOnlyDictionary<string, string>? attributes, out string? error)
    {
        attributes = null;
        error = null;
        if (!root.TryGetProperty(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null) return true;
        if (e.ValueKind != JsonValueKind.Object)
        {
            error = $"{name} must be an object of string values.";
            return false;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in e.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
            {
                error = $"{name} values must be strings.";
                return false;
            }
            map[p.Name] = p.Value.GetString()!;
        }
        attributes = map;
        return true;
    }
}
