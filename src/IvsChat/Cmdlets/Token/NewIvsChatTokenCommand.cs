using System.Management.Automation;

namespace IvsChat.Cmdlets;

/// <summary>Mints a chat token for one user in one room. Changes nothing on the service, hence no ShouldProcess.
/// The token and its attributes are never written to any stream but the output object.</summary>
[Cmdlet(VerbsCommon.New, "IvsChatToken", DefaultParameterSetName = ParameterSets.InputObject)]
[OutputType(typeof(ChatToken))]
public sealed class NewIvsChatTokenCommand : ChatTokenCmdlet
{
    protected override void ProcessRecord() => ForEachTarget((arn, _, _) => WriteObject(MintChatToken(arn)));
}
