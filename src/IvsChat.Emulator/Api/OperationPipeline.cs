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
public sealed class OperationPipeline(SigV4Verifier verifier, TestControls controls,
    ApiRateQuotas quotas, ILogger<OperationPipeline> logger)
{
    /// <summary>Largest accepted body; IVS Chat requests are small.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Handler result: a JSON object for 200, or null for 204 No Content.</summary>
    public async Task RunAsync(HttpContext ctx, string operation, Func<OperationCall, JsonNode?> handler)
    {
        controls.Count(operation);
        try
        {
            byte[] body = await ReadBodyAsync(ctx);
            string region = verifier.RequestRegion(ctx, body);
            if (controls.TakeFault(operation) is { } fault) throw fault;
            quotas.Take(region, operation);
            var result = handler(new OperationCall(ctx, RequestReader.FromBody(body), region));
            if (result == null) await AwsJson.WriteNoContent(ctx);
            else await AwsJson.WriteJsonAsync(ctx, 200, result);
        }
        catch (ApiException e)
        {
            if (!ctx.Response.HasStarted) await AwsJson.WriteErrorAsync(ctx, e);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // Client went away.
        }
        catch (BadHttpRequestException e)
        {
            if (!ctx.Response.HasStarted)
                await AwsJson.WriteErrorAsync(ctx, ApiException.ValidationReason("OTHER", "The request could not be read: " + e.Message));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure in {Operation}", operation);
            if (!ctx.Response.HasStarted) await AwsJson.WriteErrorAsync(ctx, ApiException.InternalError());
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext ctx)
    {
        if (ctx.Request.ContentLength > MaxBodyBytes) throw TooLarge();
        using var ms = new MemoryStream();
        var buffer = new byte[16384];
        int n;
        while ((n = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
        {
            if (ms.Length + n > MaxBodyBytes) throw TooLarge();
            ms.Write(buffer, 0, n);
        }
        return ms.ToArray();
    }

    private static ApiException TooLarge() =>
        ApiException.ValidationReason("OTHER", $"The request body is larger than {MaxBodyBytes} bytes.");
}
