#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks the built IvsChat module side by side with AWS's official JS SDK and a raw signed HttpClient loop.
.DESCRIPTION
    Called by `build.ps1 Bench` after the build. Runs the benchmark scripts in build/bench (one per benchmark, sharing
    build/bench/Bench.psm1), each starting the local IVS Chat service it needs, then prints a markdown table
    (benchmark, ours, reference, ratio, target, result) and writes out/bench/results.json and out/bench/results.md.
    Ratios are taken in one run on one machine; absolute times are noisy here. A benchmark whose piece is missing
    (cmdlet, emulator feature, tool) is reported as "not measured: <why>".
.PARAMETER Benchmark
    Which benchmarks to run (default: all).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [Parameter(Mandatory)][string] $EmulatorDll,
    [Parameter(Mandatory)][string] $OutDir,
    [ValidateSet('Import', 'PerCall', 'Listing', 'Quota', 'FanOut')]
    [string[]] $Benchmark = @('Import', 'PerCall', 'Listing', 'Quota', 'FanOut'),
    [int] $ImportRuns = 10,
    # Fresh processes per side for the first call: on a shared 2-core VM one process can be 30% off the next.
    [int] $FirstCallRuns = 9,
    [int] $Calls = 500,
    [int] $SmallListing = 1000,
    [int] $LargeListing = 10000,
    [int] $QuotaRooms = 300,
    [int] $FanOutClients = 1000,
    [int] $FanOutMessages = 100
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

Import-Module (Join-Path $PSScriptRoot 'IvsChatDev.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'bench/Bench.psm1') -Force

# Never this machine's AWS setup. Absolute paths: child processes start in the process's working directory.
$benchOut = Join-Path ([IO.Path]::GetFullPath($OutDir, $PWD.Path)) 'bench'
Set-IsolatedAwsEnvironment -Directory (Join-Path $benchOut 'aws-empty')
$env:NO_COLOR = '1'   # plain error text from child processes

$settings = Initialize-Bench @{
    ModulePath = (Resolve-Path $ModulePath).Path
    EmulatorDll = [IO.Path]::GetFullPath($EmulatorDll, $PWD.Path)
    BenchOut = $benchOut
    ImportRuns = $ImportRuns; FirstCallRuns = $FirstCallRuns; Calls = $Calls; SmallListing = $SmallListing; LargeListing = $LargeListing
    QuotaRooms = $QuotaRooms; FanOutClients = $FanOutClients; FanOutMessages = $FanOutMessages
}
foreach ($name in $Benchmark) { & (Join-Path $PSScriptRoot "bench/$name.ps1") -Bench $settings }
Write-BenchReport
