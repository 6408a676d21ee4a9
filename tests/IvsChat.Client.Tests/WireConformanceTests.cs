using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IvsChat.Client.Model;
using Xunit;

namespace IvsChat.Client.Tests;

/// <summary>The client's requests equal the ones AWS's JS SDK sends for the same input
/// (Fixtures/js-sdk-requests.json, captured by tests/conformance/capture/capture-requests.mjs).</summary>
public class WireConformanceTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(TestClients.FixturePath("js-sdk-requests.json"))).RootElement;

    public static IEnumerable<object[]> Cases()
        => Fixture.GetProperty("requests").EnumerateArray().Select((r, i) => new object[] { i, r.GetProperty("operation").GetString()! });

    [Fact]
    public void Fixture_covers_all_17_operations()
    {
        var operations = Fixture.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("operation").GetString()).Distinct().Count();
        Assert.Equal(17, operations);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_matches_the_JS_SDK(int index, string operation)
    {
        var captured = Fixture.GetProperty("requests")[index];
        var expected = captured.GetProperty("request");
        var handler = new RecordingHandler((r, _) => operation is "DeleteRoom" or "DeleteLoggingConfiguration"
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.Create(handler);

        await Invoke(client, operation, captured.GetProperty("input").GetRawText());

        var actual = Assert.Single(handler.Requests);
        Assert.Equal(expected.GetProperty("method").GetString(), actual.Method);
        var rawQuery = expected.GetProperty("rawQuery").GetString();
        Assert.Equal(expected.GetProperty("rawPath").GetString() + (string.IsNullOrEmpty(rawQuery) ? "" : "?" + rawQuery), actual.PathAndQuery);
        Assert.Equal(expected.GetProperty("contentType").ValueKind == JsonValueKind.Null ? null : expected.GetProperty("contentType").GetString(),
            actual.ContentType);
        var expectedBody = expected.GetProperty("body");
        if (expectedBody.ValueKind == JsonValueKind.Null) Assert.True(string.IsNullOrEmpty(actual.Body), $"{operation} sent a body: {actual.Body}");
        else Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedBody.GetString()!), JsonNode.Parse(actual.Body!)),
            $"{operation}: expected {expectedBody.GetString()} but sent {actual.Body}");
    }

    private static T In<T>(string json) => JsonSerializer.Deserialize<T>(json, Web)!;

    private static Task Invoke(IIvsChatClient c, string operation, string input) => operation switch
    {
        "CreateChatToken" => c.CreateChatTokenAsync(In<CreateChatTokenRequest>(input)),
        "CreateLoggingConfiguration" => c.CreateLoggingConfigurationAsync(In<CreateLoggingConfigurationRequest>(input)),
        "CreateRoom" => c.CreateRoomAsync(In<CreateRoomRequest>(input)),
        "DeleteLoggingConfiguration" => c.DeleteLoggingConfigurationAsync(In<DeleteLoggingConfigurationRequest>(input)),
        "DeleteMessage" => c.DeleteMessageAsync(In<DeleteMessageRequest>(input)),
        "DeleteRoom" => c.DeleteRoomAsync(In<DeleteRoomRequest>(input)),
        "DisconnectUser" => c.DisconnectUserAsync(In<DisconnectUserRequest>(input)),
        "GetLoggingConfiguration" => c.GetLoggingConfigurationAsync(In<GetLoggingConfigurationRequest>(input)),
        "GetRoom" => c.GetRoomAsync(In<GetRoomRequest>(input)),
        "ListLoggingConfigurations" => c.ListLoggingConfigurationsAsync(In<ListLoggingConfigurationsRequest>(input)),
        "ListRooms" => c.ListRoomsAsync(In<ListRoomsRequest>(input)),
        "ListTagsForResource" => c.ListTagsForResourceAsync(In<ListTagsForResourceRequest>(input)),
        "SendEvent" => c.SendEventAsync(In<SendEventRequest>(input)),
        "TagResource" => c.TagResourceAsync(In<TagResourceRequest>(input)),
        "UntagResource" => c.UntagResourceAsync(In<UntagResourceRequest>(input)),
        "UpdateLoggingConfiguration" => c.UpdateLoggingConfigurationAsync(In<UpdateLoggingConfigurationRequest>(input)),
        "UpdateRoom" => c.UpdateRoomAsync(In<UpdateRoomRequest>(input)),
        _ => throw new ArgumentException(operation),
    };

    [Fact]
    public async Task Responses_are_read_with_UTC_timestamps_open_enums_and_request_id()
    {
        const string body = """
            {"arn":"arn:aws:ivschat:us-west-2:123456789012:logging-configuration/ABcdef123456","id":"ABcdef123456","state":"SOMETHING_NEW",
             "createTime":"2024-05-06T09:08:09+02:00","updateTime":"2024-05-06T07:08:09.123Z","unknownMember":1,
             "destinationConfiguration":{"firehose":{"deliveryStreamName":"fh"}},"tags":{"k":"v"}}
            """;
        var handler = new RecordingHandler((r, _) => RecordingHandler.Json(HttpStatusCode.OK, body, requestId: "rid-42"));
        using var client = TestClients.Create(handler);

        var got = await client.GetLoggingConfigurationAsync(
            new GetLoggingConfigurationRequest { Identifier = "arn:aws:ivschat:us-west-2:123456789012:logging-configuration/ABcdef123456" });

        Assert.Equal("SOMETHING_NEW", got.State);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), got.CreateTime);
        Assert.Equal(DateTimeKind.Utc, got.CreateTime!.Value.Kind);
        Assert.Equal(123, got.UpdateTime!.Value.Millisecond);
        Assert.Equal("fh", got.DestinationConfiguration!.Firehose!.DeliveryStreamName);
        Assert.Equal("v", got.Tags!["k"]);
        Assert.Equal("rid-42", got.RequestId);
        Assert.Equal(200, got.HttpStatusCode);
    }

    [Fact]
    public async Task No_content_answer_gives_an_empty_response()
    {
        var handler = new RecordingHandler((r, _) =>
        {
            var m = new HttpResponseMessage(HttpStatusCode.NoContent);
            m.Headers.Add("x-amzn-RequestId", "rid-9");
            return m;
        });
        using var client = TestClients.Create(handler);
        var got = await client.DeleteRoomAsync(new DeleteRoomRequest { Identifier = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6" });
        Assert.Equal(204, got.HttpStatusCode);
        Assert.Equal("rid-9", got.RequestId);
    }

    public static IEnumerable<object[]> MissingMembers() => new[]
    {
        new object[] { "roomIdentifier", (Func<IIvsChatClient, Task>)(c => c.CreateChatTokenAsync(new CreateChatTokenRequest { UserId = "u" })) },
        new object[] { "userId", (Func<IIvsChatClient, Task>)(c => c.CreateChatTokenAsync(new CreateChatTokenRequest { RoomIdentifier = "r" })) },
        new object[]
        {
            "destinationConfiguration", (Func<IIvsChatClient, Task>)(c => c.CreateLoggingConfigurationAsync(new CreateLoggingConfigurationRequest())),
        },
        new object[] { "identifier", (Func<IIvsChatClient, Task>)(c => c.DeleteLoggingConfigurationAsync(new DeleteLoggingConfigurationRequest())) },
        new object[] { "id", (Func<IIvsChatClient, Task>)(c => c.DeleteMessageAsync(new DeleteMessageRequest { RoomIdentifier = "r" })) },
        new object[] { "identifier", (Func<IIvsChatClient, Task>)(c => c.DeleteRoomAsync(new DeleteRoomRequest())) },
        new object[] { "userId", (Func<IIvsChatClient, Task>)(c => c.DisconnectUserAsync(new DisconnectUserRequest { RoomIdentifier = "r" })) },
        new object[] { "identifier", (Func<IIvsChatClient, Task>)(c => c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest())) },
        new object[] { "identifier", (Func<IIvsChatClient, Task>)(c => c.GetRoomAsync(new GetRoomRequest())) },
        new object[] { "resourceArn", (Func<IIvsChatClient, Task>)(c => c.ListTagsForResourceAsync(new ListTagsForResourceRequest())) },
        new object[] { "eventName", (Func<IIvsChatClient, Task>)(c => c.SendEventAsync(new SendEventRequest { RoomIdentifier = "r" })) },
        new object[] { "tags", (Func<IIvsChatClient, Task>)(c => c.TagResourceAsync(new TagResourceRequest { ResourceArn = "a" })) },
        new object[] { "tagKeys", (Func<IIvsChatClient, Task>)(c => c.UntagResourceAsync(new UntagResourceRequest { ResourceArn = "a" })) },
        new object[] { "identifier", (Func<IIvsChatClient, Task>)(c => c.UpdateLoggingConfigurationAsync(new UpdateLoggingConfigurationRequest())) },
        new object[] { "identifier", (Func<IIvsChatClient, Task>)(c => c.UpdateRoomAsync(new UpdateRoomRequest())) },
    };

    [Theory]
    [MemberData(nameof(MissingMembers))]
    public async Task Missing_required_member_is_refused_before_any_request(string member, Func<IIvsChatClient, Task> call)
    {
        var handler = new RecordingHandler((r, _) => RecordingHandler.Json(HttpStatusCode.OK, "{}"));
        using var client = TestClients.Create(handler);
        var error = await Assert.ThrowsAsync<IvsChatRequestException>(() => call(client));
        Assert.Equal(member, error.MemberName);
        Assert.StartsWith(member + " is required", error.Message);
        Assert.Empty(handler.Requests);
    }
}
