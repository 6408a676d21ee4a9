using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Deletes a message for every client of a room (the service sends them an aws:DELETE_MESSAGE event).</summary>
[Cmdlet(VerbsCommon.Remove, "IvsChatMessage", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MessageDeletion))]
public sealed class RemoveIvsChatMessageCommand : ModerationCmdlet
{
    /// <summary>The id of the message (12 letters or digits), e.g. from a received message's Id.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [Alias("Id")]
    [ValidateModelString(ServiceLimits.MessageIdPattern, ServiceLimits.MessageIdMin, ServiceLimits.MessageIdMax, Rules.MessageId)]
    public string MessageId { get; set; } = "";

    private protected override string SecondParameter => nameof(MessageId);
    private protected override string Subject => MessageId;

    private protected override void ActOverConnection(ChatConnection connection)
    {
        if (!ShouldProcessOrForce(Force, "message " + MessageId + " in " + DescribeRoom(connection.RoomArn, null) + " (over the chat connection)",
            "Remove message")) return;
        var confirmation = Await(ct => connection.Connection.DeleteMessageAsync(MessageId, Reason, ct), connection);
        if (PassThru)
            WriteObject(new MessageDeletion
            {
                RoomArn = connection.RoomArn, MessageId = MessageId, EventId = confirmation.Id, Reason = Reason, Region = connection.Region,
            });
    }

    private protected override void ActOverControlPlane(string roomArn, string? roomName)
    {
        if (!ShouldProcessOrForce(Force, "message " + MessageId + " in " + DescribeRoom(roomArn, roomName), "Remove message")) return;
        var response = Service.Call("DeleteMessage", roomArn, (c, ct) => c.DeleteMessageAsync(new DeleteMessageRequest
        {
            RoomIdentifier = roomArn,
            Id = MessageId,
            Reason = Reason,
        }, ct));
        if (PassThru)
            WriteObject(new MessageDeletion
            {
                RoomArn = roomArn, MessageId = MessageId, EventId = response.Id ?? "", Reason = Reason, Region = Arn.RegionOf(roomArn),
            });
    }
}
