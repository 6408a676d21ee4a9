using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace IvsChat.HelpCompiler;

/// <summary>Writes about_*.help.txt in the layout Get-Help shows (and reads the SHORT DESCRIPTION from).</summary>
public static class AboutTextWriter
{
    private const int Width = 80;

    public static void Write(AboutHelp about, string path)
    {
        var text = new StringBuilder();
        text.Append("TOPIC\n    ").Append(about.Name.ToLowerInvariant()).Append("\n\n");
        foreach (var section in about.Sections)
        {
            // Top-level sections in capitals at the margin, subsections indented, as PowerShell's own about topics.
            text.Append(section.Level <= 2 ? section.Title.ToUpperInvariant() : "  " + section.Title).Append('\n');
            foreach (var paragraph in section.Paragraphs)
            {
                if (paragraph.StartsWith("    ")) // code: never wrapped
                    foreach (var line in paragraph.Split('\n')) text.Append("    ").Append(line).Append('\n');
                else if (paragraph.StartsWith("- ") || (paragraph.Length > 2 && char.IsDigit(paragraph[0]) && paragraph.IndexOf(". ") is > 0 and < 4))
                    foreach (var line in MarkdownText.Wrap(paragraph, Width, "    ", "      ")) text.Append(line).Append('\n');
                else
                    foreach (var line in MarkdownText.Wrap(paragraph, Width, "    ", "    ")) text.Append(line).Append('\n');
                text.Append('\n');
            }
            if (section.Paragraphs.Count == 0) text.Append('\n');
        }
        File.WriteAllText(path, text.ToString().TrimEnd('\n') + "\n", new UTF8Encoding(false));
    }
}
