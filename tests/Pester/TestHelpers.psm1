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

Export-ModuleMember -Function Invoke-FreshPwsh, Invoke-EmulatorControl, Reset-TestEmulator, Get-EmulatorRequestCount,
    Clear-EmulatorRequestCount, Add-EmulatorFault, Save-AwsEnvironment, Restore-AwsEnvironment, Start-LocalIvsChatService,
    Stop-LocalIvsChatService, Use-LocalIvsChatService -Alias Start-TestEmulator, Stop-TestEmulator, Use-TestEmulator
