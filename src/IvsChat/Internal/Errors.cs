using System;
using System.Management.Automation;
using System.Net.Http;
using IvsChat.Client;

namespace IvsChat.Internal
{
    /// <summary>A client-side failure about one input item (not found, ambiguous name...), with a stable ErrorId.</summary>
    public sealed class IvsChatResolutionException : Exception
    {
        public IvsChatResolutionException(string errorId, ErrorCategory category, string message) : base(message)
        {
            ErrorId = errorId;
            Category = category;
        }
        public string ErrorId { get; }
        public ErrorCategory Category { get; }
    }

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
        /// <summary>The ErrorRecord for a per-item failure, or null when the exception is not one we report per item.</summary>
        public static ErrorRecord? ToRecord(Exception ex, object? target, string? operation)
        {
            switch (ex)
            {
                case IvsChatServiceException svc:
                    {
                        var record = new ErrorRecord(svc, svc.ErrorCode, Category(svc), target);
                        var text = (operation != null ? operation + " failed: " : "") + svc.Message +
                                   (svc.RequestId != null ? " (request id " + svc.RequestId + ")" : "");
                        record.ErrorDetails = new ErrorDetails(text);
                        if (svc.IsRetryable) record.ErrorDetails.RecommendedAction = "The service asked to slow down or failed temporarily: retry later.";
                        return record;
                    }
                case IvsChatResolutionException own:
                    return new ErrorRecord(own, own.ErrorId, own.Category, target);
                case IvsChatRequestException req:
                    return new ErrorRecord(req, IvsChatErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, target);
                case HttpRequestException http:
                    {
                        var record = new ErrorRecord(http, IvsChatErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, target);
                        record.ErrorDetails = new ErrorDetails((operation != null ? operation + " failed: " : "") + "could not reach the service: " + http.Message);
                        return record;
                    }
                case TimeoutException timeout:
                    return new ErrorRecord(timeout, IvsChatErrorIds.Timeout, ErrorCategory.OperationTimeout, target);
                case OperationCanceledException canceled:
                    // The cmdlet turns cancellations caused by Ctrl+C into PipelineStoppedException before this;
                    // any other cancellation is the client giving up on a call that took too long.
                    return new ErrorRecord(canceled, IvsChatErrorIds.Timeout, ErrorCategory.OperationTimeout, target)
                    {
                        ErrorDetails = new ErrorDetails((operation != null ? operation + " failed: " : "") + "the service did not answer in time."),
                    };
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
}
