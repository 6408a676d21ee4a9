using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IvsChat.Client;
using IvsChat.Internal;

namespace IvsChat.Cmdlets
{
    /// <summary>Base of every IvsChat cmdlet: the AWS.Tools-style common parameters, client creation per region,
    /// cancellation on Ctrl+C, -Verbose/-Debug lines, and per-item error reporting.</summary>
    public abstract partial class IvsChatCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private ClientPool? _pool;
        // The operation of the most recent call, so a per-item error can say which call failed.
        private string? _lastOperation;

        /// <summary>AWS region, e.g. us-west-2. Default: the region in the ARN acted on, $StoredAWSRegion, AWS_REGION / AWS_DEFAULT_REGION, the profile's region.</summary>
        [Parameter]
        [ValidatePattern("^[a-z0-9-]+$")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(ProfileCompleter))]
        public string? ProfileName { get; set; }

        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public string? ProfileLocation { get; set; }

        [Parameter]
        [Alias("AK")]
        public string? AccessKey { get; set; }

        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        public string? SecretKey { get; set; }

        [Parameter]
        [Alias("ST")]
        public string? SessionToken { get; set; }

        /// <summary>An Amazon.Runtime.AWSCredentials, an AWS.Tools credential object, or a PSCredential (user = access key id, password = secret key).</summary>
        [Parameter]
        public object? Credential { get; set; }

        [Parameter]
        [ValidatePattern("^https?://")]
        public string? EndpointUrl { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing); pass it to every call.</summary>
        protected CancellationToken CancellationToken => _stop.Token;

        protected override void StopProcessing()
        {
            // Called on another thread, possibly after the pipeline ended and disposed us.
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        }

        // ---- clients ----

        private ClientPool Pool => _pool ??= new ClientPool(new CommonSettings
        {
            Region = Region,
            ProfileName = ProfileName,
            ProfileLocation = ProfileLocation,
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            SessionToken = SessionToken,
            Credential = Credential,
            EndpointUrl = EndpointUrl,
            StoredCredentials = SessionState.PSVariable.GetValue("StoredAWSCredentials"),
            StoredRegion = SessionState.PSVariable.GetValue("StoredAWSRegion") is object r ? PSObject.AsPSObject(r).BaseObject as string ?? r.ToString() : null,
        });

        /// <summary>The client for the resource named by <paramref name="arn"/> (its region applies when -Region
        /// is absent; null = the default region). Missing credentials or region end the command with one
        /// terminating error that says how to fix it.</summary>
        protected IIvsChatClient GetClient(string? arn = null) => GetClientEntry(arn).Client;

        /// <summary>Credentials, region and endpoint the client for <paramref name="arn"/> uses (e.g. to derive the
        /// messaging endpoint). Never print the credentials.</summary>
        internal ResolvedClientSettings GetClientSettings(string? arn = null) => GetClientEntry(arn).Settings;

        /// <summary>The region and endpoint the client for <paramref name="arn"/> uses.</summary>
        protected string GetResolvedRegion(string? arn = null) => GetClientEntry(arn).Settings.Region;

        /// <summary>The control-plane endpoint the client for <paramref name="arn"/> uses.</summary>
        protected Uri GetResolvedEndpoint(string? arn = null) => GetClientEntry(arn).Settings.Endpoint;

        private ClientPool.Entry GetClientEntry(string? arn)
        {
            try { return Pool.Get(Arn.RegionOf(arn), WriteDebug); }
            catch (Client.IvsChatConfigurationException clientEx)
            {
                var ex = (IvsChatConfigurationException)PublicErrors.From(clientEx);
                ThrowTerminatingError(new ErrorRecord(ex, IvsChatErrorIds.Configuration, ErrorCategory.InvalidOperation, null)
                {
                    ErrorDetails = new ErrorDetails(ex.Message)
                    {
                        RecommendedAction = "Pass -Region and -AccessKey/-SecretKey (or -ProfileName / -Credential), set AWS_REGION and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run Set-AWSCredential / Set-DefaultAWSRegion.",
                    },
                });
                throw; // not reached
            }
        }

        /// <summary>Calls one operation on the pipeline thread: a -Verbose line, the call with the cmdlet's
        /// cancellation token, then the client's queued log lines. Failures propagate (see <see cref="WriteItemError"/>).</summary>
        protected T CallService<T>(string operation, string? arn, Func<IIvsChatClient, CancellationToken, Task<T>> call)
        {
            var entry = GetClientEntry(arn);
            _lastOperation = operation;
            WriteVerbose("Calling " + operation + " (" + entry.Settings.Region + ", " + entry.Settings.Endpoint + ")" +
                         (string.IsNullOrEmpty(arn) ? "" : " for " + arn) + ".");
            try { return call(entry.Client, CancellationToken).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { throw new PipelineStoppedException(); }
            catch (Exception ex) when (PublicErrors.IsTranslatable(ex)) { throw PublicErrors.From(ex); }
            finally { DrainClientLog(); }
        }

        /// <summary>Streams a paginated listing: each page is requested only when the consumer asks for more
        /// (so stopping the loop early stops requesting pages).</summary>
        protected IEnumerable<T> ListService<T>(string operation, string? arn, Func<IIvsChatClient, CancellationToken, IAsyncEnumerable<T>> list)
        {
            var entry = GetClientEntry(arn);
            _lastOperation = operation;
            WriteVerbose("Calling " + operation + " (" + entry.Settings.Region + ", " + entry.Settings.Endpoint + "), one page at a time.");
            var e = list(entry.Client, CancellationToken).GetAsyncEnumerator(CancellationToken);
            try
            {
                while (true)
                {
                    bool more;
                    try { more = e.MoveNextAsync().AsTask().GetAwaiter().GetResult(); }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested) { throw new PipelineStoppedException(); }
                    catch (Exception ex) when (PublicErrors.IsTranslatable(ex)) { throw PublicErrors.From(ex); }
                    finally { DrainClientLog(); }
                    if (!more) yield break;
                    yield return e.Current;
                }
            }
            finally
            {
                try { e.DisposeAsync().AsTask().GetAwaiter().GetResult(); } catch (OperationCanceledException) { }
            }
        }

        private void DrainClientLog() => _pool?.Drain(WriteDebug);

        /// <summary>WriteVerbose that never prompts under -Debug (see <see cref="VerboseLines"/>).</summary>
        public new void WriteVerbose(string text) => VerboseLines.Write(this, MyInvocation, text);

        // ---- errors ----

        /// <summary>Reports a per-item failure as a non-terminating error (ErrorId = AWS error code or one of
        /// <see cref="IvsChatErrorIds"/>, TargetObject = the input item). Returns false for exceptions that are
        /// not per-item failures: rethrow those.</summary>
        protected bool WriteItemError(Exception ex, object? target, string? operation = null)
        {
            if (ex is PipelineStoppedException) return false;
            var record = ErrorMapping.ToRecord(ex, target, operation ?? _lastOperation);
            if (record == null) return false;
            WriteError(record);
            return true;
        }

        /// <summary>Runs <paramref name="action"/> for one input item; per-item failures become non-terminating errors.</summary>
        protected void ForItem(object? target, Action action)
        {
            _lastOperation = null;
            try { action(); }
            catch (Exception ex) when (!_stop.IsCancellationRequested && !(ex is PipelineStoppedException) && !(ex is ActionPreferenceStopException) && ErrorMapping.ToRecord(ex, target, null) != null)
            {
                if (!WriteItemError(ex, target)) throw;
            }
        }

        // ---- should-process ----

        /// <summary>ShouldProcess, except that -Force skips the prompt (but not -WhatIf or an explicit -Confirm).</summary>
        protected bool ShouldProcessOrForce(bool force, string target, string action)
        {
            if (force && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !IsWhatIf()) return true;
            return ShouldProcess(target, action);
        }

        private bool IsWhatIf()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)) return w is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(w);
            return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
        }

        /// <summary>How a resource is named in -WhatIf/-Confirm targets: name and ARN.</summary>
        protected static string Describe(string kind, string? name, string arn) =>
            string.IsNullOrEmpty(name) ? kind + " " + arn : kind + " '" + name + "' (" + arn + ")";

        // ---- disposal ----

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            _pool?.Dispose();
            _pool = null;
            _stop.Dispose();
        }
    }
}
