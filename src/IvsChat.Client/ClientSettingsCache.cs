using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Amazon.Runtime;
using IvsChat.Client.Internal;

namespace IvsChat.Client;

/// <summary>
/// Resolution is the costly part of a short call: the profile files are parsed and credential providers built
/// (for assume-role and SSO profiles, a fresh provider means a fresh STS/SSO call). A resolution is reused while
/// everything it was read from is unchanged: the same explicit inputs, the same AWS_* and IVSCHAT_* environment and HOME,
/// and the same credentials and config files (path, size, write time).
/// </summary>
public static class ClientSettingsCache
{
    private const int Capacity = 64;
    private static readonly ConcurrentDictionary<string, ResolvedClientSettings> Resolved =
        new ConcurrentDictionary<string, ResolvedClientSettings>(StringComparer.Ordinal);

    /// <summary>The resolution of <paramref name="input"/>, reused while its sources are unchanged.</summary>
    public static ResolvedClientSettings Resolve(ClientSettingsInput input)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        // Credentials objects of another AWSSDK copy or PowerShell are read into fixed keys: read them every time,
        // so that a refreshed object is never served stale. Our own AWSCredentials refresh themselves.
        if (!IsReusable(input.Credentials) || !IsReusable(input.StoredCredentials)) return ClientSettingsResolver.Resolve(input);
        var key = KeyFor(input);
        if (Resolved.TryGetValue(key, out var hit)) return hit;
        var resolved = ClientSettingsResolver.Resolve(input);
        if (Resolved.Count >= Capacity) Resolved.Clear();
        Resolved[key] = resolved;
        return resolved;
    }

    /// <summary>Forgets every resolution (e.g. after credentials were rotated in place).</summary>
    public static void Clear() => Resolved.Clear();

    internal static void Forget(ClientSettingsInput input) => Resolved.TryRemove(KeyFor(input), out _);

    internal static int Count => Resolved.Count;

    private static bool IsReusable(object? credentials) => credentials == null || credentials is AWSCredentials;

    // Runs once per cmdlet invocation: plain loops, one pass over the environment, a one-shot hash.
    private static string KeyFor(ClientSettingsInput input)
    {
        var key = new StringBuilder(512);
        void Add(string? value) => key.Append(value == null ? "\u0001" : value.Replace("\0", "\0\0")).Append('\0');
        Add(input.AccessKey); Add(input.SecretKey); Add(input.SessionToken);
        Add(input.ProfileName); Add(input.ProfileLocation);
        Add(input.Region); Add(input.ArnRegion); Add(input.StoredRegion); Add(input.EndpointUrl);
        // Our own credential objects: the same instance means the same credentials.
        Add(IdentityOf(input.Credentials));
        Add(IdentityOf(input.StoredCredentials));
        foreach (var pair in RelevantEnvironment(input.Environment)) { Add(pair.Key); Add(pair.Value); }
        var (credentialsFile, configFile) = ProfileFiles.PathsFor(input.ProfileLocation, new EnvironmentView(input.Environment));
        Add(Stamp(credentialsFile)); Add(Stamp(configFile));
        // Hashed: the cache outlives the call and must not keep the secret key it was given.
        var bytes = Encoding.UTF8.GetBytes(key.ToString());
#if NET
        return Convert.ToBase64String(SHA256.HashData(bytes));
#else
        using (var sha = SHA256.Create()) return Convert.ToBase64String(sha.ComputeHash(bytes));
#endif
    }

    // Hash codes of distinct objects can collide; these ids cannot.
    private static readonly ConditionalWeakTable<object, string> Identities = new ConditionalWeakTable<object, string>();
    private static long _lastIdentity;

    private static string? IdentityOf(object? value) =>
        value == null ? null : Identities.GetValue(value, _ => Interlocked.Increment(ref _lastIdentity).ToString(CultureInfo.InvariantCulture));

    private static List<KeyValuePair<string, string?>> RelevantEnvironment(IDictionary<string, string?>? given)
    {
        var relevant = new List<KeyValuePair<string, string?>>();
        if (given != null)
        {
            foreach (var pair in given) if (IsRelevant(pair.Key)) relevant.Add(pair);
        }
        else
        {
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                if (entry.Key is string name && IsRelevant(name)) relevant.Add(new KeyValuePair<string, string?>(name, entry.Value as string));
        }
        relevant.Sort((a, b) =>
        {
            var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Key, b.Key);
        });
        return relevant;
    }

    private static bool IsRelevant(string name) =>
        name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("IVSCHAT_", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "HOME", StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "USERPROFILE", StringComparison.OrdinalIgnoreCase);

    private static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? path + "|" + file.Length + "|" + file.LastWriteTimeUtc.Ticks : path + "|none";
    }
}
