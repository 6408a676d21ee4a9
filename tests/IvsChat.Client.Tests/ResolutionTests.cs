using Amazon.Runtime;

namespace IvsChat.Client.Tests;

/// <summary>Credentials, region, endpoint and retry settings come from each documented source, in order. Every
/// test uses temp profile files and an explicit environment, never the machine's own AWS setup.</summary>
public sealed class ResolutionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivschat-resolve-").FullName;
    private string CredentialsFile => Path.Combine(_dir, "credentials");
    private string ConfigFile => Path.Combine(_dir, "config");

    public ResolutionTests()
    {
        File.WriteAllText(CredentialsFile, """
            [default]
            aws_access_key_id = AKIDDEFAULT
            aws_secret_access_key = default-secret

            [dev]
            aws_access_key_id = AKIDDEV
            aws_secret_access_key = dev-secret
            aws_session_token = dev-token

            [base]
            aws_access_key_id = AKIDBASE
            aws_secret_access_key = base-secret
            """);
        File.WriteAllText(ConfigFile, """
            [default]
            region = eu-west-1

            [profile dev]
            region = ap-south-1
            endpoint_url = http://127.0.0.1:9999
            retry_mode = adaptive
            max_attempts = 7

            [profile role]
            role_arn = arn:aws:iam::123456789012:role/chat-admin
            source_profile = base
            region = us-east-2

            [profile sso]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = ChatAdmin
            region = eu-central-1

            [sso-session corp]
            sso_region = us-east-1
            sso_start_url = https://corp.awsapps.com/start

            [profile svc]
            services = local-ivschat
            region = us-west-1
            endpoint_url = http://127.0.0.1:1111

            [services local-ivschat]
            ivschat =
              endpoint_url = http://127.0.0.1:2222

            [profile empty]
            region = sa-east-1
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string?> Env(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string?>
        {
            ["AWS_CONFIG_FILE"] = ConfigFile,
            ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = _dir,
        };
        foreach (var (key, value) in extra) env[key] = value;
        return env;
    }

    private static ImmutableCredentials Keys(ResolvedClientSettings s) => s.Credentials.GetCredentials();

    // ---------- credentials ----------

    [Fact]
    public void Explicit_keys_win_over_everything()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            AccessKey = "AKIDEXPLICIT", SecretKey = "explicit-secret", SessionToken = "explicit-token", ProfileName = "dev",
            Credentials = new BasicAWSCredentials("AKIDCRED", "x"),
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret")),
        });
        Assert.Equal("AKIDEXPLICIT", Keys(s).AccessKey);
        Assert.Equal("explicit-token", Keys(s).Token);
        Assert.Equal("-AccessKey/-SecretKey/-SessionToken", s.CredentialSource);
    }

    [Fact]
    public void Access_key_without_secret_key_is_a_configuration_error()
    {
        var error = Assert.Throws<IvsChatConfigurationException>(() =>
            ClientSettingsResolver.Resolve(new ClientSettingsInput { AccessKey = "AKID", Region = "us-east-1", Environment = Env() }));
        Assert.Contains("-SecretKey", error.Message);
    }

    [Fact]
    public void Profile_name_beats_credentials_object_and_environment()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            ProfileName = "dev", Credentials = new BasicAWSCredentials("AKIDCRED", "x"),
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_PROFILE", "base")),
        });
        Assert.Equal("AKIDDEV", Keys(s).AccessKey);
        Assert.Equal("dev-token", Keys(s).Token);
        Assert.Contains("profile 'dev'", s.CredentialSource);
        Assert.Contains(CredentialsFile, s.CredentialSource);
        Assert.DoesNotContain("dev-secret", s.CredentialSource);
    }

    [Fact]
    public void Unknown_profile_name_is_a_configuration_error_naming_the_files()
    {
        var error = Assert.Throws<IvsChatConfigurationException>(() =>
            ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "nope", Region = "us-east-1", Environment = Env() }));
        Assert.Contains("'nope'", error.Message);
        Assert.Contains(CredentialsFile, error.Message);
    }

    [Fact]
    public void Profile_location_replaces_the_credentials_file()
    {
        var other = Path.Combine(_dir, "other-credentials");
        File.WriteAllText(other, "[elsewhere]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = s\n");
        var s = ClientSettingsResolver.Resolve(
            new ClientSettingsInput { ProfileName = "elsewhere", ProfileLocation = other, Region = "us-east-1", Environment = Env() });
        Assert.Equal("AKIDELSEWHERE", Keys(s).AccessKey);
        Assert.Contains(other, s.CredentialSource);
    }

    [Fact]
    public void Credentials_object_then_stored_credentials()
    {
        var explicitCreds = new BasicAWSCredentials("AKIDCRED", "x");
        var stored = new BasicAWSCredentials("AKIDSTORED", "y");
        var s1 = ClientSettingsResolver.Resolve(
            new ClientSettingsInput { Credentials = explicitCreds, StoredCredentials = stored, Region = "us-east-1", Environment = Env() });
        Assert.Same(explicitCreds, s1.Credentials);
        Assert.Equal("-Credential", s1.CredentialSource);
        var s2 = ClientSettingsResolver.Resolve(new ClientSettingsInput { StoredCredentials = stored, Region = "us-east-1",
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret")) });
        Assert.Same(stored, s2.Credentials);
        Assert.Equal("$StoredAWSCredentials", s2.CredentialSource);
    }

    [Fact]
    public void Environment_keys_beat_AWS_PROFILE_and_the_default_profile()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            Environment = Env(("AWS_ACCESS_KEY_ID", "AKIDENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_SESSION_TOKEN", "env-token"),
                ("AWS_PROFILE", "dev")),
        });
        Assert.Equal("AKIDENV", Keys(s).AccessKey);
        Assert.Equal("env-token", Keys(s).Token);
        Assert.Equal("environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN", s.CredentialSource);
    }

    [Fact]
    public void AWS_PROFILE_beats_the_default_profile()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = Env(("AWS_PROFILE", "dev")) });
        Assert.Equal("AKIDDEV", Keys(s).AccessKey);
        Assert.Contains("AWS_PROFILE", s.CredentialSource);
        Assert.Equal("ap-south-1", s.Region);
    }

    [Fact]
    public void Default_profile_is_the_last_file_source()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput { Environment = Env() });
        Assert.Equal("AKIDDEFAULT", Keys(s).AccessKey);
        Assert.Contains("profile 'default'", s.CredentialSource);
        Assert.Equal("eu-west-1", s.Region);
        Assert.Equal("profile 'default' region", s.RegionSource);
    }

    [Fact]
    public void Assume_role_profile_gives_AWSSDK_assume_role_credentials()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "role", Environment = Env() });
        Assert.IsType<AssumeRoleAWSCredentials>(s.Credentials);
        Assert.Equal("us-east-2", s.Region);
    }

    [Fact]
    public void Sso_profile_with_sso_session_gives_AWSSDK_sso_credentials()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "sso", Environment = Env() });
        var sso = Assert.IsType<SSOAWSCredentials>(s.Credentials);
        Assert.Equal("https://corp.awsapps.com/start", sso.StartUrl);
        Assert.Equal("us-east-1", sso.Region);
        Assert.Equal("123456789012", sso.AccountId);
        Assert.Equal("ChatAdmin", sso.RoleName);
    }

    [Fact]
    public void Web_identity_environment_comes_before_the_default_profile()
    {
        var tokenFile = Path.Combine(_dir, "token");
        File.WriteAllText(tokenFile, "jwt");
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            Environment = Env(("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile), ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/web")),
        });
        Assert.IsType<AssumeRoleWithWebIdentityCredentials>(s.Credentials);
        Assert.Contains("web identity", s.CredentialSource);
    }

    [Fact]
    public void No_credentials_anywhere_says_how_to_fix_it()
    {
        File.Delete(CredentialsFile);
        var error = Assert.Throws<IvsChatConfigurationException>(() =>
            ClientSettingsResolver.Resolve(new ClientSettingsInput { Region = "us-east-1", Environment = Env() }));
        Assert.Contains("-AccessKey", error.Message);
        Assert.Contains("-ProfileName", error.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
        Assert.Contains("AWS_PROFILE", error.Message);
    }

    [Fact]
    public void Profile_without_credentials_is_a_configuration_error()
    {
        var error = Assert.Throws<IvsChatConfigurationException>(() =>
            ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "empty", Environment = Env() }));
        Assert.Contains("'empty'", error.Message);
    }

    // ---------- region ----------

    private ResolvedClientSettings WithRegion(ClientSettingsInput input)
    {
        input.AccessKey = "AKID"; input.SecretKey = "s";
        return ClientSettingsResolver.Resolve(input);
    }

    [Fact]
    public void Region_order_parameter_arn_stored_env_profile()
    {
        var env = Env(("AWS_REGION", "us-east-1"), ("AWS_DEFAULT_REGION", "us-east-2"), ("AWS_PROFILE", "dev"));
        Assert.Equal(("ca-central-1", "-Region"),
            R(WithRegion(new() { Region = "ca-central-1", ArnRegion = "eu-north-1", StoredRegion = "eu-south-1", Environment = env })));
        Assert.Equal(("eu-north-1", "the region in the ARN"),
            R(WithRegion(new() { ArnRegion = "eu-north-1", StoredRegion = "eu-south-1", Environment = env })));
        Assert.Equal(("eu-south-1", "$StoredAWSRegion"), R(WithRegion(new() { StoredRegion = "eu-south-1", Environment = env })));
        Assert.Equal(("us-east-1", "environment variable AWS_REGION"), R(WithRegion(new() { Environment = env })));
        env.Remove("AWS_REGION");
        Assert.Equal(("us-east-2", "environment variable AWS_DEFAULT_REGION"), R(WithRegion(new() { Environment = env })));
        env.Remove("AWS_DEFAULT_REGION");
        Assert.Equal(("ap-south-1", "profile 'dev' region"), R(WithRegion(new() { Environment = env })));
        Assert.Equal(("us-east-2", "profile 'role' region"), R(WithRegion(new() { ProfileName = "role", Environment = Env() })));
    }

    private static (string, string) R(ResolvedClientSettings s) => (s.Region, s.RegionSource);

    [Fact]
    public void No_region_says_how_to_fix_it()
    {
        File.Delete(ConfigFile);
        var error = Assert.Throws<IvsChatConfigurationException>(() => WithRegion(new ClientSettingsInput { Environment = Env() }));
        Assert.Contains("-Region", error.Message);
        Assert.Contains("AWS_REGION", error.Message);
    }

    // ---------- endpoint ----------

    [Fact]
    public void Endpoint_order_parameter_service_env_global_env_profile_default()
    {
        var env = Env(("AWS_ENDPOINT_URL_IVSCHAT", "http://127.0.0.1:3333"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4444"), ("AWS_PROFILE", "dev"));
        Assert.Equal(("http://localhost:5555/", "-EndpointUrl"), E(WithRegion(new() { EndpointUrl = "http://localhost:5555", Environment = env })));
        Assert.Equal(("http://127.0.0.1:3333/", "environment variable AWS_ENDPOINT_URL_IVSCHAT"), E(WithRegion(new() { Environment = env })));
        env.Remove("AWS_ENDPOINT_URL_IVSCHAT");
        Assert.Equal(("http://127.0.0.1:4444/", "environment variable AWS_ENDPOINT_URL"), E(WithRegion(new() { Environment = env })));
        env.Remove("AWS_ENDPOINT_URL");
        Assert.Equal(("http://127.0.0.1:9999/", "profile 'dev' endpoint_url"), E(WithRegion(new() { Environment = env })));
        Assert.Equal(("http://127.0.0.1:2222/", "profile 'svc' services ivschat endpoint_url"),
            E(WithRegion(new() { ProfileName = "svc", Environment = Env() })));
        Assert.Equal(("https://ivschat.eu-west-1.amazonaws.com/", "regional endpoint for eu-west-1"), E(WithRegion(new() { Environment = Env() })));
    }

    private static (string, string) E(ResolvedClientSettings s) => (s.Endpoint.ToString(), s.EndpointSource);

    [Fact]
    public void Ignore_configured_endpoint_urls_skips_env_and_profile()
    {
        var s = WithRegion(new()
        {
            Environment = Env(("AWS_ENDPOINT_URL", "http://127.0.0.1:4444"), ("AWS_PROFILE", "dev"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")),
        });
        Assert.Equal("https://ivschat.ap-south-1.amazonaws.com/", s.Endpoint.ToString());
    }

    [Fact]
    public void Invalid_endpoint_url_is_a_configuration_error()
    {
        var error = Assert.Throws<IvsChatConfigurationException>(() => WithRegion(new() { EndpointUrl = "not a url", Environment = Env() }));
        Assert.Contains("-EndpointUrl", error.Message);
    }

    // ---------- retry ----------

    [Fact]
    public void Retry_settings_env_then_profile_then_default()
    {
        var fromEnv = WithRegion(new() { Environment = Env(("AWS_RETRY_MODE", "legacy"), ("AWS_MAX_ATTEMPTS", "5"), ("AWS_PROFILE", "dev")) }).Retry;
        Assert.Equal(("legacy", 5), (fromEnv.Mode, fromEnv.MaxAttempts));
        Assert.Contains("AWS_RETRY_MODE", fromEnv.Source);
        Assert.Contains("AWS_MAX_ATTEMPTS", fromEnv.Source);

        var fromProfile = WithRegion(new() { Environment = Env(("AWS_PROFILE", "dev")) }).Retry;
        Assert.Equal(("adaptive", 7), (fromProfile.Mode, fromProfile.MaxAttempts));
        Assert.Contains("profile 'dev' retry_mode", fromProfile.Source);

        var mixed = WithRegion(new() { Environment = Env(("AWS_MAX_ATTEMPTS", "2"), ("AWS_PROFILE", "dev")) }).Retry;
        Assert.Equal(("adaptive", 2), (mixed.Mode, mixed.MaxAttempts));

        var defaults = WithRegion(new() { Environment = Env() }).Retry;
        Assert.Equal(("standard", 3, "default"), (defaults.Mode, defaults.MaxAttempts, defaults.Source));
    }

    [Theory]
    [InlineData("AWS_MAX_ATTEMPTS", "zero")]
    [InlineData("AWS_MAX_ATTEMPTS", "0")]
    [InlineData("AWS_RETRY_MODE", "sometimes")]
    public void Invalid_retry_settings_are_configuration_errors(string name, string value)
    {
        var error = Assert.Throws<IvsChatConfigurationException>(() => WithRegion(new() { Environment = Env((name, value)) }));
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void Resolved_settings_drive_the_client()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput { ProfileName = "dev", Environment = Env() });
        Assert.Equal(new Uri("http://127.0.0.1:9999"), s.Endpoint);
        Assert.Equal(7, s.Retry.MaxAttempts);
        using var client = new IvsChatClient(s);
        Assert.Same(s, client.Settings);
    }
}
