using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Adds (or overwrites) tags on rooms and logging configurations.</summary>
    [Cmdlet(VerbsCommon.Add, "IvsChatTag", DefaultParameterSetName = ParameterSets.InputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tag))]
    public sealed class AddIvsChatTagCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public IvsChatResource? InputObject { get; set; }

        /// <summary>ARN, id or name of a room or logging configuration.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "ResourceArn")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ResourceCompleter))]
        public string[]? Identifier { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateTags]
        public Hashtable Tag { get; set; } = new Hashtable();

        /// <summary>Writes one IvsChat.Tag per tag added.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => ForEachResource(InputObject, Identifier, (arn, input) =>
        {
            var tags = ToStringMap(Tag);
            var name = (input as IvsChatResource)?.Name;
            if (!ShouldProcess(Describe("resource", name, arn), "Add tags " + string.Join(", ", tags.Keys))) return;
            CallService("TagResource", arn, (c, ct) => c.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = tags }, ct));
            if (PassThru)
                foreach (var t in tags) WriteObject(new Tag { ResourceArn = arn, Key = t.Key, Value = t.Value, Region = Internal.Arn.RegionOf(arn) });
        });
    }
}
