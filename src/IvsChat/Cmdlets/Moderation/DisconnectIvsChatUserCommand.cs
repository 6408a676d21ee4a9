using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Disconnects every connection of a user from a room.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "IvsChatUser", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(UserDisconnection))]
public sealed class DisconnectIvsChatUserCommand : RoomTargetCmdlet
{
    /// <summary>Disconnects over this chat connection (its token needs DISCONNECT_USER) instead of the control plane.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateNotNull]
    public ChatConnection? Connection { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateLength(ServiceLimits.UserIdMin, ServiceLimits.UserIdMax)]
    public string UserId { get; set; } = "";

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateLength(ServiceLimits.ReasonMin, ServiceLimits.ReasonMax)]
    public string? Reason { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string SecondParameter => nameof(UserId);

    protected override void ProcessRecord()
    {
        if (Connection is ChatConnection connection) ForItem(UserId, () => DisconnectOverConnection(connection));
        else DisconnectOverControlPlane();
    }

    private void DisconnectOverConnection(ChatConnection connection)
    {
        if (!ShouldProcessOrForce(Force, "user '" + UserId + "' in " + DescribeRoom(connection.RoomArn, null) + " (over the chat connection)", "Disconnect user")) return;
        Await(ct => connection.Connection.DisconnectUserAsync(UserId, Reason, ct), connection);
        if (PassThru) WriteObject(new UserDisconnection { RoomArn = connection.RoomArn, UserId = UserId, Reason = Reason, Region = connection.Region });
    }

    private void DisconnectOverControlPlane() => ForEachTarget((arn, name, _) =>
    {
        // The user id may appear here: the prompt is about that user.
        if (!ShouldProcessOrForce(Force, "user '" + UserId + "' in " + DescribeRoom(arn, name), "Disconnect user")) return;
        Service.Call("DisconnectUser", arn, (c, ct) => c.DisconnectUserAsync(new DisconnectUserRequest
        {
            RoomIdentifier = arn,
            UserId = UserId,
            Reason = Reason,
        }, ct));
        if (PassThru) WriteObject(new UserDisconnection { RoomArn = arn, UserId = UserId, Reason = Reason, Region = Arn.RegionOf(arn) });
    });
}
