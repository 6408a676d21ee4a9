using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>A cmdlet that mints chat tokens for a user in rooms (New-IvsChatToken, Connect-IvsChatRoom): the
/// token's parameters, declared once. -Attribute is what the service attaches to the user's messages.</summary>
public abstract class ChatTokenCmdlet : AttributesRoomCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateLength(ServiceLimits.UserIdMin, ServiceLimits.UserIdMax)]
    public string UserId { get; set; } = "";

    /// <summary>SendMessage, DeleteMessage, DisconnectUser (or the wire spellings SEND_MESSAGE...). None = read only.</summary>
    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Capabilities")]
    [ValidateSet("SendMessage", "DeleteMessage", "DisconnectUser", "SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER", IgnoreCase = true)]
    [AllowEmptyCollection]
    public string[]? Capability { get; set; }

    [Parameter(ParameterSetName = ParameterSets.InputObject)]
    [Parameter(ParameterSetName = ParameterSets.InputObjectByPosition)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [ValidateModelRange(ServiceLimits.SessionDurationInMinutesMin, ServiceLimits.SessionDurationInMinutesMax)]
    public int? SessionDurationInMinutes { get; set; }

    private protected override string SecondParameter => nameof(UserId);

    /// <summary>CreateChatToken for one room: New-IvsChatToken's output, and what Connect-IvsChatRoom connects with.</summary>
    protected ChatToken MintChatToken(string roomArn)
    {
        var capabilities = Capabilities.ToWire(Capability);
        var response = Service.Call("CreateChatToken", roomArn, (c, ct) => c.CreateChatTokenAsync(new CreateChatTokenRequest
        {
            RoomIdentifier = roomArn,
            UserId = UserId,
            Capabilities = capabilities,
            SessionDurationInMinutes = SessionDurationInMinutes,
            Attributes = Attribute != null ? StringMaps.From(Attribute) : null,
        }, ct));
        return new ChatToken
        {
            Token = response.Token ?? "",
            TokenExpirationTime = ToObject.Utc(response.TokenExpirationTime),
            SessionExpirationTime = ToObject.Utc(response.SessionExpirationTime),
            RoomArn = roomArn,
            UserId = UserId,
            Capabilities = capabilities.ToArray(),
            Region = Arn.RegionOf(roomArn),
        };
    }
}
