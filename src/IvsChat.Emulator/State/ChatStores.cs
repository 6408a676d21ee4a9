using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using IvsChat.Emulator.Hosting;

namespace IvsChat.Emulator.State;

/// <summary>
/// One ChatStore per region, made on first use: AWS's regions are separate services, so rooms, logging
/// configurations and their limits never cross regions.
/// </summary>
public sealed class ChatStores(EmulatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChatStore> _byRegion = new(StringComparer.Ordinal);

    public ChatStore For(string region) => _byRegion.GetOrAdd(region, r => new ChatStore(options, time, r));

    /// <summary>A room by ARN, in the region the ARN names (how chat tokens stay bound to the room's region).</summary>
    public bool TryGetRoom(string roomArn, [NotNullWhen(true)] out Room? room)
    {
        room = null;
        string[] parts = roomArn.Split(':');
        return parts.Length == 6 && _byRegion.TryGetValue(parts[3], out var store) && store.TryGetRoom(roomArn, out room);
    }

    /// <summary>Forget every resource of every region (control surface reset).</summary>
    public void Clear()
    {
        foreach (var store in _byRegion.Values) store.Clear();
    }
}
