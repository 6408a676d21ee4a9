using System.Collections;
using System.Management.Automation;
using IvsChat.Client;

namespace IvsChat.Internal;

/// <summary>The one path from the AWS.Tools-style common parameters to the client's settings: a cmdlet passes its
/// bound parameters, a completer the parameters typed so far. Nothing in this assembly may use AWSSDK types
/// (IvsChat.Client and AWSSDK load in the module's private context, see ModuleLoader).</summary>
internal static class ClientSettingsFromParameters
{
    public const string Region = "Region";

    /// <summary>The settings input for a call about a resource in <paramref name="arnRegion"/> (null = none).</summary>
    /// <param name="parameters">Parameter name to value (BoundParameters or a completer's fakeBoundParameters).</param>
    /// <param name="storedCredentials">$StoredAWSCredentials (AWS.Tools' Set-AWSCredential).</param>
    /// <param name="storedRegion">$StoredAWSRegion (AWS.Tools' Set-DefaultAWSRegion).</param>
    public static ClientSettingsInput ToInput(IDictionary parameters, object? storedCredentials, object? storedRegion, string? arnRegion)
    {
        var input = new ClientSettingsInput
        {
            AccessKey = Text(parameters, "AccessKey"),
            SecretKey = Text(parameters, "SecretKey"),
            SessionToken = Text(parameters, "SessionToken"),
            ProfileName = Text(parameters, "ProfileName"),
            ProfileLocation = Text(parameters, "ProfileLocation"),
            Region = Text(parameters, Region),
            ArnRegion = NullIfEmpty(arnRegion),
            StoredRegion = NullIfEmpty(Unwrap(storedRegion)?.ToString()),
            EndpointUrl = Text(parameters, "EndpointUrl"),
        };
        // The client reads the objects (AWSSDK types of any copy, AWS.Tools wrappers); PowerShell's own are unwrapped here.
        if (Value(parameters, "Credential") is object credential) input.Credentials = Unwrap(credential);
        var stored = Unwrap(storedCredentials);
        if (stored is string storedProfile)
        {
            // AWS.Tools may keep a profile name in $StoredAWSCredentials: use it where a profile would apply.
            if (input.ProfileName == null && input.AccessKey == null && input.Credentials == null) input.ProfileName = storedProfile;
        }
        else input.StoredCredentials = stored;
        return input;
    }

    private static object? Value(IDictionary parameters, string name) =>
        parameters != null && parameters.Contains(name) ? parameters[name] : null;

    // The listing cmdlets take several regions and profiles: one value applies as is; with several, the listing
    // gives each target its own settings, and completion uses the first.
    internal static string? Text(IDictionary parameters, string name) =>
        Unwrap(Value(parameters, name) is IList list ? (list.Count > 0 ? list[0] : null) : Value(parameters, name)) as string;

    private static object? Unwrap(object? value)
    {
        if (value is PSObject pso) value = pso.BaseObject;
        return value is PSCredential psc ? psc.GetNetworkCredential() : value;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
