using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Renames a logging configuration and/or points it at another destination (give at most one of
    /// -BucketName, -LogGroupName, -DeliveryStreamName).</summary>
    [Cmdlet(VerbsCommon.Set, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LoggingConfiguration))]
    public sealed class SetIvsChatLoggingConfigurationCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public LoggingConfigurationSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "LoggingConfigurationArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateModelString(Rules.ResourceNamePattern, 0, 128, Rules.LoggingConfigurationNameRule)]
        public string? Name { get; set; }

        [Parameter]
        [ValidateModelString(Rules.BucketNamePattern, 3, 63, Rules.BucketNameRule)]
        public string? BucketName { get; set; }

        [Parameter]
        [ValidateModelString(Rules.LogGroupNamePattern, 1, 512, Rules.LogGroupNameRule)]
        public string? LogGroupName { get; set; }

        [Parameter]
        [ValidateModelString(Rules.DeliveryStreamNamePattern, 1, 64, Rules.DeliveryStreamNameRule)]
        public string? DeliveryStreamName { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            var given = (BucketName != null ? 1 : 0) + (LogGroupName != null ? 1 : 0) + (DeliveryStreamName != null ? 1 : 0);
            if (given > 1)
                ThrowTerminatingError(new ErrorRecord(
                    new IvsChatArgumentException("A logging configuration has one destination: give only one of -BucketName, -LogGroupName, -DeliveryStreamName."),
                    "DestinationConflict", ErrorCategory.InvalidArgument, null));
        }

        protected override void ProcessRecord() => ForEachLoggingConfiguration(InputObject, Identifier, (arn, name, _) =>
        {
            var destination = Destinations.From(BucketName, LogGroupName, DeliveryStreamName);
            var action = "Update logging configuration" + (destination != null ? " (destination: " + Destinations.Describe(destination) + ")" : "");
            if (!ShouldProcess(DescribeLoggingConfiguration(arn, name), action)) return;
            var config = CallService("UpdateLoggingConfiguration", arn, (c, ct) => c.UpdateLoggingConfigurationAsync(new UpdateLoggingConfigurationRequest
            {
                Identifier = arn,
                Name = Name,
                DestinationConfiguration = destination,
            }, ct));
            if (PassThru) WriteObject(ToObject.LoggingConfiguration(config));
        });
    }
}
