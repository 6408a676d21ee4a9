using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using IvsChat.Emulator.Aws;
using Microsoft.AspNetCore.Connections;

namespace IvsChat.Emulator.Hosting;

/// <summary>
/// Kestrel refuses requests it cannot parse (headers too large 431, URI too long 414, a bad request line or target
/// such as %00 400, ...) by itself, before any middleware runs, with an empty body. AWS's SDKs then report an
/// unknown error. This connection filter sees every response head on its way out and gives those empty refusals
/// the AWS error shape: JSON body with a message, x-amzn-ErrorType and x-amzn-RequestId. The service's own error
/// answers always have a body, so they pass untouched.
/// </summary>
public static class RefusalShaping
{
    public static void Use(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen) =>
        listen.Use(next => connection =>
        {
            connection.Transport = new ShapedTransport(connection.Transport);
            return next(connection);
        });

    private sealed class ShapedTransport(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input { get; } = inner.Input;
        public PipeWriter Output { get; } = new ShapingWriter(inner.Output);
    }

    /// <summary>Holds what is written until the flush, so a whole response head can be looked at (and replaced).
    /// After a 101 (a WebSocket) no HTTP response follows, so writes go straight through.</summary>
    private sealed class ShapingWriter(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _pending = new(4096);
        private bool _passThrough;

        public override void Advance(int bytes)
        {
            if (_passThrough) inner.Advance(bytes);
            else _pending.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _passThrough ? inner.GetMemory(sizeHint) : _pending.GetMemory(sizeHint);
        public override Span<byte> GetSpan(int sizeHint = 0) => _passThrough ? inner.GetSpan(sizeHint) : _pending.GetSpan(sizeHint);
        public override bool CanGetUnflushedBytes => true;
        public override long UnflushedBytes =>
            !_passThrough ? _pending.WrittenCount : inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0;
        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            MovePending();
            return inner.FlushAsync(cancellationToken);
        }

        public override void Complete(Exception? exception = null)
        {
            MovePending();
            inner.Complete(exception);
        }

        public override ValueTask CompleteAsync(Exception? exception = null)
        {
            MovePending();
            return inner.CompleteAsync(exception);
        }

        private void MovePending()
        {
            if (_passThrough || _pending.WrittenCount == 0) return;
            ReadOnlySpan<byte> written = _pending.WrittenSpan;
            inner.Write(Shape(written) ?? written);
            _passThrough = written.StartsWith("HTTP/1.1 101 "u8);
            _pending.ResetWrittenCount();
        }
    }

    private static ReadOnlySpan<byte> EmptyBody => "\r\nContent-Length: 0\r\n"u8;

    /// <summary>The AWS-shaped replacement for a bodiless 4xx/5xx response head, or null to pass it as is.</summary>
    public static byte[]? Shape(ReadOnlySpan<byte> output)
    {
        if (output.Length < 16 || !output.StartsWith("HTTP/1."u8) || output[9] is < (byte)'4' or > (byte)'5') return null;
        int headEnd = output.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0 || headEnd + 4 != output.Length) return null; // a body follows: an answer of the service
        string head = Encoding.Latin1.GetString(output[..(headEnd + 2)]);
        if (!head.Contains(Encoding.Latin1.GetString(EmptyBody), StringComparison.OrdinalIgnoreCase)
            || head.Contains(AwsJson.ErrorTypeHeader, StringComparison.OrdinalIgnoreCase))
            return null;

        string[] lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string statusLine = lines[0];
        string reason = statusLine.Length > 13 ? statusLine[13..] : "Bad Request";
        var error = ApiException.ValidationReason("OTHER", $"The request could not be read: {reason}.");
        byte[] body = AwsJson.Utf8(AwsJson.ErrorBody(error));

        var sb = new StringBuilder(statusLine).Append("\r\n");
        foreach (string line in lines.Skip(1))
            if (!line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) sb.Append(line).Append("\r\n");
        sb.Append("Content-Type: application/json\r\n")
            .Append(AwsJson.ErrorTypeHeader).Append(": ").Append(error.Code).Append("\r\n")
            .Append(AwsJson.RequestIdHeader).Append(": ").Append(Guid.NewGuid()).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(sb.ToString()), .. body];
    }
}
