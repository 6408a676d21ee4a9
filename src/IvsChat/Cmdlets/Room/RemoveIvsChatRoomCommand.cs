using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

[Cmdlet(VerbsCommon.Remove, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Room))]
public sealed class RemoveIvsChatRoomCommand : RoomTargetCmdlet
{
    /// <summary>Removes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the room as it was just before removal (GetRoom: every setting and tag), for an audit trail.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        if (!ShouldProcessOrForce(Force, DescribeRoom(arn, name), "Remove room")) return;
        var before = PassThru ? ToObject.Room(Service.Call("GetRoom", arn, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = arn }, ct))) : null;
        Service.Call("DeleteRoom", arn, (c, ct) => c.DeleteRoomAsync(new DeleteRoomRequest { Identifier = arn }, ct));
        if (before != null) WriteObject(before);
    });
}
