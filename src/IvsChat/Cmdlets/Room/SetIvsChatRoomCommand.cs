using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

[Cmdlet(VerbsCommon.Set, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Room))]
public sealed class SetIvsChatRoomCommand : RoomTargetCmdlet
{
    /// <summary>Mandatory in the object set (unlike the base): otherwise a setting named on the command line makes
    /// PowerShell prefer the Identifier set for a piped room, and the object's own properties (e.g. a stale
    /// MaximumMessageLength) would bind by property name as settings.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObjectByPosition)]
    public new RoomSummary? InputObject { get => base.InputObject; set => base.InputObject = value; }

    /// <summary>The new name.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [AllowEmptyString]
    [ValidateModelString(ServiceLimits.RoomNamePattern, ServiceLimits.RoomNameMin, ServiceLimits.RoomNameMax, Rules.RoomName)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateModelRange(ServiceLimits.RoomMaxMessageRatePerSecondMin, ServiceLimits.RoomMaxMessageRatePerSecondMax)]
    public int? MaximumMessageRatePerSecond { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateModelRange(ServiceLimits.RoomMaxMessageLengthMin, ServiceLimits.RoomMaxMessageLengthMax)]
    public int? MaximumMessageLength { get; set; }

    /// <summary>A Lambda ARN; '' removes the handler.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [AllowEmptyString]
    [ValidateModelString(ServiceLimits.LambdaArnPattern, ServiceLimits.LambdaArnMin, ServiceLimits.LambdaArnMax, Rules.LambdaArn)]
    public string? MessageReviewHandlerUri { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("MessageReviewHandlerFallbackResult")]
    [ValidateModelEnum("ALLOW", "DENY")]
    [ArgumentCompleter(typeof(FallbackResultCompleter))]
    public string? FallbackResult { get; set; }

    /// <summary>The room's logging configurations (ARN, id or name; at most 3); an empty array removes them all.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("LoggingConfigurationIdentifiers")]
    [AllowEmptyCollection]
    [ValidateCount(ServiceLimits.LoggingConfigurationIdentifierListMin, ServiceLimits.LoggingConfigurationIdentifierListMax)]
    [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
    public string[]? LoggingConfiguration { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        if (!ShouldProcess(DescribeRoom(arn, name), "Update room")) return;
        var request = new UpdateRoomRequest
        {
            Identifier = arn,
            Name = Name,
            MaximumMessageRatePerSecond = MaximumMessageRatePerSecond,
            MaximumMessageLength = MaximumMessageLength,
            LoggingConfigurationIdentifiers = LoggingConfiguration?.Select(Resolver.LoggingConfigurationArn).ToList(),
        };
        if (MessageReviewHandlerUri != null || FallbackResult != null)
            request.MessageReviewHandler = new MessageReviewHandler { Uri = MessageReviewHandlerUri, FallbackResult = FallbackResult?.ToUpperInvariant() };
        var room = Service.Call("UpdateRoom", arn, (c, ct) => c.UpdateRoomAsync(request, ct));
        if (PassThru) WriteObject(ToObject.Room(room));
    });
}
