using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.State;

namespace IvsChat.Emulator.Control;

/// <summary>
/// The unsigned, loopback-only test API under /_emulator/ (documented in the README): inject errors, read
/// request counts, reset state.
/// </summary>
public static class ControlSurface
{
    public const string Prefix = "/_emulator";

    /// <summary>Refuses, on every /_emulator/ path (the messaging one included), whatever is not a local test
    /// client: non-loopback callers, browsers (an Origin or cross-site Sec-Fetch-Site header, a body that is not
    /// JSON) and non-loopback Host names (DNS rebinding). Goes before everything that answers /_emulator/.</summary>
    public static void UseGuard(WebApplication app) => app.Use(async (ctx, next) =>
    {
        if (!ctx.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(ctx);
            return;
        }
        string? refusal = Refusal(ctx.Request, ctx.Connection.RemoteIpAddress);
        if (refusal == null) await next(ctx);
        else await AwsJson.WriteErrorAsync(ctx, new ApiException(403, "AccessDeniedException", refusal));
    });

    private static string? Refusal(HttpRequest request, IPAddress? remote)
    {
        if (remote != null && !IPAddress.IsLoopback(remote))
            return "The /_emulator/ control surface only answers local callers.";
        if (!IsLoopbackName(request.Host.Host))
            return $"The /_emulator/ control surface only answers requests for localhost or a loopback address, not '{request.Host.Host}'.";
        if (request.Headers.Origin.Count > 0
            || request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && site.ToString() != "none")
            return "The /_emulator/ control surface does not answer requests from web pages.";
        // A bodiless POST may still name a content type (PowerShell's Invoke-RestMethod does); a web page's
        // request is refused above by its Origin.
        bool hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (hasBody && !IsJson(request.ContentType))
            return "The /_emulator/ control surface takes only application/json bodies.";
        return null;
    }

    private static bool IsLoopbackName(string host) =>
        host.Length == 0 || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(Prefix);

        group.MapGet("/requests", (TestControls controls) => Json(CountsJson(controls)));
        group.MapDelete("/requests", (TestControls controls) =>
        {
            controls.ClearCounts();
            return Results.NoContent();
        });
        group.MapGet("/faults", (TestControls controls) => Json(FaultsJson(controls)));
        group.MapPost("/faults", async (HttpContext ctx, TestControls controls) =>
        {
            var fault = await ReadFaultAsync(ctx);
            if (fault.Error != null) return fault.Error;
            controls.AddFault(fault.Operation!, fault.Code!, fault.Count, fault.Message);
            return Json(FaultsJson(controls));
        });
        group.MapDelete("/faults", (TestControls controls) =>
        {
            controls.ClearFaults();
            return Results.NoContent();
        });
        group.MapPost("/reset", (ChatStores stores, TestControls controls, ApiRateQuotas quotas) =>
        {
            stores.Clear();
            controls.ClearFaults();
            controls.ClearCounts();
            quotas.Reset();
            return Results.NoContent();
        });
        group.Map("/{**rest}", (HttpContext ctx) => new AwsError(new ApiException(404, "ValidationException",
            $"Unknown control-surface request {ctx.Request.Method} {ctx.Request.Path}.", new JsonObject { ["reason"] = "UNKNOWN_OPERATION" })));
    }

    /// <summary>Control-surface errors have the AWS shape too, so that any client reads them the same way.</summary>
    private sealed class AwsError(ApiException error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => AwsJson.WriteErrorAsync(httpContext, error);
    }

    private static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json");

    private static JsonObject CountsJson(TestControls controls)
    {
        var counts = new JsonObject();
        foreach (var (op, n) in controls.Counts()) counts[op] = n;
        return new JsonObject { ["counts"] = counts };
    }

    private static JsonObject FaultsJson(TestControls controls)
    {
        var list = new JsonArray();
        foreach (var f in controls.Faults())
            list.Add(new JsonObject { ["operation"] = f.Operation, ["error"] = f.ErrorCode, ["status"] = f.Status, ["remaining"] = f.Remaining });
        return new JsonObject { ["faults"] = list };
    }

    private sealed record FaultRequest(string? Operation, string? Code, int Count, string? Message, IResult? Error);

    private static async Task<FaultRequest> ReadFaultAsync(HttpContext ctx)
    {
        static FaultRequest Bad(string message) =>
            new(null, null, 0, null, new AwsError(ApiException.ValidationReason("OTHER", message)));
        JsonElement root;
        try
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted); // at most Kestrel's body limit
            using var doc = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            if (!JsonText.StringsAreValid(body.GetBuffer().AsSpan(0, (int)body.Length))) throw new JsonException();
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Bad("Body must be JSON: {\"operation\": \"GetRoom\", \"error\": \"ThrottlingException\", \"count\": 1}.");
        }
        if (root.ValueKind != JsonValueKind.Object) return Bad("Body must be a JSON object.");
        string? op = root.TryGetProperty("operation", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        string? code = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        int count = 1;
        if (root.TryGetProperty("count", out var c) && (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out count) || count < 1))
            return Bad("count must be a positive integer.");
        string? message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (string.IsNullOrEmpty(op) || (op != TestControls.AnyOperation && !ApiRateQuotas.RatePerSecond.ContainsKey(op)))
            return Bad($"operation must be one of: *, {string.Join(", ", ApiRateQuotas.RatePerSecond.Keys.Order())}.");
        if (string.IsNullOrEmpty(code) || !ApiException.KnownStatus.ContainsKey(code))
            return Bad($"error must be one of: {string.Join(", ", ApiException.KnownStatus.Keys.Order())}.");
        return new FaultRequest(op, code, count, message, null);
    }
}
