using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Control;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.Api;

/// <summary>One call of an operation: the HTTP context, its parsed JSON body and the region it is for.</summary>
public sealed record OperationCall(HttpContext Context, RequestReader Body, string Region);

/// <summary>
/// Every control-plane request goes through here, in AWS's order: count, signature, injected fault, rate quota,
/// body, handler. Every failure becomes an AWS-shaped error; nothing escapes as a 500 page or stack trace.
/// </summary>
public sealed class OperationPipeline(EmulatorOptions options, SigV4Verifier verifier, TestControls controls,
    ApiRateQuotas quotas, ILogger<OperationPipeline> logger)
{
    /// <summary>Largest accepted body: twice the largest valid request (CreateRoom with 50 of the longest tags,
    /// every character a \u escape, is about 120 KB). Kestrel enforces it too, for chunked bodies.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Handler result: a JSON object for 200, or null for 204 No Content.</summary>
    public async Task RunAsync(HttpContext ctx, string operation, Func<OperationCall, JsonNode?> handler)
    {
        controls.Count(operation);
        ApiException? error;
        bool bodyRead = false;
        try
        {
            // Refuse what the headers decide before reading a byte of the body (unsigned floods cost no memory).
            if (ctx.Request.ContentLength > MaxBodyBytes) throw TooLarge();
            var signed = options.RequireSignatures ? verifier.VerifyHeaders(ctx) : null;
            string region = signed?.Region ?? verifier.UnsignedRequestRegion(ctx);
            byte[] body = await ReadBodyAsync(ctx);
            bodyRead = true;
            if (signed != null) SigV4Verifier.VerifySignature(ctx, signed, body);
            if (controls.TakeFault(operation) is { } fault) throw fault;
            quotas.Take(region, operation);
            var result = handler(new OperationCall(ctx, RequestReader.FromBody(body), region));
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
        // A refused body is not read: closing the connection spares draining it (and holding its buffers).
        if (!bodyRead && (ctx.Request.ContentLength > 0 || ctx.Request.Headers.TransferEncoding.Count > 0))
            ctx.Response.Headers.Connection = "close";
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
        using var ms = new MemoryStream((int)(ctx.Request.ContentLength ?? 0));
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

    private static ApiException TooLarge() => new(413, "ValidationException",
        $"The request body is larger than {MaxBodyBytes} bytes.", new JsonObject { ["reason"] = "OTHER" });
}
