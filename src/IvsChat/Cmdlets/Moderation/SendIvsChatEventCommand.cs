using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Sends an application event to every client connected to a room.</summary>
[Cmdlet(VerbsCommunications.Send, "IvsChatEvent", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Event))]
public sealed class SendIvsChatEventCommand : AttributesRoomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateLength(ServiceLimits.EventNameMin, ServiceLimits.EventNameMax)]
    public string EventName { get; set; } = "";

    private protected override string SecondParameter => nameof(EventName);

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        if (!ShouldProcess(DescribeRoom(arn, name), "Send event '" + EventName + "'")) return;
        var attributes = StringMaps.From(Attribute);
        var response = Service.Call("SendEvent", arn, (c, ct) => c.SendEventAsync(new SendEventRequest
        {
            RoomIdentifier = arn,
            EventName = EventName,
            Attributes = Attribute != null ? attributes : null,
        }, ct));
        WriteObject(new Event { Id = response.Id ?? "", RoomArn = arn, EventName = EventName, Attributes = attributes, Region = Arn.RegionOf(arn) });
    });
}
