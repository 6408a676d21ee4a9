using System;
using System.Management.Automation;
using IvsChat.Client.Messaging;

namespace IvsChat.Cmdlets.Messaging;

/// <summary>ErrorRecords for the messaging cmdlets: a stable ErrorId per chat error code.</summary>
internal static class ChatErrorRecords
{
    public const string ConnectionFailed = "ChatConnectionFailed";
    public const string ConnectionClosed = "ChatConnectionClosed";

    public static string ErrorId(int code) => code switch
    {
        400 => "ChatBadRequest",
        401 => "ChatSessionExpired",
        403 => "ChatForbidden",
        404 => "ChatRoomNotFound",
        406 => "ChatMessageRejected",
        413 => "ChatPayloadTooLarge",
        429 => "ChatRateExceeded",
        500 => "ChatServiceError",
        _ => "ChatError" + code,
    };

    public static ErrorCategory Category(int code) => code switch
    {
        400 => ErrorCategory.InvalidArgument,
        401 => ErrorCategory.AuthenticationError,
        403 => ErrorCategory.PermissionDenied,
        404 => ErrorCategory.ObjectNotFound,
        406 => ErrorCategory.SecurityError,
        413 => ErrorCategory.LimitsExceeded,
        429 => ErrorCategory.LimitsExceeded,
        _ => ErrorCategory.ResourceUnavailable,
    };

    private static string Advice(int code) => code switch
    {
        401 => "The chat session ended: connect again with a new token (Connect-IvsChatRoom).",
        403 => "Connect with a token that has the needed capability (-Capability SendMessage, DeleteMessage or DisconnectUser).",
        406 => "The room's message review handler rejected the message.",
        413 => "Shorten the content (the room's MaximumMessageLength counts characters).",
        429 => "The room's MaximumMessageRatePerSecond was exceeded: slow down and retry.",
        _ => "",
    };

    /// <summary>An ERROR frame received on the connection (Receive-IvsChatMessage) or answering a request.</summary>
    public static ErrorRecord FromChatError(ChatError error, object? target) =>
        FromChatError(error.ErrorCode, error.ErrorMessage, error.RequestId,
            new ChatRequestException(error.ErrorCode, error.ErrorMessage, error.RequestId), target);

    private static ErrorRecord FromChatError(int code, string message, string? requestId, ChatRequestException exception, object? target)
    {
        var record = new ErrorRecord(exception, ErrorId(code), Category(code), target);
        record.ErrorDetails = new ErrorDetails($"The chat service answered error {code}: {message}" +
                                               (requestId != null ? $" (request id {requestId})" : ""));
        string advice = Advice(code);
        if (advice.Length > 0) record.ErrorDetails.RecommendedAction = advice;
        return record;
    }

    /// <summary>The record for a messaging failure, or null when the exception is not one (rethrow it).</summary>
    public static ErrorRecord? From(Exception ex, object? target)
    {
        switch (Internal.PublicErrors.From(ex))
        {
            case ChatRequestException request:
                return FromChatError(request.ErrorCode, request.ErrorMessage, request.RequestId, request, target);
            case ChatConnectionException connection:
                return new ErrorRecord(connection, ConnectionFailed,
                    connection.HttpStatusCode == 401 ? ErrorCategory.AuthenticationError
                    : connection.HttpStatusCode == 404 ? ErrorCategory.ObjectNotFound : ErrorCategory.ConnectionError, target);
            case IvsChatNetworkException timeout:
                return new ErrorRecord(timeout, Internal.IvsChatErrorIds.Timeout, ErrorCategory.OperationTimeout, target);
            default:
                return null;
        }
    }
}
