using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Disconnects every connection of a user from a room.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "IvsChatUser", DefaultParameterSetName = ParameterSets.Identifier, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UserDisconnection))]
    public sealed class DisconnectIvsChatUserCommand : IvsChatCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public RoomSummary? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
        [Alias("Arn", "RoomArn", "Room")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RoomCompleter))]
        public string[]? Identifier { get; set; }

        /// <summary>Disconnects over this chat connection (its token needs DISCONNECT_USER) instead of the control plane.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConnectionModeration.ParameterSet)]
        [ValidateNotNull]
        public ChatConnection? Connection { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateLength(1, 128)]
        public string UserId { get; set; } = "";

        [Parameter]
        [ValidateLength(1, 256)]
        public string? Reason { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection != null) DisconnectOverConnection(Connection);
            else DisconnectOverControlPlane();
        }

        private void DisconnectOverConnection(ChatConnection connection)
        {
            if (!ShouldProcessOrForce(Force, "user '" + UserId + "' in " + DescribeRoom(connection.RoomArn, null) + " (over the chat connection)", "Disconnect user")) return;
            var confirmation = ConnectionModeration.Run(this, connection, UserId, (c, ct) => c.DisconnectUserAsync(UserId, Reason, ct), CancellationToken);
            if (confirmation != null && PassThru)
                WriteObject(new UserDisconnection { RoomArn = connection.RoomArn, UserId = UserId, Reason = Reason, Region = connection.Region });
        }

        private void DisconnectOverControlPlane() => ForEachRoom(InputObject, Identifier, (arn, name, _) =>
        {
            // The user id may appear here: the prompt is about that user.
            if (!ShouldProcessOrForce(Force, "user '" + UserId + "' in " + DescribeRoom(arn, name), "Disconnect user")) return;
            CallService("DisconnectUser", arn, (c, ct) => c.DisconnectUserAsync(new DisconnectUserRequest
            {
                RoomIdentifier = arn,
                UserId = UserId,
                Reason = Reason,
            }, ct));
            if (PassThru) WriteObject(new UserDisconnection { RoomArn = arn, UserId = UserId, Reason = Reason, Region = Internal.Arn.RegionOf(arn) });
        });
    }
}
