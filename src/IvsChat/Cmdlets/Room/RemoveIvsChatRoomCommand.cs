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
        public Room? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the removed room (as given) to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachRoom(InputObject, Identifier, (arn, name, input) =>
        {
            if (!ShouldProcessOrForce(Force, DescribeRoom(arn, name), "Remove room")) return;
            CallService("DeleteRoom", arn, (c, ct) => c.DeleteRoomAsync(new DeleteRoomRequest { Identifier = arn }, ct));
            if (PassThru) WriteObject(input as Room ?? new Room { Arn = arn, Name = name ?? "", Id = IdOf(arn), Region = Internal.Arn.RegionOf(arn) });
        });

        private static string IdOf(string arn) => Internal.Arn.TryParse(arn, out _, out _, out var id) ? id : "";
    }
}
