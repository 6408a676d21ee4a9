using System.Net;
using Amazon.Runtime;

namespace IvsChat.Client.Tests;

/// <summary>A resolution is reused only while its inputs, environment and profile files are unchanged.</summary>
[Collection(nameof(ClientSettingsCache))] // not beside WarmUpTests: these clear the process-wide cache that one counts
public sealed class ClientSettingsCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivschat-cache-").FullName;
    private string CredentialsFile => Path.Combine(_dir, "credentials");

    public ClientSettingsCacheTests()
    {
        WriteProfile("AKIDFIRST");
        File.WriteAllText(Path.Combine(_dir, "config"), "[profile dev]\nregion = eu-west-1\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void WriteProfile(string accessKey) =>
        File.WriteAllText(CredentialsFile, $"[dev]\naws_access_key_id = {accessKey}\naws_secret_access_key = secret-{accessKey}\n");

    private ClientSettingsInput Input(string? region = null) => new()
    {
        ProfileName = "dev",
        Environment = new Dictionary<string, string?>
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(_dir, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = _dir,
            ["AWS_REGION"] = region,
        },
    };

    [Fact]
    public void The_same_inputs_reuse_the_resolution()
    {
        var first = ClientSettingsCache.Resolve(Input());
        Assert.Same(first, ClientSettingsCache.Resolve(Input()));
        Assert.Equal("eu-west-1", first.Region);
    }

    [Fact]
    public void A_changed_environment_variable_resolves_again()
    {
        var profileRegion = ClientSettingsCache.Resolve(Input());
        var envRegion = ClientSettingsCache.Resolve(Input(region: "ap-south-1"));
        Assert.NotSame(profileRegion, envRegion);
        Assert.Equal("ap-south-1", envRegion.Region);
    }

    [Fact]
    public void A_rewritten_credentials_file_resolves_again()
    {
        Assert.Equal("AKIDFIRST", ClientSettingsCache.Resolve(Input()).Credentials.GetCredentials().AccessKey);
        WriteProfile("AKIDROTATED");
        File.SetLastWriteTimeUtc(CredentialsFile, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("AKIDROTATED", ClientSettingsCache.Resolve(Input()).Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void Credential_objects_of_other_kinds_are_read_every_time()
    {
        var input = Input(region: "us-east-1");
        input.ProfileName = null; // a profile name would outrank -Credential
        input.Credentials = new NetworkCredential("AKIDNET", "net-secret");
        Assert.NotSame(ClientSettingsCache.Resolve(input), ClientSettingsCache.Resolve(input));

        input.Credentials = new BasicAWSCredentials("AKIDOURS", "ours-secret");
        var ours = ClientSettingsCache.Resolve(input);
        Assert.Same(ours, ClientSettingsCache.Resolve(input));

        input.Credentials = new BasicAWSCredentials("AKIDOTHER", "other-secret");
        Assert.Equal("AKIDOTHER", ClientSettingsCache.Resolve(input).Credentials.GetCredentials().AccessKey);
    }
}
