using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets.Messaging;

/// <summary>Sends a chat message on a connection and writes the message as the room received it (matched by
/// RequestId). Refusals (403 missing capability, 406 review denied, 413 too long, 429 rate) are non-terminating errors.</summary>
[Cmdlet(VerbsCommunications.Send, "IvsChatMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ChatMessage))]
public sealed class SendIvsChatMessageCommand : ChatConnectionCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public ChatConnection Connection { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Content { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Attributes")]
    public Hashtable? Attribute { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(Connection.RoomArn, "Send chat message")) return;
        ForItem(Content, () =>
        {
            var attributes = Attribute == null ? null : StringMaps.From(Attribute);
            var delivered = Await(ct => Connection.Connection.SendMessageAsync(Content, attributes, ct), Connection);
            WriteObject(ChatItems.Message(delivered, Connection));
        });
    }
}
