using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client;

// Sending one call: attempts (signed, bounded in size and time) until RetryStrategy says stop.
public sealed partial class IvsChatClient
{
    private const string JsonContentType = "application/json";
    private static readonly string UserAgent = "IvsChatPS/" + typeof(IvsChatClient).Assembly.GetName().Version?.ToString(3);

    /// <summary>What came back from one attempt.</summary>
    private sealed class Answer
    {
        public int Status;
        public string? ReasonPhrase, RequestId, ErrorType, ContentType;
        public DateTimeOffset? Date;
        public byte[] Body = Array.Empty<byte>();
    }

    private async Task<TResponse> InvokeAsync<TResponse>(Call call, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : IvsChatResponse, new()
    {
        // Read here, on the caller's thread, before the first await.
        var blocking = CanBlock && t_blocking;
        var delay = blocking && _options.Delay == null ? BlockingDelay : _delay;
        var endpoint = Settings.Endpoint;
        Log(IvsChatLogLevel.Verbose, $"ivschat {call.Operation} -> {endpoint.GetLeftPart(UriPartial.Authority)} ({Settings.Region})");
        var retry = _retry.Begin(endpoint, Settings.Region, call.Operation);
        var clockCorrected = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pacedFor = await retry.BeforeAttemptAsync(delay, cancellationToken).ConfigureAwait(false);
            if (pacedFor > TimeSpan.Zero)
                Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} paced {pacedFor.TotalMilliseconds:0} ms (client rate {retry.PacedRate:0.0}/s)");

            Exception failure;
            try
            {
                var answer = await SendAttemptAsync(call, retry, blocking, cancellationToken).ConfigureAwait(false);
                if (answer.Status >= 200 && answer.Status < 300)
                {
                    retry.Succeeded();
                    return ReadResponse(call, responseType, answer);
                }
                var error = ErrorParser.Parse(answer.Status, answer.ReasonPhrase, answer.ErrorType, answer.RequestId, answer.ContentType, answer.Body,
                    call.Redactor);
                // A refusal of the signing time after the clock was corrected: sign again, once, at no retry cost.
                if (!clockCorrected && ClockOffset.IsSkewError(error) && _clockOffset.Update(answer.Date, LocalNow()))
                {
                    clockCorrected = true;
                    Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation}: the service's clock is {_clockOffset.Offset.TotalSeconds:0} s from this one " +
                        $"({error.ErrorCode}); signing again with the corrected time");
                    continue;
                }
                failure = error;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is TimeoutException || ex is HttpRequestException || ex is IOException)
            {
                Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} {call.Method} {call.DisplayPath} failed: {ex.GetType().Name}: {ex.Message} " +
                    $"(attempt {retry.Attempt}/{retry.MaxAttempts})");
                failure = ex;
            }

            var (wait, why) = retry.Failed(failure);
            if (wait == null)
            {
                if (why != "not retryable") Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} not retried: {why}");
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
            var reason = failure is IvsChatServiceException se ? $"{se.ErrorCode} (HTTP {se.StatusCode})" : failure.GetType().Name;
            Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} retrying in {wait!.Value.TotalMilliseconds:0} ms after {reason}");
            await delay(wait.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private DateTime LocalNow() => (_options.Clock?.Invoke() ?? DateTime.UtcNow).ToUniversalTime();

    /// <summary>One signed attempt, bounded in size (IvsChatResponseTooLargeException) and time (TimeoutException).</summary>
    private async Task<Answer> SendAttemptAsync(Call call, RetryCall retry, bool blocking, CancellationToken cancellationToken)
    {
        var endpoint = Settings.Endpoint;
        var credentials = await GetCredentialsAsync().ConfigureAwait(false);
        call.Redactor = new Redactor(call.Sensitive.Concat(new[] { credentials.SecretKey, credentials.Token }));
        var signed = RequestSigner.Sign(endpoint, Settings.Region, call.Method, call.ResourcePath, call.PathResources,
            call.QueryName, call.QueryValues, call.Body, call.Body != null ? JsonContentType : null, credentials,
            LocalNow() + _clockOffset.Offset);

        var timeouts = Settings.Timeouts;
        var attemptTimeout = _options.AttemptTimeout ?? timeouts.AttemptTimeout;
        var watch = Stopwatch.StartNew();
        using var whole = new CancellationTokenSource(attemptTimeout);
        using var silence = new CancellationTokenSource(timeouts.ReadTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, whole.Token, silence.Token);
        using var message = BuildMessage(call, signed);
        try
        {
#if NET8_0_OR_GREATER
            using var response = blocking
                ? _http.Send(message, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                : await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
#else
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
#endif
            silence.CancelAfter(timeouts.ReadTimeout);
            var answer = new Answer
            {
                Status = (int)response.StatusCode,
                ReasonPhrase = response.ReasonPhrase,
                RequestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id"),
                ErrorType = Header(response, "x-amzn-ErrorType"),
                ContentType = response.Content?.Headers.ContentType?.MediaType,
                Date = response.Headers.Date,
            };
            answer.Body = await ResponseBody.ReadAsync(response, IvsChatResponseTooLargeException.MaxResponseBytes,
                () => new IvsChatResponseTooLargeException(call.Operation, endpoint, answer.Status, answer.RequestId,
                    IvsChatResponseTooLargeException.MaxResponseBytes),
                () => silence.CancelAfter(timeouts.ReadTimeout), blocking, linked.Token).ConfigureAwait(false);
            Log(IvsChatLogLevel.Debug, $"ivschat {call.Operation} {call.Method} {call.DisplayPath}{QueryForLog(call)} -> {answer.Status} " +
                $"(request id {answer.RequestId ?? "none"}, attempt {retry.Attempt}/{retry.MaxAttempts}, {watch.ElapsedMilliseconds} ms)");
            return answer;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            string what;
            if (whole.IsCancellationRequested)
                what = $"the answer did not complete within {Seconds(attemptTimeout)} " +
                    "(attempt timeout; IVSCHAT_ATTEMPT_TIMEOUT or profile ivschat_attempt_timeout)";
            else if (silence.IsCancellationRequested)
                what = $"the service sent nothing for {Seconds(timeouts.ReadTimeout)} (read timeout; IVSCHAT_READ_TIMEOUT or profile cli_read_timeout)";
            else if (ex.InnerException is TimeoutException)
                what = $"could not connect to {endpoint.GetLeftPart(UriPartial.Authority)} within {Seconds(timeouts.ConnectTimeout)} " +
                    "(connect timeout; IVSCHAT_CONNECT_TIMEOUT or profile cli_connect_timeout)";
            else throw;
            throw new TimeoutException($"ivschat {call.Operation}: {what} (attempt {retry.Attempt} of {retry.MaxAttempts}).", ex);
        }
    }

    private static string Seconds(TimeSpan value) => $"{value.TotalSeconds:0.###} s";

    private static HttpRequestMessage BuildMessage(Call call, SignedRequest signed)
    {
        var message = new HttpRequestMessage(new HttpMethod(call.Method), signed.Uri);
        if (call.Body != null)
        {
            message.Content = new ByteArrayContent(call.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
        }
        foreach (var header in signed.Headers)
        {
            // Host comes from the URI, content headers from the content, content-length is computed.
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return message;
    }

    private static TResponse ReadResponse<TResponse>(Call call, JsonTypeInfo<TResponse> type, Answer answer)
        where TResponse : IvsChatResponse, new()
    {
        var (body, status, requestId) = (answer.Body, answer.Status, answer.RequestId);
        TResponse result;
        if (body.Length == 0) result = new TResponse();
        else
        {
            try { result = JsonSerializer.Deserialize(body, type) ?? new TResponse(); }
            catch (JsonException ex)
            {
                // JsonException names the position, never the values.
                throw new IvsChatServiceException("InvalidResponse", $"The {call.Operation} answer could not be read: {ex.Message}", status, requestId);
            }
        }
        result.RequestId = requestId;
        result.HttpStatusCode = status;
        return result;
    }

    private async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        ImmutableCredentials? credentials;
        try { credentials = await Settings.Credentials.GetCredentialsAsync().ConfigureAwait(false); }
        catch (Exception ex) when (!(ex is OperationCanceledException))
        {
            throw new IvsChatConfigurationException(
                $"Could not get AWS credentials from {Settings.CredentialSource}: {ex.Message}", ex);
        }
        if (credentials == null || string.IsNullOrEmpty(credentials.AccessKey))
            throw new IvsChatConfigurationException($"The credentials from {Settings.CredentialSource} are empty.");
        return credentials;
    }

    private static string QueryForLog(Call call)
        => call.QueryName == null || call.QueryValues == null || call.QueryValues.Count == 0 ? ""
            : "?" + RequestSigner.Query(call.QueryName, call.QueryValues, sorted: false);

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
