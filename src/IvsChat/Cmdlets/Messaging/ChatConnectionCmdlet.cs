using System;
using System.Management.Automation;

namespace IvsChat.Cmdlets.Messaging;

/// <summary>Base of the cmdlets that work on an open connection (no AWS credentials needed): messaging failures
/// become non-terminating errors.</summary>
public abstract class ChatConnectionCmdlet : CancellableCmdlet
{
    protected override ErrorRecord? ToItemError(Exception ex, object? target) => ChatErrorRecords.From(ex, target);

    /// <summary>Warns once per batch of frames the receive buffer had to drop.</summary>
    protected void WarnAboutDrops(ChatConnection connection)
    {
        long dropped = connection.Connection.TakeDroppedCount();
        if (dropped > 0)
            WriteWarning($"The receive buffer of the connection to {connection.RoomArn} was full: {dropped} older frame(s) were dropped. " +
                         "Read more often, or connect with a larger -BufferCapacity.");
    }
}
