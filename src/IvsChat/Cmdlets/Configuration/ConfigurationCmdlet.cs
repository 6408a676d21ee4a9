using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using IvsChat.Client.Model;
using IvsChat.Configuration;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

// The service's listing shapes (the module's IvsChat.RoomSummary types are what cmdlets write).
using LoggingConfigurationSummary = IvsChat.Client.Model.LoggingConfigurationSummary;
using RoomSummary = IvsChat.Client.Model.RoomSummary;

/// <summary>What Export/Compare/Sync-IvsChatConfiguration share: reading a region's rooms and logging
/// configurations (GetRoom paced at its quota) and reading a configuration file.</summary>
public abstract class ConfigurationCmdlet : IvsChatCmdlet
{
    public const string InvalidDocumentErrorId = "ConfigurationDocumentInvalid";

    private RequestPacer? _pacer;

    /// <summary>Spaces calls at AWS's rate quotas (one region per run).</summary>
    internal RequestPacer Pacer => _pacer ??= new RequestPacer();

    /// <summary>A call paced at its operation's quota.</summary>
    internal T PacedCall<T>(string operation, string? arn, Func<Client.IIvsChatClient, System.Threading.CancellationToken, System.Threading.Tasks.Task<T>> call)
    {
        try { Pacer.Wait(operation, CancellationToken); }
        catch (OperationCanceledException) { throw new PipelineStoppedException(); }
        return Service.Call(operation, arn, call);
    }

    /// <summary>The region's logging configurations and rooms, and a planner over them.</summary>
    internal ConfigurationPlanner ReadRegion(out string region, out List<LoggingConfigurationSummary> configs, out List<RoomSummary> rooms)
    {
        region = Service.SettingsFor(null).Region;
        configs = Service.List("ListLoggingConfigurations",
            (c, ct) => c.ListLoggingConfigurationsPaginatedAsync(new ListLoggingConfigurationsRequest(), ct)).ToList();
        rooms = Service.List("ListRooms", (c, ct) => c.ListRoomsPaginatedAsync(new ListRoomsRequest(), ct)).ToList();
        return new ConfigurationPlanner(region, configs, rooms, GetFullRoom);
    }

    internal RoomDescription GetFullRoom(string arn) =>
        PacedCall("GetRoom", arn, (c, ct) => c.GetRoomAsync(new GetRoomRequest { Identifier = arn }, ct));

    /// <summary>Reads and checks the file; a missing or invalid file ends the command with one error listing every problem.</summary>
    internal ConfigurationDocument ReadDocument(string path)
    {
        var full = GetUnresolvedProviderPathFromPSPath(path);
        string json;
        try { json = File.ReadAllText(full); }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "ConfigurationFileUnreadable", ErrorCategory.ReadError, path)
            {
                ErrorDetails = new ErrorDetails("Cannot read the configuration file '" + full + "' (-Path): " + ex.Message),
            });
            throw; // not reached
        }
        var doc = ConfigurationDocument.Parse(json, out var problems);
        if (problems.Count > 0)
        {
            var message = "The configuration file '" + full + "' (-Path) is not valid:" + Environment.NewLine +
                          string.Join(Environment.NewLine, problems.Select(p => "  " + p));
            ThrowTerminatingError(new ErrorRecord(new InvalidDataException(message), InvalidDocumentErrorId, ErrorCategory.InvalidData, path));
        }
        return doc;
    }

    /// <summary>A name that could not be planned: one non-terminating error; false when it was one.</summary>
    internal bool WriteProblem(ResourcePlan step)
    {
        if (step.Error == null) return false;
        var record = ToItemError(step.Error, step.Kind + " '" + step.Name + "'") ?? throw step.Error;
        WriteError(record);
        return true;
    }
}
