using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace IvsChat.Client.Internal;

/// <summary>One AWS config or credentials file, read the way AWSSDK.Core's ProfileIniFile reads it ("[section]",
/// "key = value", '#'/';' comments, indented sub-properties under a key with an empty value), but a bad line only
/// spoils its own section, and no error quotes a value: ProfileIniFile rejects the whole file with an error that
/// quotes the line, so a typo beside a secret key printed the key and broke every other profile.</summary>
internal sealed class ProfileIni
{
    private static readonly Regex SettingName = new Regex("^[a-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant);
    private readonly List<Section> _sections = new List<Section>();

    private ProfileIni(string path) { Path = path; }

    public string Path { get; }

    /// <summary>The file parsed, or null when it does not exist.</summary>
    public static ProfileIni? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var file = new ProfileIni(path);
        file.Parse(File.ReadAllLines(path));
        return file;
    }

    /// <summary>Parses text as if it were the file at path (tests).</summary>
    internal static ProfileIni Parse(string path, string text)
    {
        var file = new ProfileIni(path);
        file.Parse(text.Split('\n'));
        return file;
    }

    /// <summary>The first section whose header is exactly name ("default"), or marker + blanks + name
    /// ("profile dev", "sso-session corp", "services local").</summary>
    public Section? Find(string name, string? marker = null)
    {
        foreach (var section in _sections)
            if (marker == null ? section.Header == name : IsMarked(section.Header, marker, name)) return section;
        return null;
    }

    private static bool IsMarked(string header, string marker, string name)
    {
        if (!header.StartsWith(marker, StringComparison.Ordinal) || header.Length <= marker.Length) return false;
        var rest = header.Substring(marker.Length);
        return (rest[0] == ' ' || rest[0] == '\t') && rest.TrimStart(' ', '\t') == name;
    }

    private void Parse(IReadOnlyList<string> lines)
    {
        Section? current = null;
        string? nestedUnder = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
            if (line[0] == '[' && line[line.Length - 1] == ']')
            {
                current = new Section(line.Substring(1, line.Length - 2).Trim(), this, i + 1);
                _sections.Add(current);
                nestedUnder = null;
                continue;
            }
            // Lines before the first section belong to no profile: nothing reads them.
            if (current == null) continue;
            var separator = line.IndexOf('=');
            if (separator < 0)
            {
                current.Fail(i + 1, $"is not 'key = value', a [section] or a comment ({Describe(line)})");
                continue;
            }
            var key = line.Substring(0, separator).Trim();
            var value = line.Substring(separator + 1).Trim();
            var indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            if (indented && nestedUnder != null) current.AddNested(nestedUnder, key, value, i + 1);
            else
            {
                current.Add(key, value, i + 1);
                nestedUnder = value.Length == 0 ? key : null;
            }
        }
    }

    /// <summary>What a broken line shows: its setting name when it looks like one (lower-case, as every AWS
    /// setting is, and followed by a separator; a pasted key or token is not), never its value.</summary>
    private static string Describe(string line)
    {
        var end = line.IndexOfAny(new[] { ':', ' ', '\t' });
        return end > 0 && SettingName.IsMatch(line.Substring(0, end)) ? $"setting '{line.Substring(0, end)}', value not shown" : "content not shown";
    }

    /// <summary>One [section]: its settings, sub-settings, and the first problem found in it.</summary>
    internal sealed class Section
    {
        private readonly ProfileIni _file;
        private readonly int _headerLine;

        public Section(string header, ProfileIni file, int headerLine) { Header = header; _file = file; _headerLine = headerLine; }

        public string Header { get; }
        public Dictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Dictionary<string, string>> Nested { get; } =
            new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        /// <summary>"line 3 ... " of the first bad line; null when the section is sound.</summary>
        public string? Problem { get; private set; }

        /// <summary>The settings, or a configuration error naming file and line (never a value).</summary>
        public Dictionary<string, string> Checked()
        {
            if (Problem != null)
                throw new IvsChatConfigurationException(
                    $"AWS file {_file.Path}, section [{Header}] (line {_headerLine.ToString(CultureInfo.InvariantCulture)}): {Problem}. " +
                    "Fix that line (settings are written 'key = value'); other profiles in the file are still read.");
            return Values;
        }

        public void Fail(int line, string what) => Problem ??= $"line {line.ToString(CultureInfo.InvariantCulture)} {what}";

        public void Add(string key, string value, int line)
        {
            if (Values.ContainsKey(key)) Fail(line, $"sets '{NameOf(key)}' a second time");
            else Values[key] = value;
        }

        public void AddNested(string parent, string key, string value, int line)
        {
            if (!Nested.TryGetValue(parent, out var values))
                Nested[parent] = values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (values.ContainsKey(key)) Fail(line, $"sets '{NameOf(parent)}.{NameOf(key)}' a second time");
            else values[key] = value;
        }

        private static string NameOf(string key) => SettingName.IsMatch(key) ? key : "a setting";
    }
}
