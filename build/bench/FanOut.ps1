# 5. Messaging fan-out: 1,000 WebSocket clients (Bench.Tool, one process) in one room, one sender: every client gets
# every message in order; delivery latency; the service's peak memory.
param([Parameter(Mandatory)][hashtable] $Bench)

$clients = $Bench.FanOutClients; $messages = $Bench.FanOutMessages
$rows = @("Fan-out: $clients clients x $messages messages, all delivered in order", 'Fan-out: delivery latency p99 (p50)',
    'Fan-out: local service peak memory (VmHWM)')
Invoke-Benchmark 'FanOut' -Rows $rows -Targets @('all', '< 100 ms', '') -Body {
    $emu = Start-BenchEmulator
    if (-not $emu.MessagingEndpoint) { throw 'the local service has no messaging endpoint yet (no IVSCHAT_MESSAGING_ENDPOINT)' }
    $idleMB = Get-PeakMemoryMB $emu.Process.Id
    $f = Invoke-Tool @('fanout', '--messaging-endpoint', $emu.MessagingEndpoint, '--clients', "$clients", '--messages', "$messages", '--rate', '10',
        '--emulator-pid', "$($emu.Process.Id)") -Emulator $emu
    $peakMB = Get-PeakMemoryMB $emu.Process.Id
    Set-Detail FanOut ([ordered]@{ tool = $f; emulatorIdlePeakMB = $idleMB; emulatorPeakMB = $peakMB })
    $note = "delivered $($f.delivered)/$($f.expected); out of order $($f.outOfOrder); ERROR frames $($f.errorFrames); " +
        "connect $(Format-Ms $f.connectMs), tokens $(Format-Ms $f.tokensMs)"
    if (@($f.failures).Count) { $note += "; failures: $(@($f.failures) -join ' | ')" }
    Add-Result $rows[0] "$($f.complete)/$clients clients complete" -Target 'all' -Met ($f.complete -eq $clients) -Note $note
    $note = 'max {0:N1} ms; p99 without the first second (JIT warm-up) {1:N1} ms; slowest viewer per message, first 10: {2} ms' -f `
        $f.maxMs, $f.p99AfterFirstSecondMs, (@($f.perMessageMaxMs | Select-Object -First 10) -join ', ')
    Add-Result $rows[1] ('{0:N1} ms ({1:N1} ms)' -f $f.p99Ms, $f.p50Ms) -Target '< 100 ms' -Met ($f.p99Ms -lt 100 -and $f.delivered -gt 0) -Note $note
    $cpuNote = if ($null -ne $f.emulatorCpuSeconds) {
        $cores = [Environment]::ProcessorCount
        'CPU during the {0:N1} s of sending: service {1:N1} s, the {2:N0} clients {3:N1} s (of {4:N0} s available on {5} cores)' -f `
            $f.sendPhaseSeconds, $f.emulatorCpuSeconds, ($clients + 1), $f.clientsCpuSeconds, ($f.sendPhaseSeconds * $cores), $cores
    } else { '' }
    Add-Result $rows[2] ('{0:N0} MB' -f $peakMB) ('idle {0:N0} MB' -f $idleMB) -Note $cpuNote
}
