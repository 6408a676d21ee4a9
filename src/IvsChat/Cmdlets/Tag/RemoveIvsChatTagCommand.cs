using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Removes tags by key. Accepts IvsChat.Tag objects from Get-IvsChatTag (ResourceArn and Key bind by property name).</summary>
    [Cmdlet(VerbsCommon.Remove, "IvsChatTag", DefaultParameterSetName = ParameterSets.Identifier, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tag))]
    public sealed class RemoveIvsChatTagCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public IvsChatResource? InputObject { get; set; }

        /// <summary>ARN, id or name of a room or logging configuration.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "ResourceArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceCompleter))]
        public string[]? Identifier { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TagKeyCompleter))]
        [Alias("TagKey")]
        [ValidateCount(1, 50)]
        [ValidateLength(1, 128)]
        public string[] Key { get; set; } = new string[0];

        /// <summary>Writes one IvsChat.Tag (without value) per key removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachResource(InputObject, Identifier, (arn, input) =>
        {
            var keys = Key.Distinct(System.StringComparer.Ordinal).ToList();
            var name = (input as IvsChatResource)?.Name;
            if (!ShouldProcess(Describe("resource", name, arn), "Remove tags " + string.Join(", ", keys))) return;
            CallService("UntagResource", arn, (c, ct) => c.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = keys }, ct));
            if (PassThru)
                foreach (var k in keys) WriteObject(new Tag { ResourceArn = arn, Key = k, Region = Internal.Arn.RegionOf(arn) });
        });
    }
}
