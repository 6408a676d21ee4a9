using System.Management.Automation;

namespace IvsChat.Cmdlets;

/// <summary>One IvsChat.ConfigurationChange per difference between a configuration file and a region. Changes nothing.</summary>
[Cmdlet(VerbsData.Compare, "IvsChatConfiguration")]
[OutputType(typeof(ConfigurationChange))]
public sealed class CompareIvsChatConfigurationCommand : ConfigurationCmdlet
{
    /// <summary>The configuration file (as written by Export-IvsChatConfiguration).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void ProcessRecord()
    {
        var doc = ReadDocument(Path!);
        foreach (var step in ReadRegion(out _, out _, out _).Plan(doc))
            if (!WriteProblem(step)) WriteObject(step.Changes, enumerateCollection: true);
    }
}
