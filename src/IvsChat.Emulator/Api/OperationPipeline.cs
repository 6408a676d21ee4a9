using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Control;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.Api;

/// <summary>One call of an operation: the HTTP context and its parsed JSON body.</summary>
public sealed record OperationCall(HttpContext Context, RequestReader Body);

/// <summary>
/// Every control-plane request goes through here, in AWS's order: count, signature, injected fault, rate quota,
/// body, handler. Every failure becomes an AWS-shaped error; nothing escapes as a 500 page or stack trace.
/// </summary>
public sealed class OperationPipeline(EmulatorOptions options, SigV4Verifier verifier, TestControls controls,
    ApiRateQuotas quotas, ILogger<OperationPipeline> logger)
{
    /// <summary>Largest accepted body; IVS Chat requests are small.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Handler result: a JSON object for 200, or null for 204 No Content.</summary>
    public async Task RunAsync(HttpContext ctx, string operation, Func<OperationCall, JsonNode?> handler)
    {
        controls.Count(operation);
        ApiException? error;
        try
        {
            byte[] body = await ReadBodyAsync(ctx);
            if (options.RequireSignatures) verifier.Verify(ctx, body);
            if (controls.TakeFault(operation) is { } fault) throw fault;
            quotas.Take(operation);
            var result = handler(new OperationCall(ctx, RequestReader.FromBody(body)));
            if (result == null) await AwsJson.WriteNoContent(ctx);
            else await AwsJson.WriteJsonAsync(ctx, 200, result);
            return;
        }
        catch (ApiException e)
        {
            error = e;
        }
        catch (Exception e) when (ctx.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            return; // the client went away
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure in {Operation}", operation);
            error = ApiException.InternalError();
        }
        if (ctx.Response.HasStarted) return;
        try
        {
            await AwsJson.WriteErrorAsync(ctx, error);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away before it could be told.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength > MaxBodyBytes) throw TooLarge();
        using var ms = new MemoryStream();
        var buffer = new byte[16384];
        int n;
        try
        {
            while ((n = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
            {
                if (ms.Length + n > MaxBodyBytes) throw TooLarge();
                ms.Write(buffer, 0, n);
            }
        }
        catch (IOException e) when (!ctx.RequestAborted.IsCancellationRequested)
        {
            // Broken framing (a chunk size that overflows, a body shorter than its Content-Length, ...).
            int status = e is BadHttpRequestException bad && bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400;
            throw new ApiException(status, "ValidationException", "The request body could not be read: " + e.Message,
                new JsonObject { ["reason"] = "OTHER" });
        }
        return ms.ToArray();
    }

    private static ApiException TooLarge() =>
        ApiException.ValidationReason("OTHER", $"The request body is larger than {MaxBodyBytes} bytes.");
}
