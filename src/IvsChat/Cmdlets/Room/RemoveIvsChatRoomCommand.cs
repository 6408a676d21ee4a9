using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

[Cmdlet(VerbsCommon.Remove, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Room))]
public sealed class RemoveIvsChatRoomCommand : RoomTargetCmdlet
{
    /// <summary>Removes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the removed room (as given) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ForEachTarget((arn, name, input) =>
    {
        if (!ShouldProcessOrForce(Force, DescribeRoom(arn, name), "Remove room")) return;
        Service.Call("DeleteRoom", arn, (c, ct) => c.DeleteRoomAsync(new DeleteRoomRequest { Identifier = arn }, ct));
        if (PassThru) WriteObject(input as Room ?? new Room { Arn = arn, Name = name ?? "", Id = IdOf(arn), Region = Arn.RegionOf(arn) });
    });

    private static string IdOf(string arn) => Arn.TryParse(arn, out _, out _, out var id) ? id : "";
}
