using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace IvsChat.Emulator.Tests;

/// <summary>A fact that runs only when IVSCHAT_LOAD_TESTS=1 (it takes a minute and loads the machine).</summary>
public sealed class LoadFactAttribute : FactAttribute
{
    public LoadFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("IVSCHAT_LOAD_TESTS") != "1") Skip = "load test: set IVSCHAT_LOAD_TESTS=1 to run it";
    }
}

/// <summary>Memory of the built service under a bounded flood of unsigned 1 MB requests on loopback.</summary>
public class LoadTests(ITestOutputHelper output)
{
    private const int Concurrency = 1000;

    /// <summary>0 KB: the cost of the connections alone; 1 MB: refused on its Content-Length (over the cap);
    /// 200 KB: under the cap, refused on the missing signature before the body is read.</summary>
    [LoadFact]
    public async Task An_unsigned_flood_does_not_grow_memory()
    {
        foreach (int size in new[] { 0, 1 << 20, 200 * 1024 }) await FloodAsync(size);
    }

    private async Task FloodAsync(int bodyBytes)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IvsChat.Emulator.dll"));
        using var service = Process.Start(start)!;
        try
        {
            string? line;
            Uri? endpoint = null;
            while ((line = await service.StandardOutput.ReadLineAsync()) != null && endpoint == null)
                if (line.StartsWith("IVSCHAT_ENDPOINT=", StringComparison.Ordinal)) endpoint = new Uri(line["IVSCHAT_ENDPOINT=".Length..]);
            Assert.NotNull(endpoint);
            await Task.Delay(1000);
            long before = Kilobytes(service.Id, "VmRSS");

            byte[] head = Encoding.ASCII.GetBytes(
                $"POST /CreateRoom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {bodyBytes}\r\nConnection: close\r\n\r\n");
            byte[] body = new byte[bodyBytes];
            Array.Fill(body, (byte)' ');
            var clock = Stopwatch.StartNew();
            var statuses = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => FloodOneAsync(endpoint!, head, body)));
            var elapsed = clock.Elapsed;
            long peak = Kilobytes(service.Id, "VmHWM");
            await Task.Delay(2000);
            long after = Kilobytes(service.Id, "VmRSS");

            string summary = $"{Concurrency} unsigned {bodyBytes / 1024} KB requests in {elapsed.TotalSeconds:F1} s; answers: "
                + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))
                + $"; RSS before {before / 1024} MB, peak {peak / 1024} MB, after {after / 1024} MB";
            output.WriteLine(summary);
            Console.WriteLine(summary);
            Assert.True(peak - before < 150 * 1024, summary);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    /// <summary>Sends one request and returns its status (0 when the connection ended without one).</summary>
    private static async Task<int> FloodOneAsync(Uri endpoint, byte[] head, byte[] body)
    {
        using var client = new TcpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(head, cts.Token);
            var send = stream.WriteAsync(body, cts.Token).AsTask();
            var buffer = new byte[1024];
            int n = await stream.ReadAsync(buffer, cts.Token);
            try { await send; } catch (IOException) { } // refused early: the rest of the body need not go
            string text = Encoding.ASCII.GetString(buffer, 0, n);
            return text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(text[9..12]) : 0;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return 0;
        }
    }

    private static long Kilobytes(int pid, string field)
    {
        foreach (string l in File.ReadLines($"/proc/{pid}/status"))
            if (l.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(l[(field.Length + 1)..].Trim().Split(' ')[0]);
        throw new InvalidOperationException(field + " not found");
    }
}
