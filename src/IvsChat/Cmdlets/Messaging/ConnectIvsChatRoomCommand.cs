using System;
using System.Collections.Generic;
using System.Management.Automation;
using IvsChat.Client.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets.Messaging;

/// <summary>
/// Opens a messaging connection to a room: mints a token for -UserId (CreateChatToken), or uses a token from
/// New-IvsChatToken, and connects to the messaging WebSocket. The URL comes from -MessagingEndpoint,
/// IVSCHAT_MESSAGING_ENDPOINT, the control-plane endpoint (http -> ws, https -> wss), else the regional edge.
/// A connection piped straight into further commands (Connect-IvsChatRoom ... | Receive-IvsChatMessage) belongs
/// to that pipeline and is closed when the pipeline ends or is stopped; assign it to a variable to keep it.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject)]
[OutputType(typeof(ChatConnection))]
public sealed class ConnectIvsChatRoomCommand : ChatTokenCmdlet
{
    public const string TokenSet = "Token";

    /// <summary>A token from New-IvsChatToken (used once: a token connects only once).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TokenSet)]
    public ChatToken? Token { get; set; }

    /// <summary>The messaging WebSocket URL (ws:// or wss://), overriding IVSCHAT_MESSAGING_ENDPOINT and the derived URL.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^wss?://")]
    public string? MessagingEndpoint { get; set; }

    /// <summary>How many received frames are kept between Receive-IvsChatMessage calls (oldest dropped beyond it).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 1000000)]
    public int BufferCapacity { get; set; } = 1000;

    private readonly List<ChatConnection> _pipelineScoped = new List<ChatConnection>();

    protected override void ProcessRecord()
    {
        if (Token is ChatToken token)
        {
            ForItem(token, () => ConnectWith(token.RoomArn, token.UserId, token.Capabilities, token.Token, token.SessionExpirationTime));
            return;
        }
        ForEachTarget((arn, _, _) =>
        {
            var minted = MintChatToken(arn);
            ConnectWith(arn, UserId, minted.Capabilities, minted.Token, minted.SessionExpirationTime);
        });
    }

    private void ConnectWith(string roomArn, string userId, string[] capabilities, string token, DateTime? sessionExpirationTime)
    {
        Uri endpoint = ResolveMessagingEndpoint(roomArn);
        var connection = new ChatConnection(roomArn, userId, capabilities, endpoint);
        var options = new IvsChatConnectionOptions { ReceiveBufferCapacity = BufferCapacity, Trace = connection.AddTrace };
        WriteVerbose("Connecting to the chat room " + roomArn + " at " + endpoint + ".");
        connection.Connection = Await(ct => IvsChatConnection.ConnectAsync(endpoint, token, options, sessionExpirationTime, ct), connection);
        if (MyInvocation.PipelinePosition < MyInvocation.PipelineLength) _pipelineScoped.Add(connection);
        WriteObject(connection);
    }

    private Uri ResolveMessagingEndpoint(string roomArn)
    {
        KeyValuePair<Uri, string> resolved;
        if (!string.IsNullOrEmpty(MessagingEndpoint)
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Client.Messaging.MessagingEndpoint.EnvironmentVariable)))
            resolved = Client.Messaging.MessagingEndpoint.Resolve(null!, Arn.RegionOf(roomArn), MessagingEndpoint);
        else
        {
            var settings = Service.SettingsFor(roomArn);
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
