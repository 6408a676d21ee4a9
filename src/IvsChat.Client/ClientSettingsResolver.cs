using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using IvsChat.Client.Internal;

namespace IvsChat.Client;

/// <summary>Resolves credentials, region, endpoint and retry settings in the order documented on
/// <see cref="ClientSettingsInput"/>. Profiles are read from the shared config and credentials files named by
/// the (given) environment; credentials objects come from AWSSDK.Core (profiles incl. SSO, assume-role,
/// credential_process and web identity; env; container; instance metadata).</summary>
public static class ClientSettingsResolver
{
    private const string DefaultProfile = "default";

    /// <summary>Resolves credentials, region, endpoint and retry settings for <paramref name="input"/>.</summary>
    public static ResolvedClientSettings Resolve(ClientSettingsInput input)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        var env = new EnvironmentView(input.Environment);
        var files = ProfileFiles.Open(input.ProfileLocation, env);

        // The profile for settings (region, endpoint, retry): -ProfileName, else AWS_PROFILE, else "default".
        string? settingsProfileName = Trimmed(input.ProfileName) ?? env.Get("AWS_PROFILE");
        var settingsProfile = files.TryGetProfile(settingsProfileName ?? DefaultProfile);

        var (credentials, credentialSource) = ResolveCredentials(input, env, files);
        var (region, regionSource) = ResolveRegion(input, env, settingsProfile);
        var (endpoint, endpointSource) = ResolveEndpoint(input, env, settingsProfile, region);
        var retry = ResolveRetry(env, settingsProfile);
        var timeouts = ResolveTimeouts(env, settingsProfile);
        return new ResolvedClientSettings(credentials, credentialSource, region, regionSource, endpoint, endpointSource, retry, timeouts);
    }

    // ---------------- credentials ----------------

    private static (AWSCredentials, string) ResolveCredentials(ClientSettingsInput input, EnvironmentView env, ProfileFiles files)
    {
        var accessKey = Trimmed(input.AccessKey);
        var secretKey = Trimmed(input.SecretKey);
        if (accessKey != null || secretKey != null)
        {
            if (accessKey == null || secretKey == null)
                throw new IvsChatConfigurationException("Give both -AccessKey and -SecretKey (and -SessionToken for temporary credentials), or neither.");
            var token = Trimmed(input.SessionToken);
            return (token == null ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token),
                token == null ? "-AccessKey/-SecretKey" : "-AccessKey/-SecretKey/-SessionToken");
        }

        if (Trimmed(input.ProfileName) is { } profileName)
            return (FromProfile(files, profileName, $"profile '{profileName}'"), files.Describe(profileName));

        if (input.Credentials != null)
            return (CredentialObjects.Read(input.Credentials)
                ?? throw new IvsChatConfigurationException("-Credential must be " + CredentialObjects.Accepted + "."), "-Credential");
        if (CredentialObjects.Read(input.StoredCredentials) is { } stored) return (stored, "$StoredAWSCredentials");

        var envKey = env.Get("AWS_ACCESS_KEY_ID");
        var envSecret = env.Get("AWS_SECRET_ACCESS_KEY");
        if (envKey != null && envSecret != null)
        {
            var token = env.Get("AWS_SESSION_TOKEN");
            return (token == null ? new BasicAWSCredentials(envKey, envSecret) : new SessionAWSCredentials(envKey, envSecret, token),
                token == null ? "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
                              : "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN");
        }

        if (env.Get("AWS_PROFILE") is { } envProfile)
            return (FromProfile(files, envProfile, $"profile '{envProfile}' (environment variable AWS_PROFILE)"),
                files.Describe(envProfile) + " from environment variable AWS_PROFILE");

        // AWSSDK.Core's chain, in its order: web identity, default profile, container, instance metadata.
        if (env.Get("AWS_WEB_IDENTITY_TOKEN_FILE") is { } tokenFile && env.Get("AWS_ROLE_ARN") is { } roleArn)
            return (new AssumeRoleWithWebIdentityCredentials(tokenFile, roleArn, env.Get("AWS_ROLE_SESSION_NAME")),
                $"web identity (AWS_WEB_IDENTITY_TOKEN_FILE, role {roleArn})");

        if (files.TryGetProfile(DefaultProfile) is { Profile.CanCreateAWSCredentials: true })
            return (FromProfile(files, DefaultProfile, "profile 'default'"), files.Describe(DefaultProfile));

        if (env.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != null || env.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null)
            return (new GenericContainerCredentials(), "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI)");

        if (!IsTrue(env.Get("AWS_EC2_METADATA_DISABLED")))
        {
            // Instance metadata is the last resort; probe it now so that "no credentials" fails here, clearly.
            try
            {
                var instance = new InstanceProfileAWSCredentials();
                if (instance.GetCredentials() != null) return (instance, "EC2 instance metadata (instance profile)");
            }
            catch (Exception) { /* not on EC2: fall through to the explanation below */ }
        }

        throw new IvsChatConfigurationException(
            "No AWS credentials found. Give -AccessKey and -SecretKey, -ProfileName (a profile in " +
            $"{files.CredentialsPath} or {files.ConfigPath}), or -Credential; or set AWS_ACCESS_KEY_ID and " +
            "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or AWS_PROFILE; or create a [default] profile " +
            "(e.g. `aws configure`). For the local emulator, any access key the emulator accepts will do.");
    }

    private static AWSCredentials FromProfile(ProfileFiles files, string name, string what)
    {
        var profile = files.TryGetProfile(name)
            ?? throw new IvsChatConfigurationException(
                $"AWS {what} was not found in {files.CredentialsPath} or {files.ConfigPath}. " +
                "Check the name, or create it (e.g. `aws configure --profile <name>`).");
        if (!profile.Profile.CanCreateAWSCredentials)
            throw new IvsChatConfigurationException(
                $"AWS {what} in {files.Describe(name)} has no usable credentials (access keys, role_arn with source_profile or " +
                "credential_source, sso_* settings, credential_process or web_identity_token_file).");
        try { return AWSCredentialsFactory.GetAWSCredentials(profile.Profile, files); }
        catch (Exception ex) when (!(ex is IvsChatConfigurationException))
        {
            // AWSSDK's messages may quote what it read (a credential_process answer): scrub the profile's secrets,
            // and keep the inner exception only when its text is clean.
            var secrets = new Redactor(profile.SecretValues);
            var clean = secrets.Scrub(ex.ToString()) == ex.ToString();
            throw new IvsChatConfigurationException($"AWS {what} cannot give credentials: {secrets.Scrub(ex.Message)}", clean ? ex : null);
        }
    }

    // ---------------- region ----------------

    private static (string, string) ResolveRegion(ClientSettingsInput input, EnvironmentView env, ProfileData? profile)
    {
        if (Trimmed(input.Region) is { } r) return (r, "-Region");
        if (Trimmed(input.ArnRegion) is { } a) return (a, "the region in the ARN");
        if (Trimmed(input.StoredRegion) is { } s) return (s, "$StoredAWSRegion");
        if (env.Get("AWS_REGION") is { } er) return (er, "environment variable AWS_REGION");
        if (env.Get("AWS_DEFAULT_REGION") is { } edr) return (edr, "environment variable AWS_DEFAULT_REGION");
        if (profile != null && profile.Value("region") is { } pr) return (pr, $"profile '{profile.Name}' region");
        throw new IvsChatConfigurationException(
            "No AWS region found. Give -Region (e.g. -Region us-east-1), set AWS_REGION or AWS_DEFAULT_REGION, " +
            "or add `region = us-east-1` to your profile in the AWS config file.");
    }

    // ---------------- endpoint ----------------

    private static (Uri, string) ResolveEndpoint(ClientSettingsInput input, EnvironmentView env, ProfileData? profile, string region)
    {
        if (Trimmed(input.EndpointUrl) is { } url) return (ParseEndpoint(url, "-EndpointUrl"), "-EndpointUrl");
        var ignoreConfigured = IsTrue(env.Get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
            || (profile != null && IsTrue(profile.Value("ignore_configured_endpoint_urls")));
        if (!ignoreConfigured)
        {
            if (env.Get("AWS_ENDPOINT_URL_IVSCHAT") is { } svc)
                return (ParseEndpoint(svc, "AWS_ENDPOINT_URL_IVSCHAT"), "environment variable AWS_ENDPOINT_URL_IVSCHAT");
            if (env.Get("AWS_ENDPOINT_URL") is { } global)
                return (ParseEndpoint(global, "AWS_ENDPOINT_URL"), "environment variable AWS_ENDPOINT_URL");
            if (profile != null)
            {
                if (profile.ServiceEndpoint("ivschat") is { } serviceUrl)
                    return (ParseEndpoint(serviceUrl, $"profile '{profile.Name}' services ivschat endpoint_url"),
                        $"profile '{profile.Name}' services ivschat endpoint_url");
                if (profile.Value("endpoint_url") is { } profileUrl)
                    return (ParseEndpoint(profileUrl, $"profile '{profile.Name}' endpoint_url"), $"profile '{profile.Name}' endpoint_url");
            }
        }
        var dnsSuffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return (new Uri($"https://ivschat.{region}.{dnsSuffix}"), $"regional endpoint for {region}");
    }

    private static Uri ParseEndpoint(string value, string source)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        throw new IvsChatConfigurationException($"The endpoint URL from {source} is not an absolute http(s) URL: '{value}'.");
    }

    // ---------------- retry ----------------

    private static RetrySettings ResolveRetry(EnvironmentView env, ProfileData? profile)
    {
        string? mode = null, modeSource = null;
        if (env.Get("AWS_RETRY_MODE") is { } em) { mode = em; modeSource = "environment variable AWS_RETRY_MODE"; }
        else if (profile != null && profile.Value("retry_mode") is { } pm) { mode = pm; modeSource = $"profile '{profile.Name}' retry_mode"; }

        string? attempts = null, attemptsSource = null;
        if (env.Get("AWS_MAX_ATTEMPTS") is { } ea) { attempts = ea; attemptsSource = "environment variable AWS_MAX_ATTEMPTS"; }
        else if (profile != null && profile.Value("max_attempts") is { } pa) { attempts = pa; attemptsSource = $"profile '{profile.Name}' max_attempts"; }

        var normalizedMode = (mode ?? "standard").ToLowerInvariant();
        if (normalizedMode != "standard" && normalizedMode != "adaptive" && normalizedMode != "legacy")
            throw new IvsChatConfigurationException($"Retry mode '{mode}' from {modeSource} is not one of standard, adaptive, legacy.");
        // AWS SDK for .NET: legacy mode makes 5 attempts (MaxErrorRetry 4), standard and adaptive 3.
        var maxAttempts = normalizedMode == "legacy" ? 5 : 3;
        if (attempts != null && (!int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxAttempts) || maxAttempts < 1))
            throw new IvsChatConfigurationException($"Max attempts '{attempts}' from {attemptsSource} is not a whole number of at least 1.");

        if (modeSource == null && attemptsSource == null) return RetrySettings.Default;
        var source = modeSource != null && attemptsSource != null ? modeSource + ", " + attemptsSource : modeSource ?? attemptsSource!;
        return new RetrySettings(normalizedMode, maxAttempts, source);
    }

    // ---------------- timeouts ----------------

    private static TimeoutSettings ResolveTimeouts(EnvironmentView env, ProfileData? profile)
    {
        var defaults = TimeoutSettings.Default;
        var sources = new List<string>();
        TimeSpan Read(string variable, string profileKey, TimeSpan fallback)
        {
            string? value = env.Get(variable), source = variable;
            if (value == null && profile?.Value(profileKey) is { } fromProfile) { value = fromProfile; source = $"profile '{profile.Name}' {profileKey}"; }
            if (value == null) return fallback;
            // Seconds, as the AWS CLI reads cli_connect_timeout and cli_read_timeout; 0 means no limit.
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > int.MaxValue / 1000.0)
                throw new IvsChatConfigurationException($"Timeout '{value}' from {source} is not a number of seconds (0 = no limit).");
            sources.Add(source);
            return seconds == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
        }
        var connect = Read("IVSCHAT_CONNECT_TIMEOUT", "cli_connect_timeout", defaults.ConnectTimeout);
        var read = Read("IVSCHAT_READ_TIMEOUT", "cli_read_timeout", defaults.ReadTimeout);
        var attempt = Read("IVSCHAT_ATTEMPT_TIMEOUT", "ivschat_attempt_timeout", defaults.AttemptTimeout);
        return sources.Count == 0 ? defaults : new TimeoutSettings(connect, read, attempt, string.Join(", ", sources));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Environment variables from the caller's dictionary (tests) or the process; empty counts as unset.</summary>
internal sealed class EnvironmentView
{
    private readonly IDictionary<string, string?>? _values;
    public EnvironmentView(IDictionary<string, string?>? values) { _values = values; }

    public string? Get(string name)
    {
        string? value;
        if (_values == null) value = Environment.GetEnvironmentVariable(name);
        else if (!_values.TryGetValue(name, out value))
        {
            value = null;
            foreach (var pair in _values)
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) { value = pair.Value; break; }
        }
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
