using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Deletes a message for every client of a room (the service sends them an aws:DELETE_MESSAGE event).</summary>
[Cmdlet(VerbsCommon.Remove, "IvsChatMessage", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MessageDeletion))]
public sealed class RemoveIvsChatMessageCommand : RoomTargetCmdlet
{
    /// <summary>Deletes over this chat connection (its token needs DELETE_MESSAGE) instead of the control plane.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateNotNull]
    public ChatConnection? Connection { get; set; }

    /// <summary>The id of the message (12 letters or digits), e.g. from a received message's Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [Alias("Id")]
    [ValidateModelString(ServiceLimits.MessageIdPattern, ServiceLimits.MessageIdMin, ServiceLimits.MessageIdMax, Rules.MessageId)]
    public string MessageId { get; set; } = "";

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateLength(ServiceLimits.ReasonMin, ServiceLimits.ReasonMax)]
    public string? Reason { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes an IvsChat.MessageDeletion with the id of the deletion event.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string SecondParameter => nameof(MessageId);

    protected override void ProcessRecord()
    {
        if (Connection is ChatConnection connection) ForItem(MessageId, () => RemoveOverConnection(connection));
        else RemoveOverControlPlane();
    }

    private void RemoveOverConnection(ChatConnection connection)
    {
        if (!ShouldProcessOrForce(Force, "message " + MessageId + " in " + DescribeRoom(connection.RoomArn, null) + " (over the chat connection)", "Remove message")) return;
        var confirmation = Await(ct => connection.Connection.DeleteMessageAsync(MessageId, Reason, ct), connection);
        if (PassThru)
            WriteObject(new MessageDeletion { RoomArn = connection.RoomArn, MessageId = MessageId, EventId = confirmation.Id, Reason = Reason, Region = connection.Region });
    }

    private void RemoveOverControlPlane() => ForEachTarget((arn, name, _) =>
    {
        if (!ShouldProcessOrForce(Force, "message " + MessageId + " in " + DescribeRoom(arn, name), "Remove message")) return;
        var response = Service.Call("DeleteMessage", arn, (c, ct) => c.DeleteMessageAsync(new DeleteMessageRequest
        {
            RoomIdentifier = arn,
            Id = MessageId,
            Reason = Reason,
        }, ct));
        if (PassThru)
            WriteObject(new MessageDeletion { RoomArn = arn, MessageId = MessageId, EventId = response.Id ?? "", Reason = Reason, Region = Arn.RegionOf(arn) });
    });
}
