using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.Tests;

public class OptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var o = EmulatorOptions.Parse([])!;
        Assert.Equal("127.0.0.1", o.Host);
        Assert.Equal(0, o.Port);
        Assert.Equal("us-east-1", o.Region);
        Assert.Equal("123456789012", o.AccountId);
        Assert.Equal("AKIAIVSCHATEMULATOR0", o.AccessKeyId);
        Assert.Equal("ivschat-emulator-local-test-secret-key00", o.SecretAccessKey);
        Assert.True(o.RequireSignatures);
        Assert.False(o.EnforceQuotas);
        Assert.Equal(60, o.TokenTtlSeconds);
        Assert.Equal(60, o.SessionMinuteSeconds);
    }

    [Fact]
    public void Every_option_is_parsed_in_both_forms()
    {
        var o = EmulatorOptions.Parse(["--port", "1234", "--host=0.0.0.0", "--region", "eu-west-1", "--account-id=000000000001",
            "--access-key", "AKIDTEST", "--secret-key", "s3cr3t", "--no-auth", "--enforce-quotas",
            "--token-ttl-seconds", "5", "--session-minute-seconds=2", "--verbose"])!;
        Assert.Equal((1234, "0.0.0.0", "eu-west-1", "000000000001"), (o.Port, o.Host, o.Region, o.AccountId));
        Assert.Equal(("AKIDTEST", "s3cr3t"), (o.AccessKeyId, o.SecretAccessKey));
        Assert.False(o.RequireSignatures);
        Assert.True(o.EnforceQuotas);
        Assert.True(o.Verbose);
        Assert.Equal(TimeSpan.FromSeconds(5), o.TokenTtl);
        Assert.Equal(TimeSpan.FromSeconds(20), o.SessionDuration(10));
    }

    [Fact]
    public void Review_options_are_left_with_their_values_to_the_messaging_side()
    {
        const string handler = "arn:aws:lambda:us-east-1:123456789012:function:review";
        string[] args = ["--review-rule", handler + "=deny:bad", "--review-handler=" + handler + "=http://127.0.0.1:9/", "--region", "eu-west-1"];
        Assert.Equal("eu-west-1", EmulatorOptions.Parse(args)!.Region);
        var messaging = IvsChat.Emulator.Messaging.MessagingOptions.FromArguments(args, _ => null);
        Assert.True(messaging.ReviewRules.ContainsKey(handler));
        Assert.True(messaging.ReviewHandlers.ContainsKey(handler));
        Assert.Contains("--review-rule", EmulatorOptions.Usage);
    }

    [Theory]
    [InlineData("--account-id", "12345", "12 digits")]
    [InlineData("--region", "US_EAST", "--region")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--port", "abc", "--port")]
    [InlineData("--token-ttl-seconds", "0", "--token-ttl-seconds")]
    [InlineData("--host", "not a host", "--host")]
    [InlineData("--bogus", "1", "Unknown option")]
    public void Bad_values_are_refused_with_a_clear_message(string name, string value, string expected)
    {
        var e = Assert.Throws<EmulatorOptionsException>(() => EmulatorOptions.Parse([name, value]));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_value_and_help()
    {
        Assert.Contains("needs a value", Assert.Throws<EmulatorOptionsException>(() => EmulatorOptions.Parse(["--region"])).Message);
        Assert.Null(EmulatorOptions.Parse(["--help"]));
    }
}
