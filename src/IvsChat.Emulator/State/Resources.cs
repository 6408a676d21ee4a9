using System.Collections.Immutable;
using System.Security.Cryptography;

namespace IvsChat.Emulator.State;

/// <summary>A room's message review handler; Uri is never empty (an empty uri removes the handler).</summary>
public sealed record ReviewHandler(string Uri, string FallbackResult);

/// <summary>A room, immutable: every change stores a new record (Sequence orders changes made at the same time).</summary>
public sealed record Room(
    string Id,
    string Arn,
    string Name,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    long Sequence,
    int MaximumMessageRatePerSecond,
    int MaximumMessageLength,
    ReviewHandler? MessageReviewHandler,
    ImmutableDictionary<string, string> Tags,
    ImmutableArray<string> LoggingConfigurationIdentifiers);

/// <summary>Exactly one destination: Kind is s3, cloudWatchLogs or firehose; Value the bucket/log group/stream.</summary>
public sealed record Destination(string Kind, string Value);

public sealed record LoggingConfiguration(
    string Id,
    string Arn,
    string Name,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    long Sequence,
    Destination Destination,
    string State,
    ImmutableDictionary<string, string> Tags);

public static class RandomIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>12 characters of [a-zA-Z0-9], the form of every IVS Chat resource, message and event id.</summary>
    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, 12));
}
