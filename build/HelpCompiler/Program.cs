using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IvsChat.HelpCompiler;

/// <summary>
/// HelpCompiler &lt;docsDir&gt; &lt;outDir&gt;   compile docs/*.md into outDir/IvsChat.dll-Help.xml and about_*.help.txt
/// HelpCompiler --json &lt;docsDir&gt;          print the parsed cmdlet docs as JSON (the tests compare them to Get-Command)
/// Exit codes: 0 ok, 1 a doc is malformed (every problem printed as file:line), 2 usage.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var json = args.Length == 2 && args[0] == "--json";
        if (!json && args.Length != 2)
        {
            Console.Error.WriteLine("usage: HelpCompiler <docsDir> <outDir> | HelpCompiler --json <docsDir>");
            return 2;
        }
        var docs = json ? args[1] : args[0];
        if (!Directory.Exists(docs))
        {
            Console.Error.WriteLine($"error: docs folder '{docs}' not found");
            return 2;
        }

        var diagnostics = new Diagnostics();
        var commands = new List<CommandHelp>();
        var abouts = new List<AboutHelp>();
        foreach (var file in Directory.GetFiles(docs, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            if (display.StartsWith("..", StringComparison.Ordinal)) display = Path.GetFullPath(file);
            if (Path.GetFileName(file).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
            {
                var about = AboutDocParser.Parse(file, display, diagnostics);
                if (about is not null) abouts.Add(about);
            }
            else
            {
                var command = CommandDocParser.Parse(file, display, diagnostics);
                if (command is not null) commands.Add(command);
            }
        }

        if (diagnostics.Errors.Count > 0)
        {
            foreach (var error in diagnostics.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"{diagnostics.Errors.Count} error(s) in the docs; help not written.");
            return 1;
        }

        if (json)
        {
            Console.Out.Write(JsonSerializer.Serialize(commands, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var outDir = args[1];
        Directory.CreateDirectory(outDir);
        MamlWriter.Write(commands, Path.Combine(outDir, CommandDocParser.HelpFileName));
        foreach (var about in abouts) AboutTextWriter.Write(about, Path.Combine(outDir, about.Name + ".help.txt"));
        Console.WriteLine($"Help: {commands.Count} cmdlet(s), {abouts.Count} about topic(s) -> {outDir}");
        return 0;
    }
}
