using System;
using System.Collections.Generic;
using System.Management.Automation;
using IvsChat.Client;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Base of every control-plane cmdlet: the AWS.Tools-style common parameters, service calls
/// (<see cref="Service"/>), resolution of what users type (<see cref="Resolver"/>), and -Force-aware ShouldProcess.</summary>
public abstract class IvsChatCmdlet : CancellableCmdlet
{
    // One caller and resolver per profile (-ProfileName may change between records when bound by property name
    // in a derived cmdlet).
    private readonly Dictionary<string, (ServiceCaller Service, ResourceResolver Resolver)> _byProfile =
        new Dictionary<string, (ServiceCaller, ResourceResolver)>(StringComparer.Ordinal);
    private ServiceCaller? _lastService;
    private string? _recordProfile; // see WithProfileOf

    /// <summary>AWS region, e.g. us-west-2. Default: the region in the ARN acted on, $StoredAWSRegion, AWS_REGION / AWS_DEFAULT_REGION,
    /// the profile's region.</summary>
    [Parameter]
    [ValidatePattern("^[a-z0-9-]+$")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    // Not bound by property name: as a pipeline parameter of every set it makes PowerShell bind a piped resource
    // to the Identifier set instead of -InputObject (the object's name and other properties are then lost).
    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ArgumentCompleter(typeof(ProfileCompleter))]
    public string? ProfileName { get; set; }

    [Parameter]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    public string? ProfileLocation { get; set; }

    [Parameter]
    [Alias("AK")]
    public string? AccessKey { get; set; }

    [Parameter]
    [Alias("SK", "SecretAccessKey")]
    public string? SecretKey { get; set; }

    [Parameter]
    [Alias("ST")]
    public string? SessionToken { get; set; }

    /// <summary>An Amazon.Runtime.AWSCredentials, an AWS.Tools credential object, or a PSCredential (user = access key id, password = secret key).</summary>
    [Parameter]
    public object? Credential { get; set; }

    [Parameter]
    [ValidatePattern("^https?://")]
    public string? EndpointUrl { get; set; }

    /// <summary>Control-plane calls for this run (one client per region, per profile).</summary>
    internal ServiceCaller Service => ForCurrentProfile().Service;

    /// <summary>Resolves ARNs, ids and names to resources.</summary>
    internal ResourceResolver Resolver => ForCurrentProfile().Resolver;

    /// <summary>The settings input from the common parameters and shell variables as they stand, for a resource in
    /// <paramref name="arnRegion"/> (null = none).</summary>
    internal ClientSettingsInput SettingsInput(string? arnRegion) => ClientSettingsFromParameters.ToInput(MyInvocation.BoundParameters,
        SessionState.PSVariable.GetValue("StoredAWSCredentials"), SessionState.PSVariable.GetValue("StoredAWSRegion"), arnRegion);

    private (ServiceCaller Service, ResourceResolver Resolver) ForCurrentProfile()
    {
        var listedFrom = _recordProfile;
        var key = listedFrom ?? ProfileName ?? "";
        if (!_byProfile.TryGetValue(key, out var pair))
        {
            Func<string?, ClientSettingsInput> inputFor = arnRegion =>
            {
                var input = SettingsInput(arnRegion);
                input.ProfileName = listedFrom ?? input.ProfileName;
                return input;
            };
            var service = new ServiceCaller(new ClientPool(inputFor), CancellationToken, WriteVerbose, WriteDebug);
            _byProfile[key] = pair = (service, new ResourceResolver(service));
        }
        _lastService = pair.Service; // whose last operation a per-item error names
        return pair;
    }

    /// <summary>Runs <paramref name="action"/> for a piped <paramref name="item"/> with the profile it was listed from
    /// (the ProfileName a listing over several profiles adds to each object), unless -ProfileName was given.</summary>
    private protected void WithProfileOf(object item, Action action)
    {
        _recordProfile = MyInvocation.BoundParameters.ContainsKey(nameof(ProfileName))
            ? null
            : PSObject.AsPSObject(item).Properties[nameof(ProfileName)]?.Value as string;
        try { action(); }
        finally { _recordProfile = null; }
    }

    /// <summary>Control-plane failures, resolution failures, and failures of a chat connection made by this cmdlet.
    /// Missing credentials or region end the command with one terminating error that says how to fix it.</summary>
    protected override ErrorRecord? ToItemError(Exception ex, object? target)
    {
        if (PublicErrors.From(ex) is IvsChatConfigurationException configuration) ThrowTerminatingError(ConfigurationError(configuration));
        return ErrorMapping.ToRecord(ex, target, _lastService?.LastOperation) ?? ChatErrorRecords.From(ex, target);
    }

    private static ErrorRecord ConfigurationError(IvsChatConfigurationException ex) =>
        new ErrorRecord(ex, IvsChatErrorIds.Configuration, ErrorCategory.InvalidOperation, null)
        {
            ErrorDetails = new ErrorDetails(ex.Message)
            {
                RecommendedAction = "Pass -Region and -AccessKey/-SecretKey (or -ProfileName / -Credential), " +
                    "set AWS_REGION and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run Set-AWSCredential / Set-DefaultAWSRegion.",
            },
        };

    /// <summary>ShouldProcess, except that -Force skips the prompt (but not -WhatIf or an explicit -Confirm).</summary>
    protected bool ShouldProcessOrForce(bool force, string target, string action)
    {
        if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !IsWhatIf()) return true;
        return ShouldProcess(target, action);
    }

    private bool IsWhatIf()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)) return w is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(w);
        return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
    }

    /// <summary>How a resource is named in -WhatIf/-Confirm targets: name and ARN.</summary>
    protected static string Describe(string kind, string? name, string arn) =>
        string.IsNullOrEmpty(name) ? kind + " " + arn : kind + " '" + name + "' (" + arn + ")";

    /// <summary>Describes a room for -WhatIf/-Confirm.</summary>
    protected static string DescribeRoom(string arn, string? name) => Describe("room", name, arn);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var pair in _byProfile.Values) pair.Service.Dispose();
            _byProfile.Clear();
        }
        base.Dispose(disposing);
    }
}
