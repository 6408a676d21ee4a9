using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Sends an application event to every client connected to a room.</summary>
    [Cmdlet(VerbsCommunications.Send, "IvsChatEvent", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Event))]
    public sealed class SendIvsChatEventCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn", "Room")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(1, 100)]
        public string EventName { get; set; } = "";

        /// <summary>String attributes delivered with the event (at most 1 KB).</summary>
        [Parameter]
        [ValidateAttributes(1024)]
        public Hashtable? Attribute { get; set; }

        protected override void ProcessRecord() => ForEachRoom(InputObject, Identifier, (arn, name, _) =>
        {
            if (!ShouldProcess(DescribeRoom(arn, name), "Send event '" + EventName + "'")) return;
            var attributes = ToStringMap(Attribute);
            var response = CallService("SendEvent", arn, (c, ct) => c.SendEventAsync(new SendEventRequest
            {
                RoomIdentifier = arn,
                EventName = EventName,
                Attributes = Attribute != null ? attributes : null,
            }, ct));
            WriteObject(new Event { Id = response.Id ?? "", RoomArn = arn, EventName = EventName, Attributes = attributes, Region = Internal.Arn.RegionOf(arn) });
        });
    }
}
