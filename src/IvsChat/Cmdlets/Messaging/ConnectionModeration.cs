using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client.Messaging;

namespace IvsChat.Cmdlets.Messaging
{
    /// <summary>The -Connection parameter set of Remove-IvsChatMessage and Disconnect-IvsChatUser: the request goes
    /// over the chat socket (and needs its token's capability) instead of the control plane.</summary>
    internal static class ConnectionModeration
    {
        public const string ParameterSet = "Connection";

        /// <summary>Sends the request and returns the aws:* event that confirms it, or null after writing a
        /// non-terminating error (403 missing capability, closed connection, timeout).</summary>
        public static Client.Messaging.ChatEvent? Run(Cmdlet cmdlet, ChatConnection connection, object target,
            Func<IvsChatConnection, CancellationToken, Task<Client.Messaging.ChatEvent>> request, CancellationToken cancellationToken)
        {
            try
            {
                return request(connection.Connection, cancellationToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ChatErrorRecords.From(ex, target) is ErrorRecord record)
            {
                cmdlet.WriteError(record);
                return null;
            }
            finally
            {
                connection.DrainTrace(cmdlet.WriteDebug);
            }
        }
    }
}
