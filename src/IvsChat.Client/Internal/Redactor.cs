using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace IvsChat.Client.Internal;

/// <summary>Removes the caller's sensitive values (user id, token attributes, credentials) from text the
/// service sent back, e.g. a validation message that echoes a user id, before it reaches an exception.</summary>
internal sealed class Redactor
{
    public const string Mask = "***";
    public static readonly Redactor None = new Redactor(Array.Empty<string?>());
    private readonly Regex? _pattern;

    public Redactor(IEnumerable<string?> sensitiveValues)
    {
        var values = sensitiveValues.Where(v => !string.IsNullOrEmpty(v)).Distinct().OrderByDescending(v => v!.Length).ToList();
        if (values.Count > 0)
            // Whole values only (not inside longer words), so a short user id like "a" does not mangle the message.
            _pattern = new Regex("(?<![A-Za-z0-9])(?:" + string.Join("|", values.Select(v => Regex.Escape(v!))) + ")(?![A-Za-z0-9])",
                RegexOptions.CultureInvariant);
    }

    public string Scrub(string text) => _pattern == null ? text : _pattern.Replace(text, Mask);
}
