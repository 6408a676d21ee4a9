using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IvsChat.Client.Model;

namespace IvsChat.Client.Internal;

/// <summary>TagResource's body: the ARN travels in the path, only the tags in the body.</summary>
internal sealed class TagResourceBody { public Dictionary<string, string>? Tags { get; set; } }

/// <summary>The empty request body of operations whose members all travel elsewhere.</summary>
internal sealed class EmptyBody { }

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateChatTokenRequest))]
[JsonSerializable(typeof(CreateChatTokenResponse))]
[JsonSerializable(typeof(CreateLoggingConfigurationRequest))]
[JsonSerializable(typeof(CreateLoggingConfigurationResponse))]
[JsonSerializable(typeof(CreateRoomRequest))]
[JsonSerializable(typeof(CreateRoomResponse))]
[JsonSerializable(typeof(DeleteLoggingConfigurationRequest))]
[JsonSerializable(typeof(DeleteLoggingConfigurationResponse))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(DeleteMessageResponse))]
[JsonSerializable(typeof(DeleteRoomRequest))]
[JsonSerializable(typeof(DeleteRoomResponse))]
[JsonSerializable(typeof(DisconnectUserRequest))]
[JsonSerializable(typeof(DisconnectUserResponse))]
[JsonSerializable(typeof(GetLoggingConfigurationRequest))]
[JsonSerializable(typeof(GetLoggingConfigurationResponse))]
[JsonSerializable(typeof(GetRoomRequest))]
[JsonSerializable(typeof(GetRoomResponse))]
[JsonSerializable(typeof(ListLoggingConfigurationsRequest))]
[JsonSerializable(typeof(ListLoggingConfigurationsResponse))]
[JsonSerializable(typeof(ListRoomsRequest))]
[JsonSerializable(typeof(ListRoomsResponse))]
[JsonSerializable(typeof(ListTagsForResourceResponse))]
[JsonSerializable(typeof(SendEventRequest))]
[JsonSerializable(typeof(SendEventResponse))]
[JsonSerializable(typeof(TagResourceBody))]
[JsonSerializable(typeof(TagResourceResponse))]
[JsonSerializable(typeof(UntagResourceResponse))]
[JsonSerializable(typeof(UpdateLoggingConfigurationRequest))]
[JsonSerializable(typeof(UpdateLoggingConfigurationResponse))]
[JsonSerializable(typeof(UpdateRoomRequest))]
[JsonSerializable(typeof(UpdateRoomResponse))]
[JsonSerializable(typeof(EmptyBody))]
internal sealed partial class IvsChatJsonContext : JsonSerializerContext
{
    /// <summary>The context the client uses: generated metadata, UTC timestamps, JSON escaping only where
    /// JSON requires it (as the JS SDK writes bodies).</summary>
    public static IvsChatJsonContext Wire { get; } = new IvsChatJsonContext(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UtcTimestampConverter() },
    });
}

/// <summary>Timestamps: ISO 8601 strings on the wire (epoch seconds accepted too), always UTC in the model.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000)).UtcDateTime;
        var text = reader.GetString();
        if (text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value.UtcDateTime;
        throw new JsonException("Timestamp is not ISO 8601.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
