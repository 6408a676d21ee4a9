using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace IvsChat.Internal;

/// <summary>Hashtables from the command line as the string maps the service takes (tags, attributes).</summary>
internal static class StringMaps
{
    public static Dictionary<string, string> From(IDictionary? table)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (table == null) return map;
        foreach (DictionaryEntry e in table)
        {
            var value = e.Value is PSObject p ? p.BaseObject : e.Value;
            map[e.Key?.ToString() ?? ""] = value == null ? "" : LanguagePrimitives.ConvertTo<string>(value);
        }
        return map;
    }
}
