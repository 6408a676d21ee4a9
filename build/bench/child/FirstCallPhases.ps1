# In a fresh pwsh: where the first call's time goes. Import-Module (which queues the client's warm-up on a pool
# thread), then, once the warm-up has had time to finish, the first Get-IvsChatRoom: what the warm-up cannot pay
# ahead (PowerShell's first binding of the cmdlet, the first settings resolution, the first TCP connection).
# With the JIT work of the whole process in each phase. Prints one JSON line.
param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $Arn)
$ErrorActionPreference = 'Stop'
$jitMs = { [System.Runtime.JitInfo]::GetCompilationTime($false).TotalMilliseconds }
$jitMethods = { [System.Runtime.JitInfo]::GetCompiledMethodCount($false) }
$j0 = & $jitMs; $m0 = & $jitMethods
$t = [Diagnostics.Stopwatch]::StartNew()
Import-Module $ModulePath
$importMs = $t.Elapsed.TotalMilliseconds
Start-Sleep -Seconds 2
$j1 = & $jitMs; $m1 = & $jitMethods
$t.Restart()
$null = Get-IvsChatRoom -Arn $Arn
$firstMs = $t.Elapsed.TotalMilliseconds
@{
    importMs = $importMs; warmUpJitMs = $j1 - $j0; warmUpJitMethods = $m1 - $m0
    firstAfterWarmUpMs = $firstMs; firstJitMs = (& $jitMs) - $j1; firstJitMethods = (& $jitMethods) - $m1
} | ConvertTo-Json -Compress
