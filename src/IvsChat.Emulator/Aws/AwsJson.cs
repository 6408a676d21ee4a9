using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IvsChat.Emulator.Aws;

/// <summary>How responses go on the wire: JSON bodies, ISO 8601 timestamps, AWS error shape.</summary>
public static class AwsJson
{
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>ISO 8601 with milliseconds in UTC, as restJson1 date-time timestamps.</summary>
    public static string Time(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static async Task WriteJsonAsync(HttpContext ctx, int status, JsonNode body)
    {
        byte[] bytes = Utf8(body);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
    }

    public static Task WriteNoContent(HttpContext ctx)
    {
        ctx.Response.StatusCode = 204;
        ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    public static Task WriteErrorAsync(HttpContext ctx, ApiException error)
    {
        ctx.Response.Headers[ErrorTypeHeader] = error.Code;
        return WriteJsonAsync(ctx, error.Status, ErrorBody(error));
    }

    /// <summary>The error's JSON body: message plus its members.</summary>
    public static JsonObject ErrorBody(ApiException error)
    {
        var body = new JsonObject { ["message"] = error.Message };
        foreach (var (key, value) in error.Members) body[key] = value?.DeepClone();
        return body;
    }

    public static byte[] Utf8(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString(WriteOptions));
}
