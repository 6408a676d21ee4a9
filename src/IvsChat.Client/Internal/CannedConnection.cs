#if NET8_0_OR_GREATER
using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IvsChat.Client.Internal;

/// <summary>A connection that discards what is written and answers with fixed bytes: the warm-up's server.</summary>
internal sealed class CannedConnection : Stream
{
    public const string Host = "warm-up.ivschat.invalid";
    public const string RoomArn = "arn:aws:ivschat:us-east-1:123456789012:room/WarmUp0001";

    /// <summary>A GetRoom answer with every member the service returns, so that every converter is used.</summary>
    public static readonly byte[] GetRoomAnswer = Answer(
        "{\"arn\":\"" + RoomArn + "\",\"id\":\"WarmUp0001\",\"name\":\"warm-up\"," +
        "\"createTime\":\"2026-01-01T00:00:00.000Z\",\"updateTime\":\"2026-01-01T00:00:00.000Z\"," +
        "\"maximumMessageLength\":500,\"maximumMessageRatePerSecond\":10," +
        "\"messageReviewHandler\":{\"uri\":\"\",\"fallbackResult\":\"ALLOW\"}," +
        "\"loggingConfigurationIdentifiers\":[],\"tags\":{\"k\":\"v\"}}");

    private readonly byte[] _answer;
    private int _position;

    public CannedConnection(byte[] answer) { _answer = answer; }

    private static byte[] Answer(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-amzn-RequestId: warm-up\r\n" +
            "Date: " + DateTime.UtcNow.ToString("r") + "\r\nContent-Length: " + body.Length + "\r\n\r\n");
        var all = new byte[head.Length + body.Length];
        head.CopyTo(all, 0);
        body.CopyTo(all, head.Length);
        return all;
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) { }
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => default;
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, _answer.Length - _position);
        _answer.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new ValueTask<int>(Read(buffer.Span));
}
#endif
