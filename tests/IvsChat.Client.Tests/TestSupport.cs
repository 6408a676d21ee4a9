using System.Net;
using System.Text;
using Amazon.Runtime;
using IvsChat.Client;
using IvsChat.Client.Internal;

namespace IvsChat.Client.Tests;

/// <summary>One request as the client put it on the wire.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, string? Body,
    Dictionary<string, string> Headers);

/// <summary>An HttpMessageHandler that records every request and answers with the given responder.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    public List<RecordedRequest> Requests { get; } = new();

    public RecordingHandler(Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public RecordingHandler(Func<RecordedRequest, int, HttpResponseMessage> respond)
        : this((r, n, _) => Task.FromResult(respond(r, n))) { }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        string? body = null, contentType = null;
        if (request.Content != null)
        {
            body = await request.Content.ReadAsStringAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.ToString();
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(",", h.Value);
        }
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, contentType, body, headers);
        lock (Requests) Requests.Add(recorded);
        int count;
        lock (Requests) count = Requests.Count;
        return await _respond(recorded, count, cancellationToken);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string requestId = "req-1", string? errorType = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", requestId);
        if (errorType != null) response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", errorType);
        return response;
    }
}

public static class TestClients
{
    public static readonly Uri Endpoint = new("https://ivschat.us-west-2.amazonaws.com");

    public static ResolvedClientSettings Settings(int maxAttempts = 3, AWSCredentials? credentials = null, Uri? endpoint = null)
        => new(credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "test keys",
            "us-west-2", "test region", endpoint ?? Endpoint, "test endpoint", new RetrySettings("standard", maxAttempts, "test"));

    /// <summary>A client on virtual time: waits are recorded and advance the clock of its own rate limiters
    /// instead of sleeping; full jitter is fixed at 1 (the upper bound).</summary>
    public static IvsChatClient Create(RecordingHandler handler, List<TimeSpan>? waits = null, int maxAttempts = 3,
        Action<IvsChatClientOptions>? configure = null, AWSCredentials? credentials = null)
    {
        var virtualSeconds = 0.0;
        var gate = new object();
        var options = new IvsChatClientOptions
        {
            HttpHandler = handler,
            Delay = (wait, token) =>
            {
                token.ThrowIfCancellationRequested();
                lock (gate) { waits?.Add(wait); virtualSeconds += wait.TotalSeconds; }
                return Task.CompletedTask;
            },
            Jitter = () => 1.0,
            RateLimiters = new RateLimiterRegistry(() => { lock (gate) return virtualSeconds; }),
            // Each test client has its own retry quota and clock offset: tests share endpoints and run in parallel.
            RetryQuotas = new RetryQuotaRegistry(),
            ClockOffsets = new ClockOffsetRegistry(),
        };
        configure?.Invoke(options);
        return new IvsChatClient(Settings(maxAttempts, credentials), options);
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
