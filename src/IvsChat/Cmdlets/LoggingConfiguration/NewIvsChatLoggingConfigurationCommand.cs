using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Creates a logging configuration; one parameter set per destination (S3, CloudWatch Logs, Firehose).</summary>
    [Cmdlet(VerbsCommon.New, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.S3, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LoggingConfiguration))]
    public sealed class NewIvsChatLoggingConfigurationCommand : IvsChatCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ValidateModelString(Rules.ResourceNamePattern, 0, 128, Rules.LoggingConfigurationNameRule)]
        public string? Name { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.S3)]
        [ValidateModelString(Rules.BucketNamePattern, 3, 63, Rules.BucketNameRule)]
        public string? BucketName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.CloudWatchLogs)]
        [ValidateModelString(Rules.LogGroupNamePattern, 1, 512, Rules.LogGroupNameRule)]
        public string? LogGroupName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Firehose)]
        [ValidateModelString(Rules.DeliveryStreamNamePattern, 1, 64, Rules.DeliveryStreamNameRule)]
        public string? DeliveryStreamName { get; set; }

        [Parameter]
        [ValidateTags]
        public Hashtable? Tag { get; set; }

        protected override void ProcessRecord()
        {
            ForItem(Name ?? "", () =>
            {
                var destination = Destinations.From(BucketName, LogGroupName, DeliveryStreamName)!;
                var target = (string.IsNullOrEmpty(Name) ? "a new logging configuration" : "logging configuration '" + Name + "'") + " to " + Destinations.Describe(destination);
                if (!ShouldProcess(target, "Create logging configuration")) return;
                var config = CallService("CreateLoggingConfiguration", null, (c, ct) => c.CreateLoggingConfigurationAsync(new CreateLoggingConfigurationRequest
                {
                    Name = string.IsNullOrEmpty(Name) ? null : Name,
                    DestinationConfiguration = destination,
                    Tags = Tag != null ? ToStringMap(Tag) : null,
                }, ct));
                WriteObject(ToObject.LoggingConfiguration(config));
            });
        }
    }

    internal static class Destinations
    {
        /// <summary>The destination named by whichever one of the three parameters is set (null if none).</summary>
        public static DestinationConfiguration? From(string? bucketName, string? logGroupName, string? deliveryStreamName)
        {
            if (bucketName != null) return new DestinationConfiguration { S3 = new S3DestinationConfiguration { BucketName = bucketName } };
            if (logGroupName != null) return new DestinationConfiguration { CloudWatchLogs = new CloudWatchLogsDestinationConfiguration { LogGroupName = logGroupName } };
            if (deliveryStreamName != null) return new DestinationConfiguration { Firehose = new FirehoseDestinationConfiguration { DeliveryStreamName = deliveryStreamName } };
            return null;
        }

        public static string Describe(DestinationConfiguration d) =>
            d.S3 != null ? "S3 bucket '" + d.S3.BucketName + "'"
            : d.CloudWatchLogs != null ? "CloudWatch Logs group '" + d.CloudWatchLogs.LogGroupName + "'"
            : "Firehose delivery stream '" + d.Firehose?.DeliveryStreamName + "'";
    }
}
