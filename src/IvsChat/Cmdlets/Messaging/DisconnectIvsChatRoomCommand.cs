using System.Management.Automation;

namespace IvsChat.Cmdlets.Messaging;

/// <summary>Closes messaging connections (a clean WebSocket close, a few seconds at most). Closing a closed
/// connection does nothing.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "IvsChatRoom")]
[OutputType(typeof(ChatConnection))]
public sealed class DisconnectIvsChatRoomCommand : ChatConnectionCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ChatConnection[] Connection { get; set; } = null!;

    /// <summary>Writes each connection (now Closed).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var c in Connection)
        {
            WriteVerbose("Closing the chat connection to " + c.RoomArn + ".");
            Await(async ct => { await c.Connection.CloseAsync(ct).ConfigureAwait(false); return true; }, c);
            if (PassThru) WriteObject(c);
        }
    }
}
