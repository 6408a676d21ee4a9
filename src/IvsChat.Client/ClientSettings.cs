using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace IvsChat.Client;

/// <summary>What a caller knows explicitly; ClientSettingsResolver fills in the rest from the environment,
/// the shared config/credentials files and AWSSDK.Core's credential chain.</summary>
public sealed class ClientSettingsInput
{
    // Credentials, in this order: AccessKey/SecretKey(/SessionToken), ProfileName, Credentials, StoredCredentials,
    // then AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE, then AWSSDK.Core's chain.
    /// <summary>-AccessKey: an access key id, used with <see cref="SecretKey"/>.</summary>
    public string? AccessKey { get; set; }
    /// <summary>-SecretKey: never printed.</summary>
    public string? SecretKey { get; set; }
    /// <summary>-SessionToken, for temporary credentials: never printed.</summary>
    public string? SessionToken { get; set; }
    /// <summary>-ProfileName: a profile in the shared config and credentials files.</summary>
    public string? ProfileName { get; set; }
    /// <summary>A credentials file to read profiles from (AWS.Tools' -ProfileLocation).</summary>
    public string? ProfileLocation { get; set; }
    // Credentials and StoredCredentials are objects so that callers (the cmdlets) never touch AWSSDK types: an
    // Amazon.Runtime.AWSCredentials of any AWSSDK.Core copy, an AWS.Tools wrapper with .Credentials, a
    // NetworkCredential, or an object with AccessKey/SecretKey(/Token) properties.
    /// <summary>Explicit credentials (-Credential); unreadable ones are a configuration error.</summary>
    public object? Credentials { get; set; }
    /// <summary>Shell-wide credentials ($StoredAWSCredentials); unreadable ones are skipped.</summary>
    public object? StoredCredentials { get; set; }

    // Region, in this order: Region, ArnRegion, StoredRegion, AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
    /// <summary>-Region.</summary>
    public string? Region { get; set; }
    /// <summary>The region in the ARN being acted on.</summary>
    public string? ArnRegion { get; set; }
    /// <summary>$StoredAWSRegion.</summary>
    public string? StoredRegion { get; set; }

    // Endpoint: EndpointUrl, AWS_ENDPOINT_URL_IVSCHAT, AWS_ENDPOINT_URL, the profile's endpoint_url, then
    // https://ivschat.{region}.amazonaws.com.
    /// <summary>-EndpointUrl.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Environment variables to read instead of the process's (tests); null = the process environment.</summary>
    public IDictionary<string, string?>? Environment { get; set; }
}

/// <summary>The outcome of resolution, with where each part came from (for -Debug; never the secret itself).</summary>
public sealed class ResolvedClientSettings
{
    internal ResolvedClientSettings(AWSCredentials credentials, string credentialSource, string region, string regionSource,
        Uri endpoint, string endpointSource, RetrySettings retry, TimeoutSettings? timeouts = null)
    {
        Timeouts = timeouts ?? TimeoutSettings.Default;
        Credentials = credentials; CredentialSource = credentialSource;
        Region = region; RegionSource = regionSource;
        Endpoint = endpoint; EndpointSource = endpointSource;
        Retry = retry;
    }

    /// <summary>Internal: the cmdlet assembly must not see AWSSDK types (it lives outside the module's private load context).</summary>
    internal AWSCredentials Credentials { get; }
    /// <summary>E.g. "-AccessKey/-SecretKey", "profile 'dev' in ~/.aws/credentials", "environment variables".</summary>
    public string CredentialSource { get; }
    /// <summary>The region the client signs for and calls.</summary>
    public string Region { get; }
    /// <summary>Where <see cref="Region"/> came from, e.g. "-Region".</summary>
    public string RegionSource { get; }
    /// <summary>The control-plane endpoint.</summary>
    public Uri Endpoint { get; }
    /// <summary>Where <see cref="Endpoint"/> came from, e.g. "AWS_ENDPOINT_URL_IVSCHAT".</summary>
    public string EndpointSource { get; }
    /// <summary>The retry mode and attempt budget.</summary>
    public RetrySettings Retry { get; }
    /// <summary>The per-attempt time limits.</summary>
    public TimeoutSettings Timeouts { get; }
}

/// <summary>AWS retry settings as AWS SDKs read them (AWS_RETRY_MODE / AWS_MAX_ATTEMPTS, profile retry_mode /
/// max_attempts). Mode is "standard", "adaptive" or "legacy" (the AWS SDK for .NET's legacy rules: 5 attempts
/// by default, 100 ms x 4^n backoff up to 30 s, a 100-token retry quota); MaxAttempts counts the first try.</summary>
public sealed class RetrySettings
{
    /// <summary>Settings as read from <paramref name="source"/>.</summary>
    public RetrySettings(string mode, int maxAttempts, string source) { Mode = mode; MaxAttempts = maxAttempts; Source = source; }
    /// <summary>"standard", "adaptive" or "legacy".</summary>
    public string Mode { get; }
    /// <summary>Attempts per call, the first try included.</summary>
    public int MaxAttempts { get; }
    /// <summary>Where the settings came from (for -Debug).</summary>
    public string Source { get; }
    /// <summary>AWS SDKs' default: standard mode, 3 attempts.</summary>
    public static RetrySettings Default => new RetrySettings("standard", 3, "default");
}

/// <summary>How long one attempt may take. ConnectTimeout: to open the connection (AWS CLI cli_connect_timeout);
/// ReadTimeout: the longest silence while waiting for the answer or its next bytes (cli_read_timeout);
/// AttemptTimeout: the whole attempt, so that an answer trickling in byte by byte ends too. Infinite = no limit.
/// A timed-out attempt is retried like any transient failure.</summary>
public sealed class TimeoutSettings
{
    /// <summary>Limits as read from <paramref name="source"/>.</summary>
    public TimeoutSettings(TimeSpan connectTimeout, TimeSpan readTimeout, TimeSpan attemptTimeout, string source)
    {
        ConnectTimeout = connectTimeout; ReadTimeout = readTimeout; AttemptTimeout = attemptTimeout; Source = source;
    }
    /// <summary>To open the connection.</summary>
    public TimeSpan ConnectTimeout { get; }
    /// <summary>The longest silence while waiting for the answer or its next bytes.</summary>
    public TimeSpan ReadTimeout { get; }
    /// <summary>The whole attempt.</summary>
    public TimeSpan AttemptTimeout { get; }
    /// <summary>Where each value came from, e.g. "IVSCHAT_READ_TIMEOUT, profile 'dev' cli_connect_timeout".</summary>
    public string Source { get; }
    /// <summary>IVS Chat answers in well under a second: 5 s to connect, 10 s of silence, 30 s in all.</summary>
    public static TimeoutSettings Default => new TimeoutSettings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), "default");
}
