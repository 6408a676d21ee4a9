using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using IvsChat.Client.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets.Messaging;

/// <summary>Writes the MESSAGE and EVENT frames a connection receives (including those buffered since the last
/// call) as IvsChat.ChatMessage / IvsChat.ChatEvent, until -Count items, -Timeout seconds, the connection's end,
/// or Ctrl+C. -Type and -UserId keep only some (the others are read and dropped). ERROR frames become
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

    /// <summary>Only these kinds: Message, Event (default: both).</summary>
    [Parameter]
    [ValidateSet(MessageType, EventType, IgnoreCase = true)]
    public string[]? Type { get; set; }

    /// <summary>Only messages from these senders and events about these users (aws:DISCONNECT_USER); wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? UserId { get; set; }

    private const string MessageType = "Message";
    private const string EventType = "Event";

    protected override void ProcessRecord()
    {
        var wanted = Filter();
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
            var output = ChatItems.From(item, Connection);
            if (output == null || !wanted(output)) continue;
            WriteObject(output);
            received++;
        }
    }

    private Func<object, bool> Filter()
    {
        bool Has(string kind) => Type == null || Type.Any(t => string.Equals(t, kind, StringComparison.OrdinalIgnoreCase));
        bool messages = Has(MessageType), events = Has(EventType);
        var senders = UserId?.Select(u => new WildcardPattern(u, WildcardOptions.CultureInvariant)).ToList();
        bool FromWanted(string? user) => senders == null || (user != null && senders.Any(p => p.IsMatch(user)));
        return item => item switch
        {
            ChatMessage m => messages && FromWanted(m.UserId),
            ChatEvent e => events && FromWanted(e.UserId),
            _ => false,
        };
    }
}
