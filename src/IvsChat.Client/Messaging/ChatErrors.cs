using System;

namespace IvsChat.Client.Messaging;

/// <summary>The service answered a request on the connection with an ERROR frame (e.g. 403 missing capability,
/// 429 rate exceeded, 406 rejected by message review).</summary>
public sealed class ChatRequestException : Exception
{
    /// <summary>The refusal of a request, from the ERROR frame that answered it.</summary>
    public ChatRequestException(ChatError error)
        : base($"The chat service refused the request: {error.ErrorCode} {error.ErrorMessage}") { Error = error; }
    /// <summary>The ERROR frame.</summary>
    public ChatError Error { get; }
    /// <summary>The frame's error code (e.g. 403, 406, 429).</summary>
    public int ErrorCode => Error.ErrorCode;
    /// <summary>The RequestId of the refused request.</summary>
    public string? RequestId => Error.RequestId;
}

/// <summary>The connection could not be opened, or it ended (closed, expired, dead) while a request waited.
/// Messages never carry the token.</summary>
public sealed class ChatConnectionException : Exception
{
    /// <summary>A connection failure, with the HTTP status of a refused handshake when there is one.</summary>
    public ChatConnectionException(string message, int? httpStatusCode = null, Exception? inner = null)
        : base(message, inner) { HttpStatusCode = httpStatusCode; }
    /// <summary>The HTTP status of a refused handshake (401 bad/expired/used token, 404 no room), when known.</summary>
    public int? HttpStatusCode { get; }
}
