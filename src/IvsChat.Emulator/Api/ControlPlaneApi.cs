using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Messaging;
using IvsChat.Emulator.State;
using IvsChat.Emulator.Tokens;
using Microsoft.AspNetCore.Http.Features;

namespace IvsChat.Emulator.Api;

/// <summary>The 17 control-plane operations of one region (ControlPlaneApis): validation, store, messaging, JSON shapes.</summary>
public sealed partial class ControlPlaneApi(EmulatorOptions options, ChatStore store, ChatTokens tokens, PageTokens pages,
    IRoomMessaging messaging, TimeProvider time)
{
    public const int DefaultRate = 10;
    public const int DefaultLength = 500;
    public const int DefaultSessionMinutes = 60;
    public const int MaxAttributeBytes = 1024;
    private const string DefaultFallback = "ALLOW";
    private static readonly string[] Capabilities = ["SEND_MESSAGE", "DISCONNECT_USER", "DELETE_MESSAGE"];
    private static readonly string[] FallbackResults = ["ALLOW", "DENY"];

    /// <summary>Maps every operation route, plus AWS-shaped errors for anything else.</summary>
    public static void Map(WebApplication app)
    {
        var ops = new (string Name, Func<ControlPlaneApi, OperationCall, JsonNode?> Handler)[]
        {
            ("CreateChatToken", (a, c) => a.CreateChatToken(c.Body)),
            ("CreateLoggingConfiguration", (a, c) => a.CreateLoggingConfiguration(c.Body)),
            ("CreateRoom", (a, c) => a.CreateRoom(c.Body)),
            ("DeleteLoggingConfiguration", (a, c) => a.DeleteLoggingConfiguration(c.Body)),
            ("DeleteMessage", (a, c) => a.DeleteMessage(c.Body)),
            ("DeleteRoom", (a, c) => a.DeleteRoom(c.Body)),
            ("DisconnectUser", (a, c) => a.DisconnectUser(c.Body)),
            ("GetLoggingConfiguration", (a, c) => a.GetLoggingConfiguration(c.Body)),
            ("GetRoom", (a, c) => a.GetRoom(c.Body)),
            ("ListLoggingConfigurations", (a, c) => a.ListLoggingConfigurations(c.Body)),
            ("ListRooms", (a, c) => a.ListRooms(c.Body)),
            ("SendEvent", (a, c) => a.SendEvent(c.Body)),
            ("UpdateLoggingConfiguration", (a, c) => a.UpdateLoggingConfiguration(c.Body)),
            ("UpdateRoom", (a, c) => a.UpdateRoom(c.Body)),
        };
        foreach (var (name, handler) in ops)
        {
            app.MapPost("/" + name, (HttpContext ctx, OperationPipeline pipeline, ControlPlaneApis apis) =>
                pipeline.RunAsync(ctx, name, call => handler(apis.For(call.Region), call)));
        }
        app.MapGet("/tags/{**resourceArn}", (HttpContext ctx, OperationPipeline pipeline, ControlPlaneApis apis) =>
            pipeline.RunAsync(ctx, "ListTagsForResource", call => apis.For(call.Region).ListTagsForResource(call)));
        app.MapPost("/tags/{**resourceArn}", (HttpContext ctx, OperationPipeline pipeline, ControlPlaneApis apis) =>
            pipeline.RunAsync(ctx, "TagResource", call => apis.For(call.Region).TagResource(call)));
        app.MapDelete("/tags/{**resourceArn}", (HttpContext ctx, OperationPipeline pipeline, ControlPlaneApis apis) =>
            pipeline.RunAsync(ctx, "UntagResource", call => apis.For(call.Region).UntagResource(call)));

        // Anything else (unknown path or method): AWS-shaped 400, after the same signature check.
        app.Map("/{**path}", (HttpContext ctx, OperationPipeline pipeline) =>
            pipeline.RunAsync(ctx, "UnknownOperation", _ => throw ApiException.ValidationReason("UNKNOWN_OPERATION",
                $"The operation {ctx.Request.Method} {ctx.Request.Path} is not supported.")));
    }

    // Page tokens name their region's listing: a token of another region is invalid.
    private string RoomsListing => store.Region + "/rooms";
    private string LoggingConfigurationsListing => store.Region + "/logging-configurations";

    // ---- rooms ----

    private JsonNode CreateRoom(RequestReader r)
    {
        string? name = r.String("name", max: 128, pattern: Patterns.Name);
        int? rate = r.Int("maximumMessageRatePerSecond", 1, 100);
        int? length = r.Int("maximumMessageLength", 1, 500);
        var handler = ReadHandler(r);
        var tags = r.Tags("tags");
        var configs = ReadLoggingConfigurationList(r);
        r.ThrowIfInvalid();
        var room = store.CreateRoom(name ?? "", rate ?? DefaultRate, length ?? DefaultLength, handler,
            tags ?? [], configs ?? []);
        return RoomJson(room);
    }

    private JsonNode GetRoom(RequestReader r) => RoomJson(store.GetRoom(RoomIdentifier(r, "identifier")));

    private JsonNode UpdateRoom(RequestReader r)
    {
        string arn = RoomIdentifier(r, "identifier", validateOnly: true);
        string? name = r.String("name", max: 128, pattern: Patterns.Name);
        int? rate = r.Int("maximumMessageRatePerSecond", 1, 100);
        int? length = r.Int("maximumMessageLength", 1, 500);
        var handlerReader = r.Object("messageReviewHandler");
        string? uri = handlerReader?.String("uri", max: 170, pattern: Patterns.LambdaArn);
        string? fallback = handlerReader?.Enum("fallbackResult", FallbackResults);
        var configs = ReadLoggingConfigurationList(r);
        r.ThrowIfInvalid();
        var room = store.UpdateRoom(arn, current => current with
        {
            Name = name ?? current.Name,
            MaximumMessageRatePerSecond = rate ?? current.MaximumMessageRatePerSecond,
            MaximumMessageLength = length ?? current.MaximumMessageLength,
            MessageReviewHandler = handlerReader == null ? current.MessageReviewHandler
                : (uri ?? current.MessageReviewHandler?.Uri) is { Length: > 0 } u
                    ? new ReviewHandler(u, fallback ?? current.MessageReviewHandler?.FallbackResult ?? DefaultFallback)
                    : null,
            LoggingConfigurationIdentifiers = configs == null ? current.LoggingConfigurationIdentifiers : [.. configs.Distinct()],
        }, configs);
        messaging.RoomUpdated(room.Arn);
        return RoomJson(room);
    }

    private JsonNode? DeleteRoom(RequestReader r)
    {
        var room = store.DeleteRoom(RoomIdentifier(r, "identifier"));
        messaging.RoomDeleted(room.Arn);
        return null;
    }

    private JsonNode ListRooms(RequestReader r)
    {
        string? name = r.String("name", max: 128, pattern: Patterns.Name);
        string? next = r.String("nextToken", max: 1024);
        int max = r.Int("maxResults", 1, 50) ?? 50;
        string? uri = r.String("messageReviewHandlerUri", max: 170, pattern: Patterns.LambdaArn);
        string? config = r.String("loggingConfigurationIdentifier", min: 1, max: 128, pattern: Patterns.LoggingConfigurationArn);
        r.ThrowIfInvalid();
        var cursor = pages.Read(RoomsListing, next);
        if (config != null && !store.LoggingConfigurationExists(config))
            throw ApiException.NotFound(ChatStore.LoggingConfigurationType, ChatStore.IdOf(config));
        var (page, nextToken) = pages.Page(RoomsListing, store.RoomsByUpdateTime(), cursor, max,
            room => (string.IsNullOrEmpty(name) || room.Name == name)
                && (string.IsNullOrEmpty(uri) || room.MessageReviewHandler?.Uri == uri)
                && (config == null || room.LoggingConfigurationIdentifiers.Contains(config)),
            room => room.UpdateTime, room => room.Sequence);
        var list = new JsonArray();
        foreach (var room in page) list.Add(RoomSummaryJson(room));
        var result = new JsonObject { ["rooms"] = list };
        if (nextToken != null) result["nextToken"] = nextToken;
        return result;
    }

    private static ReviewHandler? ReadHandler(RequestReader r)
    {
        var h = r.Object("messageReviewHandler");
        if (h == null) return null;
        string? uri = h.String("uri", max: 170, pattern: Patterns.LambdaArn);
        string? fallback = h.Enum("fallbackResult", FallbackResults);
        return string.IsNullOrEmpty(uri) ? null : new ReviewHandler(uri, fallback ?? DefaultFallback);
    }

    private List<string>? ReadLoggingConfigurationList(RequestReader r) =>
        r.StringList("loggingConfigurationIdentifiers", ChatStore.MaxLoggingConfigurationsPerRoom,
            check: (member, s) => r.CheckString(member, s, 1, 128, Patterns.LoggingConfigurationArn, sensitive: false));

    /// <summary>A required room ARN member. Unless validateOnly, validation errors are thrown right away.</summary>
    private static string RoomIdentifier(RequestReader r, string member, bool validateOnly = false)
    {
        string? arn = r.String(member, required: true, min: 1, max: 128, pattern: Patterns.RoomArn);
        if (!validateOnly) r.ThrowIfInvalid();
        return arn ?? "";
    }

    private static string LoggingConfigurationIdentifier(RequestReader r, string member, bool validateOnly = false)
    {
        string? arn = r.String(member, required: true, min: 1, max: 128, pattern: Patterns.LoggingConfigurationArn);
        if (!validateOnly) r.ThrowIfInvalid();
        return arn ?? "";
    }

    // ---- chat ----

    private JsonNode CreateChatToken(RequestReader r)
    {
        string arn = RoomIdentifier(r, "roomIdentifier", validateOnly: true);
        string? userId = r.String("userId", required: true, min: 1, max: 128, sensitive: true);
        var capabilities = r.StringList("capabilities", check: (member, s) =>
        {
            if (!Capabilities.Contains(s)) r.Fail(member, $"Member must satisfy enum value set: [{string.Join(", ", Capabilities)}]");
        });
        int minutes = r.Int("sessionDurationInMinutes", 1, 180) ?? DefaultSessionMinutes;
        var attributes = r.StringMap("attributes", sensitive: true);
        if (attributes != null && RequestReader.Utf8Size(attributes) > MaxAttributeBytes)
            r.Fail("attributes", $"Member must have a total size (keys and values) of at most {MaxAttributeBytes} bytes");
        r.ThrowIfInvalid();
        var room = store.GetRoom(arn);
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)); // what is returned round-trips exactly
        var claims = new ChatTokenClaims(RandomIds.New(), room.Arn, userId!, [.. (capabilities ?? []).Distinct()],
            attributes ?? [], minutes, now + options.TokenTtl, now + options.SessionDuration(minutes));
        return new JsonObject
        {
            ["token"] = tokens.Issue(claims),
            ["tokenExpirationTime"] = AwsJson.Time(claims.TokenExpiresAt),
            ["sessionExpirationTime"] = AwsJson.Time(claims.SessionExpiresAt),
        };
    }

    private JsonNode SendEvent(RequestReader r)
    {
        string arn = RoomIdentifier(r, "roomIdentifier", validateOnly: true);
        string? eventName = r.String("eventName", required: true, min: 1, max: 100);
        var attributes = r.StringMap("attributes");
        if (attributes != null && RequestReader.Utf8Size(attributes) > MaxAttributeBytes)
            r.Fail("attributes", $"Member must have a total size (keys and values) of at most {MaxAttributeBytes} bytes");
        r.ThrowIfInvalid();
        var room = store.GetRoom(arn);
        string id = RandomIds.New();
        messaging.SendEvent(room.Arn, id, eventName!, attributes ?? []);
        return new JsonObject { ["id"] = id };
    }

    private JsonNode DeleteMessage(RequestReader r)
    {
        string arn = RoomIdentifier(r, "roomIdentifier", validateOnly: true);
        string? messageId = r.String("id", required: true, min: 12, max: 12, pattern: Patterns.Id);
        string? reason = r.String("reason", min: 1, max: 256);
        r.ThrowIfInvalid();
        var room = store.GetRoom(arn);
        string id = RandomIds.New();
        messaging.DeleteMessage(room.Arn, id, messageId!, reason);
        return new JsonObject { ["id"] = id };
    }

    private JsonNode DisconnectUser(RequestReader r)
    {
        string arn = RoomIdentifier(r, "roomIdentifier", validateOnly: true);
        string? userId = r.String("userId", required: true, min: 1, max: 128, sensitive: true);
        string? reason = r.String("reason", min: 1, max: 256);
        r.ThrowIfInvalid();
        var room = store.GetRoom(arn);
        messaging.DisconnectUser(room.Arn, RandomIds.New(), userId!, reason);
        return new JsonObject();
    }

    // ---- logging configurations ----

    private JsonNode CreateLoggingConfiguration(RequestReader r)
    {
        string? name = r.String("name", max: 128, pattern: Patterns.Name);
        var destination = ReadDestination(r, required: true);
        var tags = r.Tags("tags");
        r.ThrowIfInvalid();
        return LoggingConfigurationJson(store.CreateLoggingConfiguration(name ?? "", destination!, tags ?? []));
    }

    private JsonNode GetLoggingConfiguration(RequestReader r) =>
        LoggingConfigurationJson(store.GetLoggingConfiguration(LoggingConfigurationIdentifier(r, "identifier")));

    private JsonNode UpdateLoggingConfiguration(RequestReader r)
    {
        string arn = LoggingConfigurationIdentifier(r, "identifier", validateOnly: true);
        string? name = r.String("name", max: 128, pattern: Patterns.Name);
        var destination = ReadDestination(r, required: false);
        r.ThrowIfInvalid();
        return LoggingConfigurationJson(store.UpdateLoggingConfiguration(arn, name, destination));
    }

    private JsonNode? DeleteLoggingConfiguration(RequestReader r)
    {
        store.DeleteLoggingConfiguration(LoggingConfigurationIdentifier(r, "identifier"));
        return null;
    }

    private JsonNode ListLoggingConfigurations(RequestReader r)
    {
        string? next = r.String("nextToken", max: 1024);
        int max = r.Int("maxResults", 1, 50) ?? 50;
        r.ThrowIfInvalid();
        var cursor = pages.Read(LoggingConfigurationsListing, next);
        var (page, nextToken) = pages.Page(LoggingConfigurationsListing, store.LoggingConfigurationsByUpdateTime(), cursor, max,
            _ => true, c => c.UpdateTime, c => c.Sequence);
        var list = new JsonArray();
        foreach (var c in page) list.Add(LoggingConfigurationJson(c));
        var result = new JsonObject { ["loggingConfigurations"] = list };
        if (nextToken != null) result["nextToken"] = nextToken;
        return result;
    }

    /// <summary>DestinationConfiguration is a union: exactly one of s3, cloudWatchLogs, firehose.</summary>
    private static Destination? ReadDestination(RequestReader r, bool required)
    {
        var d = r.Object("destinationConfiguration", required);
        if (d == null) return null;
        var s3 = d.Object("s3");
        var cw = d.Object("cloudWatchLogs");
        var fh = d.Object("firehose");
        int count = (s3 != null ? 1 : 0) + (cw != null ? 1 : 0) + (fh != null ? 1 : 0);
        if (count != 1)
        {
            r.Fail("destinationConfiguration", "Member must have exactly one of s3, cloudWatchLogs, firehose");
            return null;
        }
        if (s3 != null)
            return s3.String("bucketName", required: true, min: 3, max: 63, pattern: Patterns.BucketName) is { } b ? new Destination("s3", b) : null;
        if (cw != null)
            return cw.String("logGroupName", required: true, min: 1, max: 512, pattern: Patterns.LogGroupName) is { } g
                ? new Destination("cloudWatchLogs", g) : null;
        return fh!.String("deliveryStreamName", required: true, min: 1, max: 64, pattern: Patterns.DeliveryStreamName) is { } f
            ? new Destination("firehose", f) : null;
    }

    // ---- tags ----

    /// <summary>The ARN in /tags/{resourceArn}, decoded from the raw target (ASP.NET keeps %2F encoded).</summary>
    private static string ResourceArn(OperationCall call)
    {
        string raw = call.Context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? call.Context.Request.Path.ToString();
        int q = raw.IndexOf('?');
        if (q >= 0) raw = raw[..q];
        const string prefix = "/tags/";
        string arn = raw.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(raw[prefix.Length..]) : "";
        // The model's generic ResourceArn pattern is buggy (one character before '/'): accept the two real forms.
        if (arn.Length is < 1 or > 128 || !(Patterns.RoomArn.IsMatch(arn) || Patterns.LoggingConfigurationArn.IsMatch(arn)))
            throw ApiException.Validation("resourceArn",
                $"Value at 'resourceArn' failed to satisfy constraint: Member must be a room or logging-configuration ARN of length 1 to 128");
        return arn;
    }

    private JsonNode ListTagsForResource(OperationCall call)
    {
        string arn = ResourceArn(call);
        return new JsonObject { ["tags"] = TagsJson(store.GetTags(arn)) };
    }

    private JsonNode TagResource(OperationCall call)
    {
        string arn = ResourceArn(call);
        var r = call.Body;
        var tags = r.Tags("tags", required: true);
        r.ThrowIfInvalid();
        store.ChangeTags(arn, current =>
        {
            var merged = current.SetItems(tags!);
            if (merged.Count > TagRules.MaxTags)
                throw ApiException.Validation("tags",
                    $"Value at 'tags' failed to satisfy constraint: A resource can have at most {TagRules.MaxTags} tags (it would have {merged.Count})");
            return merged;
        });
        return new JsonObject();
    }

    private JsonNode UntagResource(OperationCall call)
    {
        string arn = ResourceArn(call);
        var r = call.Body;
        var keys = call.Context.Request.Query["tagKeys"];
        if (keys.Count == 0) r.Fail("tagKeys", "Member must not be null");
        if (keys.Count > TagRules.MaxTags) r.Fail("tagKeys", $"Member must have length less than or equal to {TagRules.MaxTags}");
        foreach (string? key in keys) r.CheckTag("tagKeys", key ?? "", null);
        r.ThrowIfInvalid();
        store.ChangeTags(arn, current => current.RemoveRange(keys.Select(k => k ?? "")));
        return new JsonObject();
    }
}
