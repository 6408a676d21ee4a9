using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    [Cmdlet(VerbsCommon.Remove, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Room))]
    public sealed class RemoveIvsChatRoomCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the room as it was just before removal (GetRoom: every setting and tag), for an audit trail.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachRoom(InputObject, Identifier, (arn, name, _) =>
        {
            if (!ShouldProcessOrForce(Force, DescribeRoom(arn, name), "Remove room")) return;
            var before = PassThru ? ToObject.Room(CallService("GetRoom", arn, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = arn }, ct))) : null;
            CallService("DeleteRoom", arn, (c, ct) => c.DeleteRoomAsync(new DeleteRoomRequest { Identifier = arn }, ct));
            if (before != null) WriteObject(before);
        });
    }
}
