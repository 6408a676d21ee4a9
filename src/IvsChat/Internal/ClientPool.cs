using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using Amazon.Runtime;
using IvsChat.Client;

namespace IvsChat.Internal
{
    /// <summary>What the common parameters and shell variables say; the pool turns it into clients.
    /// Kept apart from the cmdlet classes so that importing the module never loads AWSSDK.Core.</summary>
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
        private readonly ConcurrentQueue<KeyValuePair<bool, string>> _log = new ConcurrentQueue<KeyValuePair<bool, string>>();

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
            var resolved = ClientSettingsResolver.Resolve(BuildInput(arnRegion));
            debug("Credentials from " + resolved.CredentialSource + "; region '" + resolved.Region + "' from " + resolved.RegionSource +
                  "; endpoint " + resolved.Endpoint + " from " + resolved.EndpointSource + ".");
            var client = new IvsChatClient(resolved, new IvsChatClientOptions
            {
                // Called from any thread: queued here and written by the pipeline thread (Drain).
                Log = (level, message) => _log.Enqueue(new KeyValuePair<bool, string>(level == IvsChatLogLevel.Verbose, message)),
            });
            entry = new Entry(client, resolved);
            _byRegionKey[key] = entry;
            return entry;
        }

        /// <summary>Writes the client's queued log lines (true = verbose, false = debug).</summary>
        public void Drain(Action<string> verbose, Action<string> debug)
        {
            while (_log.TryDequeue(out var line)) { if (line.Key) verbose(line.Value); else debug(line.Value); }
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
            if (s.Credential != null)
                input.Credentials = CredentialReader.Read(s.Credential)
                    ?? throw new IvsChatConfigurationException("-Credential must be an Amazon.Runtime.AWSCredentials, an AWS.Tools credential object, or a PSCredential (user name = access key id, password = secret access key).");
            if (s.StoredCredentials is string storedProfile)
            {
                // AWS.Tools may keep a profile name in $StoredAWSCredentials: use it where a profile would apply.
                if (input.ProfileName == null && input.AccessKey == null && input.Credentials == null) input.ProfileName = storedProfile;
            }
            else if (s.StoredCredentials != null)
            {
                input.StoredCredentials = CredentialReader.Read(s.StoredCredentials);
            }
            return input;
        }

        public void Dispose()
        {
            foreach (var e in _byRegionKey.Values) (e.Client as IDisposable)?.Dispose();
            _byRegionKey.Clear();
        }
    }

    /// <summary>Reads credentials from -Credential / $StoredAWSCredentials. AWS.Tools' objects are read by duck
    /// typing: their AWSSDK.Core may be a different copy than ours, so type identity cannot be trusted.</summary>
    internal static class CredentialReader
    {
        public static AWSCredentials? Read(object? value, int depth = 0)
        {
            if (value is PSObject pso) value = pso.BaseObject;
            switch (value)
            {
                case null: return null;
                case AWSCredentials ours: return ours;
                case PSCredential psc:
                    return new BasicAWSCredentials(psc.UserName, psc.GetNetworkCredential().Password);
            }
            if (depth > 3) return null;
            var type = value.GetType();
            // Amazon.Runtime.AWSCredentials from another AWSSDK.Core copy: GetCredentials() -> ImmutableCredentials.
            var getCredentials = type.GetMethod("GetCredentials", Type.EmptyTypes);
            if (getCredentials != null)
            {
                var immutable = getCredentials.Invoke(value, null);
                if (immutable != null)
                {
                    var it = immutable.GetType();
                    var accessKey = it.GetProperty("AccessKey")?.GetValue(immutable) as string;
                    var secretKey = it.GetProperty("SecretKey")?.GetValue(immutable) as string;
                    var token = it.GetProperty("Token")?.GetValue(immutable) as string;
                    if (!string.IsNullOrEmpty(accessKey) && !string.IsNullOrEmpty(secretKey))
                        return string.IsNullOrEmpty(token) ? new BasicAWSCredentials(accessKey, secretKey) : new SessionAWSCredentials(accessKey, secretKey, token);
                }
            }
            // AWS.Tools' AWSPSCredentials wrapper: the credentials are in .Credentials.
            var inner = type.GetProperty("Credentials");
            if (inner != null) return Read(inner.GetValue(value), depth + 1);
            return null;
        }
    }
}
