using System.Collections.Generic;

namespace IvsChat.HelpCompiler;

/// <summary>Collects every problem of every file so one build run reports them all, as file:line: message.</summary>
public sealed class Diagnostics
{
    private readonly List<string> _errors = new();

    public IReadOnlyList<string> Errors => _errors;

    /// <param name="line">1-based line, or 0 when the problem concerns the whole file.</param>
    public void Error(string file, int line, string message) =>
        _errors.Add(line > 0 ? $"{file}:{line}: error: {message}" : $"{file}: error: {message}");
}
