# In a fresh pwsh (host start excluded): Import-Module + the first Get-IvsChatRoom, as a runbook does; also the CPU
# time the process spent on them (all threads: less moved by other load than wall time). One JSON line.
param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $Arn)
$ErrorActionPreference = 'Stop'
$me = [Diagnostics.Process]::GetCurrentProcess()
$cpu0 = $me.TotalProcessorTime
$t = [Diagnostics.Stopwatch]::StartNew()
Import-Module $ModulePath
$importMs = $t.Elapsed.TotalMilliseconds
$t.Restart()
$room = Get-IvsChatRoom -Arn $Arn
$firstMs = $t.Elapsed.TotalMilliseconds
if ($room.Arn -ne $Arn) { throw "Get-IvsChatRoom returned $($room.Arn), not $Arn" }
$me.Refresh()
@{ importMs = $importMs; firstMs = $firstMs; cpuMs = ($me.TotalProcessorTime - $cpu0).TotalMilliseconds } | ConvertTo-Json -Compress
