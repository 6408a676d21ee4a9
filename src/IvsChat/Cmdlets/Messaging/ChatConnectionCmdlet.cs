using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Cmdlets.Messaging
{
    /// <summary>Base of the cmdlets that work on an open connection (no AWS credentials needed): Ctrl+C cancels
    /// the wait, the connection's wire trace goes to -Debug, failures become non-terminating errors.</summary>
    public abstract class ChatConnectionCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        protected CancellationToken CancellationToken => _stop.Token;

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>WriteVerbose that never prompts under -Debug (see <see cref="Internal.VerboseLines"/>).</summary>
        public new void WriteVerbose(string text) => Internal.VerboseLines.Write(this, MyInvocation, text);

        /// <summary>Waits for a messaging call on the pipeline thread; Ctrl+C stops the pipeline.</summary>
        protected T Wait<T>(ChatConnection connection, Func<CancellationToken, Task<T>> call)
        {
            try { return call(CancellationToken).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { throw new PipelineStoppedException(); }
            finally { connection.DrainTrace(WriteDebug); }
        }

        /// <summary>Runs one item; messaging failures become non-terminating errors against <paramref name="target"/>.</summary>
        protected void ForItem(object target, Action action)
        {
            try { action(); }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && ChatErrorRecords.From(ex, target) != null)
            {
                WriteError(ChatErrorRecords.From(ex, target)!);
            }
        }

        /// <summary>Warns once per batch of frames the receive buffer had to drop.</summary>
        protected void WarnAboutDrops(ChatConnection connection)
        {
            long dropped = connection.Connection.TakeDroppedCount();
            if (dropped > 0)
                WriteWarning($"The receive buffer of the connection to {connection.RoomArn} was full: {dropped} older frame(s) were dropped. " +
                             "Read more often, or connect with a larger -BufferCapacity.");
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
}
