using Xunit;
using System.Text;
using System.Text.Json;
using IvsChat.Client.Messaging;

namespace IvsChat.Client.Tests.Messaging;

public class ChatWireTests
{
    private static ChatItem? Parse(string json) => ChatWire.Parse(Encoding.UTF8.GetBytes(json), out _);

    [Fact]
    public void Message_frame_parses_sender_attributes_and_utc_send_time()
    {
        var m = Assert.IsType<ChatMessage>(Parse("""
            {"Type":"MESSAGE","Id":"AbCdEfGhIjKl","RequestId":"r1","Content":"hi 👋","Attributes":{"a":"1"},
             "Sender":{"UserId":"u1","Attributes":{"nick":"U"}},"SendTime":"2024-02-03T04:05:06.789Z"}
            """));
        Assert.Equal(("AbCdEfGhIjKl", "r1", "hi 👋"), (m.Id, m.RequestId, m.Content));
        Assert.Equal("1", m.Attributes["a"]);
        Assert.Equal("u1", m.Sender.UserId);
        Assert.Equal("U", m.Sender.Attributes["nick"]);
        Assert.Equal(new DateTime(2024, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc), m.SendTime);
        Assert.Equal(DateTimeKind.Utc, m.SendTime.Kind);
    }

    [Fact]
    public void Delete_event_exposes_message_id_and_reason()
    {
        var e = Assert.IsType<ChatEvent>(Parse(
            """{"Type":"EVENT","Id":"E00000000001","EventName":"aws:DELETE_MESSAGE","Attributes":""" +
            """{"MessageID":"M00000000001","Reason":"spam"},"SendTime":"2024-02-03T04:05:06Z"}"""));
        Assert.Equal(("M00000000001", "spam"), (e.MessageId, e.Reason));
        Assert.Null(e.RequestId);
        Assert.Null(e.UserId);
    }

    [Fact]
    public void Error_frame_parses_numeric_code()
    {
        var x = Assert.IsType<ChatError>(Parse("""{"Type":"ERROR","Id":"X00000000001","RequestId":"r9","ErrorCode":429,"ErrorMessage":"slow down"}"""));
        Assert.Equal((429, "slow down", "r9"), (x.ErrorCode, x.ErrorMessage, x.RequestId));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"Type":"MESSAGE","Content":"no id","SendTime":"2024-01-01T00:00:00Z"}""")]
    [InlineData("""{"Type":"ERROR","Id":"X00000000001","ErrorCode":"429"}""")]
    [InlineData("""{"Type":"EVENT","Id":"X00000000001","EventName":"e","Attributes":{"n":1},"SendTime":"2024-01-01T00:00:00Z"}""")]
    [InlineData("""{"Type":"PING","Id":"X00000000001"}""")]
    public void Frames_that_break_the_protocol_are_not_items(string json)
    {
        Assert.Null(ChatWire.Parse(Encoding.UTF8.GetBytes(json), out string? problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Requests_use_the_documented_pascal_case_members()
    {
        byte[] frame = ChatWire.Request(ChatWire.SendMessageAction, "r1", content: "héllo",
            attributes: new Dictionary<string, string> { ["k"] = "v" });
        using var doc = JsonDocument.Parse(frame);
        Assert.Equal("SEND_MESSAGE", doc.RootElement.GetProperty("Action").GetString());
        Assert.Equal("r1", doc.RootElement.GetProperty("RequestId").GetString());
        Assert.Equal("héllo", doc.RootElement.GetProperty("Content").GetString());
        Assert.Equal("v", doc.RootElement.GetProperty("Attributes").GetProperty("k").GetString());
        Assert.False(doc.RootElement.TryGetProperty("Reason", out _));

        using var delete = JsonDocument.Parse(ChatWire.Request(ChatWire.DeleteMessageAction, "r2", id: "M00000000001", reason: "spam"));
        Assert.Equal(("M00000000001", "spam"), (delete.RootElement.GetProperty("Id").GetString(), delete.RootElement.GetProperty("Reason").GetString()));
    }
}

public class MessagingEndpointTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = new();

    [Theory]
    [InlineData("http://127.0.0.1:4566", "ws://127.0.0.1:4566/")]
    [InlineData("https://chat.example.com/some/path", "wss://chat.example.com/")]
    [InlineData("https://ivschat.us-west-2.amazonaws.com", "wss://edge.ivschat.us-west-2.amazonaws.com/")]
    public void Follows_the_control_plane_endpoint_unless_it_is_the_regional_default(string controlPlane, string expected)
    {
        var resolved = MessagingEndpoint.Resolve(new Uri(controlPlane), "us-west-2", null, NoEnvironment);
        Assert.Equal(expected, resolved.Key.ToString());
    }

    [Fact]
    public void Parameter_beats_environment_which_beats_the_control_plane()
    {
        var env = new Dictionary<string, string?> { [MessagingEndpoint.EnvironmentVariable] = "ws://from-env:1" };
        Assert.Equal("ws://explicit:2/", MessagingEndpoint.Resolve(new Uri("http://cp:3"), "us-east-1", "ws://explicit:2", env).Key.ToString());
        var fromEnv = MessagingEndpoint.Resolve(new Uri("http://cp:3"), "us-east-1", null, env);
        Assert.Equal("ws://from-env:1/", fromEnv.Key.ToString());
        Assert.Contains(MessagingEndpoint.EnvironmentVariable, fromEnv.Value);
    }

    [Fact]
    public void A_non_websocket_override_is_a_configuration_error()
    {
        Assert.Throws<IvsChatConfigurationException>(() => MessagingEndpoint.Resolve(new Uri("http://cp:3"), "us-east-1", "http://nope", NoEnvironment));
    }
}
