using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using IvsChat.Client.Internal;

namespace IvsChat.Client.Tests;

/// <summary>The reference for RequestSigner: SigV4 by AWSSDK.Core's AWS4Signer on a DefaultRequest, built the way AWS's
/// generated marshallers build one (the client signed this way until its own signer replaced it).</summary>
internal static class AwsSdkReferenceSigner
{
    private const string ServiceName = "ivschat";
    private static readonly AWS4Signer Signer = new AWS4Signer();
    // A ClientConfig is costly to build and the signer only reads it: one per region.
    private static readonly ConcurrentDictionary<string, SigningConfig> Configs = new ConcurrentDictionary<string, SigningConfig>(StringComparer.Ordinal);

    public static SignedRequest Sign(Uri endpoint, string region, string method, string resourcePath,
        IReadOnlyDictionary<string, string>? pathResources, string? queryName, IList<string>? queryValues,
        byte[]? body, string? contentType, ImmutableCredentials credentials, DateTime signedAtUtc)
    {
        using var request = new DefaultRequest(new SigningOnlyRequest(), ServiceName)
        {
            HttpMethod = method,
            Endpoint = endpoint,
            ResourcePath = resourcePath,
            AuthenticationRegion = region,
        };
        if (pathResources != null)
            foreach (var pair in pathResources) request.AddPathResource(pair.Key, pair.Value);
        var hasQuery = queryName != null && queryValues != null && queryValues.Count > 0;
        if (hasQuery)
        {
            request.ParameterCollection.Add(queryName, new List<string>(queryValues!));
            request.UseQueryString = true;
        }
        if (body != null)
        {
            request.Content = body;
            if (contentType != null) request.Headers["Content-Type"] = contentType;
        }
        if (credentials.UseToken) request.Headers["x-amz-security-token"] = credentials.Token;

        var config = Configs.GetOrAdd(region, r => new SigningConfig(r));
        var result = Signer.SignRequest(request, config, null, credentials.AccessKey, credentials.SecretKey, signedAtUtc);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        // ComposeUrl sorts repeated query values; send them in the caller's order, as the JS SDK does
        // (the canonical request sorts them anyway, so the signature is unaffected).
        var uri = new UriBuilder(AmazonServiceClient.ComposeUrl(request)) { Query = "" };
        if (hasQuery)
            uri.Query = string.Join("&", queryValues!.Select(v => AWSSDKUtils.UrlEncode(queryName, false) + "=" + AWSSDKUtils.UrlEncode(v, false)));
        return new SignedRequest(uri.Uri, new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The signer only asks the config for the signing name and region.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        public SigningConfig(string region) : base(new NoDefaults()) { AuthenticationServiceName = ServiceName; AuthenticationRegion = region; }
        public override string ServiceVersion => "2020-07-14";
        public override string UserAgent => "IvsChatPS";
        public override string RegionEndpointServiceName => ServiceName;
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
            => throw new NotSupportedException("IvsChat.Client resolves endpoints itself.");
    }

    private sealed class NoDefaults : IDefaultConfigurationProvider
    {
        public IDefaultConfiguration GetDefaultConfiguration(Amazon.RegionEndpoint clientRegion, DefaultConfigurationMode? requestedConfigurationMode = null)
            => new DefaultConfiguration();
    }

    private sealed class SigningOnlyRequest : AmazonWebServiceRequest { }
}
