using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace IvsChat.HelpCompiler;

/// <summary>Writes the MAML that Get-Help reads for binary cmdlets (&lt;Assembly&gt;.dll-Help.xml), as platyPS does.</summary>
public static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(IEnumerable<CommandHelp> commands, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var w = XmlWriter.Create(path, settings);
        w.WriteStartDocument();
        w.WriteStartElement("helpItems", Msh);
        w.WriteAttributeString("schema", "maml");
        foreach (var c in commands.OrderBy(c => c.Name, System.StringComparer.Ordinal)) WriteCommand(w, c);
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter w, CommandHelp c)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);

        var dash = c.Name.IndexOf('-');
        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, c.Name);
        w.WriteElementString("command", "verb", Command, c.Name[..dash]);
        w.WriteElementString("command", "noun", Command, c.Name[(dash + 1)..]);
        Description(w, c.Synopsis);
        w.WriteEndElement();

        Description(w, c.Description);

        w.WriteStartElement("command", "syntax", Command);
        foreach (var set in c.Syntax)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, c.Name);
            foreach (var name in set.ParameterNames)
            {
                var p = c.Parameters.FirstOrDefault(x => string.Equals(x.Name, name, System.StringComparison.OrdinalIgnoreCase));
                if (p is null) continue;
                var m = p.Metadata.FirstOrDefault(x => x.ParameterSets.Contains(set.Name)) ?? p.Metadata.FirstOrDefault(x => x.ParameterSets.Contains("(All)"));
                if (m is not null) Parameter(w, p, m, inSyntax: true);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "parameters", Command);
        foreach (var p in c.Parameters.Where(p => p.Metadata.Count > 0)) Parameter(w, p, p.Metadata[0], inSyntax: false);
        w.WriteEndElement();

        Types(w, "inputTypes", "inputType", c.Inputs);
        Types(w, "returnValues", "returnValue", c.Outputs);

        w.WriteStartElement("maml", "alertSet", Maml);
        w.WriteStartElement("maml", "alert", Maml);
        foreach (var note in c.Notes) w.WriteElementString("maml", "para", Maml, note);
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("command", "examples", Command);
        foreach (var e in c.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, $"-------------------------- {e.Title} --------------------------");
            w.WriteElementString("dev", "code", Dev, string.Join("\n\n", e.AllBlocks));
            w.WriteStartElement("dev", "remarks", Dev);
            foreach (var r in e.Remarks) w.WriteElementString("maml", "para", Maml, r);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "relatedLinks", Command);
        var links = new List<LinkHelp>();
        if (c.OnlineVersion is not null) links.Add(new LinkHelp { Text = "Online Version:", Uri = c.OnlineVersion });
        links.AddRange(c.RelatedLinks);
        foreach (var link in links)
        {
            w.WriteStartElement("maml", "navigationLink", Maml);
            w.WriteElementString("maml", "linkText", Maml, link.Text);
            // Get-Help -Online opens only absolute URIs; a relative .md link is shown by its text.
            w.WriteElementString("maml", "uri", Maml, link.Uri.Contains("://") ? link.Uri : "");
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, IEnumerable<string> paragraphs)
    {
        w.WriteStartElement("maml", "description", Maml);
        foreach (var p in paragraphs) w.WriteElementString("maml", "para", Maml, p);
        w.WriteEndElement();
    }

    private static void Parameter(XmlWriter w, ParameterHelp p, ParameterMetadata m, bool inSyntax)
    {
        var isSwitch = m.Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", m.Required ? "true" : "false");
        w.WriteAttributeString("variableLength", "true");
        w.WriteAttributeString("globbing", m.AcceptWildcard ? "true" : "false");
        w.WriteAttributeString("pipelineInput", PipelineText(m));
        w.WriteAttributeString("position", m.Position == "Named" ? "named" : m.Position);
        w.WriteAttributeString("aliases", m.Aliases.Count == 0 ? "none" : string.Join(", ", m.Aliases));
        w.WriteElementString("maml", "name", Maml, p.Name);
        Description(w, p.Description);
        if (!(isSwitch && inSyntax))
        {
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", isSwitch ? "false" : "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(m.Type);
            w.WriteEndElement();
        }
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, m.Type);
        w.WriteElementString("maml", "uri", Maml, "");
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, m.DefaultValue);
        w.WriteEndElement();
    }

    public static string PipelineText(ParameterMetadata m) => (m.PipelineByValue, m.PipelineByPropertyName) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static void Types(XmlWriter w, string listName, string itemName, List<TypeHelp> types)
    {
        w.WriteStartElement("command", listName, Command);
        foreach (var t in types)
        {
            w.WriteStartElement("command", itemName, Command);
            w.WriteStartElement("dev", "type", Dev);
            w.WriteElementString("maml", "name", Maml, t.Name);
            w.WriteEndElement();
            Description(w, t.Description);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
