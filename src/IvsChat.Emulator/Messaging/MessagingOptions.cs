using System.Text.RegularExpressions;

namespace IvsChat.Emulator.Messaging;

/// <summary>Thrown for a bad messaging option; the message is shown to the user as is.</summary>
public sealed class MessagingOptionsException(string message) : Exception(message);

/// <summary>
/// The messaging side's own settings: stand-ins for message review Lambdas, and transport limits.
/// Review options: `--review-handler &lt;lambdaArn&gt;=&lt;http(s) url&gt;` and `--review-rule &lt;lambdaArn&gt;=&lt;rule&gt;`
/// (repeatable), or the same entries in IVSCHAT_REVIEW_HANDLERS / IVSCHAT_REVIEW_RULES separated by newlines or ';'.
/// See Messaging/README.md.
/// </summary>
public sealed class MessagingOptions
{
    public const string ReviewHandlerOption = "--review-handler";
    public const string ReviewRuleOption = "--review-rule";
    public const string ReviewHandlersVariable = "IVSCHAT_REVIEW_HANDLERS";
    public const string ReviewRulesVariable = "IVSCHAT_REVIEW_RULES";

    /// <summary>Largest client frame accepted; bigger frames get ERROR 413 (the frame is read and discarded).</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;
    /// <summary>Frames queued for one connection; a client that falls this far behind is disconnected (1008).</summary>
    public int SendQueueCapacity { get; init; } = 8192;
    /// <summary>AWS's fixed review timeout.</summary>
    public TimeSpan ReviewTimeout { get; init; } = TimeSpan.FromMilliseconds(200);
    /// <summary>WebSocket ping interval (server side keep-alive).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A client that does not answer a ping within this time is dropped (dead peers do not linger).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public Dictionary<string, Uri> ReviewHandlers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ReviewRule>> ReviewRules { get; } = new(StringComparer.Ordinal);

    public const string Usage = """
          --review-handler <arn>=<url>  message review: POST AWS's review request for the Lambda <arn> to <url>
          --review-rule <arn>=<rule>    message review by a built-in rule for <arn>: deny:<regex>,
                                        rewrite:<regex>=><replacement>, fail, or delay:<ms> (repeatable)
        """;

    /// <summary>Reads the messaging options out of a command line (other options are left to the host) and the
    /// environment variables.</summary>
    public static MessagingOptions FromArguments(IReadOnlyList<string> args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var options = new MessagingOptions();
        FromVariable(ReviewHandlersVariable, options.AddReviewHandler);
        FromVariable(ReviewRulesVariable, options.AddReviewRule);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            foreach (string option in new[] { ReviewHandlerOption, ReviewRuleOption })
            {
                string? value = null;
                if (arg == option && i + 1 < args.Count) value = args[++i];
                else if (arg.StartsWith(option + "=", StringComparison.Ordinal)) value = arg[(option.Length + 1)..];
                if (value == null) continue;
                if (option == ReviewHandlerOption) options.AddReviewHandler(value);
                else options.AddReviewRule(value);
                break;
            }
        }
        return options;

        void FromVariable(string variable, Action<string> add)
        {
            try
            {
                foreach (string entry in Split(environment(variable))) add(entry);
            }
            catch (MessagingOptionsException e)
            {
                throw new MessagingOptionsException($"{variable}: {e.Message}");
            }
        }
    }

    /// <summary>True for the options this class owns (so a host parser can hand them over).</summary>
    public static bool IsMessagingOption(string name) => name is ReviewHandlerOption or ReviewRuleOption;

    public void AddReviewHandler(string entry)
    {
        (string arn, string target) = SplitEntry(entry, ReviewHandlerOption);
        if (!Uri.TryCreate(target, UriKind.Absolute, out Uri? url) || (url.Scheme != "http" && url.Scheme != "https"))
            throw new MessagingOptionsException($"{ReviewHandlerOption}: '{target}' is not an http(s) URL.");
        ReviewHandlers[arn] = url;
    }

    public void AddReviewRule(string entry)
    {
        (string arn, string text) = SplitEntry(entry, ReviewRuleOption);
        if (!ReviewRules.TryGetValue(arn, out var rules)) ReviewRules[arn] = rules = new List<ReviewRule>();
        rules.Add(ReviewRule.Parse(text));
    }

    private static (string Arn, string Value) SplitEntry(string entry, string option)
    {
        // Lambda ARNs never contain '=', so the first one separates the ARN from the value.
        int eq = entry.IndexOf('=');
        if (eq <= 0 || eq == entry.Length - 1 || !entry.StartsWith("arn:", StringComparison.Ordinal))
            throw new MessagingOptionsException($"{option} expects <lambdaArn>=<value>, not '{entry}'.");
        return (entry[..eq], entry[(eq + 1)..]);
    }

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum ReviewRuleKind { Deny, Rewrite, Fail, Delay }

/// <summary>A built-in stand-in for a review Lambda: deny or rewrite matching content, or fail / be slow so that the
/// room's fallbackResult applies.</summary>
public sealed record ReviewRule(ReviewRuleKind Kind, Regex? Pattern = null, string? Replacement = null, TimeSpan Delay = default)
{
    public static ReviewRule Parse(string text)
    {
        try
        {
            if (text.StartsWith("deny:", StringComparison.Ordinal))
                return new ReviewRule(ReviewRuleKind.Deny, Compile(text["deny:".Length..]));
            if (text.StartsWith("rewrite:", StringComparison.Ordinal))
            {
                string body = text["rewrite:".Length..];
                int arrow = body.LastIndexOf("=>", StringComparison.Ordinal);
                if (arrow <= 0) throw new MessagingOptionsException($"rewrite rule needs <regex>=><replacement>, not '{text}'.");
                return new ReviewRule(ReviewRuleKind.Rewrite, Compile(body[..arrow]), body[(arrow + 2)..]);
            }
            if (text == "fail") return new ReviewRule(ReviewRuleKind.Fail);
            if (text.StartsWith("delay:", StringComparison.Ordinal) && int.TryParse(text["delay:".Length..], out int ms) && ms >= 0)
                return new ReviewRule(ReviewRuleKind.Delay, Delay: TimeSpan.FromMilliseconds(ms));
        }
        catch (ArgumentException e)
        {
            throw new MessagingOptionsException($"{MessagingOptions.ReviewRuleOption}: bad regular expression: {e.Message}");
        }
        throw new MessagingOptionsException(
            $"{MessagingOptions.ReviewRuleOption}: unknown rule '{text}'. Use deny:<regex>, rewrite:<regex>=><replacement>, fail or delay:<ms>.");
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
}
