# In a fresh pwsh: Get-IvsChatRoom -Arn in a loop (FirstCall.ps1 times the first call): 100 warm-up calls, 7 timed
# rounds of -Calls (the median round counts), the same protocol as the C# and JS loops.
# Interleaved with each round: the same calls piped into one Get-IvsChatRoom (one cmdlet run, ARNs bound from the
# pipeline) and PowerShell's own floor (the same loop around a trivial compiled cmdlet), so that load drift on a
# shared machine hits all three alike. Prints one JSON line.
param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $Arn, [int] $Calls = 500, [string] $ClientDll)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$room = Get-IvsChatRoom -Arn $Arn
if ($room.Arn -ne $Arn) { throw "Get-IvsChatRoom returned $($room.Arn), not $Arn" }
$t = [Diagnostics.Stopwatch]::new()
foreach ($i in 1..99) { $null = Get-IvsChatRoom -Arn $Arn }
$arns = @($Arn) * $Calls
$rounds = @(); $piped = @(); $floor = @()
# CPU time of this process per kind of round: unlike wall time, barely moved by other load on the machine.
$me = [Diagnostics.Process]::GetCurrentProcess()
$cpu = @{ loop = 0.0; piped = 0.0; floor = 0.0 }
foreach ($r in 1..7) {
    $me.Refresh(); $c0 = $me.TotalProcessorTime
    $t.Restart()
    foreach ($i in 1..$Calls) { $null = Get-IvsChatRoom -Arn $Arn }
    $rounds += $t.Elapsed.TotalMilliseconds
    $me.Refresh(); $c1 = $me.TotalProcessorTime; $cpu.loop += ($c1 - $c0).TotalMilliseconds
    $t.Restart()
    $n = ($arns | Get-IvsChatRoom | Measure-Object).Count
    $piped += $t.Elapsed.TotalMilliseconds
    $me.Refresh(); $c2 = $me.TotalProcessorTime; $cpu.piped += ($c2 - $c1).TotalMilliseconds
    $t.Restart()
    foreach ($i in 1..$Calls) { $null = Get-Variable -Name Arn }
    $floor += $t.Elapsed.TotalMilliseconds
    $me.Refresh(); $cpu.floor += ($me.TotalProcessorTime - $c2).TotalMilliseconds
}
$perCall = 1000 / (7 * $Calls)
$cpuUs = @{ loop = $cpu.loop * $perCall; piped = $cpu.piped * $perCall; floor = $cpu.floor * $perCall }

# Pieces of one invocation, timed alone in this session: settings resolution (done once per cmdlet run), and the
# client called straight from PowerShell, blocking as the cmdlet does.
$resolveUs = $null; $directUs = $null
if ($ClientDll) {
    try {
        # The module loads its copy in a private load context; this copy (same file) is the one PowerShell can name.
        $null = [Reflection.Assembly]::LoadFrom($ClientDll)
        $t.Restart()
        foreach ($i in 1..200) { $s = [IvsChat.Client.ClientSettingsResolver]::Resolve([IvsChat.Client.ClientSettingsInput]::new()) }
        $resolveUs = $t.Elapsed.TotalMilliseconds * 1000 / 200
        $client = [IvsChat.Client.IvsChatClient]::new($s, $null)
        $request = [IvsChat.Client.Model.GetRoomRequest]@{ Identifier = $Arn }
        $none = [Threading.CancellationToken]::None
        # As the cmdlets call it: the client's blocking mode on this (the pipeline) thread.
        $get = [Func[Threading.Tasks.Task[IvsChat.Client.Model.GetRoomResponse]]] { $client.GetRoomAsync($request, $none) }
        foreach ($i in 1..50) { $null = [IvsChat.Client.IvsChatClient]::RunBlocking[IvsChat.Client.Model.GetRoomResponse]($get) }
        $t.Restart()
        foreach ($i in 1..$Calls) { $null = [IvsChat.Client.IvsChatClient]::RunBlocking[IvsChat.Client.Model.GetRoomResponse]($get) }
        $directUs = $t.Elapsed.TotalMilliseconds * 1000 / $Calls
    }
    catch { Write-Warning "client pieces not timed: $_" }
}
@{
    cpuUs = $cpuUs; resolveUs = $resolveUs; directUs = $directUs
    loopMs = ($rounds | Sort-Object)[3]; roundMs = @($rounds); pipelineMs = ($piped | Sort-Object)[3]; pipelineCount = $n
    psFloorMs = ($floor | Sort-Object)[3]
} | ConvertTo-Json -Compress
