using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using IvsChat.Client;

namespace IvsChat.Internal
{
    /// <summary>What the common parameters and shell variables say; the pool turns it into clients.
    /// Kept apart from the cmdlet classes so that importing the module never loads IvsChat.Client. Nothing in this
    /// assembly may use AWSSDK types: IvsChat.Client and AWSSDK load in the module's private context (ModuleLoader).</summary>
    internal sealed class CommonSettings
    {
        public string? Region;
        public string? ProfileName;
        public string? ProfileLocation;
        public string? AccessKey;
        public string? SecretKey;
        public string? SessionToken;
        public object? Credential;
        public string? EndpointUrl;
        public object? StoredCredentials;
        public string? StoredRegion;
    }

    /// <summary>A client per region (the ARN being acted on may name another region), created once per cmdlet run.</summary>
    internal sealed class ClientPool : IDisposable
    {
        private readonly CommonSettings _settings;
        private readonly Dictionary<string, Entry> _byRegionKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();

        public ClientPool(CommonSettings settings) { _settings = settings; }

        internal sealed class Entry
        {
            public Entry(IIvsChatClient client, ResolvedClientSettings settings) { Client = client; Settings = settings; }
            public IIvsChatClient Client { get; }
            public ResolvedClientSettings Settings { get; }
        }

        /// <summary>Resolves (once per region key) and returns the client. The first entry in the returned
        /// list of debug lines says where credentials, region and endpoint came from.</summary>
        public Entry Get(string? arnRegion, Action<string> debug)
        {
            // With -Region given, the ARN's region does not matter: one client serves every record.
            var key = string.IsNullOrEmpty(_settings.Region) ? (arnRegion ?? "") : "";
            if (_byRegionKey.TryGetValue(key, out var entry)) return entry;
            var resolved = ClientSettingsCache.Resolve(BuildInput(arnRegion));
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

        private ClientSettingsInput BuildInput(string? arnRegion)
        {
            var s = _settings;
            var input = new ClientSettingsInput
            {
                AccessKey = s.AccessKey,
                SecretKey = s.SecretKey,
                SessionToken = s.SessionToken,
                ProfileName = s.ProfileName,
                ProfileLocation = s.ProfileLocation,
                Region = s.Region,
                ArnRegion = string.IsNullOrEmpty(arnRegion) ? null : arnRegion,
                StoredRegion = string.IsNullOrEmpty(s.StoredRegion) ? null : s.StoredRegion,
                EndpointUrl = s.EndpointUrl,
            };
            // The client reads the objects (AWSSDK types of any copy, AWS.Tools wrappers); PowerShell's own are unwrapped here.
            if (s.Credential != null) input.Credentials = Unwrap(s.Credential);
            var stored = s.StoredCredentials == null ? null : Unwrap(s.StoredCredentials);
            if (stored is string storedProfile)
            {
                // AWS.Tools may keep a profile name in $StoredAWSCredentials: use it where a profile would apply.
                if (input.ProfileName == null && input.AccessKey == null && input.Credentials == null) input.ProfileName = storedProfile;
            }
            else input.StoredCredentials = stored;
            return input;
        }

        private static object? Unwrap(object value)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            return value is PSCredential psc ? psc.GetNetworkCredential() : value;
        }

        public void Dispose()
        {
            foreach (var e in _byRegionKey.Values) (e.Client as IDisposable)?.Dispose();
            _byRegionKey.Clear();
        }
    }
}
