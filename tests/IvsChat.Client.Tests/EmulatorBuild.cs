using System.Reflection;

namespace IvsChat.Client.Tests;

/// <summary>Where the local service's DLL is: IVSCHAT_EMULATOR_DLL (as build.ps1 Test sets it), else the build of
/// this test configuration, which the project reference guarantees.</summary>
public static class EmulatorBuild
{
    public static string DllPath { get; } = Find();

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("IVSCHAT_EMULATOR_DLL");
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        var built = typeof(EmulatorBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "IvsChatEmulatorDll").Value!;
        return Path.GetFullPath(built.Replace('\\', Path.DirectorySeparatorChar));
    }
}
