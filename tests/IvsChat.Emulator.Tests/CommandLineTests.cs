using System.Diagnostics;

namespace IvsChat.Emulator.Tests;

/// <summary>The built service started as a process: bad options end with `error: ...` on stderr and exit 2.</summary>
public class CommandLineTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:review";

    public static readonly TheoryData<string[], string?, string?, string> BadReviewSettings = new()
    {
        { ["--review-rule", "nonsense"], null, null, "--review-rule" },
        { ["--review-rule", Lambda + "=deny:("], null, null, "regular expression" },
        { ["--review-rule=" + Lambda + "=explode"], null, null, "unknown rule" },
        { ["--review-rule", Lambda + "=rewrite:nope"], null, null, "rewrite" },
        { ["--review-handler", Lambda + "=ftp://example.com/"], null, null, "--review-handler" },
        { ["--review-handler", "not-an-arn=http://127.0.0.1:9/"], null, null, "--review-handler" },
        { [], "IVSCHAT_REVIEW_RULES", Lambda + "=delay:-5", "IVSCHAT_REVIEW_RULES" },
        { [], "IVSCHAT_REVIEW_HANDLERS", "garbage", "IVSCHAT_REVIEW_HANDLERS" },
    };

    [Theory]
    [MemberData(nameof(BadReviewSettings))]
    public async Task Bad_review_settings_are_an_error_line_and_exit_2(string[] args, string? variable, string? value, string expected)
    {
        var (exitCode, stdout, stderr) = await RunAsync(args, variable, value);
        Assert.True(exitCode == 2, $"exit {exitCode}; stderr: {stderr}");
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.Equal("", stdout);
    }

    /// <summary>Runs the service with the arguments; a service that starts (it should not) is stopped after 15 s.</summary>
    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string? variable = null, string? value = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IvsChat.Emulator.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("IVSCHAT_REVIEW_RULES");
        start.Environment.Remove("IVSCHAT_REVIEW_HANDLERS");
        if (variable != null) start.Environment[variable] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
