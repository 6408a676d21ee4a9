using System;
using System.Collections.Generic;

// CS1591: documented once the parallel work on this file (retry strategy, transport, message objects) is merged.
#pragma warning disable CS1591
namespace IvsChat.Client;

/// <summary>Any error the IVS Chat service answered with. Messages never carry secrets or user ids.</summary>
public class IvsChatServiceException : Exception
{
    public IvsChatServiceException(string errorCode, string message, int statusCode, string? requestId, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The AWS error code, e.g. ResourceNotFoundException (or the raw code for ones this client does not model).</summary>
    public string ErrorCode { get; }
    public int StatusCode { get; }
    public string? RequestId { get; }
    /// <summary>True for errors a retry can fix (throttling, 5xx).</summary>
    public virtual bool IsRetryable => StatusCode >= 500 || StatusCode == 429;
}

public sealed class ValidationExceptionField
{
    public ValidationExceptionField(string name, string message) { Name = name; Message = message; }
    public string Name { get; }
    public string Message { get; }
}

public sealed class ValidationException : IvsChatServiceException
{
    public ValidationException(string message, int statusCode, string? requestId, string? reason, IReadOnlyList<ValidationExceptionField> fieldList)
        : base("ValidationException", message, statusCode, requestId) { Reason = reason; FieldList = fieldList; }
    /// <summary>UNKNOWN_OPERATION, FIELD_VALIDATION_FAILED or OTHER (kept as sent).</summary>
    public string? Reason { get; }
    public IReadOnlyList<ValidationExceptionField> FieldList { get; }
}

/// <summary>Base of the errors that name a resource (NotFound, Conflict, ServiceQuotaExceeded, Throttling).</summary>
public abstract class IvsChatResourceException : IvsChatServiceException
{
    protected IvsChatResourceException(string errorCode, string message, int statusCode, string? requestId, string? resourceId, string? resourceType)
        : base(errorCode, message, statusCode, requestId) { ResourceId = resourceId; ResourceType = resourceType; }
    public string? ResourceId { get; }
    public string? ResourceType { get; }
}

public sealed class ResourceNotFoundException : IvsChatResourceException
{
    public ResourceNotFoundException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType)
        : base("ResourceNotFoundException", message, statusCode, requestId, resourceId, resourceType) { }
}

public sealed class ConflictException : IvsChatResourceException
{
    public ConflictException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType)
        : base("ConflictException", message, statusCode, requestId, resourceId, resourceType) { }
}

public sealed class ServiceQuotaExceededException : IvsChatResourceException
{
    public ServiceQuotaExceededException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType, int? limit)
        : base("ServiceQuotaExceededException", message, statusCode, requestId, resourceId, resourceType) { Limit = limit; }
    public int? Limit { get; }
    public override bool IsRetryable => false;
}

public sealed class ThrottlingException : IvsChatResourceException
{
    public ThrottlingException(string message, int statusCode, string? requestId, string? resourceId, string? resourceType, int? limit)
        : base("ThrottlingException", message, statusCode, requestId, resourceId, resourceType) { Limit = limit; }
    public int? Limit { get; }
    public override bool IsRetryable => true;
}

public sealed class AccessDeniedException : IvsChatServiceException
{
    public AccessDeniedException(string message, int statusCode, string? requestId)
        : base("AccessDeniedException", message, statusCode, requestId) { }
}

public sealed class PendingVerificationException : IvsChatServiceException
{
    public PendingVerificationException(string message, int statusCode, string? requestId)
        : base("PendingVerification", message, statusCode, requestId) { }
}

public sealed class InternalServerException : IvsChatServiceException
{
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

    public IvsChatResponseTooLargeException(string operation, Uri endpoint, int statusCode, string? requestId, int maxBytes)
        : base("ResponseTooLarge", $"The {operation} answer from {endpoint.GetLeftPart(UriPartial.Authority)} is larger than " +
               $"{maxBytes / (1024 * 1024)} MB, more than any IVS Chat answer can be; the client stopped reading it. " +
               "Check that the endpoint is an IVS Chat service.", statusCode, requestId)
    {
        MaxBytes = maxBytes;
    }

    public int MaxBytes { get; }
    public override bool IsRetryable => false;
}

/// <summary>A request the client refused to send (a required member missing), naming the member.</summary>
public sealed class IvsChatRequestException : ArgumentException
{
    public IvsChatRequestException(string memberName, string message) : base(message, memberName) { MemberName = memberName; }
    public string MemberName { get; }
}

/// <summary>Credentials, region or endpoint could not be resolved; the message says how to fix it.</summary>
public sealed class IvsChatConfigurationException : InvalidOperationException
{
    public IvsChatConfigurationException(string message, Exception? inner = null) : base(message, inner) { }
}
