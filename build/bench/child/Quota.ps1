# In a fresh pwsh: tag every room at the service's TagResource quota with default settings; errors that reached
# the user and rooms tagged. One JSON line.
param([Parameter(Mandatory)][string] $ModulePath)
Import-Module $ModulePath
$Error.Clear()
$t = [Diagnostics.Stopwatch]::StartNew()
Get-IvsChatRoom | Add-IvsChatTag -Tag @{ bench = '1' } -ErrorAction Continue
$ms = $t.Elapsed.TotalMilliseconds
$errors = @($Error)
$tagged = @(Get-IvsChatRoom | Where-Object { $_.Tags -and $_.Tags['bench'] -eq '1' }).Count
$sample = @($errors | Select-Object -First 3 | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
@{ ms = $ms; errors = $errors.Count; sample = $sample; tagged = $tagged } | ConvertTo-Json -Compress
