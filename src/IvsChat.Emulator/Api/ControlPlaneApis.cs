using System.Collections.Concurrent;
using IvsChat.Emulator.State;

namespace IvsChat.Emulator.Api;

/// <summary>The control-plane operations of each region, over that region's ChatStore; made on first use.</summary>
public sealed class ControlPlaneApis(IServiceProvider services, ChatStores stores)
{
    private readonly ConcurrentDictionary<string, ControlPlaneApi> _byRegion = new(StringComparer.Ordinal);

    public ControlPlaneApi For(string region) =>
        _byRegion.GetOrAdd(region, r => ActivatorUtilities.CreateInstance<ControlPlaneApi>(services, stores.For(r)));
}
