using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IvsChat.Emulator.Messaging;

/// <summary>What the review handler sees: AWS's Lambda request shape.</summary>
public sealed record ReviewRequest(string Content, string MessageId, string RoomArn, IReadOnlyDictionary<string, string>? Attributes,
    string SenderUserId, IReadOnlyDictionary<string, string>? SenderAttributes, string SenderIp);

/// <summary>ALLOW with the (possibly rewritten) content and attributes, or DENY with the reason for the sender.</summary>
public sealed record ReviewOutcome(bool Allowed, string Content, IReadOnlyDictionary<string, string>? Attributes, string? Reason);

/// <summary>
/// Stand-in for the room's message review Lambda. The room names a Lambda ARN; the emulator maps it to a built-in
/// rule list or an HTTP URL (MessagingOptions). Errors, timeouts (200 ms) and unmapped ARNs fall back to the room's
/// fallbackResult, as AWS does when the Lambda cannot be invoked.
/// </summary>
public sealed class MessageReview(MessagingOptions options, HttpClient http)
{
    public const string DeniedMessage = "The message was rejected by message review.";

    public async Task<ReviewOutcome> ReviewAsync(RoomRules room, ReviewRequest request, CancellationToken cancellationToken)
    {
        string? arn = room.ReviewHandlerUri;
        var unchanged = new ReviewOutcome(true, request.Content, request.Attributes, null);
        if (string.IsNullOrEmpty(arn)) return unchanged;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReviewTimeout);
        try
        {
            if (options.ReviewRules.TryGetValue(arn, out var rules)) return await ApplyRulesAsync(rules, request, timeout.Token);
            if (options.ReviewHandlers.TryGetValue(arn, out Uri? url)) return await CallHandlerAsync(url, request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException or InvalidOperationException
            or System.Text.RegularExpressions.RegexMatchTimeoutException) { }
        return room.FallbackAllows
            ? unchanged
            : new ReviewOutcome(false, request.Content, request.Attributes, "Message review failed and the room's fallbackResult is DENY.");
    }

    private static async Task<ReviewOutcome> ApplyRulesAsync(List<ReviewRule> rules, ReviewRequest request, CancellationToken ct)
    {
        string content = request.Content;
        foreach (ReviewRule rule in rules)
        {
            switch (rule.Kind)
            {
                case ReviewRuleKind.Deny when rule.Pattern!.IsMatch(content):
                    return new ReviewOutcome(false, content, request.Attributes, DeniedMessage);
                case ReviewRuleKind.Rewrite:
                    content = rule.Pattern!.Replace(content, rule.Replacement!);
                    break;
                case ReviewRuleKind.Fail:
                    throw new InvalidDataException("review rule 'fail'");
                case ReviewRuleKind.Delay:
                    await Task.Delay(rule.Delay, ct);
                    break;
            }
        }
        return new ReviewOutcome(true, content, request.Attributes, null);
    }

    private async Task<ReviewOutcome> CallHandlerAsync(Uri url, ReviewRequest request, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["Content"] = request.Content,
            ["MessageId"] = request.MessageId,
            ["RoomArn"] = request.RoomArn,
            ["Attributes"] = ToJson(request.Attributes),
            ["Sender"] = new JsonObject
            {
                ["Attributes"] = ToJson(request.SenderAttributes),
                ["UserId"] = request.SenderUserId,
                ["Ip"] = request.SenderIp,
            },
        };
        using HttpResponseMessage response = await http.PostAsJsonAsync(url, body, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidDataException($"review handler answered {(int)response.StatusCode}");
        JsonNode? answer = await response.Content.ReadFromJsonAsync<JsonNode>(ct);
        string? result = answer?["ReviewResult"]?.GetValue<string>();
        string content = answer?["Content"] is JsonValue c && c.TryGetValue(out string? s) && s.Length > 0 ? s : request.Content;
        IReadOnlyDictionary<string, string>? attributes = request.Attributes;
        if (answer?["Attributes"] is JsonObject a)
            attributes = a.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? throw new InvalidDataException("attribute not a string"));
        return result switch
        {
            "ALLOW" => new ReviewOutcome(true, content, attributes, null),
            "DENY" => new ReviewOutcome(false, content, attributes,
                answer?["Reason"] is JsonValue r && r.TryGetValue(out string? reason) && reason.Length > 0 ? reason : DeniedMessage),
            _ => throw new InvalidDataException("ReviewResult must be ALLOW or DENY"),
        };
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string>? map)
    {
        var o = new JsonObject();
        if (map != null) foreach (var (k, v) in map) o[k] = v;
        return o;
    }
}
