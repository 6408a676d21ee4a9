using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    [Cmdlet(VerbsCommon.Set, "IvsChatRoom", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Room))]
    public sealed class SetIvsChatRoomCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateModelString(Rules.ResourceNamePattern, 0, 128, Rules.RoomNameRule)]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(1, 100)]
        public int? MaximumMessageRatePerSecond { get; set; }

        [Parameter]
        [ValidateRange(1, 500)]
        public int? MaximumMessageLength { get; set; }

        /// <summary>A Lambda ARN; '' removes the handler.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateModelString(Rules.LambdaArnPattern, 0, 170, Rules.LambdaArnRule)]
        public string? MessageReviewHandlerUri { get; set; }

        [Parameter]
        [ValidateSet("ALLOW", "DENY", IgnoreCase = true)]
        public string? FallbackResult { get; set; }

        /// <summary>The room's logging configurations (ARN, id or name; at most 3); an empty array removes them all.</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ValidateCount(0, 3)]
        [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
        public string[]? LoggingConfiguration { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachRoom(InputObject, Identifier, (arn, name, _) =>
        {
            if (!ShouldProcess(DescribeRoom(arn, name), "Update room")) return;
            var request = new UpdateRoomRequest
            {
                Identifier = arn,
                Name = Name,
                MaximumMessageRatePerSecond = MaximumMessageRatePerSecond,
                MaximumMessageLength = MaximumMessageLength,
                LoggingConfigurationIdentifiers = LoggingConfiguration?.Select(ResolveLoggingConfigurationArn).ToList(),
            };
            if (MessageReviewHandlerUri != null || FallbackResult != null)
                request.MessageReviewHandler = new MessageReviewHandler { Uri = MessageReviewHandlerUri, FallbackResult = FallbackResult?.ToUpperInvariant() };
            var room = CallService("UpdateRoom", arn, (c, ct) => c.UpdateRoomAsync(request, ct));
            if (PassThru) WriteObject(ToObject.Room(room));
        });
    }
}
