using System.Management.Automation;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>A cmdlet that acts on logging configurations: an object, or ARNs, ids or names. See <see cref="ParameterSets"/>.</summary>
public abstract class LoggingConfigurationTargetCmdlet : TargetCmdlet
{
    [Parameter(ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.InputObjectByPosition)]
    public LoggingConfigurationSummary? InputObject { get; set; }

    /// <summary>The logging configuration's ARN, 12-character id, or name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ParameterSets.Identifier)]
    [Alias("Arn", "LoggingConfigurationArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoggingConfigurationCompleter))]
    public string[]? Identifier { get; set; }

    private protected override IvsChatResource? TargetObject => InputObject;
    private protected override string[]? TargetIdentifiers { get => Identifier; set => Identifier = value; }
    private protected override ResolvedTarget Resolve(string identifier) => Resolver.LoggingConfiguration(identifier);
    private protected override string TargetKind => "logging configuration";

    /// <summary>Describes a logging configuration for -WhatIf/-Confirm.</summary>
    protected static string DescribeLoggingConfiguration(string arn, string? name) => Describe("logging configuration", name, arn);
}
