using System.Collections;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Creates rooms; every setting binds by property name, so CSV rows and rooms from Get-IvsChatRoom pipe in.</summary>
[Cmdlet(VerbsCommon.New, "IvsChatRoom", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Room))]
public sealed class NewIvsChatRoomCommand : IvsChatCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ValidateModelString(ServiceLimits.RoomNamePattern, ServiceLimits.RoomNameMin, ServiceLimits.RoomNameMax, Rules.RoomName)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateModelRange(ServiceLimits.RoomMaxMessageRatePerSecondMin, ServiceLimits.RoomMaxMessageRatePerSecondMax)]
    public int? MaximumMessageRatePerSecond { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateModelRange(ServiceLimits.RoomMaxMessageLengthMin, ServiceLimits.RoomMaxMessageLengthMax)]
    public int? MaximumMessageLength { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ValidateModelString(ServiceLimits.LambdaArnPattern, ServiceLimits.LambdaArnMin, ServiceLimits.LambdaArnMax, Rules.LambdaArn)]
    public string? MessageReviewHandlerUri { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("MessageReviewHandlerFallbackResult")]
    [ValidateModelEnum("ALLOW", "DENY")]
    [ArgumentCompleter(typeof(FallbackResultCompleter))]
    public string? FallbackResult { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    /// <summary>Up to 3 logging configurations (ARN, id or name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("LoggingConfigurationIdentifiers")]
    [ValidateCount(ServiceLimits.LoggingConfigurationIdentifierListMin, ServiceLimits.LoggingConfigurationIdentifierListMax)]
    [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
    public string[]? LoggingConfiguration { get; set; }

    protected override void ProcessRecord()
    {
        var target = Name ?? "";
        ForItem(target, () =>
        {
            if (!ShouldProcess(string.IsNullOrEmpty(Name) ? "a new room without a name" : "room '" + Name + "'", "Create room")) return;
            var request = new CreateRoomRequest
            {
                Name = string.IsNullOrEmpty(Name) ? null : Name,
                MaximumMessageRatePerSecond = MaximumMessageRatePerSecond,
                MaximumMessageLength = MaximumMessageLength,
                Tags = Tag != null ? StringMaps.From(Tag) : null,
                LoggingConfigurationIdentifiers = LoggingConfiguration?.Select(Resolver.LoggingConfigurationArn).ToList(),
            };
            if (!string.IsNullOrEmpty(MessageReviewHandlerUri) || FallbackResult != null)
                request.MessageReviewHandler = new MessageReviewHandler { Uri = MessageReviewHandlerUri, FallbackResult = FallbackResult?.ToUpperInvariant() };
            var room = Service.Call("CreateRoom", null, (c, ct) => c.CreateRoomAsync(request, ct));
            WriteObject(ToObject.Room(room));
        });
    }
}
