using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

[Cmdlet(VerbsCommon.Remove, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(LoggingConfiguration))]
public sealed class RemoveIvsChatLoggingConfigurationCommand : LoggingConfigurationTargetCmdlet
{
    /// <summary>Removes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the logging configuration as it was just before removal (GetLoggingConfiguration), for an audit trail.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        if (!ShouldProcessOrForce(Force, DescribeLoggingConfiguration(arn, name), "Remove logging configuration")) return;
        var before = PassThru
            ? ToObject.LoggingConfiguration(Service.Call("GetLoggingConfiguration", arn,
                (c, ct) => c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = arn }, ct)))
            : null;
        Service.Call("DeleteLoggingConfiguration", arn,
            (c, ct) => c.DeleteLoggingConfigurationAsync(new DeleteLoggingConfigurationRequest { Identifier = arn }, ct));
        if (before != null) WriteObject(before);
    });
}
