using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Renames a logging configuration and/or points it at another destination (give at most one of
/// -BucketName, -LogGroupName, -DeliveryStreamName).</summary>
[Cmdlet(VerbsCommon.Set, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LoggingConfiguration))]
public sealed class SetIvsChatLoggingConfigurationCommand : LoggingConfigurationTargetCmdlet
{
    /// <summary>Mandatory in the object set (unlike the base): otherwise a setting named on the command line makes
    /// PowerShell prefer the Identifier set for a piped logging configuration, and the object's own properties (e.g. a stale
    /// S3BucketName) would bind by property name as settings.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObjectByPosition)]
    public new LoggingConfigurationSummary? InputObject { get => base.InputObject; set => base.InputObject = value; }

    /// <summary>The new name.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [AllowEmptyString]
    [ValidateModelString(ServiceLimits.LoggingConfigurationNamePattern, ServiceLimits.LoggingConfigurationNameMin,
        ServiceLimits.LoggingConfigurationNameMax, Rules.LoggingConfigurationName)]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("S3BucketName")]
    [ValidateModelString(ServiceLimits.BucketNamePattern, ServiceLimits.BucketNameMin, ServiceLimits.BucketNameMax, Rules.BucketName)]
    public string? BucketName { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateModelString(ServiceLimits.LogGroupNamePattern, ServiceLimits.LogGroupNameMin, ServiceLimits.LogGroupNameMax, Rules.LogGroupName)]
    public string? LogGroupName { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateModelString(ServiceLimits.DeliveryStreamNamePattern, ServiceLimits.DeliveryStreamNameMin, ServiceLimits.DeliveryStreamNameMax,
        Rules.DeliveryStreamName)]
    public string? DeliveryStreamName { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        // Checked per record: by property name, each piped row may name another destination.
        var given = (BucketName != null ? 1 : 0) + (LogGroupName != null ? 1 : 0) + (DeliveryStreamName != null ? 1 : 0);
        if (given > 1)
            throw new IvsChatArgumentException("A logging configuration has one destination: give only one of -BucketName, -LogGroupName, -DeliveryStreamName.",
                errorId: "DestinationConflict");
        var destination = Destinations.From(BucketName, LogGroupName, DeliveryStreamName);
        var action = "Update logging configuration" + (destination != null ? " (destination: " + Destinations.Describe(destination) + ")" : "");
        if (!ShouldProcess(DescribeLoggingConfiguration(arn, name), action)) return;
        var config = Service.Call("UpdateLoggingConfiguration", arn, (c, ct) => c.UpdateLoggingConfigurationAsync(new UpdateLoggingConfigurationRequest
        {
            Identifier = arn,
            Name = Name,
            DestinationConfiguration = destination,
        }, ct));
        if (PassThru) WriteObject(ToObject.LoggingConfiguration(config));
    });
}
