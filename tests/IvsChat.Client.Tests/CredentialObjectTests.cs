using System.Net;
using Amazon.Runtime;

namespace IvsChat.Client.Tests;

/// <summary>-Credential / $StoredAWSCredentials arrive as plain objects (the cmdlets never touch AWSSDK types):
/// the resolver reads our AWSCredentials, another AWSSDK.Core copy's by duck typing, AWS.Tools wrappers,
/// NetworkCredential and plain keys.</summary>
public sealed class CredentialObjectTests
{
    // Shaped like Amazon.Runtime.AWSCredentials / ImmutableCredentials from another AWSSDK.Core copy, and
    // AWS.Tools' AWSPSCredentials wrapper: unrelated to our types.
    public sealed class OtherImmutable { public string? AccessKey { get; set; } public string? SecretKey { get; set; } public string? Token { get; set; } }
    public sealed class OtherAwsCredentials(string accessKey, string secretKey, string? token = null)
    {
        public OtherImmutable GetCredentials() => new() { AccessKey = accessKey, SecretKey = secretKey, Token = token };
    }
    public sealed class ToolsWrapper { public object? Credentials { get; set; } }
    public sealed class PlainKeys { public string? AccessKey { get; set; } public string? SecretKey { get; set; } public string? SessionToken { get; set; } }

    private static ResolvedClientSettings Resolve(object? credentials = null, object? stored = null) =>
        ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            Credentials = credentials, StoredCredentials = stored, Region = "us-east-1",
            Environment = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = "env-secret",
                ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            },
        });

    public static TheoryData<string, object, string, string, string?> Readable => new()
    {
        { "ours", new SessionAWSCredentials("AKIDOURS", "ours-secret", "ours-token"), "AKIDOURS", "ours-secret", "ours-token" },
        { "other copy", new OtherAwsCredentials("AKIDOTHER", "other-secret"), "AKIDOTHER", "other-secret", null },
        { "other copy, session", new OtherAwsCredentials("AKIDOTHER", "other-secret", "other-token"), "AKIDOTHER", "other-secret", "other-token" },
        { "AWS.Tools wrapper", new ToolsWrapper { Credentials = new OtherAwsCredentials("AKIDWRAP", "wrap-secret") }, "AKIDWRAP", "wrap-secret", null },
        { "NetworkCredential", new NetworkCredential("AKIDNET", "net-secret"), "AKIDNET", "net-secret", null },
        {
            "plain keys", new PlainKeys { AccessKey = "AKIDPLAIN", SecretKey = "plain-secret", SessionToken = "plain-token" },
            "AKIDPLAIN", "plain-secret", "plain-token"
        },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_credential_objects_as_Credential_and_as_StoredCredentials(string kind, object value, string accessKey, string secretKey, string? token)
    {
        foreach (var (s, source) in new[] { (Resolve(credentials: value), "-Credential"), (Resolve(stored: value), "$StoredAWSCredentials") })
        {
            var keys = s.Credentials.GetCredentials();
            Assert.True(accessKey == keys.AccessKey, kind);
            Assert.Equal(secretKey, keys.SecretKey);
            Assert.Equal(token, string.IsNullOrEmpty(keys.Token) ? null : keys.Token);
            Assert.Equal(source, s.CredentialSource);
        }
    }

    [Fact]
    public void Our_own_credentials_object_is_used_as_is()
    {
        var ours = new BasicAWSCredentials("AKIDOURS", "x");
        Assert.Same(ours, Resolve(credentials: ours).Credentials);
    }

    [Fact]
    public void Unreadable_Credential_is_an_error_that_names_what_is_accepted_and_no_secret()
    {
        var ex = Assert.Throws<IvsChatConfigurationException>(
            () => Resolve(credentials: new PlainKeys { AccessKey = "AKIDHALF", SessionToken = "half-token" }));
        Assert.Contains("-Credential must be", ex.Message);
        Assert.Contains("PSCredential", ex.Message);
        Assert.DoesNotContain("half-token", ex.Message);
    }

    [Fact]
    public void Unreadable_StoredCredentials_are_skipped()
    {
        var s = Resolve(stored: new ToolsWrapper { Credentials = "not credentials" });
        Assert.Equal("AKIDENV", s.Credentials.GetCredentials().AccessKey);
        Assert.StartsWith("environment variables", s.CredentialSource);
    }
}
