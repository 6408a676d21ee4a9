using Xunit;
using System.Text;
using System.Text.Json;
using IvsChat.Emulator.Messaging;

namespace IvsChat.Emulator.Tests.Messaging;

public class ClientFramesTests
{
    private static (ChatRequest? Request, FrameRejection? Rejection) Parse(string json)
    {
        ClientFrames.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var rejection);
        return (request, rejection);
    }

    [Fact]
    public void Reads_the_three_actions()
    {
        var send = Parse("""{"Action":"SEND_MESSAGE","RequestId":"r1","Content":"hi","Attributes":{"a":"b"},"Extra":1}""").Request!;
        Assert.Equal((ChatAction.SendMessage, "r1", "hi", "b"), (send.Action, send.RequestId, send.Content, send.Attributes!["a"]));
        var delete = Parse("""{"Action":"DELETE_MESSAGE","Id":"AbCdEfGhIjKl","Reason":"spam"}""").Request!;
        Assert.Equal((ChatAction.DeleteMessage, null, "AbCdEfGhIjKl", "spam"), (delete.Action, delete.RequestId, delete.Id, delete.Reason));
        var disconnect = Parse("""{"Action":"DISCONNECT_USER","UserId":"u","RequestId":null}""").Request!;
        Assert.Equal((ChatAction.DisconnectUser, "u", null), (disconnect.Action, disconnect.UserId, disconnect.Reason));
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("[\"SEND_MESSAGE\"]", null)]
    [InlineData("""{"RequestId":7,"Action":"SEND_MESSAGE","Content":"x"}""", null)]
    [InlineData("""{"RequestId":"r","Content":"x"}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"SEND_MESSAGE"}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"SEND_MESSAGE","Content":5}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"SEND_MESSAGE","Content":"x","Attributes":{"n":1}}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"SEND_MESSAGE","Content":"x","Attributes":"a=b"}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"SEND_EVENT","EventName":"x"}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"DELETE_MESSAGE","Id":"short"}""", "r")]
    [InlineData("""{"RequestId":"r","Action":"DISCONNECT_USER"}""", "r")]
    public void Malformed_requests_are_400_with_the_request_id_when_readable(string json, string? requestId)
    {
        var (request, rejection) = Parse(json);
        Assert.Null(request);
        Assert.Equal(400, rejection!.ErrorCode);
        Assert.Equal(requestId, rejection.RequestId);
        Assert.False(string.IsNullOrWhiteSpace(rejection.ErrorMessage));
    }

    [Theory]
    [InlineData("""{"Action":"SEND_MESSAGE","Content":"\ud800","RequestId":"r"}""", "r")]
    [InlineData("""{"Action":"SEND_MESSAGE","Content":"x","RequestId":"\ud800"}""", null)]
    [InlineData("""{"Action":"SEND_MESSAGE","Content":"x","Attributes":{"a":"\udc00\ud800"},"RequestId":"r"}""", "r")]
    [InlineData("""{"Action":"DISCONNECT_USER","UserId":"u\udbff","RequestId":"r"}""", "r")]
    public void Lone_surrogate_escapes_are_400(string json, string? requestId)
    {
        var (request, rejection) = Parse(json);
        Assert.Null(request);
        Assert.Equal((400, requestId), (rejection!.ErrorCode, rejection.RequestId));
    }

    [Fact]
    public void A_reason_longer_than_256_characters_is_refused()
    {
        Assert.Equal(400, Parse($$"""{"Action":"DISCONNECT_USER","UserId":"u","Reason":"{{new string('x', 257)}}"}""").Rejection!.ErrorCode);
        Assert.NotNull(Parse($$"""{"Action":"DISCONNECT_USER","UserId":"u","Reason":"{{new string('x', 256)}}"}""").Request);
    }

    [Fact]
    public void Message_length_counts_code_points()
    {
        Assert.Equal(3, ChatEndpoint.CountCodePoints("a😀é"));
        Assert.Equal(4, "a😀é".Length);
    }
}

public class ServerFramesTests
{
    private static readonly DateTimeOffset When = new(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

    [Fact]
    public void Message_frame_has_the_documented_shape()
    {
        byte[] frame = ServerFrames.Message("AbCdEfGhIjKl", "r1", "héllo \"x\"", new Dictionary<string, string> { ["k"] = "v" },
            "user", new Dictionary<string, string> { ["nick"] = "N" }, When);
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        Assert.Equal(["Type", "Id", "RequestId", "Content", "Attributes", "Sender", "SendTime"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MESSAGE", root.GetProperty("Type").GetString());
        Assert.Equal("héllo \"x\"", root.GetProperty("Content").GetString());
        Assert.Equal("user", root.GetProperty("Sender").GetProperty("UserId").GetString());
        Assert.Equal("N", root.GetProperty("Sender").GetProperty("Attributes").GetProperty("nick").GetString());
        Assert.Equal("2024-05-06T07:08:09.123Z", root.GetProperty("SendTime").GetString());
    }

    [Fact]
    public void Delete_event_carries_both_spellings_of_the_message_id_and_the_reason()
    {
        using var doc = JsonDocument.Parse(ServerFrames.DeleteMessage("E00000000001", null, "M00000000001", "spam", When));
        var root = doc.RootElement;
        Assert.Equal("aws:DELETE_MESSAGE", root.GetProperty("EventName").GetString());
        var attributes = root.GetProperty("Attributes");
        Assert.Equal(("M00000000001", "M00000000001", "spam"),
            (attributes.GetProperty("MessageId").GetString(), attributes.GetProperty("MessageID").GetString(), attributes.GetProperty("Reason").GetString()));
        Assert.False(root.TryGetProperty("RequestId", out _));
    }

    [Fact]
    public void Disconnect_event_and_error_frames()
    {
        using var disconnect = JsonDocument.Parse(ServerFrames.DisconnectUser("E00000000002", "r2", "bob", "rude", When));
        Assert.Equal("bob", disconnect.RootElement.GetProperty("Attributes").GetProperty("UserId").GetString());
        Assert.Equal("r2", disconnect.RootElement.GetProperty("RequestId").GetString());
        using var error = JsonDocument.Parse(ServerFrames.Error("X00000000003", "r3", 429, "slow"));
        Assert.Equal(JsonValueKind.Number, error.RootElement.GetProperty("ErrorCode").ValueKind);
        Assert.Equal(429, error.RootElement.GetProperty("ErrorCode").GetInt32());
        Assert.Equal("ERROR", error.RootElement.GetProperty("Type").GetString());
    }

    [Fact]
    public void Frame_ids_are_unique_12_character_alphanumerics()
    {
        var ids = Enumerable.Range(0, 200_000).AsParallel().Select(_ => FrameIds.Next()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(1000), id => Assert.True(FrameIds.IsValid(id), id));
    }
}

public class MessagingOptionsTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:f";

    [Fact]
    public void Reads_review_options_from_the_command_line_and_environment()
    {
        var env = new Dictionary<string, string?> { [MessagingOptions.ReviewRulesVariable] = $"{Arn}=deny:bad;{Arn}=rewrite:a=>b" };
        var o = MessagingOptions.FromArguments(["--port", "0", "--review-handler", $"{Arn}=http://127.0.0.1:9/x", $"--review-rule={Arn}=fail"],
            name => env.GetValueOrDefault(name));
        Assert.Equal("http://127.0.0.1:9/x", o.ReviewHandlers[Arn].ToString());
        Assert.Equal([ReviewRuleKind.Deny, ReviewRuleKind.Rewrite, ReviewRuleKind.Fail], o.ReviewRules[Arn].Select(r => r.Kind));
        Assert.Equal("b", o.ReviewRules[Arn][1].Replacement);
    }

    [Theory]
    [InlineData("--review-handler", "no-equals")]
    [InlineData("--review-handler", Arn + "=ftp://x")]
    [InlineData("--review-rule", Arn + "=explode")]
    [InlineData("--review-rule", Arn + "=deny:(")]
    public void Bad_review_options_are_explained(string option, string value)
    {
        var e = Assert.Throws<MessagingOptionsException>(() => MessagingOptions.FromArguments([option, value], _ => null));
        Assert.Contains(option, e.Message);
    }
}
