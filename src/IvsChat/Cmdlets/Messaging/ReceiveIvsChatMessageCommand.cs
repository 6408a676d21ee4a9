using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using IvsChat.Client.Messaging;

namespace IvsChat.Cmdlets.Messaging
{
    /// <summary>Writes the MESSAGE and EVENT frames a connection receives (including those buffered since the last
    /// call), until -Count items, -Timeout seconds, the connection's end, or Ctrl+C. ERROR frames become
    /// non-terminating errors; frames dropped because the buffer was full produce a warning.</summary>
    [Cmdlet(VerbsCommunications.Receive, "IvsChatMessage")]
    [OutputType(typeof(ChatMessage), typeof(ChatEvent))]
    public sealed class ReceiveIvsChatMessageCommand : ChatConnectionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ChatConnection Connection { get; set; } = null!;

        /// <summary>Stop after this many messages and events.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Count { get; set; }

        /// <summary>Stop after this many seconds (0 = only what is already buffered).</summary>
        [Parameter]
        [Alias("TimeoutSec")]
        [ValidateRange(0.0, 86400.0)]
        public double? Timeout { get; set; }

        protected override void ProcessRecord()
        {
            var clock = Stopwatch.StartNew();
            TimeSpan? limit = Timeout.HasValue ? TimeSpan.FromSeconds(Timeout.Value) : (TimeSpan?)null;
            int received = 0;
            WarnAboutDrops(Connection);
            while (Count == null || received < Count)
            {
                TimeSpan wait = System.Threading.Timeout.InfiniteTimeSpan;
                if (limit.HasValue) wait = limit.Value > clock.Elapsed ? limit.Value - clock.Elapsed : TimeSpan.Zero;
                ChatItem? item = Await(ct => Connection.Connection.ReceiveAsync(wait, ct), Connection);
                WarnAboutDrops(Connection);
                if (item == null)
                {
                    if (Connection.State == ChatConnectionState.Closed)
                        WriteWarning("The chat connection to " + Connection.RoomArn + " is closed: " + Connection.CloseReason + ".");
                    // Timers may fire a millisecond early: wait out the rest, so -Timeout T never returns before T.
                    else if (limit.HasValue && clock.Elapsed < limit.Value) continue;
                    return;
                }
                if (item is ChatError error)
                {
                    WriteError(ChatErrorRecords.FromChatError(error, Connection));
                    continue;
                }
                WriteObject(item);
                received++;
            }
        }
    }
}
