using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client.Model;

namespace IvsChat.Client;

/// <summary>One async method per IVS Chat control-plane operation, shaped like AWS's generated SDK. A request missing
/// a required member throws <see cref="IvsChatRequestException"/> before anything is sent; an error answer throws
/// <see cref="IvsChatServiceException"/> (a subclass per AWS error code); a network failure that outlasts the retries
/// throws as it came (TimeoutException, HttpRequestException, IOException); unusable credentials throw
/// <see cref="IvsChatConfigurationException"/>.</summary>
public interface IIvsChatClient
{
    /// <summary>Creates an encrypted token with which one user opens a connection to a room's messaging WebSocket.</summary>
    Task<CreateChatTokenResponse> CreateChatTokenAsync(CreateChatTokenRequest request, CancellationToken cancellationToken = default);
    /// <summary>Creates a logging configuration: a destination (S3, CloudWatch Logs or Firehose) for rooms' chat logs.</summary>
    Task<CreateLoggingConfigurationResponse> CreateLoggingConfigurationAsync(CreateLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default);
    /// <summary>Creates a room that clients connect to and send messages in.</summary>
    Task<CreateRoomResponse> CreateRoomAsync(CreateRoomRequest request, CancellationToken cancellationToken = default);
    /// <summary>Deletes a logging configuration.</summary>
    Task<DeleteLoggingConfigurationResponse> DeleteLoggingConfigurationAsync(DeleteLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default);
    /// <summary>Tells a room's clients to remove a message from view and history (an aws:DELETE_MESSAGE event).</summary>
    Task<DeleteMessageResponse> DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default);
    /// <summary>Deletes a room.</summary>
    Task<DeleteRoomResponse> DeleteRoomAsync(DeleteRoomRequest request, CancellationToken cancellationToken = default);
    /// <summary>Closes every connection of a user to a room.</summary>
    Task<DisconnectUserResponse> DisconnectUserAsync(DisconnectUserRequest request, CancellationToken cancellationToken = default);
    /// <summary>Gets a logging configuration.</summary>
    Task<GetLoggingConfigurationResponse> GetLoggingConfigurationAsync(GetLoggingConfigurationRequest request, CancellationToken cancellationToken = default);
    /// <summary>Gets a room.</summary>
    Task<GetRoomResponse> GetRoomAsync(GetRoomRequest request, CancellationToken cancellationToken = default);
    /// <summary>One page of the region's logging configurations.</summary>
    Task<ListLoggingConfigurationsResponse> ListLoggingConfigurationsAsync(ListLoggingConfigurationsRequest request,
        CancellationToken cancellationToken = default);
    /// <summary>One page of the region's rooms matching the filters, the most recently updated first.</summary>
    Task<ListRoomsResponse> ListRoomsAsync(ListRoomsRequest request, CancellationToken cancellationToken = default);
    /// <summary>Gets the tags of a room or logging configuration.</summary>
    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default);
    /// <summary>Sends an application event to every client of a room.</summary>
    Task<SendEventResponse> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken = default);
    /// <summary>Adds tags to a room or logging configuration, or changes their values.</summary>
    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default);
    /// <summary>Removes tags from a room or logging configuration.</summary>
    Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default);
    /// <summary>Changes a logging configuration's name or destination.</summary>
    Task<UpdateLoggingConfigurationResponse> UpdateLoggingConfigurationAsync(UpdateLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default);
    /// <summary>Changes a room's settings.</summary>
    Task<UpdateRoomResponse> UpdateRoomAsync(UpdateRoomRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every room matching the request's filters, one page requested at a time, only as the consumer
    /// asks for more (request.NextToken, if set, is where the listing starts).</summary>
    IAsyncEnumerable<RoomSummary> ListRoomsPaginatedAsync(ListRoomsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every logging configuration, one page requested at a time, only as the consumer asks for more.</summary>
    IAsyncEnumerable<LoggingConfigurationSummary> ListLoggingConfigurationsPaginatedAsync(ListLoggingConfigurationsRequest request,
        CancellationToken cancellationToken = default);
}
