using System.Management.Automation;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>A cmdlet that acts on taggable resources (rooms and logging configurations). See <see cref="ParameterSets"/>.</summary>
public abstract class ResourceTargetCmdlet : TargetCmdlet
{
    [Parameter(ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObjectByPosition)]
    public IvsChatResource? InputObject { get; set; }

    /// <summary>ARN, 12-character id or name of a room or logging configuration.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Arn", "ResourceArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ResourceCompleter))]
    public string[]? Identifier { get; set; }

    private protected override IvsChatResource? TargetObject => InputObject;
    private protected override string[]? TargetIdentifiers { get => Identifier; set => Identifier = value; }
    private protected override ResolvedTarget Resolve(string identifier) => Resolver.Resource(identifier);
    private protected override string TargetKind => "room or logging configuration";
}
