using System.Text.Json.Nodes;
using IvsChat.Emulator.Tests.Support;
using IvsChat.Emulator.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace IvsChat.Emulator.Tests;

public class TokenTests
{
    private static ChatTokenClaims Claims() => new("tokenid12345", "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl",
        "user-1", ["SEND_MESSAGE"], new Dictionary<string, string> { ["display"] = "Ann ü" }, 30,
        DateTimeOffset.Parse("2026-01-01T00:01:00Z"), DateTimeOffset.Parse("2026-01-01T00:30:00Z"));

    [Fact]
    public void Issued_token_reads_back_with_every_claim()
    {
        var tokens = new ChatTokens();
        string token = tokens.Issue(Claims());
        Assert.True(tokens.TryRead(token, out var back));
        Assert.Equal(Claims().RoomArn, back!.RoomArn);
        Assert.Equal("user-1", back.UserId);
        Assert.Equal(["SEND_MESSAGE"], back.Capabilities);
        Assert.Equal("Ann ü", back.Attributes["display"]);
        Assert.Equal(30, back.SessionDurationInMinutes);
        Assert.Equal(Claims().TokenExpiresAt, back.TokenExpiresAt);
        Assert.Equal(Claims().SessionExpiresAt, back.SessionExpiresAt);
    }

    [Fact]
    public void Token_is_an_RFC7230_token()
    {
        string token = new ChatTokens().Issue(Claims());
        const string tchar = "!#$%&'*+-.^_`|~";
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || tchar.Contains(c), $"'{c}' is not a tchar"));
    }

    [Fact]
    public void Altered_or_foreign_tokens_are_refused()
    {
        var tokens = new ChatTokens();
        string token = tokens.Issue(Claims());
        int dot = token.IndexOf('.');
        // Flip one character of the payload and of the MAC.
        string payloadFlipped = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        string macFlipped = token[..(dot + 1)] + (token[dot + 1] == 'A' ? 'B' : 'A') + token[(dot + 2)..];
        Assert.False(tokens.TryRead(payloadFlipped, out _));
        Assert.False(tokens.TryRead(macFlipped, out _));
        Assert.False(tokens.TryRead(token + "x", out _));
        Assert.False(tokens.TryRead(token[..dot], out _));
        Assert.False(tokens.TryRead("", out _));
        Assert.False(tokens.TryRead(null, out _));
        Assert.False(new ChatTokens().TryRead(token, out _)); // another process (key) did not issue it
        // A payload re-signed by nobody: claims edited to another room keep the old MAC.
        string forgedPayload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            """{"TokenId":"x","RoomArn":"arn:aws:ivschat:us-east-1:123456789012:room/OTHERroom123","UserId":"u","Capabilities":""" +
            """[],"Attributes":{},"SessionDurationInMinutes":1,"TokenExpiresAt":"2030-01-01T00:00:00Z","SessionExpiresAt":"2030-01-01T00:00:00Z"}"""))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.False(tokens.TryRead(forgedPayload + token[dot..], out _));
    }

    [Fact]
    public async Task CreateChatToken_times_follow_the_ttl_and_session_minute_options()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-05-01T10:00:00.123Z"));
        await using var emu = await TestEmulator.StartAsync(new Hosting.EmulatorOptions
        {
            TokenTtlSeconds = 5, SessionMinuteSeconds = 2, RequireSignatures = false,
        }, clock);
        string room = await emu.CreateRoomAsync();
        var r = await emu.OkAsync("CreateChatToken", new
        {
            roomIdentifier = room, userId = "u-1", capabilities = new[] { "SEND_MESSAGE", "DELETE_MESSAGE" },
            sessionDurationInMinutes = 10, attributes = new Dictionary<string, string> { ["a"] = "b" },
        });
        Assert.Equal("2026-05-01T10:00:05.123Z", r["tokenExpirationTime"]!.GetValue<string>());
        Assert.Equal("2026-05-01T10:00:20.123Z", r["sessionExpirationTime"]!.GetValue<string>());
        var tokens = emu.Services.GetRequiredService<ChatTokens>();
        Assert.True(tokens.TryRead(r["token"]!.GetValue<string>(), out var claims));
        Assert.Equal(room, claims!.RoomArn);
        Assert.Equal("u-1", claims.UserId);
        Assert.Equal(["SEND_MESSAGE", "DELETE_MESSAGE"], claims.Capabilities);
        Assert.Equal("b", claims.Attributes["a"]);
        Assert.Equal(10, claims.SessionDurationInMinutes);
        Assert.Equal(DateTimeOffset.Parse("2026-05-01T10:00:05.123Z"), claims.TokenExpiresAt);
        Assert.Equal(12, claims.TokenId.Length);
    }

    [Fact]
    public async Task CreateChatToken_defaults_to_sixty_minutes_and_no_capabilities()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-05-01T10:00:00Z"));
        await using var emu = await TestEmulator.StartAsync(new Hosting.EmulatorOptions { RequireSignatures = false }, clock);
        string room = await emu.CreateRoomAsync();
        JsonNode r = await emu.OkAsync("CreateChatToken", new { roomIdentifier = room, userId = "u" });
        Assert.Equal("2026-05-01T11:00:00.000Z", r["sessionExpirationTime"]!.GetValue<string>());
        Assert.Equal("2026-05-01T10:01:00.000Z", r["tokenExpirationTime"]!.GetValue<string>());
        Assert.True(emu.Services.GetRequiredService<ChatTokens>().TryRead(r["token"]!.GetValue<string>(), out var claims));
        Assert.Empty(claims!.Capabilities);
        Assert.Empty(claims.Attributes);
    }
}
