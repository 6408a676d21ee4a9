using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.State;

/// <summary>
/// All rooms and logging configurations of one region, in memory (see ChatStores). Writes take one lock (so read-modify-write never loses an
/// update); lookups by ARN take none and see immutable records. Public so the messaging side can look rooms up.
/// </summary>
public sealed class ChatStore(EmulatorOptions options, TimeProvider time, string region)
{
    public const int MaxLoggingConfigurations = 10;
    public const int MaxLoggingConfigurationsPerRoom = 3;
    public const string RoomType = "ROOM";
    public const string LoggingConfigurationType = "LOGGING_CONFIGURATION";

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LoggingConfiguration> _configs = new(StringComparer.Ordinal);
    private long _sequence;
    private Room[]? _roomOrder;
    private LoggingConfiguration[]? _configOrder;

    public string Region => region;

    public string RoomArn(string id) => $"arn:aws:ivschat:{region}:{options.AccountId}:room/{id}";

    public string LoggingConfigurationArn(string id) =>
        $"arn:aws:ivschat:{region}:{options.AccountId}:logging-configuration/{id}";

    /// <summary>Now, truncated to milliseconds so that what is returned round-trips exactly.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public bool TryGetRoom(string roomArn, [NotNullWhen(true)] out Room? room) => _rooms.TryGetValue(roomArn, out room);

    public Room GetRoom(string roomArn) =>
        TryGetRoom(roomArn, out var room) ? room : throw ApiException.NotFound(RoomType, IdOf(roomArn));

    public LoggingConfiguration GetLoggingConfiguration(string arn) =>
        _configs.TryGetValue(arn, out var c) ? c : throw ApiException.NotFound(LoggingConfigurationType, IdOf(arn));

    /// <summary>The id after the last '/', as error members carry it.</summary>
    public static string IdOf(string arn)
    {
        int slash = arn.LastIndexOf('/');
        string id = slash >= 0 ? arn[(slash + 1)..] : arn;
        return Patterns.Id.IsMatch(id) ? id : "unknown";
    }

    public Room CreateRoom(string name, int rate, int length, ReviewHandler? handler,
        IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> loggingConfigurationArns)
    {
        lock (_gate)
        {
            RequireConfigs(loggingConfigurationArns);
            string id = NewId(_rooms, RoomArn);
            var now = Now();
            var room = new Room(id, RoomArn(id), name, now, now, ++_sequence, rate, length, handler,
                tags.ToImmutableDictionary(StringComparer.Ordinal), [.. loggingConfigurationArns.Distinct()]);
            _rooms[room.Arn] = room;
            _roomOrder = null;
            return room;
        }
    }

    /// <summary>Applies a change to a room atomically; the change receives the current record.</summary>
    public Room UpdateRoom(string roomArn, Func<Room, Room> change, IReadOnlyList<string>? loggingConfigurationArns)
    {
        lock (_gate)
        {
            var current = _rooms.TryGetValue(roomArn, out var r) ? r : throw ApiException.NotFound(RoomType, IdOf(roomArn));
            if (loggingConfigurationArns != null) RequireConfigs(loggingConfigurationArns);
            var updated = change(current) with { UpdateTime = Now(), Sequence = ++_sequence };
            _rooms[roomArn] = updated;
            _roomOrder = null;
            return updated;
        }
    }

    public Room DeleteRoom(string roomArn)
    {
        lock (_gate)
        {
            if (!_rooms.TryRemove(roomArn, out var room)) throw ApiException.NotFound(RoomType, IdOf(roomArn));
            _roomOrder = null;
            return room;
        }
    }

    private void RequireConfigs(IReadOnlyList<string> arns)
    {
        foreach (string arn in arns)
            if (!_configs.ContainsKey(arn)) throw ApiException.NotFound(LoggingConfigurationType, IdOf(arn));
    }

    private static string NewId<T>(ConcurrentDictionary<string, T> existing, Func<string, string> arnOf)
    {
        while (true)
        {
            string id = RandomIds.New();
            if (!existing.ContainsKey(arnOf(id))) return id;
        }
    }

    public LoggingConfiguration CreateLoggingConfiguration(string name, Destination destination, IReadOnlyDictionary<string, string> tags)
    {
        lock (_gate)
        {
            if (_configs.Count >= MaxLoggingConfigurations)
                throw ApiException.QuotaExceeded(LoggingConfigurationType, options.AccountId, MaxLoggingConfigurations,
                    $"Quota exceeded: an account can have at most {MaxLoggingConfigurations} logging configurations.");
            string id = NewId(_configs, LoggingConfigurationArn);
            var now = Now();
            var config = new LoggingConfiguration(id, LoggingConfigurationArn(id), name, now, now, ++_sequence,
                destination, "ACTIVE", tags.ToImmutableDictionary(StringComparer.Ordinal));
            _configs[config.Arn] = config;
            _configOrder = null;
            return config;
        }
    }

    public LoggingConfiguration UpdateLoggingConfiguration(string arn, string? name, Destination? destination)
    {
        lock (_gate)
        {
            var current = _configs.TryGetValue(arn, out var c) ? c : throw ApiException.NotFound(LoggingConfigurationType, IdOf(arn));
            var updated = current with
            {
                Name = name ?? current.Name,
                Destination = destination ?? current.Destination,
                UpdateTime = Now(),
                Sequence = ++_sequence,
            };
            _configs[arn] = updated;
            _configOrder = null;
            return updated;
        }
    }

    public void DeleteLoggingConfiguration(string arn)
    {
        lock (_gate)
        {
            if (!_configs.ContainsKey(arn)) throw ApiException.NotFound(LoggingConfigurationType, IdOf(arn));
            var user = _rooms.Values.FirstOrDefault(r => r.LoggingConfigurationIdentifiers.Contains(arn));
            if (user != null)
                throw ApiException.Conflict(LoggingConfigurationType, IdOf(arn),
                    $"The logging configuration is in use by room {user.Id}; remove it from every room first.");
            _configs.TryRemove(arn, out _);
            _configOrder = null;
        }
    }

    /// <summary>Tags of a room or logging configuration, by ARN.</summary>
    public ImmutableDictionary<string, string> GetTags(string arn)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(arn, out var room)) return room.Tags;
            if (_configs.TryGetValue(arn, out var config)) return config.Tags;
            throw NotFoundForArn(arn);
        }
    }

    /// <summary>Replaces the tags atomically; <paramref name="change"/> may throw to refuse (e.g. over 50).</summary>
    public void ChangeTags(string arn, Func<ImmutableDictionary<string, string>, ImmutableDictionary<string, string>> change)
    {
        lock (_gate)
        {
            if (_rooms.TryGetValue(arn, out var room)) _rooms[arn] = room with { Tags = change(room.Tags) };
            else if (_configs.TryGetValue(arn, out var config)) _configs[arn] = config with { Tags = change(config.Tags) };
            else throw NotFoundForArn(arn);
            _roomOrder = null;
            _configOrder = null;
        }
    }

    private static ApiException NotFoundForArn(string arn) =>
        ApiException.NotFound(arn.Contains(":logging-configuration/", StringComparison.Ordinal) ? LoggingConfigurationType : RoomType, IdOf(arn));

    /// <summary>Rooms newest update first (ties: later change first). Cached until the next write.</summary>
    public IReadOnlyList<Room> RoomsByUpdateTime()
    {
        lock (_gate)
            return _roomOrder ??= [.. _rooms.Values.OrderByDescending(r => r.UpdateTime).ThenByDescending(r => r.Sequence)];
    }

    public IReadOnlyList<LoggingConfiguration> LoggingConfigurationsByUpdateTime()
    {
        lock (_gate)
            return _configOrder ??= [.. _configs.Values.OrderByDescending(c => c.UpdateTime).ThenByDescending(c => c.Sequence)];
    }

    public bool LoggingConfigurationExists(string arn) => _configs.ContainsKey(arn);

    /// <summary>Forget every resource (control surface reset).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rooms.Clear();
            _configs.Clear();
            _roomOrder = null;
            _configOrder = null;
        }
    }
}
