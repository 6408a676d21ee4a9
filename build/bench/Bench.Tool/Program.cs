using System.Diagnostics;
using System.Text.Json;
using IvsChat.Bench;

// Each command prints one JSON object on stdout (build/Bench.ps1 reads it); progress goes to stderr.
// Common options: --endpoint --region --access-key --secret-key (as printed by the emulator).
var options = Options.Parse(args.Skip(1));
try
{
    object result = args.FirstOrDefault() switch
    {
        "seed" => await Commands.SeedAsync(options),
        "get" => await Commands.GetLoopAsync(options),
        "fanout" => await FanOut.RunAsync(options),
        _ => throw new ArgumentException("usage: Bench.Tool seed|get|fanout --endpoint URL --region R --access-key K --secret-key S [...]"),
    };
    Console.WriteLine(JsonSerializer.Serialize(result));
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

namespace IvsChat.Bench
{
    public sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? key = null;
            foreach (var a in args)
            {
                if (a.StartsWith("--", StringComparison.Ordinal)) { key = a[2..]; values[key] = "true"; }
                else if (key is not null) { values[key] = a; key = null; }
            }
            return new Options(values);
        }

        public string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

        public SignedCaller Caller() => new(new Uri(Get("endpoint")), Get("region"), Get("access-key"), Get("secret-key"));
    }

    public static class Commands
    {
        /// <summary>Creates --count rooms named bench-NNNNN with --concurrency requests in flight; with --rate, at most
        /// that many per second, and a ThrottlingException is waited out and retried (for --enforce-quotas).</summary>
        public static async Task<object> SeedAsync(Options o)
        {
            using var caller = o.Caller();
            int count = o.Int("count", 1000), concurrency = o.Int("concurrency", 16), start = o.Int("start", 0), rate = o.Int("rate", 0);
            var arns = new string[count];
            int throttled = 0;
            var sw = Stopwatch.StartNew();
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = rate > 0 ? 1 : concurrency }, async (i, ct) =>
            {
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds((double)i / rate) - sw.Elapsed;
                    if (due > TimeSpan.Zero) await Task.Delay(due, ct);
                }
                var body = $"{{\"name\":\"bench-{start + i:D5}\",\"maximumMessageRatePerSecond\":100}}";
                while (true)
                {
                    var (status, bytes) = await caller.SendAsync("CreateRoom", body, ct);
                    if (status == 429) { Interlocked.Increment(ref throttled); await Task.Delay(200, ct); continue; }
                    if (status / 100 != 2) throw new InvalidOperationException($"CreateRoom answered {status}: {System.Text.Encoding.UTF8.GetString(bytes)}");
                    using var doc = JsonDocument.Parse(bytes);
                    arns[i] = doc.RootElement.GetProperty("arn").GetString()!;
                    break;
                }
            });
            return new { created = count, ms = sw.Elapsed.TotalMilliseconds, throttled, firstArn = arns.FirstOrDefault() };
        }

        /// <summary>The floor: GetRoom --count times, each signed with IvsChat.Client's signer, on one HttpClient;
        /// also the cost of signing alone and of parsing the response, to say where the time goes.</summary>
        public static async Task<object> GetLoopAsync(Options o)
        {
            using var caller = o.Caller();
            var arn = o.Get("arn");
            int count = o.Int("count", 500), warmup = o.Int("warmup", 100), rounds = o.Int("rounds", 7);
            var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["identifier"] = arn });
            byte[] last = [];
            for (int i = 0; i < warmup; i++) last = await caller.SendOkAsync("GetRoom", body);

            // Several timed rounds after the warm-up; the median round is the result (same on every side).
            var roundMs = new double[rounds];
            var sw = new Stopwatch();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (int r = 0; r < rounds; r++)
            {
                sw.Restart();
                for (int i = 0; i < count; i++) last = await caller.SendOkAsync("GetRoom", body);
                roundMs[r] = sw.Elapsed.TotalMilliseconds;
            }
            var loopMs = roundMs.Order().ElementAt(rounds / 2);
            // CPU this process spent per call: unlike wall time, barely moved by other load on a shared machine.
            var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds * 1000 / (rounds * count);

            const int signN = 5000;
            sw.Restart();
            for (int i = 0; i < signN; i++) caller.Build("GetRoom", body).Dispose();
            var signUs = sw.Elapsed.TotalMilliseconds * 1000 / signN;

            const int parseN = 20000;
            sw.Restart();
            for (int i = 0; i < parseN; i++) { using var doc = JsonDocument.Parse(last); _ = doc.RootElement.GetProperty("arn").GetString(); }
            var parseUs = sw.Elapsed.TotalMilliseconds * 1000 / parseN;

            return new
            {
                count, ms = loopMs, roundMs, cpuUsPerCall = cpuUs, perCallUs = loopMs * 1000 / count,
                signAndBuildUs = signUs, jsonParseUs = parseUs, responseBytes = last.Length,
            };
        }
    }
}
