using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using IvsChat.Client;

namespace IvsChat.Internal;

/// <summary>A client per region (the ARN being acted on may name another region), created once per cmdlet run.
/// Kept apart from the cmdlet classes so that importing the module never loads IvsChat.Client.</summary>
internal sealed class ClientPool : IDisposable
{
    private readonly Func<string?, ClientSettingsInput> _inputFor;
    private readonly bool _regionGiven;
    private readonly Dictionary<string, Entry> _byRegionKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();

    /// <param name="inputFor">The settings input for a resource in the given region (null = no ARN).</param>
    public ClientPool(Func<string?, ClientSettingsInput> inputFor)
    {
        _inputFor = inputFor;
        _regionGiven = inputFor(null).Region != null;
    }

    internal sealed class Entry
    {
        public Entry(IIvsChatClient client, ResolvedClientSettings settings) { Client = client; Settings = settings; }
        public IIvsChatClient Client { get; }
        public ResolvedClientSettings Settings { get; }
    }

    /// <summary>Resolves (once per region key) and returns the client; the first time, a -Debug line says where
    /// credentials, region and endpoint came from.</summary>
    public Entry Get(string? arnRegion, Action<string> debug)
    {
        // With -Region given, the ARN's region does not matter: one client serves every record.
        var key = _regionGiven ? "" : (arnRegion ?? "");
        if (_byRegionKey.TryGetValue(key, out var entry)) return entry;
        var resolved = ClientSettingsCache.Resolve(_inputFor(arnRegion));
        debug("Credentials from " + resolved.CredentialSource + "; region '" + resolved.Region + "' from " + resolved.RegionSource +
              "; endpoint " + resolved.Endpoint + " from " + resolved.EndpointSource + ".");
        var client = new IvsChatClient(resolved, new IvsChatClientOptions
        {
            // Called from any thread: queued here and written by the pipeline thread (Drain). The client's
            // per-call Verbose line is left out: the cmdlet writes its own, which names the resource.
            Log = (level, message) => { if (level == IvsChatLogLevel.Debug) _log.Enqueue(message); },
        });
        entry = new Entry(client, resolved);
        _byRegionKey[key] = entry;
        return entry;
    }

    /// <summary>Writes the client's queued debug lines.</summary>
    public void Drain(Action<string> debug)
    {
        while (_log.TryDequeue(out var line)) debug(line);
    }

    public void Dispose()
    {
        foreach (var e in _byRegionKey.Values) (e.Client as IDisposable)?.Dispose();
        _byRegionKey.Clear();
    }
}
