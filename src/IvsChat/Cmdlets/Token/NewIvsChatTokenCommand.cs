using System.Collections;
using System.Management.Automation;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Mints a chat token for one user in one room. Changes nothing on the service, hence no ShouldProcess.
/// The token and its attributes are never written to any stream but the output object.</summary>
[Cmdlet(VerbsCommon.New, "IvsChatToken", DefaultParameterSetName = ParameterSets.InputObject)]
[OutputType(typeof(ChatToken))]
public sealed class NewIvsChatTokenCommand : RoomTargetCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateLength(ServiceLimits.UserIdMin, ServiceLimits.UserIdMax)]
    public string UserId { get; set; } = "";

    /// <summary>SendMessage, DeleteMessage, DisconnectUser (or the wire spellings SEND_MESSAGE...). None = read only.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Capabilities")]
    [ValidateSet("SendMessage", "DeleteMessage", "DisconnectUser", "SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER", IgnoreCase = true)]
    [AllowEmptyCollection]
    public string[]? Capability { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateRange(ServiceLimits.SessionDurationInMinutesMin, ServiceLimits.SessionDurationInMinutesMax)]
    public int? SessionDurationInMinutes { get; set; }

    /// <summary>Attributes the service attaches to the user's messages (at most 1 KB). Secret: never echoed.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Attributes")]
    [ValidateAttributes(1024)]
    public Hashtable? Attribute { get; set; }

    private protected override string SecondParameter => nameof(UserId);

    protected override void ProcessRecord() => ForEachTarget((arn, _, _) =>
        WriteObject(MintChatToken(arn, UserId, Capability, SessionDurationInMinutes, Attribute)));
}
