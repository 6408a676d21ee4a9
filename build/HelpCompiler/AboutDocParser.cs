using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace IvsChat.HelpCompiler;

/// <summary>Reads an about_ topic: '# about_Name', then '## SHORT DESCRIPTION', '## LONG DESCRIPTION', more sections.</summary>
public static class AboutDocParser
{
    public static AboutHelp? Parse(string file, string displayPath, Diagnostics diagnostics)
    {
        var source = File.ReadAllText(file).Replace("\r\n", "\n");
        var document = Markdown.Parse(source, new MarkdownPipelineBuilder().UseYamlFrontMatter().Build());
        MarkdownText.CheckPlaceholders(displayPath, source, diagnostics);
        var blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();
        var expected = Path.GetFileNameWithoutExtension(file);
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
        {
            diagnostics.Error(displayPath, 1, $"an about topic starts with '# {expected}'");
            return null;
        }
        var name = MarkdownText.HeadingText(title, source);
        if (name != expected) diagnostics.Error(displayPath, title.Line + 1, $"the title '{name}' does not match the file name '{expected}.md'");

        var help = new AboutHelp { Name = name, File = displayPath };
        var content = new List<Block>();
        void Flush()
        {
            if (help.Sections.Count > 0) help.Sections[^1].Paragraphs.AddRange(MarkdownText.Paragraphs(content, source, displayPath, diagnostics));
            else if (content.Count > 0) diagnostics.Error(displayPath, content[0].Line + 1, "content before '## SHORT DESCRIPTION'");
            content.Clear();
        }
        foreach (var block in blocks.Skip(1))
        {
            if (block is HeadingBlock heading)
            {
                Flush();
                if (heading.Level == 1) { diagnostics.Error(displayPath, heading.Line + 1, "only one '# title' is allowed"); continue; }
                help.Sections.Add(new AboutSection { Title = MarkdownText.HeadingText(heading, source), Level = heading.Level });
            }
            else content.Add(block);
        }
        Flush();

        var titles = help.Sections.Select(s => s.Title).ToList();
        if (titles.Count < 2 || titles[0] != "SHORT DESCRIPTION" || titles[1] != "LONG DESCRIPTION")
            diagnostics.Error(displayPath, 0, "an about topic's first sections are '## SHORT DESCRIPTION' then '## LONG DESCRIPTION'");
        else if (help.Sections[0].Paragraphs.Count == 0)
            diagnostics.Error(displayPath, 0, "SHORT DESCRIPTION is empty");
        return help;
    }
}
