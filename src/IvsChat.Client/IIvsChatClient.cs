using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client.Model;

// CS1591: documented once the parallel work on this file (retry strategy, transport, message objects) is merged.
#pragma warning disable CS1591
namespace IvsChat.Client;

/// <summary>One async method per IVS Chat control-plane operation, shaped like AWS's generated SDK.</summary>
public interface IIvsChatClient
{
    Task<CreateChatTokenResponse> CreateChatTokenAsync(CreateChatTokenRequest request, CancellationToken cancellationToken = default);
    Task<CreateLoggingConfigurationResponse> CreateLoggingConfigurationAsync(CreateLoggingConfigurationRequest request, CancellationToken cancellationToken = default);
    Task<CreateRoomResponse> CreateRoomAsync(CreateRoomRequest request, CancellationToken cancellationToken = default);
    Task<DeleteLoggingConfigurationResponse> DeleteLoggingConfigurationAsync(DeleteLoggingConfigurationRequest request, CancellationToken cancellationToken = default);
    Task<DeleteMessageResponse> DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default);
    Task<DeleteRoomResponse> DeleteRoomAsync(DeleteRoomRequest request, CancellationToken cancellationToken = default);
    Task<DisconnectUserResponse> DisconnectUserAsync(DisconnectUserRequest request, CancellationToken cancellationToken = default);
    Task<GetLoggingConfigurationResponse> GetLoggingConfigurationAsync(GetLoggingConfigurationRequest request, CancellationToken cancellationToken = default);
    Task<GetRoomResponse> GetRoomAsync(GetRoomRequest request, CancellationToken cancellationToken = default);
    Task<ListLoggingConfigurationsResponse> ListLoggingConfigurationsAsync(ListLoggingConfigurationsRequest request, CancellationToken cancellationToken = default);
    Task<ListRoomsResponse> ListRoomsAsync(ListRoomsRequest request, CancellationToken cancellationToken = default);
    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default);
    Task<SendEventResponse> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken = default);
    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default);
    Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default);
    Task<UpdateLoggingConfigurationResponse> UpdateLoggingConfigurationAsync(UpdateLoggingConfigurationRequest request, CancellationToken cancellationToken = default);
    Task<UpdateRoomResponse> UpdateRoomAsync(UpdateRoomRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every room matching the request's filters, one page requested at a time, only as the consumer
    /// asks for more (request.NextToken, if set, is where the listing starts).</summary>
    IAsyncEnumerable<RoomSummary> ListRoomsPaginatedAsync(ListRoomsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every logging configuration, one page requested at a time, only as the consumer asks for more.</summary>
    IAsyncEnumerable<LoggingConfigurationSummary> ListLoggingConfigurationsPaginatedAsync(ListLoggingConfigurationsRequest request, CancellationToken cancellationToken = default);
}
