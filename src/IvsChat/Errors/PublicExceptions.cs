using System;
using System.Collections.Generic;
using System.Management.Automation;

// The exceptions users catch by type (catch [IvsChat.ResourceNotFoundException]). They live in the module
// assembly, which loads in the default context; the client's own exceptions load privately and cannot be named in
// a script, so the client's are translated into these (the client's exception is kept as InnerException).
namespace IvsChat;

/// <summary>Base of every error the module reports.</summary>
public class IvsChatException : Exception
{
    public IvsChatException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The IVS Chat service answered with an error. ErrorCode is AWS's code; subclasses exist for each
/// error in the service model, this type itself for codes outside it (e.g. UnrecognizedClientException).</summary>
public class IvsChatServiceException : IvsChatException
{
    public IvsChatServiceException(string errorCode, string message, int statusCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>AWS's error code, e.g. ResourceNotFoundException.</summary>
    public string ErrorCode { get; }
    /// <summary>The HTTP status code (404 also when a name or id matched nothing while listing).</summary>
    public int StatusCode { get; }
    /// <summary>The AWS request id (null when no single request failed, e.g. a name that matched nothing).</summary>
    public string? RequestId { get; }
    /// <summary>True for errors a later retry can fix (throttling, 5xx).</summary>
    public virtual bool IsRetryable => StatusCode >= 500 || StatusCode == 429;
}

/// <summary>ResourceNotFoundException (404): no room, logging configuration or tagged resource has that ARN, id or name.</summary>
public sealed class ResourceNotFoundException : IvsChatServiceException
{
    public ResourceNotFoundException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType,
        Exception? innerException = null)
        : base("ResourceNotFoundException", message, statusCode, requestId, innerException) { ResourceId = resourceId; ResourceType = resourceType; }
    public string? ResourceId { get; }
    public string? ResourceType { get; }
}

/// <summary>ValidationException (400): the request broke one of the service's rules.</summary>
public sealed class ValidationException : IvsChatServiceException
{
    public ValidationException(string message, int statusCode, string? requestId, string? reason, IReadOnlyDictionary<string, string> fields,
        Exception? innerException = null)
        : base("ValidationException", message, statusCode, requestId, innerException) { Reason = reason; Fields = fields; }
    /// <summary>UNKNOWN_OPERATION, FIELD_VALIDATION_FAILED or OTHER.</summary>
    public string? Reason { get; }
    /// <summary>Field name to what is wrong with it.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }
}

/// <summary>ThrottlingException (429): the account's request rate for the operation was exceeded.</summary>
public sealed class ThrottlingException : IvsChatServiceException
{
    public ThrottlingException(string message, int statusCode, string? requestId, int? limit, Exception? innerException = null)
        : base("ThrottlingException", message, statusCode, requestId, innerException) { Limit = limit; }
    public int? Limit { get; }
    public override bool IsRetryable => true;
}

/// <summary>ServiceQuotaExceededException (402): a quota (rooms, logging configurations...) is reached.</summary>
public sealed class ServiceQuotaExceededException : IvsChatServiceException
{
    public ServiceQuotaExceededException(string message, int statusCode, string? requestId, int? limit, Exception? innerException = null)
        : base("ServiceQuotaExceededException", message, statusCode, requestId, innerException) { Limit = limit; }
    public int? Limit { get; }
    public override bool IsRetryable => false;
}

/// <summary>AccessDeniedException (403): the credentials may not call the operation.</summary>
public sealed class AccessDeniedException : IvsChatServiceException
{
    public AccessDeniedException(string message, int statusCode, string? requestId, Exception? innerException = null)
        : base("AccessDeniedException", message, statusCode, requestId, innerException) { }
}

/// <summary>ConflictException (409): the resource is being changed, or the change conflicts with its state.</summary>
public sealed class ConflictException : IvsChatServiceException
{
    public ConflictException(string message, int statusCode, string? requestId, Exception? innerException = null)
        : base("ConflictException", message, statusCode, requestId, innerException) { }
}

/// <summary>AWS's error code PendingVerification (403): the account is not verified yet. Named as AWS's SDKs name it.</summary>
public sealed class PendingVerificationException : IvsChatServiceException
{
    public PendingVerificationException(string message, int statusCode, string? requestId, Exception? innerException = null)
        : base("PendingVerification", message, statusCode, requestId, innerException) { }
}

/// <summary>InternalServerException (500): the service failed; retrying later may work.</summary>
public sealed class InternalServerException : IvsChatServiceException
{
    public InternalServerException(string message, int statusCode, string? requestId, Exception? innerException = null)
        : base("InternalServerException", message, statusCode, requestId, innerException) { }
}

/// <summary>An input item that does not name exactly one resource (e.g. a name shared by several rooms), with a
/// stable ErrorId. Names and ids that match nothing are reported as <see cref="ResourceNotFoundException"/>.</summary>
public sealed class IvsChatResolutionException : IvsChatException
{
    public IvsChatResolutionException(string errorId, ErrorCategory category, string message) : base(message)
    {
        ErrorId = errorId;
        Category = category;
    }
    public string ErrorId { get; }
    public ErrorCategory Category { get; }
}

/// <summary>Credentials, region or endpoint could not be resolved (a terminating error; the message says how to fix it).</summary>
public sealed class IvsChatConfigurationException : IvsChatException
{
    public IvsChatConfigurationException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>The service could not be reached or did not answer in time (no AWS error code: nothing was answered).</summary>
public sealed class IvsChatNetworkException : IvsChatException
{
    public IvsChatNetworkException(string message, Exception? innerException = null) : base(message, innerException) { }
}

/// <summary>A value the module cannot act on before any request: e.g. a name that matches several resources, or a
/// request the client refused to send. ParameterName says which input, when known.</summary>
public sealed class IvsChatArgumentException : IvsChatException
{
    public IvsChatArgumentException(string message, string? parameterName = null, Exception? innerException = null, string? errorId = null)
        : base(message, innerException) { ParameterName = parameterName; ErrorId = errorId; }
    public string? ParameterName { get; }
    /// <summary>The ErrorId of the error record when the rule has one of its own (e.g. DestinationConflict).</summary>
    public string? ErrorId { get; }
}

/// <summary>The chat service refused a request on a messaging connection (an ERROR frame): 400 bad request,
/// 401 session expired, 403 missing capability, 404 no room, 406 rejected by review, 413 too large, 429 rate.</summary>
public sealed class ChatRequestException : IvsChatException
{
    public ChatRequestException(int errorCode, string errorMessage, string? requestId, Exception? innerException = null)
        : base("The chat service refused the request: " + errorCode + " " + errorMessage, innerException)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }
    public int ErrorCode { get; }
    public string ErrorMessage { get; }
    public string? RequestId { get; }
}

/// <summary>A messaging connection could not be opened (HttpStatusCode 401: bad, expired or used token; 404: no
/// room) or ended while a request waited.</summary>
public sealed class ChatConnectionException : IvsChatException
{
    public ChatConnectionException(string message, int? httpStatusCode, Exception? innerException = null)
        : base(message, innerException) { HttpStatusCode = httpStatusCode; }
    public int? HttpStatusCode { get; }
}
