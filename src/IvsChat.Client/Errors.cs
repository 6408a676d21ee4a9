using System;
using System.Collections.Generic;

namespace IvsChat.Client;

/// <summary>Any error the IVS Chat service answered with. Messages never carry secrets or user ids.</summary>
public class IvsChatServiceException : Exception
{
    /// <summary>An error answer: its code, message, HTTP status and request id.</summary>
    public IvsChatServiceException(string errorCode, string message, int statusCode, string? requestId, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The AWS error code, e.g. ResourceNotFoundException (or the raw code for ones this client does not model).</summary>
    public string ErrorCode { get; }
    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; }
    /// <summary>The service's id for the request (x-amzn-RequestId), for logs and AWS support.</summary>
    public string? RequestId { get; }
    /// <summary>True for errors a retry can fix (throttling, 5xx).</summary>
    public virtual bool IsRetryable => StatusCode >= 500 || StatusCode == 429;
}

/// <summary>One field a <see cref="ValidationException"/> found invalid.</summary>
public sealed class ValidationExceptionField
{
    /// <summary>A field and what is wrong with it.</summary>
    public ValidationExceptionField(string name, string message) { Name = name; Message = message; }
    /// <summary>The field's name, as in the request (e.g. maximumMessageLength).</summary>
    public string Name { get; }
    /// <summary>Why the field is invalid.</summary>
    public string Message { get; }
}

/// <summary>The service refused the request as invalid (HTTP 400); <see cref="FieldList"/> names the fields.</summary>
public sealed class ValidationException : IvsChatServiceException
{
    /// <summary>A ValidationException answer with its reason and fields.</summary>
    public ValidationException(string message, int statusCode, string? requestId, string? reason, IReadOnlyList<ValidationExceptionField> fieldList)
        : base("ValidationException", message, statusCode, requestId) { Reason = reason; FieldList = fieldList; }
    /// <summary>UNKNOWN_OPERATION, FIELD_VALIDATION_FAILED or OTHER (kept as sent).</summary>
    public string? Reason { get; }
    /// <summary>The invalid fields; empty when the service named none.</summary>
    public IReadOnlyList<ValidationExceptionField> FieldList { get; }
}

/// <summary>Base of the errors that name a resource (NotFound, Conflict, ServiceQuotaExceeded, Throttling).</summary>
public abstract class IvsChatResourceException : IvsChatServiceException
{
    /// <summary>An error answer about one resource.</summary>
    protected IvsChatResourceException(string errorCode, string message, int statusCode, string? requestId, string? resourceId, string? resourceType)
        : base(errorCode, message, statusCode, requestId) { ResourceId = resourceId; ResourceType = resourceType; }
    /// <summary>Id of the resource the error is about, when the service names it.</summary>
    public string? ResourceId { get; }
    /// <summary>The kind of that resource (e.g. ROOM), when the service names it.</summary>
    public string? ResourceType { get; }
}

/// <summary>The room or logging configuration does not exist (HTTP 404).</summary>
public sealed class ResourceNotFoundException : IvsChatResourceException
{
    /// <summary>A ResourceNotFoundException answer.</summary>
    public ResourceNotFoundException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType)
        : base("ResourceNotFoundException", message, statusCode, requestId, resourceId, resourceType) { }
}

/// <summary>The request conflicts with the resource's current state (HTTP 409).</summary>
public sealed class ConflictException : IvsChatResourceException
{
    /// <summary>A ConflictException answer.</summary>
    public ConflictException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType)
        : base("ConflictException", message, statusCode, requestId, resourceId, resourceType) { }
}

/// <summary>The account reached a quota, e.g. its number of logging configurations (HTTP 402); not retried.</summary>
public sealed class ServiceQuotaExceededException : IvsChatResourceException
{
    /// <summary>A ServiceQuotaExceededException answer.</summary>
    public ServiceQuotaExceededException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType, int? limit)
        : base("ServiceQuotaExceededException", message, statusCode, requestId, resourceId, resourceType) { Limit = limit; }
    /// <summary>The quota that was reached, when the service names it.</summary>
    public int? Limit { get; }
    /// <inheritdoc/>
    public override bool IsRetryable => false;
}

/// <summary>Too many requests of this kind per second (HTTP 429); retryable, after a wait.</summary>
public sealed class ThrottlingException : IvsChatResourceException
{
    /// <summary>A ThrottlingException answer.</summary>
    public ThrottlingException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType, int? limit)
        : base("ThrottlingException", message, statusCode, requestId, resourceId, resourceType) { Limit = limit; }
    /// <summary>The rate limit that was exceeded, when the service names it.</summary>
    public int? Limit { get; }
    /// <inheritdoc/>
    public override bool IsRetryable => true;
}

/// <summary>The credentials may not call this operation on this resource (HTTP 403).</summary>
public sealed class AccessDeniedException : IvsChatServiceException
{
    /// <summary>An AccessDeniedException answer.</summary>
    public AccessDeniedException(string message, int statusCode, string? requestId)
        : base("AccessDeniedException", message, statusCode, requestId) { }
}

/// <summary>The AWS account is pending verification and may not use this operation yet (HTTP 403, code PendingVerification).</summary>
public sealed class PendingVerificationException : IvsChatServiceException
{
    /// <summary>A PendingVerification answer.</summary>
    public PendingVerificationException(string message, int statusCode, string? requestId)
        : base("PendingVerification", message, statusCode, requestId) { }
}

/// <summary>The service failed (HTTP 500); retryable.</summary>
public sealed class InternalServerException : IvsChatServiceException
{
    /// <summary>An InternalServerException answer.</summary>
    public InternalServerException(string message, int statusCode, string? requestId)
        : base("InternalServerException", message, statusCode, requestId) { }
}

/// <summary>An answer larger than any IVS Chat answer can be: the client stopped reading it at
/// <see cref="MaxBytes"/>, so a hostile or wrong endpoint cannot exhaust memory.</summary>
public sealed class IvsChatResponseTooLargeException : IvsChatServiceException
{
    /// <summary>The most one answer may be: the largest IVS Chat answers (a page of 50 rooms or logging
    /// configurations with 50 tags each) are well under 1 MB.</summary>
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>The answer to <paramref name="operation"/> from <paramref name="endpoint"/> passed <paramref name="maxBytes"/>.</summary>
    public IvsChatResponseTooLargeException(string operation, Uri endpoint, int statusCode, string? requestId, int maxBytes)
        : base("ResponseTooLarge", $"The {operation} answer from {endpoint.GetLeftPart(UriPartial.Authority)} is larger than " +
               $"{maxBytes / (1024 * 1024)} MB, more than any IVS Chat answer can be; the client stopped reading it. " +
               "Check that the endpoint is an IVS Chat service.", statusCode, requestId)
    {
        MaxBytes = maxBytes;
    }

    /// <summary>The size at which the client stopped reading, in bytes.</summary>
    public int MaxBytes { get; }
    /// <inheritdoc/>
    public override bool IsRetryable => false;
}

/// <summary>A request the client refused to send (a required member missing), naming the member.</summary>
public sealed class IvsChatRequestException : ArgumentException
{
    /// <summary>A refused request; <paramref name="memberName"/> is the member at fault, in the service's spelling.</summary>
    public IvsChatRequestException(string memberName, string message) : base(message, memberName) { MemberName = memberName; }
    /// <summary>The request member at fault, in the service's spelling (e.g. roomIdentifier).</summary>
    public string MemberName { get; }
}

/// <summary>Credentials, region or endpoint could not be resolved; the message says how to fix it.</summary>
public sealed class IvsChatConfigurationException : InvalidOperationException
{
    /// <summary>A configuration failure, with its cause when there is one.</summary>
    public IvsChatConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
