#nullable disable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Plain C# (no implicit usings, no file-scoped namespace): Pester compiles this same file with Add-Type.
namespace IvsChat.Client.Tests;

/// <summary>What a HostileEndpoint does once it has read a request.</summary>
public enum HostileBehaviour
{
    /// <summary>200 with an endless body, as fast as the client reads.</summary>
    Flood,
    /// <summary>Accepts the connection and never answers.</summary>
    Hang,
    /// <summary>Sends 200 headers (chunked), then one body byte per trickle interval, forever.</summary>
    Trickle,
    /// <summary>An IVS Chat service whose clock is off by ClockSkew: a request signed more than 5 minutes away
    /// from its clock gets AWS's 403 InvalidSignatureException ("Signature expired"), others get 200 {}.
    /// Every answer carries its clock in the Date header.</summary>
    SkewedClock,
}

/// <summary>A local HTTP/1.1 endpoint on a loopback port that misbehaves on purpose.</summary>
public sealed class HostileEndpoint : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly HostileBehaviour _behaviour;
    private long _bytesSent;
    private int _requests;

    public HostileEndpoint(HostileBehaviour behaviour, TimeSpan? trickleInterval = null, TimeSpan? clockSkew = null)
    {
        _behaviour = behaviour;
        TrickleInterval = trickleInterval ?? TimeSpan.FromSeconds(2);
        ClockSkew = clockSkew ?? TimeSpan.Zero;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Uri = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
        Task.Run(AcceptLoop);
    }

    public Uri Uri { get; }
    public TimeSpan TrickleInterval { get; }
    public TimeSpan ClockSkew { get; }
    public long BytesSent { get { return Interlocked.Read(ref _bytesSent); } }
    public int Requests { get { return Volatile.Read(ref _requests); } }
    /// <summary>x-amz-date of each request, in arrival order.</summary>
    public List<string> SignedAt { get; } = new List<string>();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
            catch (Exception) { return; }
            var serve = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        using (var stream = client.GetStream())
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var headers = await ReadRequest(stream).ConfigureAwait(false);
                    if (headers == null) return;
                    Interlocked.Increment(ref _requests);
                    switch (_behaviour)
                    {
                        case HostileBehaviour.Hang:
                            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                            return;
                        case HostileBehaviour.Flood:
                            await Flood(stream).ConfigureAwait(false);
                            return;
                        case HostileBehaviour.Trickle:
                            await Trickle(stream).ConfigureAwait(false);
                            return;
                        default:
                            await AnswerWithSkewedClock(stream, headers).ConfigureAwait(false);
                            break;
                    }
                }
            }
            catch (Exception) { /* the client hung up: that is the point */ }
        }
    }

    private async Task Flood(NetworkStream stream)
    {
        await Send(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").ConfigureAwait(false);
        var room = "{\"arn\":\"arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6\",\"id\":\"g1H2I3j4k5L6\",\"name\":\"flood\"},";
        var chunk = new StringBuilder("{\"rooms\":[");
        while (chunk.Length < 60000) chunk.Append(room);
        var first = Chunk(chunk.ToString());
        chunk.Clear();
        while (chunk.Length < 60000) chunk.Append(room);
        var next = Chunk(chunk.ToString());
        await stream.WriteAsync(first, 0, first.Length, _stop.Token).ConfigureAwait(false);
        Interlocked.Add(ref _bytesSent, first.Length);
        while (!_stop.IsCancellationRequested)
        {
            await stream.WriteAsync(next, 0, next.Length, _stop.Token).ConfigureAwait(false);
            Interlocked.Add(ref _bytesSent, next.Length);
        }
    }

    private async Task Trickle(NetworkStream stream)
    {
        await Send(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").ConfigureAwait(false);
        await Send(stream, Encoding.ASCII.GetString(Chunk("{\"rooms\":["))).ConfigureAwait(false);
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(TrickleInterval, _stop.Token).ConfigureAwait(false);
            await Send(stream, Encoding.ASCII.GetString(Chunk(" "))).ConfigureAwait(false);
        }
    }

    private async Task AnswerWithSkewedClock(NetworkStream stream, Dictionary<string, string> headers)
    {
        var now = DateTime.UtcNow + ClockSkew;
        string amzDate;
        headers.TryGetValue("x-amz-date", out amzDate);
        lock (SignedAt) SignedAt.Add(amzDate ?? "");
        DateTime signedAt;
        var parsed = DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out signedAt);
        string status, body, errorType = null;
        if (parsed && Math.Abs((signedAt - now).TotalMinutes) <= 5)
        {
            status = "200 OK";
            body = "{\"id\":\"g1H2I3j4k5L6\",\"name\":\"skewed\"}";
        }
        else
        {
            status = "403 Forbidden";
            errorType = "InvalidSignatureException";
            var stamp = parsed ? signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) : "none";
            body = "{\"message\":\"Signature expired: " + stamp + " is now earlier than " +
                   now.AddMinutes(-5).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + " (" +
                   now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + " - 5 min.)\"}";
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        await Send(stream, "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nDate: " + now.ToString("r", CultureInfo.InvariantCulture) +
            "\r\nx-amzn-RequestId: skew-" + Requests.ToString(CultureInfo.InvariantCulture) +
            (errorType != null ? "\r\nx-amzn-ErrorType: " + errorType : "") +
            "\r\nContent-Length: " + bytes.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n" + body).ConfigureAwait(false);
    }

    private static byte[] Chunk(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        var head = Encoding.ASCII.GetBytes(data.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        var result = new byte[head.Length + data.Length + 2];
        Buffer.BlockCopy(head, 0, result, 0, head.Length);
        Buffer.BlockCopy(data, 0, result, head.Length, data.Length);
        result[result.Length - 2] = (byte)'\r';
        result[result.Length - 1] = (byte)'\n';
        return result;
    }

    private async Task Send(NetworkStream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes, 0, bytes.Length, _stop.Token).ConfigureAwait(false);
        Interlocked.Add(ref _bytesSent, bytes.Length);
    }

    /// <summary>Reads one request (headers and a Content-Length body); null when the client closed.</summary>
    private async Task<Dictionary<string, string>> ReadRequest(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, 0, 1, _stop.Token).ConfigureAwait(false) == 0) return null;
            head.Append((char)one[0]);
            if (head.Length > 65536) return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.ToString().Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
        string length;
        if (headers.TryGetValue("Content-Length", out length))
        {
            var remaining = int.Parse(length, CultureInfo.InvariantCulture);
            var body = new byte[4096];
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(body, 0, Math.Min(body.Length, remaining), _stop.Token).ConfigureAwait(false);
                if (read == 0) return null;
                remaining -= read;
            }
        }
        return headers;
    }
}
