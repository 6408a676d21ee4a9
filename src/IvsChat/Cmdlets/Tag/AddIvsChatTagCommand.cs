using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Adds (or overwrites) tags on rooms and logging configurations.</summary>
[Cmdlet(VerbsCommon.Add, "IvsChatTag", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Tag))]
public sealed class AddIvsChatTagCommand : ResourceTargetCmdlet
{
    /// <summary>The tags to add, e.g. @{ env = 'prod' }: at least one.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Tags")]
    [ValidateTags(AtLeastOne = true)]
    public Hashtable Tag { get; set; } = new Hashtable();

    /// <summary>Writes one IvsChat.Tag per tag added.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string SecondParameter => nameof(Tag);

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        var tags = StringMaps.From(Tag);
        if (!ShouldProcess(Describe("resource", name, arn), "Add tags " + string.Join(", ", tags.Keys))) return;
        Service.Call("TagResource", arn, (c, ct) => c.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = tags }, ct));
        if (PassThru)
            foreach (var t in tags) WriteObject(new Tag { ResourceArn = arn, Key = t.Key, Value = t.Value, Region = Arn.RegionOf(arn) });
    });
}
