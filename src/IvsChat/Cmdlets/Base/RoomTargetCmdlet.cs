using System.Management.Automation;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>A cmdlet that acts on rooms: a Room object, or ARNs, ids or names. See <see cref="ParameterSets"/>.</summary>
public abstract class RoomTargetCmdlet : TargetCmdlet
{
    [Parameter(ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObjectByPosition)]
    public RoomSummary? InputObject { get; set; }

    /// <summary>The room's ARN, 12-character id, or name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Arn", "RoomArn", "Room")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RoomCompleter))]
    public string[]? Identifier { get; set; }

    private protected override IvsChatResource? TargetObject => InputObject;
    private protected override string[]? TargetIdentifiers { get => Identifier; set => Identifier = value; }
    private protected override ResolvedTarget Resolve(string identifier) => Resolver.Room(identifier);
    private protected override string TargetKind => "room";
}
