using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace IvsChat.HelpCompiler;

/// <summary>Turns Markdig blocks into the plain paragraphs that MAML and about-help text hold.</summary>
public static class MarkdownText
{
    /// <summary>A heading's text without its #s.</summary>
    public static string HeadingText(HeadingBlock heading, string source)
    {
        var raw = source.Substring(heading.Span.Start, heading.Span.Length);
        return raw.Trim().TrimStart('#').TrimEnd('#').Trim();
    }

    /// <summary>A paragraph's text with its soft line breaks joined, as Get-Help reflows it anyway.</summary>
    /// (Markdig drops a paragraph's Lines once it parses the inlines, so the text comes from the source span.)
    public static string Paragraph(ParagraphBlock paragraph, string source) =>
        string.Join(" ", source.Substring(paragraph.Span.Start, paragraph.Span.Length).Split('\n')
            .Select(l => l.Trim().TrimStart('>').Trim()).Where(l => l.Length > 0));

    public static string Code(FencedCodeBlock code) => code.Lines.ToString().TrimEnd('\n', '\r', ' ');

    /// <summary>
    /// Prose blocks (paragraphs, lists, quotes, code) as paragraphs; reports anything else (headings, HTML) as an
    /// error because platyPS would misplace it.
    /// </summary>
    public static List<string> Paragraphs(IEnumerable<Block> blocks, string source, string file, Diagnostics diagnostics)
    {
        var result = new List<string>();
        foreach (var block in blocks) AddParagraphs(block, result, source, file, diagnostics, "");
        return result;
    }

    private static void AddParagraphs(Block block, List<string> result, string source, string file, Diagnostics diagnostics, string prefix)
    {
        switch (block)
        {
            case ParagraphBlock p:
                result.Add(prefix + Paragraph(p, source));
                break;
            case FencedCodeBlock c:
                result.Add(Indent(Code(c), "    "));
                break;
            case CodeBlock c:
                result.Add(Indent(c.Lines.ToString().TrimEnd(), "    "));
                break;
            case ListBlock list:
                var n = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{n++}. " : "- ";
                    var first = true;
                    foreach (var child in item)
                    {
                        AddParagraphs(child, result, source, file, diagnostics, first ? marker : "  ");
                        first = false;
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote) AddParagraphs(child, result, source, file, diagnostics, prefix);
                break;
            case LinkReferenceDefinitionGroup:
                break;
            case HeadingBlock:
                diagnostics.Error(file, block.Line + 1, "a heading is not allowed here (platyPS reads only the headings of the schema)");
                break;
            default:
                diagnostics.Error(file, block.Line + 1, $"unsupported markdown ({block.GetType().Name}); use paragraphs, lists and fenced code");
                break;
        }
    }

    private static string Indent(string text, string indent) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));

    private static readonly Regex Placeholder = new(@"\{\{.*?\}\}", RegexOptions.Compiled);

    /// <summary>Reports platyPS template placeholders ({{ Fill in the ... }}) left in a file.</summary>
    public static void CheckPlaceholders(string file, string source, Diagnostics diagnostics)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var m = Placeholder.Match(lines[i]);
            if (m.Success) diagnostics.Error(file, i + 1, $"placeholder left in the doc: {m.Value}");
        }
    }

    /// <summary>Wraps text to width, indenting every line; used for about-help text.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent, string hangingIndent)
    {
        var line = indent;
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = hangingIndent;
                empty = true;
            }
            line += (empty ? "" : " ") + word;
            empty = false;
        }
        if (!empty) yield return line;
    }
}
