# In a fresh pwsh: every room through Get-IvsChatRoom | Measure-Object, with the peak resident set during the listing
# alone. The process's lifetime peak (PeakWorkingSet64) often comes from start-up and import, not from the listing,
# which made the growth between a small and a large listing swing from -4 MB to 35 MB between runs: so after a
# full GC the peak is reset (Linux: /proc/self/clear_refs) and read back (VmHWM) once the listing ends.
param([Parameter(Mandatory)][string] $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
try { $null = Get-IvsChatRoom -First 1 } catch { }
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
$p = [Diagnostics.Process]::GetCurrentProcess()
$startMB = $p.WorkingSet64 / 1MB
$peakReset = $true
try { [IO.File]::WriteAllText('/proc/self/clear_refs', '5') } catch { $peakReset = $false }
$t = [Diagnostics.Stopwatch]::StartNew()
$n = (Get-IvsChatRoom | Measure-Object).Count
$ms = $t.Elapsed.TotalMilliseconds
$p.Refresh()
$hwm = Get-Content /proc/self/status -ErrorAction SilentlyContinue | Where-Object { $_ -like 'VmHWM:*' }
$listingPeakMB = if ($peakReset -and $hwm -match '(\d+)\s*kB') { [double]$Matches[1] / 1024 } else { $p.PeakWorkingSet64 / 1MB }
@{ count = $n; ms = $ms; startMB = $startMB; listingPeakMB = $listingPeakMB; peakReset = $peakReset; peakWorkingSetMB = $p.PeakWorkingSet64 / 1MB } |
    ConvertTo-Json -Compress
