using System.Globalization;
using System.Text.RegularExpressions;
using IvsChat.Emulator.Messaging;

namespace IvsChat.Emulator.Hosting;

/// <summary>Thrown for a bad command line; the message is shown to the user as is.</summary>
public sealed class EmulatorOptionsException(string message) : Exception(message);

/// <summary>Everything the command line controls. Registered as a singleton in DI.</summary>
public sealed class EmulatorOptions
{
    public const string DefaultAccessKeyId = "AKIAIVSCHATEMULATOR0";
    public const string DefaultSecretAccessKey = "ivschat-emulator-local-test-secret-key00";

    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 0;
    /// <summary>The default region: in the banner, and for unsigned requests under --no-auth.</summary>
    public string Region { get; init; } = "us-east-1";
    /// <summary>With --regions, the only regions served (besides Region); null serves every well-formed region.</summary>
    public IReadOnlySet<string>? Regions { get; init; }
    public string AccountId { get; init; } = "123456789012";
    public string AccessKeyId { get; init; } = DefaultAccessKeyId;
    public string SecretAccessKey { get; init; } = DefaultSecretAccessKey;
    /// <summary>False with --no-auth: requests are not checked for a SigV4 signature.</summary>
    public bool RequireSignatures { get; init; } = true;
    /// <summary>True with --enforce-quotas: AWS's API rate quotas, one token bucket per operation.</summary>
    public bool EnforceQuotas { get; init; }
    /// <summary>How long a chat token can be used to connect.</summary>
    public int TokenTtlSeconds { get; init; } = 60;
    /// <summary>How many real seconds one minute of sessionDurationInMinutes lasts.</summary>
    public int SessionMinuteSeconds { get; init; } = 60;
    /// <summary>Request logs to stderr.</summary>
    public bool Verbose { get; init; }
    /// <summary>How far the service's clock is from the real one (+ ahead, - behind), to test clients' clock-skew
    /// correction: signatures are checked, timestamps and the Date header are given, in the skewed time.</summary>
    public int ClockSkewSeconds { get; init; }
    /// <summary>Review settings read from the same command line (and environment); null: the messaging side reads
    /// the process's own.</summary>
    public MessagingOptions? MessagingSettings { get; init; }

    public const int MaxClockSkewSeconds = 7 * 86400;

    /// <summary>Whether a request scoped to this region is answered (each region has its own state).</summary>
    public bool ServesRegion(string region) =>
        region == Region || (Regions?.Contains(region) ?? RegionPattern.IsMatch(region));

    public TimeSpan TokenTtl => TimeSpan.FromSeconds(TokenTtlSeconds);

    public TimeSpan SessionDuration(int sessionDurationInMinutes) =>
        TimeSpan.FromSeconds((long)sessionDurationInMinutes * SessionMinuteSeconds);

    public const string Usage = """
        IvsChat.Emulator: a local Amazon IVS Chat service.
        Options:
          --port <n>                    TCP port, 0 = any free port (default 0)
          --host <address>              IP address to bind (default 127.0.0.1)
          --region <region>             default region: in the banner and for unsigned requests (default us-east-1)
          --regions <r1,r2,...>         serve only these regions (and --region); default: every region
          --account-id <12 digits>      account in ARNs (default 123456789012)
          --access-key <id>             accepted access key id (default AKIAIVSCHATEMULATOR0)
          --secret-key <secret>         its secret (default ivschat-emulator-local-test-secret-key00)
          --no-auth                     accept requests without checking signatures
          --enforce-quotas              answer ThrottlingException above AWS's API rate quotas
          --token-ttl-seconds <n>       how long a chat token can be used to connect (default 60)
          --session-minute-seconds <n>  real seconds per session minute (default 60)
          --clock-skew-seconds <n>      run the service's clock n seconds ahead (negative: behind) (default 0)
          --verbose                     request logs to stderr
          --help                        this text
        """ + "\n" + MessagingOptions.Usage;

    private static readonly Regex RegionPattern = new("^[a-z0-9-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex AccountPattern = new("^[0-9]{12}$", RegexOptions.CultureInvariant);

    /// <summary>Parses `--name value` and `--name=value` forms. Returns null when --help was asked for.</summary>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        string host = "127.0.0.1", region = "us-east-1", account = "123456789012";
        string[]? regions = null;
        string accessKey = DefaultAccessKeyId, secret = DefaultSecretAccessKey;
        int port = 0, ttl = 60, minute = 60, skew = 0;
        bool noAuth = false, quotas = false, verbose = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg;
            string? inline = null;
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }
            string Value()
            {
                if (inline != null) return inline;
                if (i + 1 >= args.Count) throw new EmulatorOptionsException($"Option {name} needs a value.");
                return args[++i];
            }
            switch (name)
            {
                case "--help" or "-h" or "-?": return null;
                case "--port": port = Int(name, Value(), 0, 65535); break;
                case "--host": host = Value(); break;
                case "--region": region = Value(); break;
                case "--regions": regions = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries); break;
                case "--account-id": account = Value(); break;
                case "--access-key": accessKey = Value(); break;
                case "--secret-key": secret = Value(); break;
                case "--no-auth": noAuth = true; break;
                case "--enforce-quotas": quotas = true; break;
                case "--verbose": verbose = true; break;
                case "--token-ttl-seconds": ttl = Int(name, Value(), 1, 86400); break;
                case "--session-minute-seconds": minute = Int(name, Value(), 1, 3600); break;
                case "--clock-skew-seconds": skew = Int(name, Value(), -MaxClockSkewSeconds, MaxClockSkewSeconds); break;
                // Read by MessagingOptions.FromArguments; here only skipped with their value.
                case var messaging when MessagingOptions.IsMessagingOption(messaging): Value(); break;
                default: throw new EmulatorOptionsException($"Unknown option '{arg}'. Use --help for the list.");
            }
        }
        if (!System.Net.IPAddress.TryParse(host, out _) && host != "localhost")
            throw new EmulatorOptionsException($"--host must be an IP address (or localhost), not '{host}'.");
        if (!RegionPattern.IsMatch(region))
            throw new EmulatorOptionsException($"--region must match [a-z0-9-]+, not '{region}'.");
        if (regions?.FirstOrDefault(r => !RegionPattern.IsMatch(r)) is { } badRegion)
            throw new EmulatorOptionsException($"--regions must be a comma-separated list of regions matching [a-z0-9-]+, not '{badRegion}'.");
        if (!AccountPattern.IsMatch(account))
            throw new EmulatorOptionsException("--account-id must be exactly 12 digits.");
        if (accessKey.Length is < 1 or > 128 || accessKey.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new EmulatorOptionsException("--access-key must be 1-128 letters or digits.");
        if (secret.Length == 0)
            throw new EmulatorOptionsException("--secret-key must not be empty.");
        MessagingOptions review;
        try
        {
            review = MessagingOptions.FromArguments(args, environment);
        }
        catch (MessagingOptionsException e)
        {
            throw new EmulatorOptionsException(e.Message);
        }
        return new EmulatorOptions
        {
            MessagingSettings = review,
            Host = host, Port = port, Region = region, Regions = regions?.ToHashSet(StringComparer.Ordinal), AccountId = account, AccessKeyId = accessKey,
            SecretAccessKey = secret, RequireSignatures = !noAuth, EnforceQuotas = quotas,
            TokenTtlSeconds = ttl, SessionMinuteSeconds = minute, Verbose = verbose, ClockSkewSeconds = skew,
        };
    }

    private static int Int(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
            throw new EmulatorOptionsException($"Option {name} must be an integer from {min} to {max}, not '{text}'.");
        return v;
    }
}
