using System;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace IvsChat.Internal;

/// <summary>The code properties of IvsChat.Types.ps1xml. In PowerShell each timestamp property returns its DateTime
/// (Kind Utc: comparisons, sorting, JSON and CliXml see a DateTime) wrapped so that its string form, the one
/// Format-List * and Export-Csv write, is ISO 8601 with Z instead of the culture's zone-less format. C# callers
/// see the plain .NET properties.</summary>
public static class UtcTimes
{
    public const string Format = "yyyy-MM-ddTHH:mm:ssZ";

    public static object? GetCreateTime(PSObject instance) => Get(instance, "CreateTime");
    public static void SetCreateTime(PSObject instance, object? value) => Set(instance, "CreateTime", value);
    public static object? GetUpdateTime(PSObject instance) => Get(instance, "UpdateTime");
    public static void SetUpdateTime(PSObject instance, object? value) => Set(instance, "UpdateTime", value);
    public static object? GetTokenExpirationTime(PSObject instance) => Get(instance, "TokenExpirationTime");
    public static void SetTokenExpirationTime(PSObject instance, object? value) => Set(instance, "TokenExpirationTime", value);
    public static object? GetSessionExpirationTime(PSObject instance) => Get(instance, "SessionExpirationTime");
    public static void SetSessionExpirationTime(PSObject instance, object? value) => Set(instance, "SessionExpirationTime", value);
    public static object? GetSendTime(PSObject instance) => Get(instance, "SendTime");
    public static void SetSendTime(PSObject instance, object? value) => Set(instance, "SendTime", value);

    /// <summary>The ToString of a wrapped timestamp: ISO 8601 with Z, or DateTime.ToString(format[, provider])
    /// when arguments are given (so $t.ToString('o') still works).</summary>
    public static string ToIsoString(PSObject instance, params object?[] args)
    {
        var time = (DateTime)instance.BaseObject;
        if (args == null || args.Length == 0) return time.ToString(Format, CultureInfo.InvariantCulture);
        var format = args[0] is PSObject f ? f.BaseObject as string : args[0] as string;
        var provider = args.Length > 1 ? (args[1] is PSObject p ? p.BaseObject : args[1]) as IFormatProvider : null;
        return time.ToString(format, provider ?? CultureInfo.CurrentCulture);
    }

    private static readonly MethodInfo ToIsoStringMethod = typeof(UtcTimes).GetMethod(nameof(ToIsoString))!;

    private static object? Get(PSObject instance, string name)
    {
        var value = Property(instance, name).GetValue(instance.BaseObject);
        if (!(value is DateTime time)) return null;
        var wrapped = new PSObject(time);
        wrapped.Members.Add(new PSCodeMethod("ToString", ToIsoStringMethod));
        return wrapped;
    }

    private static void Set(PSObject instance, string name, object? value)
    {
        var property = Property(instance, name);
        var raw = value is PSObject p ? p.BaseObject : value;
        property.SetValue(instance.BaseObject, raw == null ? null : LanguagePrimitives.ConvertTo(raw, typeof(DateTime), CultureInfo.InvariantCulture));
    }

    private static PropertyInfo Property(PSObject instance, string name) =>
        instance.BaseObject.GetType().GetProperty(name)
            ?? throw new PSArgumentException("No property " + name + " on " + instance.BaseObject.GetType().FullName + ".");
}
