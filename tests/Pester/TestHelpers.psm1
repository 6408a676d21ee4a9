# Shared by every Pester file: starts the local IVS Chat service and points the module at it.
# Tests run in the fresh pwsh that build.ps1 Test starts; IVSCHAT_EMULATOR_DLL and IVSCHAT_MODULE_PATH come from it.
# Starting the service, pointing a session at it and starting a fresh pwsh live in build/IvsChatDev.psm1 (also used
# by build.ps1, the demo and the benchmarks); the test names stay as aliases.

Import-Module (Join-Path $PSScriptRoot '../../build/IvsChatDev.psm1')
Set-Alias Start-TestEmulator Start-LocalIvsChatService
Set-Alias Stop-TestEmulator Stop-LocalIvsChatService
Set-Alias Use-TestEmulator Use-LocalIvsChatService

function Reset-TestEmulator {
    # Clears the service's state, injected faults and request counts.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Path reset -Method POST
}

function Get-EmulatorRequestCount {
    # How many requests of one operation the service answered since the last reset / count clearing.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)][string] $Operation)
    $counts = (Invoke-EmulatorControl -Emulator $Emulator -Path requests).counts
    $value = $counts.PSObject.Properties[$Operation]
    if ($value) { [int]$value.Value } else { 0 }
}

function Clear-EmulatorRequestCount {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Path requests -Method DELETE
}

function Add-EmulatorFault {
    # The next -Count calls of -Operation ('*' = any) fail with -ErrorCode (e.g. AccessDeniedException).
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)][string] $Operation, [Parameter(Mandatory)][string] $ErrorCode, [int] $Count = 1)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Path faults -Method POST -Body @{ operation = $Operation; error = $ErrorCode; count = $Count }
}

function Save-AwsEnvironment {
    # The AWS_* and IVSCHAT_* environment variables, for Restore-AwsEnvironment after a test changed them.
    Get-ChildItem env: | Where-Object Name -match '^(AWS|IVSCHAT)_' | ForEach-Object { @{ Name = $_.Name; Value = $_.Value } }
}

function Restore-AwsEnvironment {
    param($Saved)
    Get-ChildItem env: | Where-Object Name -match '^(AWS|IVSCHAT)_' | ForEach-Object { Remove-Item "env:$($_.Name)" }
    foreach ($v in $Saved) { Set-Item "env:$($v.Name)" $v.Value }
}

function Wait-Until {
    # True once -Condition holds (polled every 50 ms), false after -Seconds.
    [CmdletBinding()]
    param([Parameter(Mandatory)][scriptblock] $Condition, [double] $Seconds = 5)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { return $false }
        Start-Sleep -Milliseconds 50
    }
    $true
}

function Stop-BackgroundPowerShell {
    # Stops a [powershell] started with BeginInvoke, waits until its worker has finished (it may still write to its
    # streams: disposing first crashes the process), then disposes it.
    [CmdletBinding()]
    param([Parameter(Mandatory)][powershell] $PowerShell, [Parameter(Mandatory)] $Handle)
    $PowerShell.Stop()
    try { $null = $PowerShell.EndInvoke($Handle) } catch { }
    $PowerShell.Dispose()
}

function Invoke-FreshPwshWithoutInput {
    # As Invoke-FreshPwsh, with standard input closed (as in a scheduled runbook): any prompt fails at once.
    # Returns ExitCode, Output and Error (text).
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Command, [int] $TimeoutSeconds = 120)
    $pwsh = @(Get-PwshCommand)
    $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($a in @($pwsh | Select-Object -Skip 1)) { $psi.ArgumentList.Add($a) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $Command) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill(); throw "pwsh did not finish within $TimeoutSeconds s: $Command" }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

Export-ModuleMember -Function Invoke-FreshPwsh, Invoke-FreshPwshWithoutInput, Stop-BackgroundPowerShell, Wait-Until, Invoke-EmulatorControl, Reset-TestEmulator,
    Get-EmulatorRequestCount, Clear-EmulatorRequestCount, Add-EmulatorFault, Save-AwsEnvironment, Restore-AwsEnvironment,
    Start-LocalIvsChatService, Stop-LocalIvsChatService, Use-LocalIvsChatService -Alias Start-TestEmulator, Stop-TestEmulator, Use-TestEmulator
