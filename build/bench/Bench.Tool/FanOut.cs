using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IvsChat.Bench;

/// <summary>--clients viewers and one sender in one room; the sender sends --messages at --rate per second; every
/// viewer must receive every message, in order. Latency = receive time - send time, both on this process's clock.</summary>
public static class FanOut
{
    public static async Task<object> RunAsync(Options o)
    {
        int clients = o.Int("clients", 1000), messages = o.Int("messages", 100), rate = o.Int("rate", 10);
        var messagingEndpoint = new Uri(o.Get("messaging-endpoint"));
        using var caller = o.Caller();
        ThreadPool.GetMinThreads(out _, out var io);
        ThreadPool.SetMinThreads(Math.Max(Environment.ProcessorCount * 4, 8), io);

        // Room limit raised to the maximum: this measures fan-out, not the room's rate limit.
        var roomJson = await caller.SendOkAsync("CreateRoom", "{\"name\":\"bench-fanout\",\"maximumMessageRatePerSecond\":100}");
        var roomArn = JsonDocument.Parse(roomJson).RootElement.GetProperty("arn").GetString()!;

        var sw = Stopwatch.StartNew();
        var tokens = new string[clients + 1];
        await Parallel.ForAsync(0, clients + 1, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var capabilities = i == clients ? "[\"SEND_MESSAGE\"]" : "[]";
            var body = await caller.SendOkAsync("CreateChatToken",
                $"{{\"roomIdentifier\":\"{roomArn}\",\"userId\":\"viewer-{i}\",\"capabilities\":{capabilities}}}", ct);
            tokens[i] = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        });
        var tokensMs = sw.Elapsed.TotalMilliseconds;

        sw.Restart();
        var receivers = new Receiver[clients + 1];
        using var stop = new CancellationTokenSource();
        await Parallel.ForAsync(0, clients + 1, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var ws = new ClientWebSocket();
            ws.Options.AddSubProtocol(tokens[i]);
            await ws.ConnectAsync(messagingEndpoint, ct);
            receivers[i] = new Receiver(ws, messages);
        });
        var connectMs = sw.Elapsed.TotalMilliseconds;
        var loops = receivers.Select(r => r.RunAsync(stop.Token)).ToArray();
        Console.Error.WriteLine($"fanout: {clients} viewers + 1 sender connected in {connectMs:F0} ms; sending {messages} at {rate}/s");

        // CPU used during the sending phase, by this process (the clients) and by the service, to say where it goes.
        var emulatorPid = o.Int("emulator-pid", 0);
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var emulatorCpuStart = ProcessCpuSeconds(emulatorPid);
        var phase = Stopwatch.StartNew();
        var sender = receivers[clients];
        var sentAt = new long[messages];
        Receiver.SentAt = sentAt;
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (int i = 0; i < messages; i++)
        {
            var due = start + i * interval;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var frame = Encoding.UTF8.GetBytes($"{{\"Action\":\"SEND_MESSAGE\",\"RequestId\":\"r{i}\",\"Content\":\"seq:{i}\"}}");
            Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
            await sender.Socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        }

        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 15;
        while (receivers.Any(r => r.Received < messages && r.Failure is null) && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(50);
        var phaseSeconds = phase.Elapsed.TotalSeconds;
        var clientsCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        var emulatorCpu = ProcessCpuSeconds(emulatorPid) - emulatorCpuStart;
        stop.Cancel();
        await Task.WhenAll(loops.Select(t => t.ContinueWith(_ => { })));
        foreach (var r in receivers) r.Socket.Abort();

        var viewers = receivers.Take(clients).ToArray();
        // Per message: the slowest viewer's latency (JIT warm-up in both processes shows up in the first ones).
        var perMessageMaxMs = Enumerable.Range(0, messages)
            .Select(m => Math.Round(
                viewers.Where(r => r.Received > m).Select(r => r.LatencyTicks[m]).DefaultIfEmpty(0).Max() * 1000.0 / Stopwatch.Frequency, 1))
            .ToArray();
        var steady = viewers.SelectMany(r => r.LatencyTicks.Take(r.Received).Skip(rate)).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var latencies = viewers.SelectMany(r => r.LatencyTicks.Take(r.Received)).Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(latencies);
        double Pct(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new
        {
            clients,
            messages,
            rate,
            tokensMs,
            connectMs,
            complete = viewers.Count(r => r.Received == messages && r.OutOfOrder == 0),
            delivered = latencies.Length,
            expected = (long)clients * messages,
            outOfOrder = viewers.Sum(r => r.OutOfOrder),
            errorFrames = receivers.Sum(r => r.Errors),
            failures = viewers.Where(r => r.Failure is not null).Select(r => r.Failure).Distinct().Take(5).ToArray(),
            p50Ms = Pct(0.50),
            p99Ms = Pct(0.99),
            maxMs = latencies.Length == 0 ? 0 : latencies[^1],
            p99AfterFirstSecondMs = steady.Length == 0 ? 0 : steady[Math.Min(steady.Length - 1, (int)Math.Ceiling(0.99 * steady.Length) - 1)],
            perMessageMaxMs,
            sendPhaseSeconds = phaseSeconds,
            clientsCpuSeconds = clientsCpu,
            emulatorCpuSeconds = emulatorPid > 0 ? emulatorCpu : (double?)null,
        };
    }

    /// <summary>utime + stime of a process from /proc (Linux), in seconds; 0 when unknown.</summary>
    private static double ProcessCpuSeconds(int pid)
    {
        if (pid <= 0) return 0;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ", field 3 is state; utime and stime are fields 14 and 15 (1-based) of the whole line.
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }
        catch (IOException) { return 0; }
    }

    private sealed class Receiver(ClientWebSocket socket, int messages)
    {
        public static long[] SentAt = [];
        public ClientWebSocket Socket { get; } = socket;
        public long[] LatencyTicks { get; } = new long[messages];
        public int Received;
        public int OutOfOrder;
        public int Errors;
        public string? Failure;

        public async Task RunAsync(CancellationToken ct)
        {
            var buffer = new byte[4096];
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    var r = await Socket.ReceiveAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                    if (r.MessageType == WebSocketMessageType.Close) { Failure ??= $"closed: {Socket.CloseStatus} {Socket.CloseStatusDescription}"; return; }
                    length += r.Count;
                    if (!r.EndOfMessage) continue;
                    var now = Stopwatch.GetTimestamp();
                    OnFrame(buffer.AsSpan(0, length), now);
                    length = 0;
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { Failure ??= e.GetType().Name + ": " + e.Message; }
        }

        private void OnFrame(ReadOnlySpan<byte> frame, long now)
        {
            string? type = null, content = null;
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth > 0) { reader.Skip(); continue; }
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                if (reader.ValueTextEquals("Type")) { reader.Read(); type = reader.GetString(); }
                else if (reader.ValueTextEquals("Content")) { reader.Read(); content = reader.GetString(); }
            }
            if (type == "ERROR") { Interlocked.Increment(ref Errors); return; }
            if (type != "MESSAGE" || content is null || !content.StartsWith("seq:", StringComparison.Ordinal)) return;
            var seq = int.Parse(content.AsSpan(4));
            if (seq != Received) { OutOfOrder++; return; }
            LatencyTicks[Received++] = now - Volatile.Read(ref SentAt[seq]);
        }
    }
}
