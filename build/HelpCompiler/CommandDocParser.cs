using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IvsChat.HelpCompiler;

/// <summary>
/// Reads one cmdlet doc in the platyPS 0.14 markdown schema 2.0.0 and checks it strictly: what platyPS would
/// reject or silently misread is an error here, with the file and line.
/// </summary>
public sealed class CommandDocParser
{
    public const string HelpFileName = "IvsChat.dll-Help.xml";
    public const string ModuleName = "IvsChat";

    public static readonly string[] SectionOrder =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private static readonly string[] MetadataKeys =
        { "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters" };

    private static readonly Regex CmdletName = new(@"^[A-Z][a-z]+-[A-Za-z0-9]+$", RegexOptions.Compiled);
    private static readonly Regex ExampleTitle = new(@"^Example (\d+): (\S.*)$", RegexOptions.Compiled);
    private static readonly Regex SyntaxTitle = new(@"^([A-Za-z_][A-Za-z0-9_]*)( \(Default\))?$", RegexOptions.Compiled);
    private static readonly Regex SyntaxParameter = new(@"(?<![\w<])-([A-Za-z][A-Za-z0-9]*)", RegexOptions.Compiled);
    private static readonly Regex PipelineInput =
        new(@"^(False|True \((ByValue|ByPropertyName|ByValue, ByPropertyName|ByPropertyName, ByValue)\))$", RegexOptions.Compiled);

    private readonly string _file;
    private readonly string _source;
    private readonly Diagnostics _diagnostics;

    private CommandDocParser(string file, string source, Diagnostics diagnostics)
    {
        _file = file;
        _source = source;
        _diagnostics = diagnostics;
    }

    public static CommandHelp? Parse(string file, string displayPath, Diagnostics diagnostics)
    {
        var source = File.ReadAllText(file).Replace("\r\n", "\n");
        return new CommandDocParser(displayPath, source, diagnostics).Parse(Path.GetFileNameWithoutExtension(file));
    }

    private void Error(Block? block, string message) => _diagnostics.Error(_file, block is null ? 0 : block.Line + 1, message);

    private CommandHelp? Parse(string expectedName)
    {
        var pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
        var document = Markdown.Parse(_source, pipeline);
        MarkdownText.CheckPlaceholders(_file, _source, _diagnostics);

        var blocks = document.ToList();
        if (blocks.Count == 0 || blocks[0] is not YamlFrontMatterBlock front)
        {
            _diagnostics.Error(_file, 1, "missing front matter (--- external help file / Module Name / online version / schema ---)");
            return null;
        }
        var online = ReadFrontMatter(front);

        if (blocks.Count < 2 || blocks[1] is not HeadingBlock { Level: 1 } title)
        {
            Error(blocks.Count > 1 ? blocks[1] : front, "expected '# <cmdlet name>' after the front matter");
            return null;
        }
        var name = MarkdownText.HeadingText(title, _source);
        if (!CmdletName.IsMatch(name)) Error(title, $"'{name}' is not a Verb-Noun cmdlet name");
        if (!string.Equals(name, expectedName, StringComparison.Ordinal))
            Error(title, $"the title '{name}' does not match the file name '{expectedName}.md'");

        var help = new CommandHelp { Name = name, File = _file, OnlineVersion = online };
        var sections = SplitSections(blocks.Skip(2).ToList());
        if (sections is null) return help;

        foreach (var (heading, content) in sections)
        {
            switch (MarkdownText.HeadingText(heading, _source))
            {
                case "SYNOPSIS":
                    help.Synopsis.AddRange(MarkdownText.Paragraphs(content, _source, _file, _diagnostics));
                    if (help.Synopsis.Count == 0) Error(heading, "SYNOPSIS is empty");
                    break;
                case "SYNTAX": ReadSyntax(heading, content, help); break;
                case "DESCRIPTION":
                    help.Description.AddRange(MarkdownText.Paragraphs(content, _source, _file, _diagnostics));
                    if (help.Description.Count == 0) Error(heading, "DESCRIPTION is empty");
                    break;
                case "EXAMPLES": ReadExamples(heading, content, help); break;
                case "PARAMETERS": ReadParameters(heading, content, help); break;
                case "INPUTS": ReadTypes(heading, content, help.Inputs); break;
                case "OUTPUTS": ReadTypes(heading, content, help.Outputs); break;
                case "NOTES": help.Notes.AddRange(MarkdownText.Paragraphs(content, _source, _file, _diagnostics)); break;
                case "RELATED LINKS": ReadLinks(content, help); break;
            }
        }
        CheckSyntaxAgainstParameters(help, sections.First(s => MarkdownText.HeadingText(s.Heading, _source) == "SYNTAX").Heading);
        return help;
    }

    private string? ReadFrontMatter(YamlFrontMatterBlock front)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = front.Lines.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line == "---") continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) { _diagnostics.Error(_file, front.Line + 2 + i, $"front matter line is not 'key: value': {line}"); continue; }
            values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        void Expect(string key, string? value)
        {
            if (!values.TryGetValue(key, out var actual))
                _diagnostics.Error(_file, front.Line + 1, $"front matter lacks '{key}:'");
            else if (value is not null && actual != value)
                _diagnostics.Error(_file, front.Line + 1, $"front matter '{key}' must be '{value}', not '{actual}'");
        }
        Expect("external help file", HelpFileName);
        Expect("Module Name", ModuleName);
        Expect("online version", null);
        Expect("schema", "2.0.0");
        values.TryGetValue("online version", out var online);
        if (!string.IsNullOrEmpty(online) && !Uri.TryCreate(online, UriKind.Absolute, out _))
            _diagnostics.Error(_file, front.Line + 1, $"online version '{online}' is not an absolute URI");
        return string.IsNullOrEmpty(online) ? null : online;
    }

    /// <summary>Splits into H2 sections and checks that each schema section appears once, in order.</summary>
    private List<(HeadingBlock Heading, List<Block> Content)>? SplitSections(List<Block> blocks)
    {
        var sections = new List<(HeadingBlock, List<Block>)>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 1 } h1) { Error(h1, "only one '# title' is allowed"); continue; }
            if (block is HeadingBlock { Level: 2 } h2) { sections.Add((h2, new List<Block>())); continue; }
            if (sections.Count == 0) { Error(block, "content before '## SYNOPSIS'"); continue; }
            sections[^1].Item2.Add(block);
        }
        var names = sections.Select(s => MarkdownText.HeadingText(s.Item1, _source)).ToList();
        var ok = true;
        foreach (var (heading, _) in sections)
        {
            var n = MarkdownText.HeadingText(heading, _source);
            if (!SectionOrder.Contains(n)) { Error(heading, $"unknown section '## {n}' (expected {string.Join(", ", SectionOrder)})"); ok = false; }
            else if (names.Count(x => x == n) > 1) { Error(heading, $"section '## {n}' appears more than once"); ok = false; }
        }
        foreach (var required in SectionOrder.Where(r => !names.Contains(r)))
        {
            _diagnostics.Error(_file, 0, $"missing section '## {required}'");
            ok = false;
        }
        if (ok && !names.SequenceEqual(SectionOrder))
        {
            _diagnostics.Error(_file, 0, $"sections must be in the order {string.Join(", ", SectionOrder)}");
            ok = false;
        }
        return ok ? sections : null;
    }

    /// <summary>Groups a section's blocks under its H3 headings; content before the first H3 is an error.</summary>
    private List<(HeadingBlock Heading, List<Block> Content)> SplitSubsections(HeadingBlock section, List<Block> blocks)
    {
        var result = new List<(HeadingBlock, List<Block>)>();
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 3 } h3) { result.Add((h3, new List<Block>())); continue; }
            if (block is HeadingBlock other)
            { Error(other, $"heading level {other.Level} is not allowed in '## {MarkdownText.HeadingText(section, _source)}'"); continue; }
            if (result.Count == 0) { Error(block, $"'## {MarkdownText.HeadingText(section, _source)}' must start with a '###' heading"); continue; }
            result[^1].Item2.Add(block);
        }
        return result;
    }

    private void ReadSyntax(HeadingBlock heading, List<Block> content, CommandHelp help)
    {
        var sets = SplitSubsections(heading, content);
        if (sets.Count == 0) Error(heading, "SYNTAX needs at least one '### ParameterSetName' with a ``` block");
        foreach (var (h3, blocks) in sets)
        {
            var text = MarkdownText.HeadingText(h3, _source);
            var m = SyntaxTitle.Match(text);
            if (!m.Success) { Error(h3, $"'### {text}' is not a parameter set name (optionally followed by ' (Default)')"); continue; }
            var codes = blocks.OfType<FencedCodeBlock>().ToList();
            if (codes.Count != 1 || blocks.Count != 1)
            { Error(h3, $"parameter set '{m.Groups[1].Value}' needs exactly one ``` block and nothing else"); continue; }
            var code = MarkdownText.Code(codes[0]);
            if (!code.StartsWith(help.Name + " ", StringComparison.Ordinal) && code != help.Name)
                Error(codes[0], $"the syntax of '{m.Groups[1].Value}' must start with '{help.Name}'");
            var set = new SyntaxSet { Name = m.Groups[1].Value, IsDefault = m.Groups[2].Success, Code = code };
            foreach (Match p in SyntaxParameter.Matches(code[help.Name.Length..]))
                if (!set.ParameterNames.Contains(p.Groups[1].Value)) set.ParameterNames.Add(p.Groups[1].Value);
            if (help.Syntax.Any(s => s.Name == set.Name)) Error(h3, $"parameter set '{set.Name}' appears twice");
            help.Syntax.Add(set);
        }
        if (help.Syntax.Count(s => s.IsDefault) > 1) Error(heading, "more than one parameter set is marked (Default)");
    }

    private void ReadExamples(HeadingBlock heading, List<Block> content, CommandHelp help)
    {
        var examples = SplitSubsections(heading, content);
        if (examples.Count == 0) Error(heading, "EXAMPLES needs at least one '### Example 1: <title>'");
        foreach (var (h3, blocks) in examples)
        {
            var text = MarkdownText.HeadingText(h3, _source);
            var m = ExampleTitle.Match(text);
            if (!m.Success) { Error(h3, $"'### {text}' is not of the form '### Example N: <title>'"); continue; }
            if (int.Parse(m.Groups[1].Value) != help.Examples.Count + 1)
                Error(h3, $"example number {m.Groups[1].Value} is out of sequence (expected {help.Examples.Count + 1})");
            var example = new ExampleHelp { Title = text, Line = h3.Line + 1 };
            var prose = new List<Block>();
            foreach (var block in blocks)
            {
                if (block is FencedCodeBlock fence)
                {
                    var info = (fence.Info ?? "").Trim().ToLowerInvariant();
                    var code = MarkdownText.Code(fence);
                    if (info == "powershell") example.Code.Add(code);
                    else if (info != "output" && info != "text")
                        Error(fence, $"code block language must be 'powershell' (run by the tests) or 'output'/'text' (shown), not '{fence.Info}'");
                    example.AllBlocks.Add(code);
                }
                else prose.Add(block);
            }
            example.Remarks.AddRange(MarkdownText.Paragraphs(prose, _source, _file, _diagnostics));
            if (example.Code.Count == 0) Error(h3, "the example has no ```powershell block");
            if (example.Remarks.Count == 0) Error(h3, "the example has no remarks saying what it does");
            help.Examples.Add(example);
        }
    }

    private void ReadParameters(HeadingBlock heading, List<Block> content, CommandHelp help)
    {
        var sawCommon = false;
        foreach (var (h3, blocks) in SplitSubsections(heading, content))
        {
            var text = MarkdownText.HeadingText(h3, _source);
            if (text == "CommonParameters")
            {
                sawCommon = true;
                if (!blocks.OfType<ParagraphBlock>().Any()) Error(h3, "CommonParameters needs its standard paragraph");
                continue;
            }
            if (sawCommon) Error(h3, "'### CommonParameters' must be the last parameter");
            if (!text.StartsWith('-') || !Regex.IsMatch(text, @"^-[A-Za-z][A-Za-z0-9]*$"))
            { Error(h3, $"'### {text}' is not of the form '### -ParameterName'"); continue; }
            var parameter = new ParameterHelp { Name = text[1..] };
            if (help.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                Error(h3, $"parameter -{parameter.Name} is documented twice");
            var prose = new List<Block>();
            foreach (var block in blocks)
            {
                if (block is FencedCodeBlock fence && (fence.Info ?? "").Trim() == "yaml")
                {
                    var metadata = ReadMetadata(fence, parameter.Name);
                    if (metadata is not null) parameter.Metadata.Add(metadata);
                }
                else if (parameter.Metadata.Count > 0) Error(block, $"-{parameter.Name}: the description must come before the ```yaml block");
                else prose.Add(block);
            }
            parameter.Description.AddRange(MarkdownText.Paragraphs(prose, _source, _file, _diagnostics));
            if (parameter.Description.Count == 0) Error(h3, $"-{parameter.Name} has no description");
            if (parameter.Metadata.Count == 0 && blocks.OfType<FencedCodeBlock>().All(f => (f.Info ?? "").Trim() != "yaml"))
                Error(h3, $"-{parameter.Name} has no ```yaml metadata block");
            help.Parameters.Add(parameter);
        }
        if (!sawCommon) Error(heading, "PARAMETERS must end with '### CommonParameters'");
    }

    private ParameterMetadata? ReadMetadata(FencedCodeBlock fence, string parameterName)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = fence.Lines.ToString().Split('\n');
        var ok = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0) continue;
            var lineNumber = fence.Line + 2 + i;
            var colon = line.IndexOf(':');
            var key = colon > 0 ? line[..colon] : line;
            if (colon <= 0 || !MetadataKeys.Contains(key))
            {
                _diagnostics.Error(_file, lineNumber, $"-{parameterName}: unknown metadata line '{line}' (expected {string.Join(", ", MetadataKeys)})");
                ok = false;
                continue;
            }
            if (values.ContainsKey(key)) { _diagnostics.Error(_file, lineNumber, $"-{parameterName}: '{key}' appears twice"); ok = false; continue; }
            values[key] = line[(colon + 1)..].Trim();
        }
        foreach (var key in MetadataKeys.Where(k => !values.ContainsKey(k)))
        {
            Error(fence, $"-{parameterName}: metadata lacks '{key}:'");
            ok = false;
        }
        if (!ok) return null;

        bool Bool(string key)
        {
            if (values[key] == "True") return true;
            if (values[key] != "False") Error(fence, $"-{parameterName}: '{key}' must be True or False, not '{values[key]}'");
            return false;
        }
        if (values["Type"].Length == 0) Error(fence, $"-{parameterName}: Type is empty");
        var position = values["Position"];
        if (position != "Named" && !int.TryParse(position, out _)) Error(fence, $"-{parameterName}: Position must be Named or a number, not '{position}'");
        var pipeline = values["Accept pipeline input"];
        if (!PipelineInput.IsMatch(pipeline))
            Error(fence, $"-{parameterName}: 'Accept pipeline input' must be False or True (ByValue|ByPropertyName|ByPropertyName, ByValue), not '{pipeline}'");
        var sets = Split(values["Parameter Sets"]);
        if (sets.Count == 0) Error(fence, $"-{parameterName}: 'Parameter Sets' is empty (use (All))");
        return new ParameterMetadata
        {
            Type = values["Type"],
            ParameterSets = sets,
            Aliases = Split(values["Aliases"]),
            Required = Bool("Required"),
            Position = position,
            DefaultValue = values["Default value"],
            PipelineByValue = pipeline.Contains("ByValue", StringComparison.Ordinal),
            PipelineByPropertyName = pipeline.Contains("ByPropertyName", StringComparison.Ordinal),
            AcceptWildcard = Bool("Accept wildcard characters"),
        };
    }

    private static List<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private void ReadTypes(HeadingBlock heading, List<Block> content, List<TypeHelp> types)
    {
        var entries = SplitSubsections(heading, content);
        if (entries.Count == 0) Error(heading, $"'## {MarkdownText.HeadingText(heading, _source)}' needs at least one '### TypeName' (or '### None')");
        foreach (var (h3, blocks) in entries)
        {
            var type = new TypeHelp { Name = MarkdownText.HeadingText(h3, _source) };
            type.Description.AddRange(MarkdownText.Paragraphs(blocks, _source, _file, _diagnostics));
            types.Add(type);
        }
    }

    private void ReadLinks(List<Block> content, CommandHelp help)
    {
        var docsDir = Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".";
        foreach (var block in content)
        {
            if (block is not ParagraphBlock paragraph || paragraph.Inline is null)
            { Error(block, "RELATED LINKS holds only [text](uri) links, one per paragraph"); continue; }
            foreach (var inline in paragraph.Inline)
            {
                if (inline is LinkInline { IsImage: false } link)
                {
                    var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                    var url = link.Url ?? "";
                    if (text.Length == 0) Error(block, "a related link has no text");
                    if (url.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !url.Contains("://", StringComparison.Ordinal) &&
                        !File.Exists(Path.Combine(docsDir, url)))
                        Error(block, $"related link '{url}' points to a doc that does not exist");
                    help.RelatedLinks.Add(new LinkHelp { Text = text, Uri = url });
                }
                else if (inline is LineBreakInline || (inline is LiteralInline lit && lit.Content.ToString().Trim().Length == 0)) { }
                else Error(block, "RELATED LINKS holds only [text](uri) links");
            }
        }
    }

    /// <summary>Every set in SYNTAX shows exactly the parameters documented for it, and vice versa.</summary>
    private void CheckSyntaxAgainstParameters(CommandHelp help, HeadingBlock syntaxHeading)
    {
        var setNames = help.Syntax.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in help.Parameters)
            foreach (var metadata in parameter.Metadata)
                foreach (var set in metadata.ParameterSets.Where(s => s != "(All)" && !setNames.Contains(s)))
                    _diagnostics.Error(_file, 0, $"-{parameter.Name} names parameter set '{set}', which SYNTAX does not have");
        foreach (var set in help.Syntax)
        {
            var documented = help.Parameters
                .Where(p => p.Metadata.Any(m => m.ParameterSets.Contains("(All)") || m.ParameterSets.Contains(set.Name)))
                .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var shown in set.ParameterNames.Where(n => !documented.Contains(n)))
                Error(syntaxHeading, $"SYNTAX '{set.Name}' shows -{shown}, which PARAMETERS does not document for that set");
            foreach (var missing in documented.Where(n => !set.ParameterNames.Contains(n, StringComparer.OrdinalIgnoreCase)))
                Error(syntaxHeading, $"-{missing} is documented for set '{set.Name}' but SYNTAX '{set.Name}' does not show it");
        }
    }
}
