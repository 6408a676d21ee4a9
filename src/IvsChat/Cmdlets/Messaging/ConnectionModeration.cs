namespace IvsChat.Cmdlets.Messaging;

/// <summary>The -Connection parameter set of Remove-IvsChatMessage and Disconnect-IvsChatUser: the request goes
/// over the chat socket (and needs its token's capability) instead of the control plane.</summary>
internal static class ConnectionModeration
{
    public const string ParameterSet = "Connection";
}
