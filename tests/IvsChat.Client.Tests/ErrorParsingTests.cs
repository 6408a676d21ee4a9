using System.Net;
using System.Text;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>Error answers become the model's typed exceptions, with the code read as AWS's SDKs read it.</summary>
public class ErrorParsingTests
{
    private const string RoomArn = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6";

    private static async Task<IvsChatServiceException> Fail(HttpResponseMessage answer)
    {
        var handler = new RecordingHandler((r, _) => answer);
        using var client = TestClients.Create(handler, maxAttempts: 1, configure: o => o.ClientSidePacing = false);
        return await Assert.ThrowsAnyAsync<IvsChatServiceException>(() => client.GetRoomAsync(new GetRoomRequest { Identifier = RoomArn }));
    }

    [Fact]
    public async Task Validation_error_carries_reason_and_field_list()
    {
        var error = await Fail(RecordingHandler.Json(HttpStatusCode.BadRequest,
            """{"message":"1 validation error detected","reason":"FIELD_VALIDATION_FAILED","fieldList":[{"name":"identifier","message":"bad pattern"}]}""",
            requestId: "rid-v", errorType: "ValidationException:http://internal.amazon.com/coral/com.amazonaws.ivschat/"));
        var validation = Assert.IsType<ValidationException>(error);
        Assert.Equal("ValidationException", validation.ErrorCode);
        Assert.Equal("FIELD_VALIDATION_FAILED", validation.Reason);
        var field = Assert.Single(validation.FieldList);
        Assert.Equal("identifier", field.Name);
        Assert.Equal("bad pattern", field.Message);
        Assert.Equal(400, validation.StatusCode);
        Assert.Equal("rid-v", validation.RequestId);
        Assert.Equal("1 validation error detected", validation.Message);
    }

    [Theory]
    [InlineData(404, "ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [InlineData(409, "ConflictException", typeof(ConflictException))]
    public async Task Resource_errors_carry_resource_members(int status, string code, Type type)
    {
        var error = await Fail(RecordingHandler.Json((HttpStatusCode)status,
            """{"message":"nope","resourceId":"g1H2I3j4k5L6","resourceType":"ROOM"}""", errorType: code));
        Assert.IsType(type, error);
        var resource = Assert.IsAssignableFrom<IvsChatResourceException>(error);
        Assert.Equal("g1H2I3j4k5L6", resource.ResourceId);
        Assert.Equal("ROOM", resource.ResourceType);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task Quota_error_carries_limit_and_is_not_retryable()
    {
        var error = await Fail(RecordingHandler.Json((HttpStatusCode)402,
            """{"message":"too many rooms","resourceId":"x","resourceType":"ROOM","limit":50}""", errorType: "ServiceQuotaExceededException"));
        var quota = Assert.IsType<ServiceQuotaExceededException>(error);
        Assert.Equal(50, quota.Limit);
        Assert.False(quota.IsRetryable);
    }

    [Fact]
    public async Task Throttling_error_carries_limit()
    {
        var error = await Fail(RecordingHandler.Json((HttpStatusCode)429,
            """{"message":"slow down","resourceId":"x","resourceType":"ROOM","limit":5}""", errorType: "ThrottlingException"));
        var throttling = Assert.IsType<ThrottlingException>(error);
        Assert.Equal(5, throttling.Limit);
        Assert.True(throttling.IsRetryable);
    }

    [Theory]
    [InlineData(403, "AccessDeniedException", typeof(AccessDeniedException))]
    [InlineData(403, "PendingVerification", typeof(PendingVerificationException))]
    [InlineData(500, "InternalServerException", typeof(InternalServerException))]
    public async Task Plain_model_errors_map_to_their_types(int status, string code, Type type)
    {
        var error = await Fail(RecordingHandler.Json((HttpStatusCode)status, """{"message":"m"}""", errorType: code));
        Assert.IsType(type, error);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("m", error.Message);
    }

    [Theory]
    [InlineData("""{"code":"ResourceNotFoundException","message":"m"}""")]
    [InlineData("""{"__type":"com.amazonaws.ivschat#ResourceNotFoundException","message":"m"}""")]
    [InlineData("""{"__type":"ResourceNotFoundException:http://internal.amazon.com/coral/","message":"m"}""")]
    [InlineData("""{"__type":"aws.protocoltests#ResourceNotFoundException,extra","Message":"m"}""")]
    public async Task Code_is_read_from_the_body_when_the_header_is_absent(string body)
    {
        var error = await Fail(RecordingHandler.Json(HttpStatusCode.NotFound, body));
        Assert.IsType<ResourceNotFoundException>(error);
        Assert.Equal("m", error.Message);
    }

    [Fact]
    public async Task Header_wins_over_body_code_and_type()
    {
        var error = await Fail(RecordingHandler.Json(HttpStatusCode.Conflict,
            """{"code":"ResourceNotFoundException","__type":"ValidationException","message":"m"}""", errorType: "ConflictException"));
        Assert.IsType<ConflictException>(error);
    }

    [Fact]
    public async Task Body_code_wins_over_type()
    {
        var error = await Fail(RecordingHandler.Json(HttpStatusCode.Conflict,
            """{"code":"ConflictException","__type":"ValidationException","message":"m"}"""));
        Assert.IsType<ConflictException>(error);
    }

    [Fact]
    public async Task Unknown_code_keeps_code_and_message()
    {
        var error = await Fail(RecordingHandler.Json(HttpStatusCode.BadRequest, """{"message":"new thing"}""", requestId: "rid-u",
            errorType: "BrandNewException"));
        Assert.Equal(typeof(IvsChatServiceException), error.GetType());
        Assert.Equal("BrandNewException", error.ErrorCode);
        Assert.Equal("new thing", error.Message);
        Assert.Equal("rid-u", error.RequestId);
    }

    [Fact]
    public async Task Non_json_error_body_still_names_the_status()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>", Encoding.UTF8, "text/html") };
        var error = await Fail(answer);
        Assert.Equal(502, error.StatusCode);
        Assert.Equal("BadGateway", error.ErrorCode);
        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("non-JSON", error.Message);
    }

    [Fact]
    public async Task Empty_error_body_with_header_code()
    {
        var answer = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new ByteArrayContent(Array.Empty<byte>()) };
        answer.Headers.Add("x-amzn-ErrorType", "AccessDeniedException");
        var error = await Fail(answer);
        Assert.IsType<AccessDeniedException>(error);
        Assert.Contains("HTTP 403", error.Message);
    }

    [Fact]
    public async Task Unreadable_success_body_is_a_clear_error()
    {
        var error = await Fail(RecordingHandler.Json(HttpStatusCode.OK, "{not json"));
        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("GetRoom", error.Message);
    }

    [Theory]
    // {"message":"\ud800"}
    [InlineData(new byte[] { 0x7b, 0x22, 0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x22, 0x3a, 0x22, 0x5c, 0x75, 0x64, 0x38, 0x30, 0x30, 0x22, 0x7d })]
    // {"message":"<ff fe>"}
    [InlineData(new byte[] { 0x7b, 0x22, 0x6d, 0x65, 0x73, 0x73, 0x61, 0x67, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d })]
    public async Task Unreadable_text_in_an_error_answer_is_still_a_typed_error(byte[] body)
    {
        var answer = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent(body) };
        answer.Headers.TryAddWithoutValidation("x-amzn-ErrorType", "ResourceNotFoundException");
        var error = await Fail(answer);
        Assert.IsType<ResourceNotFoundException>(error);
        Assert.Contains("HTTP 404", error.Message);
    }
}
