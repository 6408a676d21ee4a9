using System.Management.Automation;

namespace IvsChat.Internal;

/// <summary>Why -Debug prompted: PowerShell 7 gives a cmdlet run with -Debug (and no -Verbose) the verbose
/// preference Inquire (MshCommandRuntime.VerbosePreference), so every WriteVerbose asked "Continue with this
/// operation?" and failed under -NonInteractive. -Debug asks to see everything, not to be asked: in that case the
/// verbose lines go to the debug stream (Continue under -Debug) instead.</summary>
internal static class VerboseLines
{
    public static void Write(Cmdlet cmdlet, InvocationInfo invocation, string text)
    {
        if (DebugWithoutVerbose(invocation)) cmdlet.WriteDebug(text);
        else cmdlet.WriteVerbose(text);
    }

    private static bool DebugWithoutVerbose(InvocationInfo invocation)
    {
        var bound = invocation.BoundParameters;
        return bound.TryGetValue("Debug", out var debug) && LanguagePrimitives.IsTrue(debug) && !bound.ContainsKey("Verbose");
    }
}
