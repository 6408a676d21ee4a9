using System;

// CS1591: documented once the parallel work on this file (retry strategy, transport, message objects) is merged.
#pragma warning disable CS1591
namespace IvsChat.Client.Messaging;

/// <summary>The service answered a request on the connection with an ERROR frame (e.g. 403 missing capability,
/// 429 rate exceeded, 406 rejected by message review).</summary>
public sealed class ChatRequestException : Exception
{
    public ChatRequestException(ChatError error)
        : base($"The chat service refused the request: {error.ErrorCode} {error.ErrorMessage}") { Error = error; }
    public ChatError Error { get; }
    public int ErrorCode => Error.ErrorCode;
    public string? RequestId => Error.RequestId;
}

/// <summary>The connection could not be opened, or it ended (closed, expired, dead) while a request waited.
/// Messages never carry the token.</summary>
public sealed class ChatConnectionException : Exception
{
    public ChatConnectionException(string message, int? httpStatusCode = null, Exception? inner = null)
        : base(message, inner) { HttpStatusCode = httpStatusCode; }
    /// <summary>The HTTP status of a refused handshake (401 bad/expired/used token, 404 no room), when known.</summary>
    public int? HttpStatusCode { get; }
}
