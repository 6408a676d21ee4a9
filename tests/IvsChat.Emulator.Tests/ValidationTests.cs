using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>Every model constraint answers ValidationException / FIELD_VALIDATION_FAILED naming the member.</summary>
public class ValidationTests : IAsyncLifetime
{
    private TestEmulator _emu = null!;
    private const string RoomArn = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl";
    private const string LogArn = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/abcdefghijkl";
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:review";

    public async Task InitializeAsync() => _emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "CreateRoom", """{"name":"bad name!"}""", "name" },
        { "CreateRoom", $$"""{"name":"{{new string('a', 129)}}"}""", "name" },
        { "CreateRoom", """{"maximumMessageRatePerSecond":0}""", "maximumMessageRatePerSecond" },
        { "CreateRoom", """{"maximumMessageRatePerSecond":101}""", "maximumMessageRatePerSecond" },
        { "CreateRoom", """{"maximumMessageLength":501}""", "maximumMessageLength" },
        { "CreateRoom", """{"maximumMessageLength":1.5}""", "maximumMessageLength" },
        { "CreateRoom", """{"maximumMessageLength":"10"}""", "maximumMessageLength" },
        { "CreateRoom", """{"messageReviewHandler":{"uri":"arn:aws:lambda:us-east-1:12345:function:x"}}""", "messageReviewHandler.uri" },
        { "CreateRoom", """{"messageReviewHandler":{"uri":"x arn:aws:lambda:us-east-1:123456789012:function:x"}}""", "messageReviewHandler.uri" },
        { "CreateRoom", """{"messageReviewHandler":{"fallbackResult":"MAYBE"}}""", "messageReviewHandler.fallbackResult" },
        { "CreateRoom", """{"messageReviewHandler":"x"}""", "messageReviewHandler" },
        { "CreateRoom", $$"""{"loggingConfigurationIdentifiers":["{{LogArn}}","{{LogArn}}","{{LogArn}}","{{LogArn}}"]}""", "loggingConfigurationIdentifiers" },
        { "CreateRoom", """{"loggingConfigurationIdentifiers":["arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl"]}""",
            "loggingConfigurationIdentifiers" },
        { "CreateRoom", """{"tags":{"aws:reserved":"x"}}""", "tags" },
        { "CreateRoom", """{"tags":{"AWS:reserved":"x"}}""", "tags" },
        { "CreateRoom", $$$"""{"tags":{"{{{new string('k', 129)}}}":"x"}}""", "tags" },
        { "CreateRoom", $$$"""{"tags":{"k":"{{{new string('v', 257)}}}"}}""", "tags" },
        { "CreateRoom", """{"tags":{"":"x"}}""", "tags" },
        { "CreateRoom", """{"tags":{"k":1}}""", "tags" },
        { "CreateRoom", "{\"tags\":{" + string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"k{i}\":\"v\"")) + "}}", "tags" },
        { "GetRoom", "{}", "identifier" },
        { "GetRoom", """{"identifier":"abcdefghijkl"}""", "identifier" },
        { "GetRoom", $$"""{"identifier":"{{RoomArn}} "}""", "identifier" },
        { "GetRoom", $$"""{"identifier":"{{LogArn}}"}""", "identifier" },
        { "DeleteRoom", """{"identifier":""}""", "identifier" },
        { "UpdateRoom", $$"""{"identifier":"{{RoomArn}}","maximumMessageLength":0}""", "maximumMessageLength" },
        { "UpdateRoom", """{"name":"x"}""", "identifier" },
        { "ListRooms", """{"maxResults":0}""", "maxResults" },
        { "ListRooms", """{"maxResults":51}""", "maxResults" },
        { "ListRooms", """{"name":"a b"}""", "name" },
        { "ListRooms", """{"messageReviewHandlerUri":"http://x"}""", "messageReviewHandlerUri" },
        { "ListRooms", """{"loggingConfigurationIdentifier":"x"}""", "loggingConfigurationIdentifier" },
        { "ListRooms", $$"""{"nextToken":"{{new string('a', 1025)}}"}""", "nextToken" },
        { "ListRooms", """{"nextToken":"forged.token"}""", "nextToken" },
        { "CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}"}""", "userId" },
        { "CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}","userId":""}""", "userId" },
        { "CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}","userId":"{{new string('u', 129)}}"}""", "userId" },
        { "CreateChatToken", """{"userId":"u"}""", "roomIdentifier" },
        { "CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}","userId":"u","sessionDurationInMinutes":181}""", "sessionDurationInMinutes" },
        { "CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}","userId":"u","sessionDurationInMinutes":0}""", "sessionDurationInMinutes" },
        { "CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}","userId":"u","capabilities":["SEND_EVENT"]}""", "capabilities" },
        { "CreateChatToken", $$$"""{"roomIdentifier":"{{{RoomArn}}}","userId":"u","attributes":{"a":"{{{new string('x', 1100)}}}"}}""", "attributes" },
        { "SendEvent", $$"""{"roomIdentifier":"{{RoomArn}}"}""", "eventName" },
        { "SendEvent", $$"""{"roomIdentifier":"{{RoomArn}}","eventName":"{{new string('e', 101)}}"}""", "eventName" },
        { "SendEvent", $$"""{"roomIdentifier":"{{RoomArn}}","eventName":"e","attributes":["x"]}""", "attributes" },
        { "DeleteMessage", $$"""{"roomIdentifier":"{{RoomArn}}","id":"abcdefghijk"}""", "id" },
        { "DeleteMessage", $$"""{"roomIdentifier":"{{RoomArn}}","id":"abcdefghijk!"}""", "id" },
        { "DeleteMessage", $$"""{"roomIdentifier":"{{RoomArn}}","id":"abcdefghijkl","reason":""}""", "reason" },
        { "DisconnectUser", $$"""{"roomIdentifier":"{{RoomArn}}","userId":"u","reason":"{{new string('r', 257)}}"}""", "reason" },
        { "CreateLoggingConfiguration", "{}", "destinationConfiguration" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{}}""", "destinationConfiguration" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{"s3":{"bucketName":"abc"},"firehose":{"deliveryStreamName":"x"}}}""",
            "destinationConfiguration" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{"s3":{"bucketName":"ab"}}}""", "destinationConfiguration.s3.bucketName" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{"s3":{"bucketName":"Upper"}}}""", "destinationConfiguration.s3.bucketName" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{"s3":{}}}""", "destinationConfiguration.s3.bucketName" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{"cloudWatchLogs":{"logGroupName":"a b"}}}""",
            "destinationConfiguration.cloudWatchLogs.logGroupName" },
        { "CreateLoggingConfiguration", """{"destinationConfiguration":{"firehose":{"deliveryStreamName":"a:b"}}}""",
            "destinationConfiguration.firehose.deliveryStreamName" },
        { "CreateLoggingConfiguration", """{"name":"a/b","destinationConfiguration":{"s3":{"bucketName":"abc"}}}""", "name" },
        { "GetLoggingConfiguration", $$"""{"identifier":"{{RoomArn}}"}""", "identifier" },
        { "UpdateLoggingConfiguration", $$"""{"identifier":"{{LogArn}}","name":"a b"}""", "name" },
        { "ListLoggingConfigurations", """{"maxResults":51}""", "maxResults" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_member_is_named(string operation, string body, string field)
    {
        var r = await _emu.PostRawAsync(operation, body);
        Assert.Equal(400, r.Status);
        Assert.Equal("ValidationException", r.ErrorType);
        Assert.Equal("FIELD_VALIDATION_FAILED", r.Json["reason"]!.GetValue<string>());
        Assert.Contains(field, r.FieldNames);
        Assert.False(string.IsNullOrEmpty(r.Message));
    }

    [Fact]
    public async Task All_problems_of_one_request_are_reported()
    {
        var r = await _emu.PostRawAsync("CreateRoom", """{"name":"a b","maximumMessageLength":0,"maximumMessageRatePerSecond":500}""");
        Assert.Equal(["name", "maximumMessageRatePerSecond", "maximumMessageLength"], r.FieldNames.ToArray());
        Assert.StartsWith("3 validation errors detected", r.Message);
    }

    [Fact]
    public async Task Sensitive_values_are_not_echoed()
    {
        string secretUser = new string('s', 129);
        var r = await _emu.PostRawAsync("CreateChatToken", $$"""{"roomIdentifier":"{{RoomArn}}","userId":"{{secretUser}}"}""");
        Assert.Equal(400, r.Status);
        Assert.DoesNotContain(secretUser, r.RawBody);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"name\":\"x\"")]
    public async Task Malformed_bodies_get_an_aws_400(string body)
    {
        var r = await _emu.PostRawAsync("CreateRoom", body);
        Assert.Equal(400, r.Status);
        Assert.Equal("ValidationException", r.ErrorType);
        Assert.NotNull(r.Json["message"]);
        Assert.NotNull(r.RequestId);
    }

    [Theory]
    [InlineData("POST", "/NoSuchOperation")]
    [InlineData("GET", "/CreateRoom")]
    [InlineData("PUT", "/tags/x")]
    [InlineData("GET", "/favicon.ico")]
    public async Task Unknown_routes_get_an_aws_400(string method, string path)
    {
        var r = await _emu.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
        Assert.Equal(400, r.Status);
        Assert.Equal("ValidationException", r.ErrorType);
        Assert.Equal("UNKNOWN_OPERATION", r.Json["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_body_is_an_empty_request()
    {
        var r = await _emu.SendAsync(HttpMethod.Post, "/ListRooms", "");
        Assert.Equal(200, r.Status);
        Assert.NotNull(r.Json["rooms"]);
    }

    [Fact]
    public async Task Valid_edge_values_are_accepted()
    {
        var room = await _emu.OkAsync("CreateRoom", new
        {
            name = new string('a', 128), maximumMessageRatePerSecond = 100, maximumMessageLength = 1,
            messageReviewHandler = new { uri = Lambda, fallbackResult = "DENY" },
            tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i:D3}".PadRight(128, 'x'), _ => new string('v', 256)),
        });
        Assert.Equal(100, room["maximumMessageRatePerSecond"]!.GetValue<int>());
        Assert.Equal(50, room["tags"]!.AsObject().Count);
        Assert.Equal("DENY", room["messageReviewHandler"]!["fallbackResult"]!.GetValue<string>());
    }
}
