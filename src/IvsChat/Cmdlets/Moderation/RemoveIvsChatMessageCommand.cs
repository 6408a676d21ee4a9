using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Deletes a message for every client of a room (the service sends them an aws:DELETE_MESSAGE event).</summary>
    [Cmdlet(VerbsCommon.Remove, "IvsChatMessage", DefaultParameterSetName = ParameterSets.Identifier, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MessageDeletion))]
    public sealed class RemoveIvsChatMessageCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn", "Room")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>Deletes over this chat connection (its token needs DELETE_MESSAGE) instead of the control plane.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConnectionModeration.ParameterSet)]
        [ValidateNotNull]
        public ChatConnection? Connection { get; set; }

        /// <summary>The id of the message (12 letters or digits), e.g. from a received message's Id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateModelString(Rules.IdPattern, 12, 12, Rules.MessageIdRule)]
        public string MessageId { get; set; } = "";

        [Parameter]
        [ValidateLength(1, 256)]
        public string? Reason { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes an IvsChat.MessageDeletion with the id of the deletion event.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection != null) RemoveOverConnection(Connection);
            else RemoveOverControlPlane();
        }

        private void RemoveOverConnection(ChatConnection connection)
        {
            if (!ShouldProcessOrForce(Force, "message " + MessageId + " in " + DescribeRoom(connection.RoomArn, null) + " (over the chat connection)", "Remove message")) return;
            var confirmation = ConnectionModeration.Run(this, connection, MessageId, (c, ct) => c.DeleteMessageAsync(MessageId, Reason, ct), CancellationToken);
            if (confirmation != null && PassThru)
                WriteObject(new MessageDeletion { RoomArn = connection.RoomArn, MessageId = MessageId, EventId = confirmation.Id, Reason = Reason, Region = connection.Region });
        }

        private void RemoveOverControlPlane() => ForEachRoom(InputObject, Identifier, (arn, name, _) =>
        {
            if (!ShouldProcessOrForce(Force, "message " + MessageId + " in " + DescribeRoom(arn, name), "Remove message")) return;
            var response = CallService("DeleteMessage", arn, (c, ct) => c.DeleteMessageAsync(new DeleteMessageRequest
            {
                RoomIdentifier = arn,
                Id = MessageId,
                Reason = Reason,
            }, ct));
            if (PassThru)
                WriteObject(new MessageDeletion { RoomArn = arn, MessageId = MessageId, EventId = response.Id ?? "", Reason = Reason, Region = Internal.Arn.RegionOf(arn) });
        });
    }
}
