#Requires -Version 7.4
<#
.SYNOPSIS
    Walks through the IvsChat module against the local IVS Chat service: create -> tag -> list -> token ->
    send an event -> chat -> clean up, printing what a user would see. Exits non-zero on any error.
.DESCRIPTION
    Called by `build.ps1 Demo`. Starts the local service on a free port, points the module at it through the
    environment variables the service prints (as a user would), imports the built module, and stops the
    service at the end.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorDll
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Write-Step([string] $Text) { Write-Host "`n>>> $Text" -ForegroundColor Cyan }

Import-Module (Join-Path $PSScriptRoot 'IvsChatDev.psm1') -Force

if (-not (Test-Path $EmulatorDll)) { throw "The local service is not built: $EmulatorDll" }
if (-not (Test-Path $ModulePath)) { throw "The module is not built: $ModulePath" }
# Import-Module reads a relative path without ./ as a module name.
$ModulePath = (Resolve-Path $ModulePath).Path
$EmulatorDll = (Resolve-Path $EmulatorDll).Path
Write-Step "Starting the local IVS Chat service: dotnet $(Split-Path $EmulatorDll -Leaf) --port 0"
$service = Start-LocalIvsChatService -EmulatorDll $EmulatorDll
$exitCode = 0
try {
    # What a user does with the lines the service prints.
    Use-LocalIvsChatService $service -Messaging
    Write-Host "Service at $($service.Endpoint) (region $($service.Region)); AWS_ENDPOINT_URL_IVSCHAT points the module at it."

    Write-Step "Import-Module $ModulePath"
    Import-Module $ModulePath -Force
    Get-Command -Module IvsChat | Sort-Object Noun, Verb | Format-Table Name, Noun -AutoSize | Out-Host

    Write-Step "New-IvsChatRoom -Name demo-lobby -Tag @{ env = 'demo' } (and two more rooms)"
    $lobby = New-IvsChatRoom -Name 'demo-lobby' -MaximumMessageLength 200 -Tag @{ env = 'demo' }
    $lobby | Format-List | Out-Host
    'demo-backstage', 'demo-tmp' | New-IvsChatRoom | Out-Null

    Write-Step "Get-IvsChatRoom -Name 'demo-*' | Add-IvsChatTag -Tag @{ team = 'chat'; tmp = 'yes' }"
    Get-IvsChatRoom -Name 'demo-*' | Add-IvsChatTag -Tag @{ team = 'chat'; tmp = 'yes' }

    Write-Step "Get-IvsChatRoom"
    Get-IvsChatRoom | Format-Table | Out-Host

    Write-Step "Get-IvsChatTag demo-lobby | Where-Object Key -like 'tmp*' | Remove-IvsChatTag; Get-IvsChatTag demo-lobby"
    Get-IvsChatTag 'demo-lobby' | Where-Object Key -like 'tmp*' | Remove-IvsChatTag
    Get-IvsChatTag 'demo-lobby' | Format-Table | Out-Host

    Write-Step "Get-IvsChatRoom -Name demo-lobby | New-IvsChatToken -UserId alice -Capability SendMessage"
    $token = Get-IvsChatRoom -Name 'demo-lobby' | New-IvsChatToken -UserId 'alice' -Capability SendMessage -SessionDurationInMinutes 30
    $token | Format-List | Out-Host
    Write-Host "(The token itself is in `$token.Token and never shown by default; it is $($token.Token.Length) characters long.)"

    Write-Step "Send-IvsChatEvent demo-lobby -EventName demo-started -Attribute @{ by = 'Demo.ps1' }"
    Send-IvsChatEvent 'demo-lobby' -EventName 'demo-started' -Attribute @{ by = 'Demo.ps1' } | Format-Table | Out-Host

    if (Get-Command Connect-IvsChatRoom -Module IvsChat -ErrorAction SilentlyContinue) {
        Write-Step "Chat: alice and bob connect; alice says hello; bob receives it"
        $alice = Connect-IvsChatRoom $lobby -UserId 'alice' -Capability SendMessage
        $bob = Connect-IvsChatRoom 'demo-lobby' -UserId 'bob'
        try {
            Send-IvsChatMessage $alice 'Hello from the demo!' | Format-Table | Out-Host
            $received = @(Receive-IvsChatMessage $bob -Count 1 -Timeout 10)
            $received | Format-Table | Out-Host
            if ($received.Count -lt 1) { throw 'bob did not receive the message.' }
        }
        finally {
            Disconnect-IvsChatRoom $alice
            Disconnect-IvsChatRoom $bob
        }
    }

    Write-Step "Clean up: Get-IvsChatRoom -Name 'demo-*' | Remove-IvsChatRoom -Confirm:`$false"
    Get-IvsChatRoom -Name 'demo-*' | Remove-IvsChatRoom -Confirm:$false
    $left = @(Get-IvsChatRoom)
    if ($left.Count -ne 0) { throw "$($left.Count) room(s) left after clean-up." }
    Write-Host 'No rooms left.'
    Write-Host "`nDemo finished." -ForegroundColor Green
}
catch {
    Write-Host "Demo failed: $_" -ForegroundColor Red
    Write-Host $_.ScriptStackTrace
    $exitCode = 1
}
finally {
    Stop-LocalIvsChatService $service
    Write-Host 'Local service stopped.'
}
exit $exitCode
