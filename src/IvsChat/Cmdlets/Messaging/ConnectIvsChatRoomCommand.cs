using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IvsChat.Client.Messaging;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets.Messaging
{
    /// <summary>
    /// Opens a messaging connection to a room: mints a token for -UserId (CreateChatToken), or uses a token from
    /// New-IvsChatToken, and connects to the messaging WebSocket. The URL comes from -MessagingEndpoint,
    /// IVSCHAT_MESSAGING_ENDPOINT, the control-plane endpoint (http -> ws, https -> wss), else the regional edge.
    /// A connection piped straight into further commands (Connect-IvsChatRoom ... | Receive-IvsChatMessage) belongs
    /// to that pipeline and is closed when the pipeline ends or is stopped; assign it to a variable to keep it.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(ChatConnection))]
    public sealed class ConnectIvsChatRoomCommand : IvsChatCmdlet
    {
        public const string TokenSet = "Token";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn", "Room")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string? Identifier { get; set; }

        /// <summary>A token from New-IvsChatToken (used once: a token connects only once).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TokenSet)]
        public ChatToken? Token { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObject)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.Identifier)]
        [ValidateLength(1, 128)]
        public string UserId { get; set; } = "";

        /// <summary>SendMessage, DeleteMessage, DisconnectUser. None = read only.</summary>
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Parameter(ParameterSetName = ParameterSets.Identifier)]
        [ValidateSet("SendMessage", "DeleteMessage", "DisconnectUser", "SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER", IgnoreCase = true)]
        [AllowEmptyCollection]
        public string[]? Capability { get; set; }

        /// <summary>Attributes the service attaches to this user's messages (at most 1 KB). Never echoed.</summary>
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Parameter(ParameterSetName = ParameterSets.Identifier)]
        [ValidateAttributes(1024)]
        public Hashtable? Attribute { get; set; }

        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Parameter(ParameterSetName = ParameterSets.Identifier)]
        [ValidateRange(1, 180)]
        public int? SessionDurationInMinutes { get; set; }

        /// <summary>The messaging WebSocket URL (ws:// or wss://), overriding IVSCHAT_MESSAGING_ENDPOINT and the derived URL.</summary>
        [Parameter]
        [ValidatePattern("^wss?://")]
        public string? MessagingEndpoint { get; set; }

        /// <summary>How many received frames are kept between Receive-IvsChatMessage calls (oldest dropped beyond it).</summary>
        [Parameter]
        [ValidateRange(1, 1000000)]
        public int BufferCapacity { get; set; } = 1000;

        private readonly List<ChatConnection> _pipelineScoped = new List<ChatConnection>();

        protected override void ProcessRecord()
        {
            if (Token != null)
            {
                ConnectWith(Token, Token.RoomArn, Token.UserId, Token.Capabilities, Token.Token, Token.SessionExpirationTime);
                return;
            }
            ForEachRoom(InputObject, Identifier == null ? null : new[] { Identifier }, (arn, _, target) =>
            {
                var token = MintChatToken(arn, UserId, Capability, SessionDurationInMinutes, Attribute);
                ConnectWith(target, arn, UserId, token.Capabilities, token.Token, token.SessionExpirationTime);
            });
        }

        private void ConnectWith(object target, string roomArn, string userId, string[] capabilities, string token, DateTime? sessionExpirationTime)
        {
            Uri endpoint = ResolveMessagingEndpoint(roomArn);
            var connection = new ChatConnection(roomArn, userId, capabilities, endpoint);
            var options = new IvsChatConnectionOptions { ReceiveBufferCapacity = BufferCapacity, Trace = connection.AddTrace };
            WriteVerbose("Connecting to the chat room " + roomArn + " at " + endpoint + ".");
            try
            {
                connection.Connection = IvsChatConnection.ConnectAsync(endpoint, token, options, sessionExpirationTime, CancellationToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested) { throw new PipelineStoppedException(); }
            catch (Exception ex) when (ChatErrorRecords.From(ex, target) is ErrorRecord record)
            {
                WriteError(record);
                return;
            }
            if (MyInvocation.PipelinePosition < MyInvocation.PipelineLength) _pipelineScoped.Add(connection);
            connection.DrainTrace(WriteDebug);
            WriteObject(connection);
        }

        private Uri ResolveMessagingEndpoint(string roomArn)
        {
            KeyValuePair<Uri, string> resolved;
            if (!string.IsNullOrEmpty(MessagingEndpoint) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Client.Messaging.MessagingEndpoint.EnvironmentVariable)))
                resolved = Client.Messaging.MessagingEndpoint.Resolve(null!, Internal.Arn.RegionOf(roomArn) ?? "", MessagingEndpoint);
            else
            {
                var settings = GetClientSettings(roomArn);
                resolved = Client.Messaging.MessagingEndpoint.Resolve(settings.Endpoint, settings.Region, null);
            }
            WriteDebug("Messaging endpoint " + resolved.Key + " (from " + resolved.Value + ").");
            return resolved.Key;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                foreach (var c in _pipelineScoped)
                {
                    // The pipeline that owned it is over: free the socket.
                    c.Connection.Dispose();
                }
            base.Dispose(disposing);
        }
    }
}
