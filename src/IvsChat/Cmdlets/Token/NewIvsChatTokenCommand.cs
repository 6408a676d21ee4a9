using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Mints a chat token for one user in one room. Changes nothing on the service, hence no ShouldProcess.
    /// The token and its attributes are never written to any stream but the output object.</summary>
    [Cmdlet(VerbsCommon.New, "IvsChatToken", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(ChatToken))]
    public sealed class NewIvsChatTokenCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn", "Room")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateLength(1, 128)]
        public string UserId { get; set; } = "";

        /// <summary>SendMessage, DeleteMessage, DisconnectUser (or the wire spellings SEND_MESSAGE...). None = read only.</summary>
        [Parameter]
        [ValidateSet("SendMessage", "DeleteMessage", "DisconnectUser", "SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER", IgnoreCase = true)]
        [AllowEmptyCollection]
        public string[]? Capability { get; set; }

        [Parameter]
        [ValidateRange(1, 180)]
        public int? SessionDurationInMinutes { get; set; }

        /// <summary>Attributes the service attaches to the user's messages (at most 1 KB). Secret: never echoed.</summary>
        [Parameter]
        [ValidateAttributes(1024)]
        public Hashtable? Attribute { get; set; }

        private static readonly Dictionary<string, string> WireCapability = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SendMessage"] = ChatTokenCapabilityValues.SendMessage,
            ["SEND_MESSAGE"] = ChatTokenCapabilityValues.SendMessage,
            ["DeleteMessage"] = ChatTokenCapabilityValues.DeleteMessage,
            ["DELETE_MESSAGE"] = ChatTokenCapabilityValues.DeleteMessage,
            ["DisconnectUser"] = ChatTokenCapabilityValues.DisconnectUser,
            ["DISCONNECT_USER"] = ChatTokenCapabilityValues.DisconnectUser,
        };

        /// <summary>The wire spelling (SEND_MESSAGE...) of each capability, duplicates removed.</summary>
        internal static List<string> ToWireCapabilities(IEnumerable<string>? capabilities) =>
            (capabilities ?? Array.Empty<string>()).Select(c => WireCapability.TryGetValue(c, out var w) ? w : c).Distinct(StringComparer.Ordinal).ToList();

        protected override void ProcessRecord() => ForEachRoom(InputObject, Identifier, (arn, _, __) =>
            WriteObject(MintChatToken(arn, UserId, Capability, SessionDurationInMinutes, Attribute)));
    }
}
