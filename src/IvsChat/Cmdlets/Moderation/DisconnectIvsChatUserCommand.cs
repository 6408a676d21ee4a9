using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Disconnects every connection of a user from a room.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "IvsChatUser", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(UserDisconnection))]
public sealed class DisconnectIvsChatUserCommand : ModerationCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateLength(ServiceLimits.UserIdMin, ServiceLimits.UserIdMax)]
    public string UserId { get; set; } = "";

    private protected override string SecondParameter => nameof(UserId);
    private protected override string Subject => UserId;

    private protected override void ActOverConnection(ChatConnection connection)
    {
        if (!ShouldProcessOrForce(Force, "user '" + UserId + "' in " + DescribeRoom(connection.RoomArn, null) + " (over the chat connection)",
            "Disconnect user")) return;
        Await(ct => connection.Connection.DisconnectUserAsync(UserId, Reason, ct), connection);
        if (PassThru) WriteObject(new UserDisconnection { RoomArn = connection.RoomArn, UserId = UserId, Reason = Reason, Region = connection.Region });
    }

    private protected override void ActOverControlPlane(string roomArn, string? roomName)
    {
        // The user id may appear here: the prompt is about that user.
        if (!ShouldProcessOrForce(Force, "user '" + UserId + "' in " + DescribeRoom(roomArn, roomName), "Disconnect user")) return;
        Service.Call("DisconnectUser", roomArn, (c, ct) => c.DisconnectUserAsync(new DisconnectUserRequest
        {
            RoomIdentifier = roomArn,
            UserId = UserId,
            Reason = Reason,
        }, ct));
        if (PassThru) WriteObject(new UserDisconnection { RoomArn = roomArn, UserId = UserId, Reason = Reason, Region = Arn.RegionOf(roomArn) });
    }
}
