using System;
using System.Management.Automation;
using IvsChat.Client;
using IvsChat.Cmdlets.Messaging;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Base of every control-plane cmdlet: the AWS.Tools-style common parameters, service calls
/// (<see cref="Service"/>), resolution of what users type (<see cref="Resolver"/>), and -Force-aware ShouldProcess.</summary>
public abstract class IvsChatCmdlet : CancellableCmdlet
{
    private ServiceCaller? _service;
    private ResourceResolver? _resolver;

    /// <summary>AWS region, e.g. us-west-2. Default: the region in the ARN acted on, $StoredAWSRegion, AWS_REGION / AWS_DEFAULT_REGION, the profile's region.</summary>
    [Parameter]
    [ValidatePattern("^[a-z0-9-]+$")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
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

    /// <summary>Control-plane calls for this run (one client per region).</summary>
    internal ServiceCaller Service => _service ??= new ServiceCaller(
        new ClientPool(arnRegion => ClientSettingsFromParameters.ToInput(MyInvocation.BoundParameters,
            SessionState.PSVariable.GetValue("StoredAWSCredentials"), SessionState.PSVariable.GetValue("StoredAWSRegion"), arnRegion)),
        CancellationToken, WriteVerbose, WriteDebug);

    /// <summary>Resolves ARNs, ids and names to resources.</summary>
    internal ResourceResolver Resolver => _resolver ??= new ResourceResolver(Service);

    /// <summary>Control-plane failures, resolution failures, and failures of a chat connection made by this cmdlet.
    /// Missing credentials or region end the command with one terminating error that says how to fix it.</summary>
    protected override ErrorRecord? ToItemError(Exception ex, object? target)
    {
        if (ex is IvsChatConfigurationException configuration) ThrowTerminatingError(ConfigurationError(configuration));
        return ErrorMapping.ToRecord(ex, target, _service?.LastOperation) ?? ChatErrorRecords.From(ex, target);
    }

    private static ErrorRecord ConfigurationError(IvsChatConfigurationException ex) =>
        new ErrorRecord(ex, IvsChatErrorIds.Configuration, ErrorCategory.InvalidOperation, null)
        {
            ErrorDetails = new ErrorDetails(ex.Message)
            {
                RecommendedAction = "Pass -Region and -AccessKey/-SecretKey (or -ProfileName / -Credential), set AWS_REGION and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run Set-AWSCredential / Set-DefaultAWSRegion.",
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
            _service?.Dispose();
            _service = null;
        }
        base.Dispose(disposing);
    }
}
