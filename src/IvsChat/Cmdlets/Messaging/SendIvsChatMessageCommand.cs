using System.Collections;
using System.Management.Automation;
using IvsChat.Client.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets.Messaging
{
    /// <summary>Sends a chat message on a connection and writes the message as the room received it (matched by
    /// RequestId). Refusals (403 missing capability, 406 review denied, 413 too long, 429 rate) are non-terminating errors.</summary>
    [Cmdlet(VerbsCommunications.Send, "IvsChatMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ChatMessage))]
    public sealed class SendIvsChatMessageCommand : ChatConnectionCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ChatConnection Connection { get; set; } = null!;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; } = "";

        [Parameter]
        public Hashtable? Attribute { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Connection.RoomArn, "Send chat message")) return;
            ForItem(Content, () =>
            {
                var attributes = Attribute == null ? null : ToStringMap(Attribute);
                var delivered = Wait(Connection, ct => Connection.Connection.SendMessageAsync(Content, attributes, ct));
                WriteObject(ChatItems.Message(delivered, Connection));
            });
        }

        private static System.Collections.Generic.Dictionary<string, string> ToStringMap(IDictionary table)
        {
            var map = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (DictionaryEntry e in table)
            {
                var value = e.Value is PSObject p ? p.BaseObject : e.Value;
                map[e.Key?.ToString() ?? ""] = value == null ? "" : LanguagePrimitives.ConvertTo<string>(value);
            }
            return map;
        }
    }
}
