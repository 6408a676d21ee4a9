using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IvsChat.Emulator.Messaging;

/// <summary>
/// The messaging WebSocket at the service root: checks the token in Sec-WebSocket-Protocol (genuine, unexpired,
/// unused, room exists), echoes it back, then reads requests one at a time per connection and answers with
/// MESSAGE / EVENT / ERROR frames. Errors in one frame never end the connection or touch other connections.
/// </summary>
public sealed class ChatEndpoint(IControlPlaneView controlPlane, ChatRoomHub hub, MessageReview review, MessagingOptions options, TimeProvider time)
{
    public const string CapabilitySendMessage = "SEND_MESSAGE";
    public const string CapabilityDeleteMessage = "DELETE_MESSAGE";
    public const string CapabilityDisconnectUser = "DISCONNECT_USER";

    public async Task HandleAsync(HttpContext ctx)
    {
        IList<string> protocols = ctx.WebSockets.WebSocketRequestedProtocols;
        if (protocols.Count != 1 || string.IsNullOrEmpty(protocols[0]))
        {
            await RefuseAsync(ctx, 401, "A chat token is required as the only Sec-WebSocket-Protocol value.");
            return;
        }
        string token = protocols[0];
        ConnectTicket? ticket = controlPlane.ReadToken(token);
        DateTimeOffset now = time.GetUtcNow();
        string? refusal = ticket == null ? "The chat token is not valid."
            : now > ticket.TokenExpiresAt ? "The chat token has expired; create a new one."
            : now >= ticket.SessionExpiresAt ? "The chat session has expired."
            : null;
        if (refusal != null)
        {
            await RefuseAsync(ctx, 401, refusal);
            return;
        }
        if (controlPlane.FindRoom(ticket!.RoomArn) == null)
        {
            await RefuseAsync(ctx, 404, "The room of this chat token does not exist.");
            return;
        }
        if (!hub.TryConsumeToken(ticket.TokenId, ticket.TokenExpiresAt))
        {
            await RefuseAsync(ctx, 401, "The chat token was already used; each token connects once.");
            return;
        }

        using WebSocket socket = await ctx.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = token,
            KeepAliveInterval = options.KeepAliveInterval,
            KeepAliveTimeout = options.KeepAliveTimeout,
        });
        var session = new ChatSession(socket, ticket, ctx.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1", options.SendQueueCapacity);
        hub.Join(session);
        using var expiry = ExpireAt(session, ticket.SessionExpiresAt);
        try
        {
            if (controlPlane.FindRoom(ticket.RoomArn) == null) // deleted while we were joining
                session.CloseAfterPending(WebSocketCloseStatus.NormalClosure, ChatRoomHub.RoomDeletedReason);
            await ReadLoopAsync(socket, session);
        }
        finally
        {
            hub.Leave(session);
            // Let queued frames (and our close frame) go out before the connection is dropped.
            await Task.WhenAny(session.SendsDone, Task.Delay(TimeSpan.FromSeconds(5)));
            session.End();
        }
    }

    private static async Task RefuseAsync(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message }));
    }

    /// <summary>At session end: ERROR 401 (what the official SDK reacts to by reconnecting), then a clean close.</summary>
    private IDisposable ExpireAt(ChatSession session, DateTimeOffset at)
    {
        TimeSpan due = at - time.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        return time.CreateTimer(_ =>
        {
            session.Enqueue(ServerFrames.Error(FrameIds.Next(), null, 401, "The chat session has expired."));
            session.CloseAfterPending(WebSocketCloseStatus.NormalClosure, "Session expired");
        }, null, due, Timeout.InfiniteTimeSpan);
    }

    private async Task ReadLoopAsync(WebSocket socket, ChatSession session)
    {
        byte[] chunk = new byte[4096];
        var message = new ArrayBufferWriter<byte>(4096);
        long size = 0;
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult r = await socket.ReceiveAsync(chunk.AsMemory(), session.Ended);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    session.CloseAfterPending(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "");
                    return;
                }
                size += r.Count;
                if (size <= options.MaxFrameBytes) message.Write(chunk.AsSpan(0, r.Count));
                if (!r.EndOfMessage) continue;

                if (size > options.MaxFrameBytes)
                    Reject(session, new FrameRejection(413, $"The request is larger than {options.MaxFrameBytes} bytes.", null));
                else if (r.MessageType != WebSocketMessageType.Text)
                    Reject(session, new FrameRejection(400, "Requests must be JSON text frames.", null));
                else
                    await HandleFrameAsync(session, message.WrittenMemory);
                message.ResetWrittenCount();
                size = 0;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            session.Abort();
        }
    }

    private static void Reject(ChatSession session, FrameRejection rejection) =>
        session.Enqueue(ServerFrames.Error(FrameIds.Next(), rejection.RequestId, rejection.ErrorCode, rejection.ErrorMessage));

    internal async Task HandleFrameAsync(ChatSession session, ReadOnlyMemory<byte> frame)
    {
        if (!ClientFrames.TryParse(frame.Span, out ChatRequest? request, out FrameRejection? rejection))
        {
            Reject(session, rejection!);
            return;
        }
        FrameRejection? error = await HandleRequestAsync(session, request!);
        if (error != null) Reject(session, error);
    }

    private async Task<FrameRejection?> HandleRequestAsync(ChatSession session, ChatRequest request)
    {
        string capability = request.Action switch
        {
            ChatAction.SendMessage => CapabilitySendMessage,
            ChatAction.DeleteMessage => CapabilityDeleteMessage,
            _ => CapabilityDisconnectUser,
        };
        if (!session.Ticket.Capabilities.Contains(capability))
            return new FrameRejection(403, $"The connection's capabilities do not permit this action ({capability} is missing).", request.RequestId);
        RoomRules? room = controlPlane.FindRoom(session.RoomArn);
        if (room == null) return new FrameRejection(404, "The room does not exist.", request.RequestId);

        DateTimeOffset now = time.GetUtcNow();
        switch (request.Action)
        {
            case ChatAction.SendMessage:
                return await SendMessageAsync(session, request, room);
            case ChatAction.DeleteMessage:
                hub.Broadcast(session.RoomArn, ServerFrames.DeleteMessage(FrameIds.Next(), request.RequestId, request.Id!, request.Reason, now));
                return null;
            default:
                hub.DisconnectUser(session.RoomArn, request.UserId!,
                    ServerFrames.DisconnectUser(FrameIds.Next(), request.RequestId, request.UserId!, request.Reason, now));
                return null;
        }
    }

    private async Task<FrameRejection?> SendMessageAsync(ChatSession session, ChatRequest request, RoomRules room)
    {
        string content = request.Content!;
        if (content.Length == 0) return new FrameRejection(400, "Content must not be empty.", request.RequestId);
        int codePoints = CountCodePoints(content);
        if (codePoints > room.MaximumMessageLength)
            return new FrameRejection(413, string.Format(CultureInfo.InvariantCulture,
                "Content is {0} characters long; this room allows at most {1}.", codePoints, room.MaximumMessageLength), request.RequestId);
        if (!hub.TryAcquireSendSlot(session.RoomArn, room.MaximumMessageRatePerSecond))
            return new FrameRejection(429, string.Format(CultureInfo.InvariantCulture,
                "Rate exceeded: this room accepts {0} messages per second.", room.MaximumMessageRatePerSecond), request.RequestId);

        string messageId = FrameIds.Next();
        ReviewOutcome outcome = await review.ReviewAsync(room, new ReviewRequest(content, messageId, session.RoomArn, request.Attributes,
            session.UserId, session.Ticket.Attributes, session.RemoteIp), session.Ended);
        if (!outcome.Allowed) return new FrameRejection(406, outcome.Reason ?? MessageReview.DeniedMessage, request.RequestId);

        hub.Broadcast(session.RoomArn, ServerFrames.Message(messageId, request.RequestId, outcome.Content, outcome.Attributes,
            session.UserId, session.Ticket.Attributes, time.GetUtcNow()));
        return null;
    }

    /// <summary>maximumMessageLength counts Unicode code points (a surrogate pair is one).</summary>
    public static int CountCodePoints(string s)
    {
        int n = 0;
        foreach (Rune _ in s.EnumerateRunes()) n++;
        return n;
    }
}
