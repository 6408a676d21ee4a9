using System;
using System.Net;
using Amazon.Runtime;

namespace IvsChat.Client;

/// <summary>Turns what a caller holds (-Credential, $StoredAWSCredentials) into our AWSCredentials. Objects from
/// AWS.Tools are read by duck typing: their AWSSDK.Core is another copy than ours (the module loads ours
/// privately), so type identity cannot be trusted.</summary>
internal static class CredentialObjects
{
    public const string Accepted = "an Amazon.Runtime.AWSCredentials (any AWSSDK.Core copy), an AWS.Tools credential object, " +
        "a PSCredential or NetworkCredential (user name = access key id, password = secret access key), " +
        "or an object with AccessKey and SecretKey (and Token) properties";

    /// <summary>Null when <paramref name="value"/> holds no usable keys.</summary>
    public static AWSCredentials? Read(object? value, int depth = 0)
    {
        switch (value)
        {
            case null: return null;
            case AWSCredentials ours: return ours;
            case NetworkCredential network: return Keys(network.UserName, network.Password, null);
        }
        if (depth > 3) return null;
        var type = value.GetType();
        // Amazon.Runtime.AWSCredentials from another AWSSDK.Core copy: GetCredentials() -> ImmutableCredentials.
        var getCredentials = type.GetMethod("GetCredentials", Type.EmptyTypes);
        if (getCredentials != null && Read(getCredentials.Invoke(value, null), depth + 1) is { } fromMethod) return fromMethod;
        // ImmutableCredentials (any copy) or plain keys.
        var accessKey = type.GetProperty("AccessKey")?.GetValue(value) as string;
        var secretKey = type.GetProperty("SecretKey")?.GetValue(value) as string;
        if (!string.IsNullOrEmpty(accessKey) && !string.IsNullOrEmpty(secretKey))
        {
            var token = (type.GetProperty("Token") ?? type.GetProperty("SessionToken"))?.GetValue(value) as string;
            return Keys(accessKey!, secretKey!, token);
        }
        // AWS.Tools' AWSPSCredentials wrapper: the credentials are in .Credentials.
        var inner = type.GetProperty("Credentials");
        return inner != null ? Read(inner.GetValue(value), depth + 1) : null;
    }

    private static AWSCredentials? Keys(string accessKey, string secretKey, string? token)
    {
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey)) return null;
        return string.IsNullOrEmpty(token) ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
    }
}
