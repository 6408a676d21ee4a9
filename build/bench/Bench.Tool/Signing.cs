using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Endpoints;

namespace IvsChat.Bench;

/// <summary>Signs IVS Chat control-plane requests with AWSSDK.Core's SigV4 signer (what IvsChat.Client uses) and
/// sends them on one shared HttpClient: the floor any .NET caller pays.</summary>
public sealed class SignedCaller(Uri endpoint, string region, string accessKey, string secretKey) : IDisposable
{
    private readonly AWS4Signer _signer = new();
    private readonly BenchClientConfig _config = new(endpoint, region);
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

    public HttpRequestMessage Build(string operation, string jsonBody)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var request = new DefaultRequest(new BenchRequest(), "ivschat")
        {
            HttpMethod = "POST",
            Endpoint = endpoint,
            ResourcePath = "/" + operation,
            Content = body,
            AuthenticationRegion = region,
        };
        request.Headers["Content-Type"] = "application/json";
        var signature = _signer.SignRequest(request, _config, null, accessKey, secretKey);
        request.Headers["Authorization"] = signature.ForAuthorizationHeader;

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/" + operation))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public async Task<(int Status, byte[] Body)> SendAsync(string operation, string jsonBody, CancellationToken ct = default)
    {
        using var message = Build(operation, jsonBody);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return ((int)response.StatusCode, bytes);
    }

    public async Task<byte[]> SendOkAsync(string operation, string jsonBody, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(operation, jsonBody, ct).ConfigureAwait(false);
        if (status / 100 != 2) throw new InvalidOperationException($"{operation} answered {status}: {Encoding.UTF8.GetString(body)}");
        return body;
    }

    public void Dispose() => _http.Dispose();

    private sealed class BenchRequest : AmazonWebServiceRequest;

    private sealed class BenchClientConfig : ClientConfig
    {
        public BenchClientConfig(Uri endpoint, string region) : base(new DefaultConfigurationProvider(
            [new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
        {
            ServiceURL = endpoint.ToString();
            AuthenticationRegion = region;
            AuthenticationServiceName = "ivschat";
        }
        public override string RegionEndpointServiceName => "ivschat";
        public override string ServiceVersion => "2020-07-14";
        public override string UserAgent => "ivschat-bench";
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
    }
}
