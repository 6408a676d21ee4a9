using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client;

/// <summary>The IVS Chat control plane over REST-JSON, signed with SigV4 (AWSSDK.Core), with AWS "standard"
/// retries and client-side pacing (RetryStrategy). Thread-safe; cheap to create (the HTTP connections are shared).
/// This file: the operations; IvsChatClient.Transport.cs: sending one call.</summary>
public sealed partial class IvsChatClient : IIvsChatClient, IDisposable
{
    private readonly IvsChatClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly RetryStrategy _retry;
    private readonly ClockOffset _clockOffset;

    /// <summary>A client for the region, endpoint and credentials in <paramref name="settings"/>.</summary>
    /// <param name="settings">From <see cref="ClientSettingsResolver"/>: credentials, region, endpoint, retry and timeouts.</param>
    /// <param name="options">Logging, pacing and test hooks; null for the defaults.</param>
    public IvsChatClient(ResolvedClientSettings settings, IvsChatClientOptions? options = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _options = options ?? new IvsChatClientOptions();
        if (_options.HttpHandler != null)
        {
            _http = new HttpClient(_options.HttpHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else _http = HttpClients.For(settings.Timeouts.ConnectTimeout);
        _delay = _options.Delay ?? ((wait, token) => Task.Delay(wait, token));
        _retry = new RetryStrategy(settings.Retry, _options);
        _clockOffset = (_options.ClockOffsets ?? ClockOffsetRegistry.Shared).For(settings.Endpoint);
    }

    /// <summary>Where the credentials, region, endpoint and retry settings came from.</summary>
    public ResolvedClientSettings Settings { get; }

    /// <summary>Releases the HttpClient made for <see cref="IvsChatClientOptions.HttpHandler"/>; the shared connections stay.</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    // ---------------- operations ----------------

    /// <inheritdoc/>
    public Task<CreateChatTokenResponse> CreateChatTokenAsync(CreateChatTokenRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.RoomIdentifier, "roomIdentifier");
        RequireMember(request.UserId, "userId");
        var sensitive = new List<string?> { request.UserId };
        if (request.Attributes != null) sensitive.AddRange(request.Attributes.Values);
        return PostAsync("CreateChatToken", request, Json.CreateChatTokenRequest, Json.CreateChatTokenResponse, cancellationToken, sensitive);
    }

    /// <inheritdoc/>
    public Task<CreateLoggingConfigurationResponse> CreateLoggingConfigurationAsync(CreateLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        if (request.DestinationConfiguration == null) throw Missing("destinationConfiguration");
        return PostAsync("CreateLoggingConfiguration", request, Json.CreateLoggingConfigurationRequest, Json.CreateLoggingConfigurationResponse,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CreateRoomResponse> CreateRoomAsync(CreateRoomRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        return PostAsync("CreateRoom", request, Json.CreateRoomRequest, Json.CreateRoomResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DeleteLoggingConfigurationResponse> DeleteLoggingConfigurationAsync(DeleteLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.Identifier, "identifier");
        return PostAsync("DeleteLoggingConfiguration", request, Json.DeleteLoggingConfigurationRequest, Json.DeleteLoggingConfigurationResponse,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DeleteMessageResponse> DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.RoomIdentifier, "roomIdentifier");
        RequireMember(request.Id, "id");
        return PostAsync("DeleteMessage", request, Json.DeleteMessageRequest, Json.DeleteMessageResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DeleteRoomResponse> DeleteRoomAsync(DeleteRoomRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.Identifier, "identifier");
        return PostAsync("DeleteRoom", request, Json.DeleteRoomRequest, Json.DeleteRoomResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DisconnectUserResponse> DisconnectUserAsync(DisconnectUserRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.RoomIdentifier, "roomIdentifier");
        RequireMember(request.UserId, "userId");
        return PostAsync("DisconnectUser", request, Json.DisconnectUserRequest, Json.DisconnectUserResponse, cancellationToken, new[] { request.UserId });
    }

    /// <inheritdoc/>
    public Task<GetLoggingConfigurationResponse> GetLoggingConfigurationAsync(GetLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.Identifier, "identifier");
        return PostAsync("GetLoggingConfiguration", request, Json.GetLoggingConfigurationRequest, Json.GetLoggingConfigurationResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<GetRoomResponse> GetRoomAsync(GetRoomRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.Identifier, "identifier");
        return PostAsync("GetRoom", request, Json.GetRoomRequest, Json.GetRoomResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ListLoggingConfigurationsResponse> ListLoggingConfigurationsAsync(ListLoggingConfigurationsRequest request,
        CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        return PostAsync("ListLoggingConfigurations", request, Json.ListLoggingConfigurationsRequest, Json.ListLoggingConfigurationsResponse,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ListRoomsResponse> ListRoomsAsync(ListRoomsRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        return PostAsync("ListRooms", request, Json.ListRoomsRequest, Json.ListRoomsResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.ResourceArn, "resourceArn");
        return InvokeAsync(new Call("ListTagsForResource", "GET", TagsPath, ArnResource(request.ResourceArn!)), Json.ListTagsForResourceResponse,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<SendEventResponse> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.RoomIdentifier, "roomIdentifier");
        RequireMember(request.EventName, "eventName");
        return PostAsync("SendEvent", request, Json.SendEventRequest, Json.SendEventResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.ResourceArn, "resourceArn");
        if (request.Tags == null) throw Missing("tags");
        var body = JsonSerializer.SerializeToUtf8Bytes(new TagResourceBody { Tags = request.Tags }, Json.TagResourceBody);
        return InvokeAsync(new Call("TagResource", "POST", TagsPath, ArnResource(request.ResourceArn!)) { Body = body }, Json.TagResourceResponse,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.ResourceArn, "resourceArn");
        if (request.TagKeys == null) throw Missing("tagKeys");
        var call = new Call("UntagResource", "DELETE", TagsPath, ArnResource(request.ResourceArn!)) { QueryName = "tagKeys", QueryValues = request.TagKeys };
        return InvokeAsync(call, Json.UntagResourceResponse, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<UpdateLoggingConfigurationResponse> UpdateLoggingConfigurationAsync(UpdateLoggingConfigurationRequest request,
        CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.Identifier, "identifier");
        return PostAsync("UpdateLoggingConfiguration", request, Json.UpdateLoggingConfigurationRequest, Json.UpdateLoggingConfigurationResponse,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<UpdateRoomResponse> UpdateRoomAsync(UpdateRoomRequest request, CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        RequireMember(request.Identifier, "identifier");
        return PostAsync("UpdateRoom", request, Json.UpdateRoomRequest, Json.UpdateRoomResponse, cancellationToken);
    }

    // ---------------- paging ----------------

    /// <inheritdoc/>
    public async IAsyncEnumerable<RoomSummary> ListRoomsPaginatedAsync(ListRoomsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        var page = new ListRoomsRequest
        {
            Name = request.Name, MaxResults = request.MaxResults, NextToken = request.NextToken,
            MessageReviewHandlerUri = request.MessageReviewHandlerUri, LoggingConfigurationIdentifier = request.LoggingConfigurationIdentifier,
        };
        while (true)
        {
            var response = await ListRoomsAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var room in response.Rooms) yield return room;
            if (!HasNextPage(page.NextToken, response.NextToken)) yield break;
            page.NextToken = response.NextToken;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<LoggingConfigurationSummary> ListLoggingConfigurationsPaginatedAsync(ListLoggingConfigurationsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Require(request, nameof(request));
        var page = new ListLoggingConfigurationsRequest { MaxResults = request.MaxResults, NextToken = request.NextToken };
        while (true)
        {
            var response = await ListLoggingConfigurationsAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.LoggingConfigurations) yield return item;
            if (!HasNextPage(page.NextToken, response.NextToken)) yield break;
            page.NextToken = response.NextToken;
        }
    }

    // A page token that comes back unchanged would loop forever; AWS's paginators stop there too.
    private static bool HasNextPage(string? sent, string? received) => !string.IsNullOrEmpty(received) && received != sent;

    // ---------------- the wire ----------------

    private const string TagsPath = "/tags/{resourceArn}";
    private static IvsChatJsonContext Json => IvsChatJsonContext.Wire;

    private static Dictionary<string, string> ArnResource(string arn) => new Dictionary<string, string> { ["{resourceArn}"] = arn };

    private sealed class Call
    {
        public Call(string operation, string method, string resourcePath, Dictionary<string, string>? pathResources = null)
        {
            Operation = operation; Method = method; ResourcePath = resourcePath; PathResources = pathResources;
        }
        public string Operation { get; }
        public string Method { get; }
        public string ResourcePath { get; }
        public Dictionary<string, string>? PathResources { get; }
        public string? QueryName { get; set; }
        public IList<string>? QueryValues { get; set; }
        public byte[]? Body { get; set; }
        public IEnumerable<string?> Sensitive { get; set; } = Array.Empty<string?>();
        /// <summary>Scrubs the sensitive values and the credentials of the latest attempt from error text.</summary>
        public Redactor Redactor { get; set; } = Redactor.None;

        public string DisplayPath => RequestSigner.ExpandPath(ResourcePath, PathResources);
    }

    private Task<TResponse> PostAsync<TRequest, TResponse>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken, IEnumerable<string?>? sensitive = null)
        where TResponse : IvsChatResponse, new()
    {
        var call = new Call(operation, "POST", "/" + operation)
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(request, requestType),
            Sensitive = sensitive ?? Array.Empty<string?>(),
        };
        return InvokeAsync(call, responseType, cancellationToken);
    }

    private void Log(IvsChatLogLevel level, string line)
    {
        var log = _options.Log;
        if (log == null) return;
        try { log(level, line); } catch { /* a broken logger must not break the call */ }
    }

    private static void Require(object request, string name)
    {
        if (request == null) throw new ArgumentNullException(name);
    }

    private static void RequireMember(string? value, string member)
    {
        if (string.IsNullOrEmpty(value)) throw Missing(member);
    }

    private static IvsChatRequestException Missing(string member) => new IvsChatRequestException(member, member + " is required");
}
