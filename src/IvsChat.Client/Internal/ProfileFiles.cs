using System;
using System.Collections.Generic;
using System.IO;
using Amazon;
using Amazon.Runtime.CredentialManagement;

namespace IvsChat.Client.Internal;

/// <summary>The shared config and credentials files, at the paths the given environment names (AWSSDK.Core's
/// SharedCredentialsFile only looks at the process environment, which tests must not depend on). Parsed by
/// ProfileIni (a broken profile fails alone, without quoting values); profiles are handed to AWSCredentialsFactory,
/// which builds SSO, assume-role, credential_process and web-identity credentials and resolves source_profile
/// through this object.</summary>
internal sealed class ProfileFiles : ICredentialProfileSource
{
    private readonly ProfileIni? _credentials;
    private readonly ProfileIni? _config;

    private ProfileFiles(string credentialsPath, string configPath)
    {
        CredentialsPath = credentialsPath;
        ConfigPath = configPath;
        _credentials = ProfileIni.Read(credentialsPath);
        _config = ProfileIni.Read(configPath);
    }

    public string CredentialsPath { get; }
    public string ConfigPath { get; }

    public static ProfileFiles Open(string? profileLocation, EnvironmentView env)
    {
        var (credentials, config) = PathsFor(profileLocation, env);
        return new ProfileFiles(credentials, config);
    }

    /// <summary>Where the credentials and config files are for these settings.</summary>
    public static (string Credentials, string Config) PathsFor(string? profileLocation, EnvironmentView env)
    {
        var home = env.Get("HOME") ?? env.Get("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var credentials = !string.IsNullOrWhiteSpace(profileLocation) ? profileLocation!
            : env.Get("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(home, ".aws", "credentials");
        var config = env.Get("AWS_CONFIG_FILE") ?? Path.Combine(home, ".aws", "config");
        return (credentials, config);
    }

    /// <summary>"profile 'dev' (/home/me/.aws/credentials)": which file(s) the profile was found in.</summary>
    public string Describe(string name)
    {
        var where = new List<string>();
        if (_credentials?.Find(name) != null) where.Add(CredentialsPath);
        if (ConfigSection(name) != null) where.Add(ConfigPath);
        return $"profile '{name}' ({(where.Count == 0 ? CredentialsPath : string.Join(", ", where))})";
    }

    public bool TryGetProfile(string profileName, out CredentialProfile profile)
    {
        profile = TryGetProfile(profileName)?.Profile!;
        return profile != null;
    }

    /// <summary>The profile merged from both files (credentials file wins), with its sso-session merged in.</summary>
    public ProfileData? TryGetProfile(string name)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fromConfig = ConfigSection(name);
        var fromCredentials = _credentials?.Find(name);
        if (fromConfig == null && fromCredentials == null) return null;
        if (fromConfig != null) foreach (var pair in fromConfig.Checked()) values[pair.Key] = pair.Value;
        if (fromCredentials != null) foreach (var pair in fromCredentials.Checked()) values[pair.Key] = pair.Value;

        if (values.TryGetValue("sso_session", out var session) && _config?.Find(session, "sso-session") is { } sessionSection)
            foreach (var pair in sessionSection.Checked())
                if (!values.ContainsKey(pair.Key)) values[pair.Key] = pair.Value;

        var options = new CredentialProfileOptions
        {
            AccessKey = Get(values, "aws_access_key_id"),
            SecretKey = Get(values, "aws_secret_access_key"),
            Token = Get(values, "aws_session_token"),
            RoleArn = Get(values, "role_arn"),
            SourceProfile = Get(values, "source_profile"),
            CredentialSource = Get(values, "credential_source"),
            ExternalID = Get(values, "external_id"),
            MfaSerial = Get(values, "mfa_serial"),
            RoleSessionName = Get(values, "role_session_name"),
            CredentialProcess = Get(values, "credential_process"),
            WebIdentityTokenFile = Get(values, "web_identity_token_file"),
            SsoAccountId = Get(values, "sso_account_id"),
            SsoRegion = Get(values, "sso_region"),
            SsoRegistrationScopes = Get(values, "sso_registration_scopes"),
            SsoRoleName = Get(values, "sso_role_name"),
            SsoSession = Get(values, "sso_session"),
            SsoStartUrl = Get(values, "sso_start_url"),
            AwsAccountId = Get(values, "aws_account_id"),
        };
        var profile = new CredentialProfile(name, options);
        if (Get(values, "region") is { } region) profile.Region = RegionEndpoint.GetBySystemName(region);
        profile.EndpointUrl = Get(values, "endpoint_url");
        profile.Services = Get(values, "services");
        return new ProfileData(profile, values, ServicesSection(profile.Services));
    }

    // In the config file profiles are "[profile name]", except the default profile, which is plain "[default]".
    private ProfileIni.Section? ConfigSection(string name)
        => _config == null ? null : _config.Find(name, "profile") ?? (name == "default" ? _config.Find(name) : null);

    private Dictionary<string, Dictionary<string, string>>? ServicesSection(string? name)
    {
        if (name == null || _config?.Find(name, "services") is not { } section) return null;
        section.Checked();
        return section.Nested;
    }

    internal static string? Get(Dictionary<string, string> values, string key)
        => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>One profile: what AWSSDK.Core needs for credentials, plus the raw settings we read ourselves.</summary>
internal sealed class ProfileData
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, Dictionary<string, string>>? _services;

    public ProfileData(CredentialProfile profile, Dictionary<string, string> values, Dictionary<string, Dictionary<string, string>>? services)
    {
        Profile = profile; _values = values; _services = services;
    }

    public CredentialProfile Profile { get; }
    public string Name => Profile.Name;

    /// <summary>A raw setting (region, retry_mode, max_attempts, endpoint_url, ...).</summary>
    public string? Value(string key) => ProfileFiles.Get(_values, key);

    /// <summary>Values of settings whose name says secret or token (aws_secret_access_key, aws_session_token, ...).</summary>
    public IEnumerable<string> SecretValues
    {
        get
        {
            foreach (var pair in _values)
                if (pair.Key.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0
                    || pair.Key.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0) yield return pair.Value;
        }
    }

    /// <summary>endpoint_url for one service from the profile's `services` section.</summary>
    public string? ServiceEndpoint(string service)
        => _services != null && _services.TryGetValue(service, out var settings) ? ProfileFiles.Get(settings, "endpoint_url") : null;
}
