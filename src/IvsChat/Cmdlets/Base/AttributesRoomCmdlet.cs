using System.Collections;
using System.Management.Automation;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>A room cmdlet whose request carries string attributes (CreateChatToken, SendEvent): the parameter and
/// its 1 KB rule declared once.</summary>
public abstract class AttributesRoomCmdlet : RoomTargetCmdlet
{
    /// <summary>String attributes sent with the request (at most 1 KB in all). A token's are secret: never echoed.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Attributes")]
    [ValidateAttributes(ServiceLimits.AttributesMaxBytes)]
    public Hashtable? Attribute { get; set; }
}
