using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using IvsChat.Client.Model;
using IvsChat.Configuration;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Makes a region match a configuration file and writes one IvsChat.ConfigurationChange per change made.
/// Logging configurations go first (rooms use them); writes are paced at AWS's quotas; a failure on one
/// resource is an error for it and the rest go on. Resources not in the file are deleted only with -Prune.</summary>
[Cmdlet(VerbsData.Sync, "IvsChatConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ConfigurationChange))]
public sealed class SyncIvsChatConfigurationCommand : ConfigurationCmdlet
{
    public const string ConfirmationRequiredErrorId = "PruneConfirmationRequired";

    /// <summary>The configuration file (as written by Export-IvsChatConfiguration).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Also delete the rooms and logging configurations that are not in the file (asks first, as ConfirmImpact High).</summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <summary>Delete without asking (with -Prune).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    // Logging configuration name -> ARN in the target region: the existing ones with a unique name, then the created ones.
    private readonly Dictionary<string, string> _configArns = new Dictionary<string, string>(StringComparer.Ordinal);
    private bool _yesToAll, _noToAll;

    protected override void ProcessRecord()
    {
        var doc = ReadDocument(Path!);
        var planner = ReadRegion(out var region, out var configs, out _);
        _configArns.Clear();
        foreach (var g in configs.Where(c => !string.IsNullOrEmpty(c.Name)).GroupBy(c => c.Name!, StringComparer.Ordinal))
            if (g.Count() == 1) _configArns[g.Key] = g.Single().Arn ?? "";
        WriteVerbose("Making " + region + " match " + Path + ".");
        // Each step is applied as soon as it is planned: reading the next room overlaps the writes' pacing.
        foreach (var step in planner.Plan(doc))
        {
            if (WriteProblem(step) || (step.IsDelete && !Prune)) continue;
            ForItem(step.Kind + " '" + step.Name + "'", () => Apply(step));
        }
    }

    private void Apply(ResourcePlan step)
    {
        if (step.IsDelete) { Delete(step); return; }
        if (step.IsCreate) { Create(step); return; }
        var approved = step.Changes.Where(c => ShouldProcess(c.Target, c.Operation)).ToList();
        var updates = approved.Where(c => c.Action == ConfigurationAction.Update).ToList();
        var arn = step.Arn!;
        if (step.Room != null && ConfigurationRequests.UpdateRoom(arn, step.Room, updates, () => ResolveConfigs(step)) is UpdateRoomRequest room)
        {
            PacedCall("UpdateRoom", arn, (c, ct) => c.UpdateRoomAsync(room, ct));
            WriteObject(updates, enumerateCollection: true);
        }
        if (step.LoggingConfiguration != null
            && ConfigurationRequests.UpdateLoggingConfiguration(arn, step.LoggingConfiguration, updates) is UpdateLoggingConfigurationRequest config)
        {
            PacedCall("UpdateLoggingConfiguration", arn, (c, ct) => c.UpdateLoggingConfigurationAsync(config, ct));
            WriteObject(updates, enumerateCollection: true);
        }
        var tags = approved.Where(c => c.Action == ConfigurationAction.Tag).ToList();
        if (ConfigurationRequests.Tag(arn, tags) is TagResourceRequest tag)
        {
            PacedCall("TagResource", arn, (c, ct) => c.TagResourceAsync(tag, ct));
            WriteObject(tags, enumerateCollection: true);
        }
        var untags = approved.Where(c => c.Action == ConfigurationAction.Untag).ToList();
        if (ConfigurationRequests.Untag(arn, untags) is UntagResourceRequest untag)
        {
            PacedCall("UntagResource", arn, (c, ct) => c.UntagResourceAsync(untag, ct));
            WriteObject(untags, enumerateCollection: true);
        }
    }

    private void Create(ResourcePlan step)
    {
        var change = step.Changes[0];
        if (!ShouldProcess(change.Target, change.Operation)) return;
        if (step.LoggingConfiguration != null)
        {
            var request = ConfigurationRequests.Create(step.LoggingConfiguration);
            var created = PacedCall("CreateLoggingConfiguration", null, (c, ct) => c.CreateLoggingConfigurationAsync(request, ct));
            _configArns[step.Name] = created.Arn ?? "";
            change.Arn = created.Arn;
        }
        else
        {
            var request = ConfigurationRequests.Create(step.Room!, ResolveConfigs(step));
            change.Arn = PacedCall("CreateRoom", null, (c, ct) => c.CreateRoomAsync(request, ct)).Arn;
        }
        WriteObject(change);
    }

    private void Delete(ResourcePlan step)
    {
        var change = step.Changes[0];
        if (!ConfirmDelete(change)) return;
        var arn = step.Arn!;
        if (step.Kind == ConfigurationPlanner.RoomKind)
            PacedCall("DeleteRoom", arn, (c, ct) => c.DeleteRoomAsync(new DeleteRoomRequest { Identifier = arn }, ct));
        else
            PacedCall("DeleteLoggingConfiguration", arn,
                (c, ct) => c.DeleteLoggingConfigurationAsync(new DeleteLoggingConfigurationRequest { Identifier = arn }, ct));
        WriteObject(change);
    }

    /// <summary>The room's logging configurations as ARNs (names looked up in the region, ARNs taken as given).</summary>
    private List<string> ResolveConfigs(ResourcePlan step) => step.Room!.LoggingConfigurations.Select(name =>
        Arn.LooksLikeArn(name) ? name
        : _configArns.TryGetValue(name, out var arn) ? arn
        : throw new IvsChatResolutionException(IvsChatErrorIds.LoggingConfigurationNotFound, ErrorCategory.ObjectNotFound,
            "Room '" + step.Name + "' uses the logging configuration '" + name +
            "', which does not exist in the region (or its name is not unique) and was not created.")).ToList();

    /// <summary>Deleting is ConfirmImpact High: asked unless -Force, -Confirm was given either way, or $ConfirmPreference is None.
    /// Without a user to ask (-NonInteractive) the resource is kept and an error says how to confirm.</summary>
    private bool ConfirmDelete(ConfigurationChange change)
    {
        if (!ShouldProcess(change.Target, change.Operation)) return false;
        if (Force || MyInvocation.BoundParameters.ContainsKey("Confirm")) return true;
        var preference = SessionState.PSVariable.GetValue("ConfirmPreference");
        if (preference is PSObject p) preference = p.BaseObject;
        // Low/Medium: ShouldProcess above already asked; None: never ask.
        if (!(preference is ConfirmImpact impact && impact == ConfirmImpact.High)) return true;
        try
        {
            return ShouldContinue("Delete " + change.Target + "? It is not in the configuration file.", "Confirm -Prune", ref _yesToAll, ref _noToAll);
        }
        catch (Exception ex) when (ex is HostException || ex is PSInvalidOperationException)
        {
            throw new IvsChatResolutionException(ConfirmationRequiredErrorId, ErrorCategory.PermissionDenied,
                "Not deleting " + change.Target + ": -Prune deletes only after confirmation, and no one can be asked here. " +
                "Pass -Force or -Confirm:$false to delete without asking.");
        }
    }
}
