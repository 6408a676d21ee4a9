using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Writes one IvsChat.Tag {ResourceArn, Key, Value} per tag, so tags can be filtered and piped on.</summary>
[Cmdlet(VerbsCommon.Get, "IvsChatTag", DefaultParameterSetName = ParameterSets.InputObject)]
[OutputType(typeof(Tag))]
public sealed class GetIvsChatTagCommand : ResourceTargetCmdlet
{
    /// <summary>Only tags whose key matches (case-sensitive, as AWS tag keys are; wildcards allowed).</summary>
    [Parameter(Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ArgumentCompleter(typeof(TagKeyCompleter))]
    [SupportsWildcards]
    public string[]? Key { get; set; }

    private protected override string SecondParameter => nameof(Key);

    /// <summary>`Get-IvsChatTag lobby`: nothing piped, so the lone value names the resource, not a key.</summary>
    private protected override bool TakeLoneValueAsTarget()
    {
        if (Key == null || Key.Length != 1) return false;
        TargetIdentifiers = Key;
        Key = null;
        return true;
    }

    protected override void ProcessRecord()
    {
        var patterns = Key?.Select(k => new WildcardPattern(k, WildcardOptions.CultureInvariant)).ToList();
        ForEachTarget((arn, _, _) =>
        {
            var response = Service.Call("ListTagsForResource", arn,
                (c, ct) => c.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, ct));
            foreach (var t in response.Tags.OrderBy(t => t.Key, System.StringComparer.Ordinal))
                if (patterns == null || patterns.Any(p => p.IsMatch(t.Key)))
                    WriteObject(new Tag { ResourceArn = arn, Key = t.Key, Value = t.Value, Region = Arn.RegionOf(arn) });
        });
    }
}
