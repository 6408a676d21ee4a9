using System.Management.Automation;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Remove-IvsChatMessage and Disconnect-IvsChatUser: a moderation action on a room, sent through the
/// control plane, or over a chat connection whose token has the capability (the Connection set).</summary>
public abstract class ModerationCmdlet : RoomTargetCmdlet
{
    /// <summary>Acts over this chat connection (its token needs the capability) instead of the control plane.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateNotNull]
    public ChatConnection? Connection { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ConnectionModeration.ParameterSet)]
    [ValidateLength(ServiceLimits.ReasonMin, ServiceLimits.ReasonMax)]
    public string? Reason { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The user or message acted on, as the error target.</summary>
    private protected abstract string Subject { get; }

    protected override void ProcessRecord()
    {
        if (Connection is ChatConnection connection) ForItem(Subject, () => ActOverConnection(connection));
        else ForEachTarget((arn, name, _) => ActOverControlPlane(arn, name));
    }

    private protected abstract void ActOverConnection(ChatConnection connection);

    private protected abstract void ActOverControlPlane(string roomArn, string? roomName);
}
