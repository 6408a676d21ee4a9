using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client
{
    /// <summary>The IVS Chat control plane over REST-JSON, signed with SigV4 (AWSSDK.Core), with AWS "standard"
    /// retries and client-side pacing. Thread-safe; cheap to create (the HTTP connections are shared).</summary>
    public sealed class IvsChatClient : IIvsChatClient, IDisposable
    {
        private const string JsonContentType = "application/json";
        private static readonly TimeSpan BackoffBase = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan BackoffCap = TimeSpan.FromSeconds(20);
        // With pacing on, the rate limiter does the slowing down; a throttled retry only needs a short pause.
        private static readonly TimeSpan ThrottledBackoffCap = TimeSpan.FromSeconds(1);
        private static readonly string UserAgent = "IvsChatPS/" + typeof(IvsChatClient).Assembly.GetName().Version?.ToString(3);

        private static readonly HashSet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
            "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
            "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
            "EC2ThrottledException",
        };
        private static readonly HashSet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalServerException", "ServiceUnavailable",
        };

        // One HttpClient for the process: connection reuse across clients and cmdlet invocations.
        private static readonly Lazy<HttpClient> SharedHttp = new Lazy<HttpClient>(
            () => new HttpClient(new HttpClientHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });

        private readonly IvsChatClientOptions _options;
        private readonly HttpClient _http;
        private readonly bool _ownsHttp;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Func<double> _jitter;
        private readonly RateLimiterRegistry _limiters;

        public IvsChatClient(ResolvedClientSettings settings, IvsChatClientOptions? options = null)
        {
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _options = options ?? new IvsChatClientOptions();
            if (_options.HttpHandler != null)
            {
                _http = new HttpClient(_options.HttpHandler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
                _ownsHttp = true;
            }
            else _http = SharedHttp.Value;
            _delay = _options.Delay ?? ((wait, token) => Task.Delay(wait, token));
            var random = new Random();
            _jitter = _options.Jitter ?? (() => { lock (random) return random.NextDouble(); });
            _limiters = _options.RateLimiters ?? RateLimiterRegistry.Shared;
        }

        /// <summary>Where the credentials, region, endpoint and retry settings came from.</summary>
        public ResolvedClientSettings Settings { get; }

        public void Dispose()
        {
            if (_ownsHttp) _http.Dispose();
        }

        // ---------------- operations ----------------

        public Task<CreateChatTokenResponse> CreateChatTokenAsync(CreateChatTokenRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.RoomIdentifier, "roomIdentifier");
            RequireMember(request.UserId, "userId");
            var sensitive = new List<string?> { request.UserId };
            if (request.Attributes != null) sensitive.AddRange(request.Attributes.Values);
            return PostAsync("CreateChatToken", request, Json.CreateChatTokenRequest, Json.CreateChatTokenResponse, cancellationToken, sensitive);
        }

        public Task<CreateLoggingConfigurationResponse> CreateLoggingConfigurationAsync(CreateLoggingConfigurationRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            if (request.DestinationConfiguration == null) throw Missing("destinationConfiguration");
            return PostAsync("CreateLoggingConfiguration", request, Json.CreateLoggingConfigurationRequest, Json.CreateLoggingConfigurationResponse, cancellationToken);
        }

        public Task<CreateRoomResponse> CreateRoomAsync(CreateRoomRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            return PostAsync("CreateRoom", request, Json.CreateRoomRequest, Json.CreateRoomResponse, cancellationToken);
        }

        public Task<DeleteLoggingConfigurationResponse> DeleteLoggingConfigurationAsync(DeleteLoggingConfigurationRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.Identifier, "identifier");
            return PostAsync("DeleteLoggingConfiguration", request, Json.DeleteLoggingConfigurationRequest, Json.DeleteLoggingConfigurationResponse, cancellationToken);
        }

        public Task<DeleteMessageResponse> DeleteMessageAsync(DeleteMessageRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.RoomIdentifier, "roomIdentifier");
            RequireMember(request.Id, "id");
            return PostAsync("DeleteMessage", request, Json.DeleteMessageRequest, Json.DeleteMessageResponse, cancellationToken);
        }

        public Task<DeleteRoomResponse> DeleteRoomAsync(DeleteRoomRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.Identifier, "identifier");
            return PostAsync("DeleteRoom", request, Json.DeleteRoomRequest, Json.DeleteRoomResponse, cancellationToken);
        }

        public Task<DisconnectUserResponse> DisconnectUserAsync(DisconnectUserRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.RoomIdentifier, "roomIdentifier");
            RequireMember(request.UserId, "userId");
            return PostAsync("DisconnectUser", request, Json.DisconnectUserRequest, Json.DisconnectUserResponse, cancellationToken, new[] { request.UserId });
        }

        public Task<GetLoggingConfigurationResponse> GetLoggingConfigurationAsync(GetLoggingConfigurationRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.Identifier, "identifier");
            return PostAsync("GetLoggingConfiguration", request, Json.GetLoggingConfigurationRequest, Json.GetLoggingConfigurationResponse, cancellationToken);
        }

        public Task<GetRoomResponse> GetRoomAsync(GetRoomRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.Identifier, "identifier");
            return PostAsync("GetRoom", request, Json.GetRoomRequest, Json.GetRoomResponse, cancellationToken);
        }

        public Task<ListLoggingConfigurationsResponse> ListLoggingConfigurationsAsync(ListLoggingConfigurationsRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            return PostAsync("ListLoggingConfigurations", request, Json.ListLoggingConfigurationsRequest, Json.ListLoggingConfigurationsResponse, cancellationToken);
        }

        public Task<ListRoomsResponse> ListRoomsAsync(ListRoomsRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            return PostAsync("ListRooms", request, Json.ListRoomsRequest, Json.ListRoomsResponse, cancellationToken);
        }

        public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.ResourceArn, "resourceArn");
            return InvokeAsync(new Call("ListTagsForResource", "GET", TagsPath, ArnResource(request.ResourceArn!)), Json.ListTagsForResourceResponse, cancellationToken);
        }

        public Task<SendEventResponse> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.RoomIdentifier, "roomIdentifier");
            RequireMember(request.EventName, "eventName");
            return PostAsync("SendEvent", request, Json.SendEventRequest, Json.SendEventResponse, cancellationToken);
        }

        public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.ResourceArn, "resourceArn");
            if (request.Tags == null) throw Missing("tags");
            var body = JsonSerializer.SerializeToUtf8Bytes(new TagResourceBody { Tags = request.Tags }, Json.TagResourceBody);
            return InvokeAsync(new Call("TagResource", "POST", TagsPath, ArnResource(request.ResourceArn!)) { Body = body }, Json.TagResourceResponse, cancellationToken);
        }

        public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.ResourceArn, "resourceArn");
            if (request.TagKeys == null) throw Missing("tagKeys");
            var call = new Call("UntagResource", "DELETE", TagsPath, ArnResource(request.ResourceArn!)) { QueryName = "tagKeys", QueryValues = request.TagKeys };
            return InvokeAsync(call, Json.UntagResourceResponse, cancellationToken);
        }

        public Task<UpdateLoggingConfigurationResponse> UpdateLoggingConfigurationAsync(UpdateLoggingConfigurationRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.Identifier, "identifier");
            return PostAsync("UpdateLoggingConfiguration", request, Json.UpdateLoggingConfigurationRequest, Json.UpdateLoggingConfigurationResponse, cancellationToken);
        }

        public Task<UpdateRoomResponse> UpdateRoomAsync(UpdateRoomRequest request, CancellationToken cancellationToken = default)
        {
            Require(request, nameof(request));
            RequireMember(request.Identifier, "identifier");
            return PostAsync("UpdateRoom", request, Json.UpdateRoomRequest, Json.UpdateRoomResponse, cancellationToken);
        }

        // ---------------- paging ----------------

        public async IAsyncEnumerable<RoomSummary> ListRoomsPaginatedAsync(ListRoomsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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

        public async IAsyncEnumerable<LoggingConfigurationSummary> ListLoggingConfigurationsPaginatedAsync(ListLoggingConfigurationsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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

            public string DisplayPath => PathResources == null ? ResourcePath
                : PathResources.Aggregate(ResourcePath, (path, pair) => path.Replace(pair.Key, Uri.EscapeDataString(pair.Value)));
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

        private async Task<TResponse> InvokeAsync<TResponse>(Call call, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
            where TResponse : IvsChatResponse, new()
        {
            var endpoint = Settings.Endpoint;
            Log(IvsChatLogLevel.Verbose, $"ivschat {call.Operation} -> {endpoint.GetLeftPart(UriPartial.Authority)} ({Settings.Region})");

            var paced = _options.ClientSidePacing || string.Equals(Settings.Retry.Mode, "adaptive", StringComparison.OrdinalIgnoreCase);
            var limiter = paced ? _limiters.For(endpoint, call.Operation, Settings.Region) : null;
            var maxAttempts = Math.Max(1, Settings.Retry.MaxAttempts);
            // Paced throttling gets its own, larger budget, unless retries are off (max attempts 1).
            var throttledMaxAttempts = limiter != null && maxAttempts > 1 ? Math.Max(maxAttempts, _options.ThrottlingMaxAttempts) : maxAttempts;
            var throttledInARow = 0;

            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (limiter != null)
                {
                    var pacedFor = await limiter.AcquireAsync(_delay, cancellationToken).ConfigureAwait(false);
                    if (pacedFor > TimeSpan.Zero)
                        Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} paced {pacedFor.TotalMilliseconds:0} ms (client rate {limiter.FillRate:0.0}/s)");
                }

                var credentials = await GetCredentialsAsync().ConfigureAwait(false);
                var redactor = new Redactor(call.Sensitive.Concat(new[] { credentials.SecretKey, credentials.Token }));
                var signed = RequestSigner.Sign(endpoint, Settings.Region, call.Method, call.ResourcePath, call.PathResources,
                    call.QueryName, call.QueryValues, call.Body, call.Body != null ? JsonContentType : null, credentials,
                    (_options.Clock?.Invoke() ?? DateTime.UtcNow).ToUniversalTime());

                Exception failure;
                var throttled = false;
                var watch = Stopwatch.StartNew();
                using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                using (var message = BuildMessage(call, signed))
                {
                    attemptTimeout.CancelAfter(_options.AttemptTimeout);
                    try
                    {
                        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
                        var body = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
                        Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} {call.Method} {call.DisplayPath}{QueryForLog(call)} -> {status} " +
                            $"(request id {requestId ?? "none"}, attempt {attempt}/{maxAttempts}, {watch.ElapsedMilliseconds} ms)");

                        if (status >= 200 && status < 300)
                        {
                            limiter?.Update(throttled: false);
                            return ReadResponse(call, responseType, body, status, requestId);
                        }

                        var error = ErrorParser.Parse(status, response.ReasonPhrase, Header(response, "x-amzn-ErrorType"), requestId,
                            response.Content?.Headers.ContentType?.MediaType, body, redactor);
                        throttled = status == 429 || ThrottlingCodes.Contains(error.ErrorCode);
                        limiter?.Update(throttled);
                        var retryable = throttled || (error.IsRetryable && !(error is ServiceQuotaExceededException)) || TransientCodes.Contains(error.ErrorCode);
                        if (!retryable || attempt >= (throttled ? throttledMaxAttempts : maxAttempts)) throw error;
                        failure = error;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (OperationCanceledException)
                    {
                        limiter?.Update(throttled: false);
                        failure = new TimeoutException($"ivschat {call.Operation}: no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s (attempt {attempt} of {maxAttempts}).");
                        Log(IvsChatLogLevel.Debug, failure.Message);
                        if (attempt >= maxAttempts) throw failure;
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                    {
                        Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} {call.Method} {call.DisplayPath} failed: {ex.GetType().Name}: {ex.Message} (attempt {attempt}/{maxAttempts})");
                        if (attempt >= maxAttempts) throw;
                        failure = ex;
                    }
                }

                throttledInARow = throttled ? throttledInARow + 1 : 0;
                var wait = Backoff(throttled && limiter != null ? throttledInARow : attempt, throttled && limiter != null ? ThrottledBackoffCap : BackoffCap);
                var reason = failure is IvsChatServiceException se ? $"{se.ErrorCode} (HTTP {se.StatusCode})" : failure.GetType().Name;
                Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} retrying in {wait.TotalMilliseconds:0} ms after {reason}");
                await _delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Full-jitter exponential backoff: random(0, min(cap, 100 ms x 2^(n-1))).</summary>
        internal TimeSpan Backoff(int retryNumber, TimeSpan cap)
        {
            var ceiling = Math.Min(cap.TotalMilliseconds, BackoffBase.TotalMilliseconds * Math.Pow(2, Math.Min(retryNumber - 1, 30)));
            return TimeSpan.FromMilliseconds(_jitter() * ceiling);
        }

        private static HttpRequestMessage BuildMessage(Call call, SignedRequest signed)
        {
            var message = new HttpRequestMessage(new HttpMethod(call.Method), signed.Uri);
            if (call.Body != null)
            {
                message.Content = new ByteArrayContent(call.Body);
                message.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
            }
            foreach (var header in signed.Headers)
            {
                // Host comes from the URI, content headers from the content, content-length is computed.
                if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                    || header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                    || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            return message;
        }

        private static TResponse ReadResponse<TResponse>(Call call, JsonTypeInfo<TResponse> type, byte[] body, int status, string? requestId)
            where TResponse : IvsChatResponse, new()
        {
            TResponse result;
            if (body.Length == 0) result = new TResponse();
            else
            {
                try { result = JsonSerializer.Deserialize(body, type) ?? new TResponse(); }
                catch (JsonException ex)
                {
                    // JsonException names the position, never the values.
                    throw new IvsChatServiceException("InvalidResponse", $"The {call.Operation} answer could not be read: {ex.Message}", status, requestId);
                }
            }
            result.RequestId = requestId;
            result.HttpStatusCode = status;
            return result;
        }

        private async Task<ImmutableCredentials> GetCredentialsAsync()
        {
            ImmutableCredentials? credentials;
            try { credentials = await Settings.Credentials.GetCredentialsAsync().ConfigureAwait(false); }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                throw new IvsChatConfigurationException(
                    $"Could not get AWS credentials from {Settings.CredentialSource}: {ex.Message}", ex);
            }
            if (credentials == null || string.IsNullOrEmpty(credentials.AccessKey))
                throw new IvsChatConfigurationException($"The credentials from {Settings.CredentialSource} are empty.");
            return credentials;
        }

        private static string QueryForLog(Call call)
            => call.QueryName == null || call.QueryValues == null || call.QueryValues.Count == 0 ? ""
                : "?" + string.Join("&", call.QueryValues.Select(v => call.QueryName + "=" + Uri.EscapeDataString(v)));

        private static string? Header(HttpResponseMessage response, string name)
            => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

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
}
