using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Removes tags by key (case-sensitive, as AWS tag keys are). Accepts IvsChat.Tag objects from
/// Get-IvsChatTag (ResourceArn and Key bind by property name).</summary>
[Cmdlet(VerbsCommon.Remove, "IvsChatTag", DefaultParameterSetName = ParameterSets.InputObject,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Tag))]
public sealed class RemoveIvsChatTagCommand : ResourceTargetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("TagKey", "TagKeys")]
    [ValidateCount(1, ServiceLimits.TagKeyListMax)]
    [ValidateLength(ServiceLimits.TagKeyMin, ServiceLimits.TagKeyMax)]
    [ValidateNoWildcards("Get-IvsChatTag <resource> -Key '{0}' | Remove-IvsChatTag")]
    [ArgumentCompleter(typeof(TagKeyCompleter))]
    public string[] Key { get; set; } = new string[0];

    /// <summary>Writes one IvsChat.Tag (key and the value it had) per tag removed; keys the resource did not have are left out.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string SecondParameter => nameof(Key);

    protected override void ProcessRecord() => ForEachTarget((arn, name, _) =>
    {
        var keys = Key.Distinct(System.StringComparer.Ordinal).ToList();
        if (!ShouldProcess(Describe("resource", name, arn), "Remove tags " + string.Join(", ", keys))) return;
        // -PassThru reports what was removed, so it needs what was there (one more call, only then).
        var before = PassThru
            ? Service.Call("ListTagsForResource", arn, (c, ct) => c.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, ct)).Tags
            : null;
        Service.Call("UntagResource", arn, (c, ct) => c.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = keys }, ct));
        if (before == null) return;
        foreach (var k in keys)
            if (before.TryGetValue(k, out var value)) WriteObject(new Tag { ResourceArn = arn, Key = k, Value = value, Region = Arn.RegionOf(arn) });
    });
}
