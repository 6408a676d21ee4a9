using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Creates a logging configuration; one parameter set per destination (S3, CloudWatch Logs, Firehose).</summary>
[Cmdlet(VerbsCommon.New, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.S3,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoggingConfiguration))]
public sealed class NewIvsChatLoggingConfigurationCommand : IvsChatCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ValidateModelString(ServiceLimits.LoggingConfigurationNamePattern, ServiceLimits.LoggingConfigurationNameMin,
        ServiceLimits.LoggingConfigurationNameMax, Rules.LoggingConfigurationName)]
    public string? Name { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.S3)]
    [Alias("S3BucketName")]
    [ValidateModelString(ServiceLimits.BucketNamePattern, ServiceLimits.BucketNameMin, ServiceLimits.BucketNameMax, Rules.BucketName)]
    public string? BucketName { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.CloudWatchLogs)]
    [ValidateModelString(ServiceLimits.LogGroupNamePattern, ServiceLimits.LogGroupNameMin, ServiceLimits.LogGroupNameMax, Rules.LogGroupName)]
    public string? LogGroupName { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Firehose)]
    [ValidateModelString(ServiceLimits.DeliveryStreamNamePattern, ServiceLimits.DeliveryStreamNameMin, ServiceLimits.DeliveryStreamNameMax,
        Rules.DeliveryStreamName)]
    public string? DeliveryStreamName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    [ValidateTags]
    public Hashtable? Tag { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(Name ?? "", () =>
        {
            var destination = Destinations.From(BucketName, LogGroupName, DeliveryStreamName)!;
            var target = (string.IsNullOrEmpty(Name) ? "a new logging configuration" : "logging configuration '" + Name + "'") +
                " to " + Destinations.Describe(destination);
            if (!ShouldProcess(target, "Create logging configuration")) return;
            var config = Service.Call("CreateLoggingConfiguration", null, (c, ct) => c.CreateLoggingConfigurationAsync(new CreateLoggingConfigurationRequest
            {
                Name = string.IsNullOrEmpty(Name) ? null : Name,
                DestinationConfiguration = destination,
                Tags = Tag != null ? StringMaps.From(Tag) : null,
            }, ct));
            WriteObject(ToObject.LoggingConfiguration(config));
        });
    }
}
