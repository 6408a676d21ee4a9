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

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
        {
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            if (remote != null && !IPAddress.IsLoopback(remote))
            {
                await AwsJson.WriteErrorAsync(context.HttpContext,
                    new ApiException(403, "AccessDeniedException", "The /_emulator/ control surface only answers local callers."));
                return null;
            }
            return await next(context);
        });

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
        group.Map("/{**rest}", (HttpContext ctx) => Results.Json(
            new { message = $"Unknown control-surface request {ctx.Request.Method} {ctx.Request.Path}." }, statusCode: 404));
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
            new(null, null, 0, null, Results.Json(new { message }, statusCode: 400));
        JsonElement root;
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
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
