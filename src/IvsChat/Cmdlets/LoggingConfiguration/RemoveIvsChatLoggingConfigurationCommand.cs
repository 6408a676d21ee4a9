using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

[Cmdlet(VerbsCommon.Remove, "IvsChatLoggingConfiguration", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(LoggingConfiguration))]
public sealed class RemoveIvsChatLoggingConfigurationCommand : LoggingConfigurationTargetCmdlet
{
    /// <summary>Removes without asking for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes the removed logging configuration (as given) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => ForEachTarget((arn, name, input) =>
    {
        if (!ShouldProcessOrForce(Force, DescribeLoggingConfiguration(arn, name), "Remove logging configuration")) return;
        Service.Call("DeleteLoggingConfiguration", arn, (c, ct) => c.DeleteLoggingConfigurationAsync(new DeleteLoggingConfigurationRequest { Identifier = arn }, ct));
        if (PassThru)
            WriteObject(input as LoggingConfiguration ?? new LoggingConfiguration
            {
                Arn = arn,
                Name = name ?? "",
                Id = Arn.TryParse(arn, out _, out _, out var id) ? id : "",
                Region = Arn.RegionOf(arn),
            });
    });
}
