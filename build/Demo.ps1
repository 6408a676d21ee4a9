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

function Start-LocalService {
    # `dotnet IvsChat.Emulator.dll --port 0` prints NAME=value lines once it listens.
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $EmulatorDll, '--port', '0') { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $settings = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not ($settings['IVSCHAT_ENDPOINT'] -and $settings['AWS_REGION'] -and $settings['AWS_ACCESS_KEY_ID'] -and $settings['AWS_SECRET_ACCESS_KEY'])) {
        if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) {
            try { $process.Kill() } catch { }
            throw "The local IVS Chat service did not start: $(if ($process.HasExited) { $process.StandardError.ReadToEnd() })"
        }
        $line = $process.StandardOutput.ReadLine()
        if ($null -ne $line -and $line -match '^([A-Z_]+)=(.*)$') { $settings[$Matches[1]] = $Matches[2] }
    }
    # Keep draining so the service never blocks on a full pipe.
    $process.BeginErrorReadLine()
    $null = [System.Threading.Tasks.Task]::Run([Action] { while ($null -ne $process.StandardOutput.ReadLine()) { } }.GetNewClosure())
    @{ Process = $process; Settings = $settings }
}

if (-not (Test-Path $EmulatorDll)) { throw "The local service is not built: $EmulatorDll" }
if (-not (Test-Path $ModulePath)) { throw "The module is not built: $ModulePath" }
# Import-Module reads a relative path without ./ as a module name.
$ModulePath = (Resolve-Path $ModulePath).Path
$EmulatorDll = (Resolve-Path $EmulatorDll).Path
Write-Step "Starting the local IVS Chat service: dotnet $(Split-Path $EmulatorDll -Leaf) --port 0"
$service = Start-LocalService
$exitCode = 0
try {
    # What a user does with the lines the service prints.
    $s = $service.Settings
    $env:AWS_ACCESS_KEY_ID = $s.AWS_ACCESS_KEY_ID
    $env:AWS_SECRET_ACCESS_KEY = $s.AWS_SECRET_ACCESS_KEY
    $env:AWS_REGION = $s.AWS_REGION
    $env:AWS_ENDPOINT_URL_IVSCHAT = $s.IVSCHAT_ENDPOINT
    if ($s.ContainsKey('IVSCHAT_MESSAGING_ENDPOINT')) { $env:IVSCHAT_MESSAGING_ENDPOINT = $s.IVSCHAT_MESSAGING_ENDPOINT }
    Remove-Item env:AWS_SESSION_TOKEN, env:AWS_PROFILE -ErrorAction SilentlyContinue
    Write-Host "Service at $($s.IVSCHAT_ENDPOINT) (region $($s.AWS_REGION)); AWS_ENDPOINT_URL_IVSCHAT points the module at it."

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
    if (-not $service.Process.HasExited) {
        $service.Process.Kill()
        $null = $service.Process.WaitForExit(5000)
    }
    Write-Host 'Local service stopped.'
}
exit $exitCode
