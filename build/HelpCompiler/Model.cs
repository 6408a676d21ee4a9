using System.Collections.Generic;

namespace IvsChat.HelpCompiler;

/// <summary>One cmdlet's help as read from its markdown file.</summary>
public sealed class CommandHelp
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public string? OnlineVersion { get; set; }
    public List<string> Synopsis { get; } = new();
    public List<SyntaxSet> Syntax { get; } = new();
    public List<string> Description { get; } = new();
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<LinkHelp> RelatedLinks { get; } = new();
}

public sealed class SyntaxSet
{
    public required string Name { get; init; }
    public bool IsDefault { get; init; }
    public required string Code { get; init; }
    /// <summary>Parameter names in the order the syntax line shows them.</summary>
    public List<string> ParameterNames { get; } = new();
}

public sealed class ExampleHelp
{
    public required string Title { get; init; }
    public required int Line { get; init; }
    /// <summary>The ```powershell blocks: what a test runs.</summary>
    public List<string> Code { get; } = new();
    /// <summary>Every fenced block in order (code and shown output), for the MAML.</summary>
    public List<string> AllBlocks { get; } = new();
    public List<string> Remarks { get; } = new();
}

public sealed class ParameterHelp
{
    public required string Name { get; init; }
    public List<string> Description { get; } = new();
    /// <summary>One entry per ```yaml block: platyPS writes one block per group of sets with equal metadata.</summary>
    public List<ParameterMetadata> Metadata { get; } = new();
}

public sealed class ParameterMetadata
{
    public required string Type { get; init; }
    /// <summary>Set names, or the single entry "(All)".</summary>
    public required List<string> ParameterSets { get; init; }
    public required List<string> Aliases { get; init; }
    public required bool Required { get; init; }
    /// <summary>"Named" or a zero-based position.</summary>
    public required string Position { get; init; }
    public required string DefaultValue { get; init; }
    public required bool PipelineByValue { get; init; }
    public required bool PipelineByPropertyName { get; init; }
    public required bool AcceptWildcard { get; init; }
}

public sealed class TypeHelp
{
    public required string Name { get; init; }
    public List<string> Description { get; } = new();
}

public sealed class LinkHelp
{
    public required string Text { get; init; }
    public required string Uri { get; init; }
}

/// <summary>An about_ topic.</summary>
public sealed class AboutHelp
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public List<AboutSection> Sections { get; } = new();
}

public sealed class AboutSection
{
    public required string Title { get; init; }
    public required int Level { get; init; }
    public List<string> Paragraphs { get; } = new();
}
