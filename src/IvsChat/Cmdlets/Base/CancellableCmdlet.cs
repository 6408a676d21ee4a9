using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>Base of every IvsChat cmdlet: owns the one CancellationTokenSource (cancelled by Ctrl+C), blocks on
/// async calls through <see cref="AsyncBridge"/>, and turns per-item failures into non-terminating errors.</summary>
public abstract class CancellableCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();

    /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing); pass it to every call.</summary>
    protected CancellationToken CancellationToken => _stop.Token;

    protected override void StopProcessing()
    {
        // Called on another thread, possibly after the pipeline ended and disposed us.
        try { _stop.Cancel(); } catch (ObjectDisposedException) { }
    }

    /// <summary>WriteVerbose that never prompts under -Debug (see <see cref="VerboseLines"/>).</summary>
    public new void WriteVerbose(string text) => VerboseLines.Write(this, MyInvocation, text);

    /// <summary>Waits for <paramref name="call"/> on the pipeline thread, then writes the wire trace that the
    /// <paramref name="connection"/>'s background reader queued (only the pipeline thread may write).</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call, ChatConnection? connection = null) =>
        AsyncBridge.Run(call, CancellationToken, connection == null ? null : () => connection.DrainTrace(WriteDebug));

    /// <summary>The record for a per-item failure, or null when <paramref name="ex"/> is not one (it is rethrown).</summary>
    protected abstract ErrorRecord? ToItemError(Exception ex, object? target);

    /// <summary>Runs <paramref name="action"/> for one input item; per-item failures become non-terminating errors
    /// against <paramref name="target"/>, so the rest of the pipeline goes on.</summary>
    protected void ForItem(object? target, Action action)
    {
        try { action(); }
        catch (Exception ex) when (!_stop.IsCancellationRequested && !(ex is PipelineStoppedException) && !(ex is ActionPreferenceStopException))
        {
            var record = ToItemError(ex, target);
            if (record == null) throw;
            WriteError(record);
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _stop.Dispose();
    }
}
