using System;
using System.Collections.Generic;

// The logging-configuration operations' shapes (see Shapes.cs for the conventions).
namespace IvsChat.Client.Model;

/// <summary>The members shared by Create/Get/UpdateLoggingConfiguration responses.</summary>
public abstract class LoggingConfigurationDescription : IvsChatResponse
{
    /// <summary>Logging configuration ARN, assigned by the service.</summary>
    public string? Arn { get; set; }
    /// <summary>Logging configuration id: the last part of the ARN (12 characters).</summary>
    public string? Id { get; set; }
    /// <summary>When the logging configuration was created (UTC).</summary>
    public DateTime? CreateTime { get; set; }
    /// <summary>When the logging configuration was last updated (UTC).</summary>
    public DateTime? UpdateTime { get; set; }
    /// <summary>Logging configuration name, not necessarily unique (0-128 characters: letters, digits, '-' and '_').</summary>
    public string? Name { get; set; }
    /// <summary>Where the chat logs go.</summary>
    public DestinationConfiguration? DestinationConfiguration { get; set; }
    /// <summary>ACTIVE when ready to log chat content (see <see cref="LoggingConfigurationStateValues"/>).</summary>
    public string? State { get; set; }
    /// <summary>The logging configuration's tags, key to value (at most 50).</summary>
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>CreateLoggingConfiguration input.</summary>
public sealed class CreateLoggingConfigurationRequest
{
    /// <inheritdoc cref="LoggingConfigurationDescription.Name"/>
    public string? Name { get; set; }
    /// <summary>Where the chat logs go (required; exactly one destination).</summary>
    public DestinationConfiguration? DestinationConfiguration { get; set; }
    /// <summary>Tags to attach, key to value (at most 50; keys 1-128 and values 0-256 characters).</summary>
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>CreateLoggingConfiguration output: the new logging configuration.</summary>
public sealed class CreateLoggingConfigurationResponse : LoggingConfigurationDescription { }

/// <summary>GetLoggingConfiguration input.</summary>
public sealed class GetLoggingConfigurationRequest
{
    /// <summary>ARN of the logging configuration (required).</summary>
    public string? Identifier { get; set; }
}

/// <summary>GetLoggingConfiguration output: the logging configuration.</summary>
public sealed class GetLoggingConfigurationResponse : LoggingConfigurationDescription { }

/// <summary>UpdateLoggingConfiguration input: members left null keep their current value.</summary>
public sealed class UpdateLoggingConfigurationRequest
{
    /// <summary>ARN of the logging configuration to update (required).</summary>
    public string? Identifier { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.Name"/>
    public string? Name { get; set; }
    /// <summary>The new destination (exactly one).</summary>
    public DestinationConfiguration? DestinationConfiguration { get; set; }
}

/// <summary>UpdateLoggingConfiguration output: the logging configuration as updated.</summary>
public sealed class UpdateLoggingConfigurationResponse : LoggingConfigurationDescription { }

/// <summary>DeleteLoggingConfiguration input.</summary>
public sealed class DeleteLoggingConfigurationRequest
{
    /// <summary>ARN of the logging configuration to delete (required).</summary>
    public string? Identifier { get; set; }
}

/// <summary>DeleteLoggingConfiguration output (no members; HTTP 204).</summary>
public sealed class DeleteLoggingConfigurationResponse : IvsChatResponse { }

/// <summary>ListLoggingConfigurations input: one page's bounds.</summary>
public sealed class ListLoggingConfigurationsRequest
{
    /// <summary>Where the page starts: the previous page's NextToken (at most 1024 characters).</summary>
    public string? NextToken { get; set; }
    /// <summary>Most logging configurations in one page, 1-50 (default 50).</summary>
    public int? MaxResults { get; set; }
}

/// <summary>One logging configuration of a ListLoggingConfigurations page.</summary>
public sealed class LoggingConfigurationSummary
{
    /// <inheritdoc cref="LoggingConfigurationDescription.Arn"/>
    public string? Arn { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.Id"/>
    public string? Id { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.CreateTime"/>
    public DateTime? CreateTime { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.UpdateTime"/>
    public DateTime? UpdateTime { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.Name"/>
    public string? Name { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.DestinationConfiguration"/>
    public DestinationConfiguration? DestinationConfiguration { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.State"/>
    public string? State { get; set; }
    /// <inheritdoc cref="LoggingConfigurationDescription.Tags"/>
    public Dictionary<string, string>? Tags { get; set; }
}

/// <summary>ListLoggingConfigurations output: one page of logging configurations.</summary>
public sealed class ListLoggingConfigurationsResponse : IvsChatResponse
{
    /// <summary>The page's logging configurations.</summary>
    public List<LoggingConfigurationSummary> LoggingConfigurations { get; set; } = new List<LoggingConfigurationSummary>();
    /// <summary>Set when more logging configurations follow: the next request's NextToken.</summary>
    public string? NextToken { get; set; }
}
