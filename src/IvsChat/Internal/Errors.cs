using System;
using System.Management.Automation;
using System.Net.Http;

namespace IvsChat.Internal;

/// <summary>Stable ErrorIds for failures that are ours rather than the service's.</summary>
public static class IvsChatErrorIds
{
    public const string RoomNotFound = "RoomNotFound";
    public const string RoomNameAmbiguous = "RoomNameAmbiguous";
    public const string LoggingConfigurationNotFound = "LoggingConfigurationNotFound";
    public const string LoggingConfigurationNameAmbiguous = "LoggingConfigurationNameAmbiguous";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string ResourceNameAmbiguous = "ResourceNameAmbiguous";
    public const string TagNotFound = "TagNotFound";
    public const string InvalidRequest = "InvalidRequest";
    public const string Configuration = "IvsChatConfiguration";
    public const string ConnectionFailed = "ConnectionFailed";
    public const string Timeout = "OperationTimeout";
    public const string WildcardNotSupported = "WildcardNotSupported";
}

internal static class ErrorMapping
{
    /// <summary>The ErrorRecord for a per-item failure, or null when the exception is not one we report per item.
    /// Its Exception is always one of the module's public types (see <see cref="PublicErrors"/>).</summary>
    public static ErrorRecord? ToRecord(Exception ex, object? target, string? operation)
    {
        // A name or id that matched nothing while listing: no call failed, so no call is named.
        var matchedNothing = ex is IvsChatResolutionException resolution && PublicErrors.IsNotFound(resolution);
        if (matchedNothing) ex = PublicErrors.NotFound((IvsChatResolutionException)ex);
        switch (PublicErrors.From(ex))
        {
            case IvsChatServiceException svc:
                {
                    var record = new ErrorRecord(svc, svc.ErrorCode, Category(svc), target);
                    if (matchedNothing) return record;
                    record.ErrorDetails = new ErrorDetails((operation != null ? operation + " failed: " : "") + svc.Message +
                                                           (svc.RequestId != null ? " (request id " + svc.RequestId + ")" : ""));
                    if (svc.IsRetryable) record.ErrorDetails.RecommendedAction = "The service asked to slow down or failed temporarily: retry later.";
                    return record;
                }
            case IvsChatResolutionException own:
                return new ErrorRecord(own, own.ErrorId, own.Category, target);
            case IvsChatArgumentException argument:
                return new ErrorRecord(argument, argument.ErrorId ?? IvsChatErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, target);
            case IvsChatNetworkException network:
                {
                    var timedOut = !(network.InnerException is HttpRequestException);
                    return new ErrorRecord(network, timedOut ? IvsChatErrorIds.Timeout : IvsChatErrorIds.ConnectionFailed,
                        timedOut ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError, target)
                    {
                        ErrorDetails = new ErrorDetails((operation != null ? operation + " failed: " : "") + network.Message),
                    };
                }
            default:
                return null;
        }
    }

    public static ErrorCategory Category(IvsChatServiceException ex)
    {
        switch (ex.ErrorCode)
        {
            case "ResourceNotFoundException": return ErrorCategory.ObjectNotFound;
            case "ValidationException": return ErrorCategory.InvalidArgument;
            case "AccessDeniedException":
            case "PendingVerification": return ErrorCategory.PermissionDenied;
            case "ConflictException": return ErrorCategory.ResourceBusy;
            case "ServiceQuotaExceededException": return ErrorCategory.QuotaExceeded;
            case "ThrottlingException": return ErrorCategory.LimitsExceeded;
            case "InternalServerException": return ErrorCategory.ResourceUnavailable;
            case "UnrecognizedClientException":
            case "InvalidSignatureException":
            case "MissingAuthenticationTokenException":
            case "IncompleteSignatureException":
            case "ExpiredTokenException":
                return ErrorCategory.AuthenticationError;
            case "RequestTimeoutException": return ErrorCategory.OperationTimeout;
            case "ResponseTooLarge":
            case "InvalidResponse": return ErrorCategory.InvalidResult;
        }
        if (ex.StatusCode == 403) return ErrorCategory.PermissionDenied;
        if (ex.StatusCode == 404) return ErrorCategory.ObjectNotFound;
        if (ex.StatusCode == 429) return ErrorCategory.LimitsExceeded;
        if (ex.StatusCode >= 500) return ErrorCategory.ResourceUnavailable;
        if (ex.StatusCode >= 400) return ErrorCategory.InvalidArgument;
        return ErrorCategory.NotSpecified;
    }
}
