using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using IvsChat.Configuration;

namespace IvsChat.Cmdlets;

// The service's listing shapes (the module's IvsChat.RoomSummary types are what cmdlets write).
using LoggingConfigurationSummary = IvsChat.Client.Model.LoggingConfigurationSummary;
using RoomSummary = IvsChat.Client.Model.RoomSummary;

/// <summary>Writes a region's rooms and logging configurations as a configuration document (JSON): to -Path, or
/// to the pipeline as one string.</summary>
[Cmdlet(VerbsData.Export, "IvsChatConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(string))]
public sealed class ExportIvsChatConfigurationCommand : ConfigurationCmdlet
{
    /// <summary>Only rooms whose name matches (wildcards allowed), with the logging configurations they use.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Internal.RoomCompleter))]
    public string[]? Name { get; set; }

    /// <summary>The file to write (overwritten). Without it, the document goes to the pipeline.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    protected override void EndProcessing()
    {
        ReadRegion(out var region, out var configs, out var rooms);
        var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
        var nameOfConfig = ConfigurationPlanner.LoggingConfigurationNames(configs);
        var doc = new ConfigurationDocument();
        var usedConfigs = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);

        foreach (var summary in rooms.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (patterns != null && !patterns.Any(p => p.IsMatch(summary.Name ?? ""))) continue;
            if (string.IsNullOrEmpty(summary.Name))
            {
                WriteWarning("Room " + summary.Arn + " has no name and is left out: the file matches rooms by name.");
                continue;
            }
            ForItem(summary.Arn, () =>
            {
                var room = GetFullRoom(summary.Arn ?? "");
                var handler = string.IsNullOrEmpty(room.MessageReviewHandler?.Uri) ? null : room.MessageReviewHandler;
                var arns = room.LoggingConfigurationIdentifiers ?? new System.Collections.Generic.List<string>();
                usedConfigs.UnionWith(arns);
                doc.Rooms.Add(new RoomDefinition
                {
                    Name = room.Name ?? "",
                    MaximumMessageRatePerSecond = room.MaximumMessageRatePerSecond ?? RoomDefinition.DefaultRate,
                    MaximumMessageLength = room.MaximumMessageLength ?? RoomDefinition.DefaultLength,
                    MessageReviewHandlerUri = handler?.Uri,
                    MessageReviewHandlerFallbackResult = handler?.FallbackResult ?? RoomDefinition.DefaultFallback,
                    LoggingConfigurations = arns.Select(nameOfConfig).ToList(),
                    Tags = Sorted(room.Tags),
                });
            });
        }

        foreach (var c in configs)
        {
            if (patterns != null && !usedConfigs.Contains(c.Arn ?? "") && !patterns.Any(p => p.IsMatch(c.Name ?? ""))) continue;
            if (string.IsNullOrEmpty(c.Name))
            {
                WriteWarning("Logging configuration " + c.Arn + " has no name and is left out: the file matches logging configurations by name.");
                continue;
            }
            var destination = ConfigurationPlanner.Destination(c.DestinationConfiguration);
            var colon = destination.IndexOf(':');
            doc.LoggingConfigurations.Add(new LoggingConfigurationDefinition
            {
                Name = c.Name!,
                DestinationType = destination.Substring(0, colon),
                Destination = destination.Substring(colon + 1),
                Tags = Sorted(c.Tags),
            });
        }

        // The module folder (PowerShell 7 loads the assembly from core/ beneath it).
        var schema = System.IO.Path.Combine(MyInvocation.MyCommand.Module?.ModuleBase ?? "", ConfigurationDocument.SchemaFileName);
        var json = doc.ToJson(File.Exists(schema) ? new Uri(schema).AbsoluteUri : null);
        WriteVerbose("Exported " + doc.Rooms.Count + " rooms and " + doc.LoggingConfigurations.Count + " logging configurations from " + region + ".");
        if (Path == null) { WriteObject(json); return; }
        var full = GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess(full, "Write the configuration of " + region)) return;
        try { File.WriteAllText(full, json, new UTF8Encoding(false)); }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "ConfigurationFileUnwritable", ErrorCategory.WriteError, Path)
            {
                ErrorDetails = new ErrorDetails("Cannot write the configuration file '" + full + "' (-Path): " + ex.Message),
            });
        }
    }

    private static System.Collections.Generic.SortedDictionary<string, string> Sorted(System.Collections.Generic.Dictionary<string, string>? tags) =>
        new System.Collections.Generic.SortedDictionary<string, string>(tags ?? new System.Collections.Generic.Dictionary<string, string>(),
            StringComparer.Ordinal);
}
