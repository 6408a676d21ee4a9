using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client;

namespace IvsChat.Internal;

/// <summary>Calls the control plane for one cmdlet run: the client for the ARN's region, a -Verbose line per call
/// naming the resource, the wait through <see cref="AsyncBridge"/>, then the client's queued -Debug lines.</summary>
internal sealed class ServiceCaller : IDisposable
{
    private readonly ClientPool _pool;
    private readonly CancellationToken _stop;
    private readonly Action<string> _verbose;
    private readonly Action<string> _debug;

    public ServiceCaller(ClientPool pool, CancellationToken stop, Action<string> verbose, Action<string> debug)
    {
        _pool = pool;
        _stop = stop;
        _verbose = verbose;
        _debug = debug;
    }

    /// <summary>The operation of the most recent call, so a per-item error can say which call failed.</summary>
    public string? LastOperation { get; set; }

    /// <summary>Credentials, region and endpoint for a resource named by <paramref name="arn"/> (its region applies
    /// when -Region is absent). Throws IvsChatConfigurationException when credentials or region are missing.</summary>
    public ResolvedClientSettings SettingsFor(string? arn) => Entry(arn).Settings;

    /// <summary>One operation; failures propagate to the cmdlet's per-item error handling.</summary>
    public T Call<T>(string operation, string? arn, Func<IIvsChatClient, CancellationToken, Task<T>> call)
    {
        var entry = Entry(arn);
        LastOperation = operation;
        _verbose("Calling " + operation + " (" + entry.Settings.Region + ", " + entry.Settings.Endpoint + ")" +
                 (string.IsNullOrEmpty(arn) ? "" : " for " + arn) + ".");
        return AsyncBridge.Run(ct => call(entry.Client, ct), _stop, Drain);
    }

    /// <summary>A paginated listing, each page requested only when the consumer asks for more.</summary>
    public IEnumerable<T> List<T>(string operation, Func<IIvsChatClient, CancellationToken, IAsyncEnumerable<T>> list)
    {
        var entry = Entry(null);
        LastOperation = operation;
        _verbose("Calling " + operation + " (" + entry.Settings.Region + ", " + entry.Settings.Endpoint + "), one page at a time.");
        return AsyncBridge.Stream(ct => list(entry.Client, ct), _stop, Drain);
    }

    private ClientPool.Entry Entry(string? arn) => _pool.Get(Arn.RegionOf(arn), _debug);

    private void Drain() => _pool.Drain(_debug);

    public void Dispose() => _pool.Dispose();
}
