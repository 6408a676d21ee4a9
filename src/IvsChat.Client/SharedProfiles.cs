using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IvsChat.Client.Internal;

namespace IvsChat.Client;

/// <summary>The profile names in the shared credentials and config files, read from the same paths the settings
/// resolver reads (-ProfileLocation, AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, ~/.aws). For completion: only
/// section names are read, never a key.</summary>
public static class SharedProfiles
{
    /// <summary>Every profile name, sorted, without duplicates.</summary>
    /// <param name="profileLocation">Another credentials file (-ProfileLocation), or null.</param>
    /// <param name="environment">The environment to read (null = this process's).</param>
    public static IReadOnlyList<string> Names(string? profileLocation, IDictionary<string, string?>? environment = null)
    {
        var (credentials, config) = ProfileFiles.PathsFor(profileLocation, new EnvironmentView(environment));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var section in Sections(credentials)) names.Add(section);
        foreach (var section in Sections(config))
        {
            // Config-file profiles are "[profile name]" (and "[default]"); other sections are sso-session, services...
            if (section == "default") names.Add(section);
            else if (section.StartsWith("profile ", StringComparison.Ordinal)) names.Add(section.Substring("profile ".Length).Trim());
        }
        return names.Where(n => n.Length > 0).ToList();
    }

    private static IEnumerable<string> Sections(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path))
        {
            var text = line.Trim();
            if (text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']') yield return text.Substring(1, text.Length - 2).Trim();
        }
    }
}
