#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks issue 13 (fleets) against the local IVS Chat service with AWS's rate quotas enforced.
.DESCRIPTION
    Two rows:
    - Listing: Get-IvsChatRoom -Region over 3 regions x -Rooms rooms, against one region of -Rooms rooms
      (median of -Runs each). Target: <= 1.3x (the regions are listed concurrently, each at its own quota).
    - Sync: Sync-IvsChatConfiguration of -SyncRooms changed rooms (one UpdateRoom each). Target: 0 errors at
      >= 85% of the UpdateRoom quota (5 per second), over the whole command (reads included).
    Setup creates the rooms with Sync-IvsChatConfiguration itself, all regions at once (about -Rooms / 5 seconds).
    Prints a markdown table and writes <OutDir>/bench/fleets.json.
.EXAMPLE
    dotnet pwsh build/bench/Fleets.ps1 -ModulePath out/IvsChat/IvsChat.psd1 -EmulatorDll src/IvsChat.Emulator/bin/Release/net10.0/IvsChat.Emulator.dll
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorDll,
    [string] $OutDir = 'out',
    [int] $Rooms = 1000,
    [int] $SyncRooms = 300,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$Root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
$ModulePath = (Resolve-Path $ModulePath).Path
$env:IVSCHAT_EMULATOR_DLL = [IO.Path]::GetFullPath($EmulatorDll, $PWD.Path)
$OutDir = [IO.Path]::GetFullPath($OutDir, $PWD.Path)
Import-Module (Join-Path $Root 'tests/Pester/TestHelpers.psm1') -Force
Import-Module $ModulePath -Force

$ListRegions = 'us-east-1', 'eu-west-1', 'ap-northeast-1'
$SyncRegion = 'us-west-2'
$UpdateRoomQuota = 5.0
$work = Join-Path ([IO.Path]::GetTempPath()) "ivschat-bench-fleets-$([guid]::NewGuid().ToString('n'))"
New-Item -ItemType Directory $work | Out-Null

function New-RoomsDocument([string] $Path, [int] $Count, [int] $Length) {
    $rooms = foreach ($i in 1..$Count) { [ordered]@{ name = 'bench-{0:d5}' -f $i; maximumMessageLength = $Length } }
    [ordered]@{ formatVersion = 1; rooms = @($rooms) } | ConvertTo-Json -Depth 5 | Set-Content $Path
}

function Get-Median([double[]] $Values) { ($Values | Sort-Object)[[int][Math]::Floor($Values.Count / 2)] }

$emu = Start-TestEmulator -ArgumentList '--enforce-quotas'
try {
    Use-TestEmulator $emu
    New-RoomsDocument (Join-Path $work 'list.json') $Rooms 500
    New-RoomsDocument (Join-Path $work 'sync.json') $SyncRooms 500
    Write-Host "Setup: $Rooms rooms in each of $($ListRegions -join ', ') and $SyncRooms in $SyncRegion (paced at the quota)..."
    $setup = @($ListRegions | ForEach-Object { @{ Region = $_; File = (Join-Path $work 'list.json') } }) +
        @(@{ Region = $SyncRegion; File = (Join-Path $work 'sync.json') })
    $setupErrors = $setup | ForEach-Object -ThrottleLimit 4 -Parallel {
        Import-Module $using:ModulePath
        Sync-IvsChatConfiguration -Path $_.File -Region $_.Region -ErrorAction SilentlyContinue -ErrorVariable problems | Out-Null
        $problems.Count
    } | Measure-Object -Sum
    if ($setupErrors.Sum) { throw "Setup failed with $($setupErrors.Sum) errors." }
    foreach ($region in $ListRegions) {
        $n = @(Get-IvsChatRoom -Region $region).Count
        if ($n -ne $Rooms) { throw "Setup: $region has $n rooms, not $Rooms." }
    }

    # Listing: each measurement starts with full quota buckets (a bucket refills in one second).
    $one = @(); $three = @()
    foreach ($run in 1..$Runs) {
        Start-Sleep -Seconds 2
        $one += (Measure-Command { $script:n1 = @(Get-IvsChatRoom -Region $ListRegions[0]).Count }).TotalSeconds
        Start-Sleep -Seconds 2
        $three += (Measure-Command { $script:n3 = @(Get-IvsChatRoom -Region $ListRegions).Count }).TotalSeconds
        if ($n1 -ne $Rooms -or $n3 -ne 3 * $Rooms) { throw "Listing returned $n1 and $n3 rooms." }
    }
    $oneMedian = Get-Median $one; $threeMedian = Get-Median $three
    $listRatio = $threeMedian / $oneMedian

    # Sync: every room changed once.
    New-RoomsDocument (Join-Path $work 'sync.json') $SyncRooms 321
    Start-Sleep -Seconds 2
    Invoke-EmulatorControl $emu requests -Method DELETE | Out-Null
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $made = @(Sync-IvsChatConfiguration -Path (Join-Path $work 'sync.json') -Region $SyncRegion -ErrorAction SilentlyContinue -ErrorVariable syncErrors)
    $seconds = $watch.Elapsed.TotalSeconds
    $counts = (Invoke-EmulatorControl $emu requests).counts
    $rate = $made.Count / $seconds
    $share = $rate / $UpdateRoomQuota

    $results = [ordered]@{
        listing = [ordered]@{ rooms = $Rooms; regions = $ListRegions; oneRegionSeconds = $one; threeRegionsSeconds = $three
            ratio = [Math]::Round($listRatio, 2) }
        sync = [ordered]@{ rooms = $SyncRooms; changes = $made.Count; errors = $syncErrors.Count; seconds = [Math]::Round($seconds, 2)
            updateRoomCalls = $counts.UpdateRoom; getRoomCalls = $counts.GetRoom; ratePerSecond = [Math]::Round($rate, 2)
            quotaShare = [Math]::Round($share, 3) }
    }
    New-Item -ItemType Directory -Force (Join-Path $OutDir 'bench') | Out-Null
    $results | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $OutDir 'bench/fleets.json')

    $listMet = if ($listRatio -le 1.3) { 'met' } else { 'missed' }
    $syncMet = if ($syncErrors.Count -eq 0 -and $made.Count -eq $SyncRooms -and $share -ge 0.85) { 'met' } else { 'missed' }
    @(
        '| benchmark | ours | reference | ratio | target | result |'
        '|---|---|---|---|---|---|'
        ('| listing 3 regions x {0} rooms (-Region) | {1:n2} s | 1 region: {2:n2} s | {3:n2}x | <= 1.3x | {4} |' -f $Rooms, $threeMedian,
            $oneMedian, $listRatio, $listMet)
        ('| sync of {0} changed rooms | {1:n1} s, {2} errors, {3:n2} UpdateRoom/s | quota 5/s | {4:p0} | 0 errors, >= 85% | {5} |' -f $SyncRooms,
            $seconds, $syncErrors.Count, $rate, $share, $syncMet)
    ) | Write-Output
}
finally {
    $emu | Stop-TestEmulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
