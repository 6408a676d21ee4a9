using System;
using System.Collections.Generic;
using System.Linq;
using IvsChat.Client.Model;

namespace IvsChat.Internal;

/// <summary>Chat token capabilities: the PowerShell spellings (SendMessage...) and the wire ones (SEND_MESSAGE...).</summary>
internal static class Capabilities
{
    private static readonly Dictionary<string, string> Wire = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["SendMessage"] = ChatTokenCapabilityValues.SendMessage,
        ["SEND_MESSAGE"] = ChatTokenCapabilityValues.SendMessage,
        ["DeleteMessage"] = ChatTokenCapabilityValues.DeleteMessage,
        ["DELETE_MESSAGE"] = ChatTokenCapabilityValues.DeleteMessage,
        ["DisconnectUser"] = ChatTokenCapabilityValues.DisconnectUser,
        ["DISCONNECT_USER"] = ChatTokenCapabilityValues.DisconnectUser,
    };

    /// <summary>The wire spelling of each capability, duplicates removed.</summary>
    public static List<string> ToWire(IEnumerable<string>? capabilities) =>
        (capabilities ?? Array.Empty<string>()).Select(c => Wire.TryGetValue(c, out var w) ? w : c).Distinct(StringComparer.Ordinal).ToList();
}
