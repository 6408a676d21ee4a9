using System.Net;
using Amazon.Runtime;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>No secret key, session token, chat token, Authorization header, user id or token attribute in any
/// log line (captured at Debug) or exception text, even when the service echoes them back.</summary>
public class RedactionTests
{
    private const string SecretKey = "SECRETKEY0wJalrXUtnFEMI";
    private const string SessionToken = "SESSIONTOKEN0FQoGZXIvYXdz";
    private const string UserId = "user-secret-7";
    private const string AttributeValue = "attr-secret-9";
    private const string ChatToken = "CHATTOKEN0AQICAHh";
    private const string RoomArn = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6";
    private static readonly string[] Secrets =
        { SecretKey, SessionToken, UserId, AttributeValue, ChatToken, "Authorization", "Signature=", "x-amz-security-token" };

    private static void AssertClean(string text)
    {
        foreach (var secret in Secrets)
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' leaked into: {text}");
    }

    [Fact]
    public async Task Logs_and_errors_never_carry_secrets()
    {
        var lines = new List<(IvsChatLogLevel Level, string Line)>();
        var handler = new RecordingHandler((r, n) => n switch
        {
            1 => RecordingHandler.Json(HttpStatusCode.InternalServerError, $$"""{"message":"failed for {{UserId}}"}""", errorType: "InternalServerException"),
            2 => RecordingHandler.Json(HttpStatusCode.OK, $$"""{"token":"{{ChatToken}}","tokenExpirationTime":"2030-01-01T00:00:00Z"}"""),
            3 => RecordingHandler.Json(HttpStatusCode.BadRequest,
                $$"""{"message":"userId {{UserId}} with attribute {{AttributeValue}} is invalid","reason":"FIELD_VALIDATION_FAILED","fieldList":""" +
                $$"""[{"name":"userId","message":"{{UserId}} too odd"}]}""",
                errorType: "ValidationException"),
            _ => RecordingHandler.Json(HttpStatusCode.NotFound,
                $$"""{"message":"no user '{{UserId}}' in room","resourceId":"g1H2I3j4k5L6","resourceType":"ROOM"}""",
                errorType: "ResourceNotFoundException"),
        });
        using var client = TestClients.Create(handler, new List<TimeSpan>(),
            credentials: new SessionAWSCredentials("AKIDEXAMPLE", SecretKey, SessionToken),
            configure: o => o.Log = (level, line) => { lock (lines) lines.Add((level, line)); });
        var tokenRequest = new CreateChatTokenRequest
        {
            RoomIdentifier = RoomArn, UserId = UserId, Attributes = new() { ["role"] = AttributeValue },
            Capabilities = new() { ChatTokenCapabilityValues.SendMessage },
        };

        var token = await client.CreateChatTokenAsync(tokenRequest);
        Assert.Equal(ChatToken, token.Token); // the caller gets the token; nothing else shows it
        AssertClean(token.ToString()!);

        var validation = await Assert.ThrowsAsync<ValidationException>(() => client.CreateChatTokenAsync(tokenRequest));
        AssertClean(validation.ToString());
        AssertClean(validation.FieldList.Single().Message);
        Assert.Contains("***", validation.Message);

        var notFound = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.DisconnectUserAsync(new DisconnectUserRequest { RoomIdentifier = RoomArn, UserId = UserId }));
        AssertClean(notFound.ToString());

        Assert.NotEmpty(lines);
        foreach (var (_, line) in lines) AssertClean(line);

        // The log says what happened: one verbose line per call, a wire summary per attempt at debug.
        Assert.Equal(3, lines.Count(l => l.Level == IvsChatLogLevel.Verbose));
        Assert.Contains((IvsChatLogLevel.Verbose, "ivschat CreateChatToken -> https://ivschat.us-west-2.amazonaws.com (us-west-2)"), lines);
        Assert.Contains(lines, l => l.Level == IvsChatLogLevel.Debug
            && l.Line.StartsWith("ivschat CreateChatToken POST /CreateChatToken -> 500 (request id req-1, attempt 1/3"));
        Assert.Contains(lines, l => l.Level == IvsChatLogLevel.Debug
            && l.Line.StartsWith("ivschat CreateChatToken retrying in 100 ms after InternalServerException (HTTP 500)"));
        Assert.Contains(lines, l => l.Level == IvsChatLogLevel.Debug
            && l.Line.StartsWith("ivschat CreateChatToken POST /CreateChatToken -> 200 (request id req-1, attempt 2/3"));
    }

    [Fact]
    public async Task Short_user_ids_are_masked_only_as_whole_words()
    {
        var handler = new RecordingHandler((r, n) => RecordingHandler.Json(HttpStatusCode.BadRequest,
            """{"message":"user a is not allowed","reason":"OTHER"}""", errorType: "ValidationException"));
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            client.DisconnectUserAsync(new DisconnectUserRequest { RoomIdentifier = RoomArn, UserId = "a" }));
        Assert.Equal("user *** is not allowed", error.Message);
    }

    [Fact]
    public async Task Debug_log_shows_tag_paths_and_keys_but_no_bodies()
    {
        var lines = new List<string>();
        var handler = new RecordingHandler((r, n) => RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.Create(handler, configure: o => o.Log = (level, line) => lines.Add(line));
        await client.UntagResourceAsync(new UntagResourceRequest { ResourceArn = RoomArn, TagKeys = new() { "team", "cost center" } });
        await client.TagResourceAsync(new TagResourceRequest { ResourceArn = RoomArn, Tags = new() { ["team"] = "tag-value-in-body" } });
        Assert.Contains(lines,
            l => l.Contains("DELETE /tags/arn%3Aaws%3Aivschat%3Aus-west-2%3A123456789012%3Aroom%2Fg1H2I3j4k5L6?tagKeys=team&tagKeys=cost%20center -> 200"));
        Assert.DoesNotContain(lines, l => l.Contains("tag-value-in-body"));
    }

    [Fact]
    public void Resolution_sources_and_errors_never_show_keys()
    {
        var s = ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            Region = "us-west-2",
            Environment = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = SecretKey, ["AWS_SESSION_TOKEN"] = SessionToken,
                ["AWS_EC2_METADATA_DISABLED"] = "true", ["AWS_CONFIG_FILE"] = "/nonexistent/config",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
            },
        });
        AssertClean(s.CredentialSource + s.RegionSource + s.EndpointSource + s.Retry.Source);
        var partial = Assert.Throws<IvsChatConfigurationException>(() => ClientSettingsResolver.Resolve(new ClientSettingsInput
        {
            SecretKey = SecretKey, Region = "us-west-2", Environment = new Dictionary<string, string?> { ["AWS_EC2_METADATA_DISABLED"] = "true" },
        }));
        AssertClean(partial.ToString());
    }
}
