using System.Diagnostics;
using System.Text.Json;
using IvsChat.Client;
using IvsChat.Client.Model;

// Settings come from the environment, exactly as the module resolves them (build/Bench.ps1 points AWS_* and
// AWS_ENDPOINT_URL_IVSCHAT at the local service). Same protocol as the other loops: --warmup calls, then
// --rounds timed rounds of --count GetRoom calls; the median round is the result. With --list, also times
// walking every room through the client's paging stream.
string Arg(string name, string fallback)
{
    int i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var arn = Arg("arn", "");
int count = int.Parse(Arg("count", "500")), warmup = int.Parse(Arg("warmup", "100")), rounds = int.Parse(Arg("rounds", "7"));
var settings = ClientSettingsResolver.Resolve(new ClientSettingsInput());
using var client = new IvsChatClient(settings);

var sw = Stopwatch.StartNew();
double? perCallUs = null, firstCallMs = null, cpuUsPerCall = null, blockingPerCallUs = null;
var roundMs = new double[rounds];
var blockingRoundMs = new double[rounds];
if (arn.Length > 0)
{
    var request = new GetRoomRequest { Identifier = arn };
    var first = await client.GetRoomAsync(request);
    firstCallMs = sw.Elapsed.TotalMilliseconds;
    if (first.Arn != arn) throw new InvalidOperationException($"GetRoom returned {first.Arn}");
    for (int i = 1; i < warmup; i++) await client.GetRoomAsync(request);
    // Interleaved with each async round: the same calls made as the cmdlets make them, on a dedicated thread
    // (like PowerShell's pipeline thread) in the client's blocking mode (IvsChatClient.RunBlocking: the I/O on
    // that thread, no wake-up hop per call), apart from anything PowerShell does.
    var cpuTotal = TimeSpan.Zero;
    for (int r = 0; r < rounds; r++)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        for (int i = 0; i < count; i++) await client.GetRoomAsync(request);
        roundMs[r] = sw.Elapsed.TotalMilliseconds;
        cpuTotal += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var blocking = new Thread(() =>
        {
            var bw = Stopwatch.StartNew();
            for (int i = 0; i < count; i++) IvsChatClient.RunBlocking(() => client.GetRoomAsync(request));
            blockingRoundMs[r] = bw.Elapsed.TotalMilliseconds;
        });
        blocking.Start();
        blocking.Join();
    }
    perCallUs = roundMs.Order().ElementAt(rounds / 2) * 1000 / count;
    blockingPerCallUs = blockingRoundMs.Order().ElementAt(rounds / 2) * 1000 / count;
    cpuUsPerCall = cpuTotal.TotalMilliseconds * 1000 / (rounds * count);
}

double? listMs = null;
int listed = 0;
if (args.Contains("--list"))
{
    await client.ListRoomsAsync(new ListRoomsRequest { MaxResults = 1 }); // warm-up, as the other sides get
    sw.Restart();
    await foreach (var _ in client.ListRoomsPaginatedAsync(new ListRoomsRequest())) listed++;
    listMs = sw.Elapsed.TotalMilliseconds;
}

Console.WriteLine(JsonSerializer.Serialize(new { count, roundMs, perCallUs, cpuUsPerCall, blockingRoundMs, blockingPerCallUs, firstCallMs, listed, listMs }));
