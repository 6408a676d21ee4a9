using System.Collections;
using System.Collections.Generic;
using System.Linq;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    public abstract partial class IvsChatCmdlet
    {
        /// <summary>CreateChatToken for one room: New-IvsChatToken's output, and what Connect-IvsChatRoom connects with.</summary>
        protected ChatToken MintChatToken(string roomArn, string userId, IEnumerable<string>? capability, int? sessionDurationInMinutes, IDictionary? attributes)
        {
            var capabilities = NewIvsChatTokenCommand.ToWireCapabilities(capability);
            var response = CallService("CreateChatToken", roomArn, (c, ct) => c.CreateChatTokenAsync(new CreateChatTokenRequest
            {
                RoomIdentifier = roomArn,
                UserId = userId,
                Capabilities = capabilities,
                SessionDurationInMinutes = sessionDurationInMinutes,
                Attributes = attributes != null ? ToStringMap(attributes) : null,
            }, ct));
            return new ChatToken
            {
                Token = response.Token ?? "",
                TokenExpirationTime = ToObject.Utc(response.TokenExpirationTime),
                SessionExpirationTime = ToObject.Utc(response.SessionExpirationTime),
                RoomArn = roomArn,
                UserId = userId,
                Capabilities = capabilities.ToArray(),
                Region = Arn.RegionOf(roomArn),
            };
        }
    }
}
