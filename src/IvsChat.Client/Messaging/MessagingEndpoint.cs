using System;
using System.Collections.Generic;

namespace IvsChat.Client.Messaging;

/// <summary>Where the messaging WebSocket is: an explicit URL, IVSCHAT_MESSAGING_ENDPOINT, the control-plane
/// endpoint when one is configured (http -> ws, https -> wss, same host and port), else
/// wss://edge.ivschat.&lt;region&gt;.amazonaws.com.</summary>
public static class MessagingEndpoint
{
    /// <summary>The environment variable that overrides the derived URL.</summary>
    public const string EnvironmentVariable = "IVSCHAT_MESSAGING_ENDPOINT";

    /// <returns>The URL and where it came from (for -Debug).</returns>
    public static KeyValuePair<Uri, string> Resolve(Uri controlPlaneEndpoint, string region, string? explicitEndpoint = null,
        IDictionary<string, string?>? environment = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitEndpoint))
            return Pair(Parse(explicitEndpoint!, "-MessagingEndpoint"), "-MessagingEndpoint");
        string? fromEnvironment = environment != null
            ? (environment.TryGetValue(EnvironmentVariable, out var v) ? v : null)
            : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Pair(Parse(fromEnvironment!, EnvironmentVariable), "environment variable " + EnvironmentVariable);
        if (controlPlaneEndpoint != null && !IsRegionalDefault(controlPlaneEndpoint, region))
        {
            var builder = new UriBuilder(controlPlaneEndpoint)
            {
                Scheme = controlPlaneEndpoint.Scheme == Uri.UriSchemeHttp ? "ws" : "wss",
                Path = "/",
                Query = "",
            };
            if (controlPlaneEndpoint.IsDefaultPort) builder.Port = -1;
            return Pair(builder.Uri, "the control-plane endpoint " + controlPlaneEndpoint.GetLeftPart(UriPartial.Authority));
        }
        string suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return Pair(new Uri($"wss://edge.ivschat.{region}.{suffix}"), $"the regional messaging endpoint for {region}");
    }

    private static bool IsRegionalDefault(Uri endpoint, string region) =>
        endpoint.Scheme == Uri.UriSchemeHttps
        && (string.Equals(endpoint.Host, $"ivschat.{region}.amazonaws.com", StringComparison.OrdinalIgnoreCase)
            || string.Equals(endpoint.Host, $"ivschat.{region}.amazonaws.com.cn", StringComparison.OrdinalIgnoreCase));

    private static Uri Parse(string value, string source)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == "ws" || uri.Scheme == "wss"))
            return uri;
        throw new IvsChatConfigurationException($"The messaging endpoint from {source} is not an absolute ws:// or wss:// URL: '{value}'.");
    }

    private static KeyValuePair<Uri, string> Pair(Uri uri, string source) => new KeyValuePair<Uri, string>(uri, source);
}
