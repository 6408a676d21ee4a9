using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace IvsChat.Client.Internal;

/// <summary>Turns an error answer into the typed exception of the model, reading the code as AWS's SDKs do:
/// x-amzn-ErrorType header, then body "code", then body "__type".</summary>
internal static class ErrorParser
{
    public static IvsChatServiceException Parse(int status, string? reasonPhrase, string? errorTypeHeader, string? requestId,
        string? contentType, byte[] body, Redactor redactor)
    {
        JsonElement root = default;
        var isJson = false;
        if (body.Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object) { root = doc.RootElement.Clone(); isJson = true; }
            }
            catch (JsonException) { }
        }

        var code = SanitizeCode(errorTypeHeader)
            ?? (isJson ? SanitizeCode(GetString(root, "code", "Code")) : null)
            ?? (isJson ? SanitizeCode(GetString(root, "__type")) : null);

        string message;
        if (isJson && GetString(root, "message", "Message", "errorMessage") is { } m && m.Length > 0)
            message = redactor.Scrub(m);
        else if (isJson || body.Length == 0)
            message = $"The service answered HTTP {status}{(string.IsNullOrEmpty(reasonPhrase) ? "" : " " + reasonPhrase)}" +
                $"{(code == null ? "" : " (" + code + ")")} without a message.";
        else
            message = $"The service answered HTTP {status}{(string.IsNullOrEmpty(reasonPhrase) ? "" : " " + reasonPhrase)}" +
                $" with a non-JSON body ({contentType ?? "no content type"}, {body.Length} bytes).";

        code ??= CodeForStatus(status);
        var resourceId = isJson ? GetString(root, "resourceId") : null;
        var resourceType = isJson ? GetString(root, "resourceType") : null;
        int? limit = isJson && root.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var li) ? li : null;

        switch (code)
        {
            case "ValidationException":
                return new ValidationException(message, status, requestId, isJson ? GetString(root, "reason") : null,
                    isJson ? ReadFieldList(root, redactor) : Array.Empty<ValidationExceptionField>());
            case "ResourceNotFoundException": return new ResourceNotFoundException(message, status, requestId, resourceId, resourceType);
            case "ConflictException": return new ConflictException(message, status, requestId, resourceId, resourceType);
            case "ServiceQuotaExceededException": return new ServiceQuotaExceededException(message, status, requestId, resourceId, resourceType, limit);
            case "ThrottlingException": return new ThrottlingException(message, status, requestId, resourceId, resourceType, limit);
            case "AccessDeniedException": return new AccessDeniedException(message, status, requestId);
            case "PendingVerification": return new PendingVerificationException(message, status, requestId);
            case "InternalServerException": return new InternalServerException(message, status, requestId);
            default: return new IvsChatServiceException(code, message, status, requestId);
        }
    }

    /// <summary>"aws.protocoltests#FooError:http://..." -> "FooError": drop what follows ':' or ',' and what precedes '#'.</summary>
    internal static string? SanitizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var code = raw!.Trim();
        var cut = code.IndexOfAny(new[] { ':', ',' });
        if (cut >= 0) code = code.Substring(0, cut);
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code.Substring(hash + 1);
        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static string CodeForStatus(int status) => status switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "Http" + status,
    };

    private static IReadOnlyList<ValidationExceptionField> ReadFieldList(JsonElement root, Redactor redactor)
    {
        if (!root.TryGetProperty("fieldList", out var list) || list.ValueKind != JsonValueKind.Array)
            return Array.Empty<ValidationExceptionField>();
        var fields = new List<ValidationExceptionField>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            fields.Add(new ValidationExceptionField(GetString(item, "name") ?? "", redactor.Scrub(GetString(item, "message") ?? "")));
        }
        return fields;
    }

    private static string? GetString(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
            if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
            {
                // Invalid UTF-8 or a lone surrogate escape cannot become a .NET string: such a member counts as absent.
                try { return v.GetString(); }
                catch (InvalidOperationException) { return null; }
            }
        return null;
    }

}
