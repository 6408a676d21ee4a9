namespace IvsChat;

/// <summary>What a difference between a configuration file and a region calls for.</summary>
public enum ConfigurationAction
{
    Create,
    Update,
    Tag,
    Untag,
    Delete,
}

/// <summary>One difference between a configuration file and what exists in a region (Compare-IvsChatConfiguration),
/// or one change made (Sync-IvsChatConfiguration): one property, one tag, or a whole resource created or deleted.</summary>
public sealed class ConfigurationChange
{
    /// <summary>Room or LoggingConfiguration.</summary>
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    public ConfigurationAction Action { get; set; }
    /// <summary>The property (a tag is Tags.&lt;key&gt;); empty for Create and Delete, which concern the whole resource.</summary>
    public string Property { get; set; } = "";
    /// <summary>The value that exists now (null: none).</summary>
    public object? Current { get; set; }
    /// <summary>The value the file asks for (null: none).</summary>
    public object? Desired { get; set; }
    /// <summary>The resource's ARN: the existing one, or the new one once Sync-IvsChatConfiguration created it.</summary>
    public string? Arn { get; set; }

    /// <summary>e.g. "Update MaximumMessageLength: 500 -> 200 on Room 'lobby' (us-east-1)".</summary>
    public override string ToString() => Operation + " on " + Target;

    /// <summary>The resource, as -WhatIf and -Confirm name it: Room 'lobby' (us-east-1).</summary>
    internal string Target => Kind + " '" + Name + "' (" + Region + ")";

    /// <summary>The change, before -> after, as -WhatIf and -Confirm describe it.</summary>
    internal string Operation => Action + (Property.Length > 0 ? " " + Property : "") + ": " + Show(Current) + " -> " + Show(Desired);

    internal static string Show(object? value) =>
        value == null ? "(none)" : value is string[] list ? "[" + string.Join(", ", list) + "]" : value.ToString() ?? "";
}
