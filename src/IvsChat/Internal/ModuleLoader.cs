using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Threading;
#endif

namespace IvsChat.Internal;

/// <summary>Loads IvsChat.Client and AWSSDK from the module's Dependencies folder, so that another module's
/// AWSSDK.Core (e.g. AWS.Tools) loaded first does not break us. On .NET Core they load in a private
/// AssemblyLoadContext (the net8.0 build, which the manifest picks for PowerShell 7); Windows PowerShell 5.1
/// (the netstandard2.0 build) has no isolation, so there they are just found and loaded.
/// Import only registers a handler and queues the client's warm-up on a pool thread.</summary>
public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string ClientAssemblyName = "IvsChat.Client";

    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location)!;
    private static readonly string DependenciesDirectory = Path.Combine(ModuleDirectory, "Dependencies");

#if NET
    public void OnImport()
    {
        CoreLoader.Register(DependenciesDirectory);
        // The first cmdlet call's one-time costs, paid on a pool thread while PowerShell finishes the import
        // (format and types files) and the script goes on: the import thread loads nothing.
        ThreadPool.UnsafeQueueUserWorkItem(_ => WarmUpClient(), null);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUpClient() => IvsChat.Client.IvsChatClient.WarmUpAsync();

    public void OnRemove(PSModuleInfo psModuleInfo) => CoreLoader.Unregister();
#else
    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;

    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnFramework;

    // Also the module folder: assemblies loaded from Dependencies/ do not probe it for the shared polyfills
    // (System.Memory, Microsoft.Bcl.AsyncInterfaces, ...), and 5.1 has no binding redirects for them.
    private static Assembly? ResolveOnFramework(object? sender, ResolveEventArgs args)
    {
        var file = new AssemblyName(args.Name).Name + ".dll";
        foreach (var directory in new[] { DependenciesDirectory, ModuleDirectory })
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path)) return Assembly.LoadFrom(path);
        }
        return null;
    }
#endif
}

#if NET
internal static class CoreLoader
{
    private static DependencyLoadContext? _context;

    public static void Register(string dependenciesDirectory)
    {
        _context ??= new DependencyLoadContext(dependenciesDirectory);
        AssemblyLoadContext.Default.Resolving -= ResolveClient;
        AssemblyLoadContext.Default.Resolving += ResolveClient;
    }

    public static void Unregister() => AssemblyLoadContext.Default.Resolving -= ResolveClient;

    // Only IvsChat.Client crosses over: the default context never sees AWSSDK from Dependencies.
    private static Assembly? ResolveClient(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name == ModuleLoader.ClientAssemblyName && _context != null ? _context.LoadFromAssemblyName(name) : null;

    private sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;
        public DependencyLoadContext(string directory) { _directory = directory; }

        // Dependencies/ first (IvsChat.Client, AWSSDK.*); anything else (framework, shared polyfills such as
        // Microsoft.Bcl.AsyncInterfaces whose types cross into the cmdlets) comes from the default context.
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(_directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
#endif
