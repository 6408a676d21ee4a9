using System.Text.Json.Nodes;

namespace IvsChat.Emulator.Aws;

/// <summary>One validation failure: the member's path and what is wrong with it.</summary>
public sealed record FieldError(string Name, string Message);

/// <summary>An error answered the way AWS answers it: status, x-amzn-ErrorType, JSON body with message and members.</summary>
public sealed class ApiException : Exception
{
    public int Status { get; }
    public string Code { get; }
    /// <summary>Members besides message (resourceId, reason, fieldList, ...).</summary>
    public JsonObject Members { get; }

    public ApiException(int status, string code, string message, JsonObject? members = null) : base(message)
    {
        Status = status;
        Code = code;
        Members = members ?? new JsonObject();
    }

    /// <summary>Status code of every error the service (or its front door) can answer, by error code.</summary>
    public static readonly IReadOnlyDictionary<string, int> KnownStatus = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AccessDeniedException"] = 403,
        ["ConflictException"] = 409,
        ["InternalServerException"] = 500,
        ["PendingVerification"] = 403,
        ["ResourceNotFoundException"] = 404,
        ["ServiceQuotaExceededException"] = 402,
        ["ThrottlingException"] = 429,
        ["ValidationException"] = 400,
        ["ServiceUnavailableException"] = 503,
        ["MissingAuthenticationTokenException"] = 403,
        ["IncompleteSignatureException"] = 400,
        ["InvalidSignatureException"] = 403,
        ["UnrecognizedClientException"] = 403,
    };

    public static ApiException Validation(IReadOnlyList<FieldError> errors)
    {
        string message = $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} detected: "
            + string.Join("; ", errors.Select(e => e.Message));
        var list = new JsonArray();
        foreach (var e in errors) list.Add(new JsonObject { ["name"] = e.Name, ["message"] = e.Message });
        return new ApiException(400, "ValidationException", message,
            new JsonObject { ["reason"] = "FIELD_VALIDATION_FAILED", ["fieldList"] = list });
    }

    public static ApiException Validation(string field, string message) => Validation([new FieldError(field, message)]);

    /// <summary>ValidationException with reason OTHER or UNKNOWN_OPERATION (no single member to blame).</summary>
    public static ApiException ValidationReason(string reason, string message) =>
        new(400, "ValidationException", message, new JsonObject { ["reason"] = reason });

    public static ApiException NotFound(string resourceType, string resourceId) =>
        new(404, "ResourceNotFoundException", $"Resource not found: {resourceType} {resourceId}",
            new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType });

    public static ApiException Conflict(string resourceType, string resourceId, string message) =>
        new(409, "ConflictException", message,
            new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType });

    public static ApiException QuotaExceeded(string resourceType, string resourceId, int limit, string message) =>
        new(402, "ServiceQuotaExceededException", message,
            new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType, ["limit"] = limit });

    public static ApiException Throttling(string resourceType, string resourceId, int limit, string message) =>
        new(429, "ThrottlingException", message,
            new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType, ["limit"] = limit });

    public static ApiException InternalError() =>
        new(500, "InternalServerException", "An internal error occurred. Please retry.");
}
