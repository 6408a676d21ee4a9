# In a fresh pwsh (host start excluded): Import-Module + the first Get-IvsChatRoom, as a runbook does. One JSON line.
param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $Arn)
$ErrorActionPreference = 'Stop'
$t = [Diagnostics.Stopwatch]::StartNew()
Import-Module $ModulePath
$importMs = $t.Elapsed.TotalMilliseconds
$t.Restart()
$room = Get-IvsChatRoom -Arn $Arn
$firstMs = $t.Elapsed.TotalMilliseconds
if ($room.Arn -ne $Arn) { throw "Get-IvsChatRoom returned $($room.Arn), not $Arn" }
@{ importMs = $importMs; firstMs = $firstMs } | ConvertTo-Json -Compress
