namespace IvsChat.Client.Tests;

/// <summary>Issue 14 item 9: a broken line in an AWS file never reaches an error with its secret, and a broken
/// profile does not break a valid one that is named.</summary>
public sealed class ProfileFileSecretTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYSECRET99";
    private const string Token = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN77";
    private readonly string _dir = Directory.CreateTempSubdirectory("ivschat-profile-secret-").FullName;
    private string CredentialsFile => Path.Combine(_dir, "credentials");
    private string ConfigFile => Path.Combine(_dir, "config");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string?> Env() => new()
    {
        ["AWS_CONFIG_FILE"] = ConfigFile,
        ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["HOME"] = _dir,
    };

    private void WriteBrokenCredentials(string brokenLine) => File.WriteAllText(CredentialsFile, $"""
        [broken]
        aws_access_key_id = AKIDBROKEN
        {brokenLine}

        [good]
        aws_access_key_id = AKIDGOOD
        aws_secret_access_key = good-secret
        region = eu-west-1
        """);

    private static void AssertNoSecret(Exception error)
    {
        for (var e = error; e != null; e = e.InnerException)
        {
            Assert.DoesNotContain(Secret, e.Message);
            Assert.DoesNotContain(Token, e.Message);
        }
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.DoesNotContain(Token, error.ToString());
    }

    [Theory]
    [InlineData("aws_secret_access_key: " + Secret)]
    [InlineData("aws_session_token: " + Token)]
    [InlineData("my_secret_thing " + Secret)]
    [InlineData("  some_token_value :" + Token)]
    public void A_typo_in_a_secret_line_is_a_clear_error_without_the_secret(string brokenLine)
    {
        WriteBrokenCredentials(brokenLine);
        var error = Assert.Throws<IvsChatConfigurationException>(() => ClientSettingsResolver.Resolve(
            new ClientSettingsInput { ProfileName = "broken", Region = "us-west-2", Environment = Env() }));
        AssertNoSecret(error);
        Assert.Contains(CredentialsFile, error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_broken_profile_does_not_break_a_valid_named_one()
    {
        WriteBrokenCredentials("aws_secret_access_key: " + Secret);
        var resolved = ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "good", Region = "us-west-2", Environment = Env() });
        var credentials = resolved.Credentials.GetCredentials();
        Assert.Equal("AKIDGOOD", credentials.AccessKey);
        Assert.Equal("good-secret", credentials.SecretKey);
    }

    [Fact]
    public void A_broken_config_file_is_reported_without_the_secret_and_spares_valid_profiles()
    {
        File.WriteAllText(CredentialsFile, "[good]\naws_access_key_id = AKIDGOOD\naws_secret_access_key = good-secret\n");
        File.WriteAllText(ConfigFile, $"[profile good]\nregion = ap-south-1\n[profile bad]\naws_session_token: {Token}\n");
        var resolved = ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "good", Environment = Env() });
        Assert.Equal("ap-south-1", resolved.Region);

        var error = Assert.Throws<IvsChatConfigurationException>(() => ClientSettingsResolver.Resolve(
            new ClientSettingsInput { ProfileName = "bad", Region = "us-west-2", Environment = Env() }));
        AssertNoSecret(error);
        Assert.Contains(ConfigFile, error.Message);
    }
}
