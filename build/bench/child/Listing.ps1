# In a fresh pwsh: every room through Get-IvsChatRoom | Measure-Object, with the process's peak working set.
param([Parameter(Mandatory)][string] $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
try { $null = Get-IvsChatRoom -First 1 } catch { }
$t = [Diagnostics.Stopwatch]::StartNew()
$n = (Get-IvsChatRoom | Measure-Object).Count
$ms = $t.Elapsed.TotalMilliseconds
$p = [Diagnostics.Process]::GetCurrentProcess()
@{ count = $n; ms = $ms; peakWorkingSetMB = $p.PeakWorkingSet64 / 1MB; workingSetMB = $p.WorkingSet64 / 1MB } | ConvertTo-Json -Compress
