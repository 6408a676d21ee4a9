#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks the built IvsChat module side by side with AWS's official JS SDK and a raw signed HttpClient loop.
.DESCRIPTION
    Called by `build.ps1 Bench` after the build. Starts the local IVS Chat service as needed, runs each benchmark,
    prints a markdown table (benchmark, ours, reference, ratio, target, result) and writes out/bench/results.json
    and out/bench/results.md. Ratios are taken in one run on one machine; absolute times are noisy here.
    A benchmark whose piece is missing (cmdlet, emulator feature, tool) is reported as "not measured: <why>".
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
    [int] $ImportRuns = 12,
    [int] $Calls = 500,
    [int] $SmallListing = 1000,
    [int] $LargeListing = 10000,
    [int] $QuotaRooms = 300,
    [int] $FanOutClients = 1000,
    [int] $FanOutMessages = 100
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = Split-Path $PSScriptRoot -Parent
# Absolute paths: child processes start in the process's working directory, not PowerShell's $PWD.
$ModulePath = (Resolve-Path $ModulePath).Path
$EmulatorDll = [IO.Path]::GetFullPath($EmulatorDll, $PWD.Path)
$OutDir = [IO.Path]::GetFullPath($OutDir, $PWD.Path)
$BenchOut = Join-Path $OutDir 'bench'
$ToolProject = Join-Path $PSScriptRoot 'bench/Bench.Tool/Bench.Tool.csproj'
$ClientLoopProject = Join-Path $PSScriptRoot 'bench/Bench.ClientLoop/Bench.ClientLoop.csproj'
$JsDir = Join-Path $PSScriptRoot 'bench/js'
$ConformanceDir = Join-Path $Root 'tests/conformance'
$Results = [System.Collections.Generic.List[object]]::new()
$Details = [ordered]@{}
$script:Emulators = [System.Collections.Generic.List[object]]::new()

# `dotnet pwsh` runs pwsh.dll inside the dotnet host, so the process path is dotnet: start children the same way.
$PwshCommand = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
    @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll'))
} else { @([Environment]::ProcessPath) }

#region helpers

function Add-Result {
    # One table row. $Met: $true/$false against the target, $null when there is no target (information).
    param([string] $Name, [string] $Ours, [string] $Reference = '', [double] $Ratio = [double]::NaN,
        [string] $Target = '', $Met = $null, [string] $Note = '')
    $status = if ($null -eq $Met) { 'info' } elseif ($Met) { 'met' } else { 'missed' }
    $Results.Add([pscustomobject][ordered]@{
            Benchmark = $Name; Ours = $Ours; Reference = $Reference
            Ratio = if ([double]::IsNaN($Ratio)) { $null } else { [Math]::Round($Ratio, 2) }
            Target = $Target; Result = $status; Note = $Note
        })
    Write-Host ("  {0}: {1} | {2} | ratio {3} | {4} {5}" -f $Name, $Ours, $Reference, $(if ([double]::IsNaN($Ratio)) { '-' } else { '{0:N2}' -f $Ratio }), $Target, $status)
}

function Add-NotMeasured([string] $Name, [string] $Why, [string] $Target = '') {
    $Results.Add([pscustomobject][ordered]@{
            Benchmark = $Name; Ours = ''; Reference = ''; Ratio = $null; Target = $Target; Result = "not measured: $Why"; Note = ''
        })
    Write-Host "  ${Name}: not measured: $Why" -ForegroundColor Yellow
}

function Invoke-Benchmark {
    # Runs one benchmark; a missing piece makes its rows "not measured" instead of failing the run.
    param([string] $Name, [string[]] $Rows, [string[]] $Targets, [scriptblock] $Body)
    if ($Name -notin $Benchmark) { return }
    Write-Host "`n=== $Name" -ForegroundColor Cyan
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $before = $Results.Count
    try { & $Body }
    catch {
        $why = ($_.Exception.Message -split "`r?`n" | Where-Object { $_ } | Select-Object -First 2) -join ' '
        foreach ($i in 0..($Rows.Count - 1)) {
            if (-not ($Results | Select-Object -Skip $before | Where-Object Benchmark -eq $Rows[$i])) {
                Add-NotMeasured $Rows[$i] $why $Targets[$i]
            }
        }
    }
    finally { Stop-BenchEmulators }
    Write-Host ("  ({0} took {1:N0} s)" -f $Name, $sw.Elapsed.TotalSeconds)
}

function Get-Median([double[]] $Values) {
    $s = $Values | Sort-Object
    if ($s.Count % 2) { $s[[int][Math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 }
}

function Read-LastJson([string[]] $Lines, [string] $What) {
    $json = $Lines | Where-Object { $_ -is [string] -and $_.StartsWith('{') } | Select-Object -Last 1
    if (-not $json) { throw "$What printed no result." }
    $json | ConvertFrom-Json
}

function Invoke-ChildPwsh {
    # A fresh pwsh that imports the module as a user would; the script's last JSON line is the result.
    param([Parameter(Mandatory)][string] $Script, [string] $What = 'pwsh')
    $exe = $PwshCommand[0]; $rest = @($PwshCommand | Select-Object -Skip 1)
    $lines = & $exe @rest -NoProfile -NonInteractive -Command $Script 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [$What] $_" -ForegroundColor DarkYellow } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed (exit $LASTEXITCODE): $(($lines | Select-Object -Last 3) -join ' ')"
    }
    Read-LastJson $lines $What
}

function Invoke-Tool {
    param([Parameter(Mandatory)][string[]] $Arguments, $Emulator)
    if (-not $script:ToolDll) { throw $script:ToolError }
    $a = @($script:ToolDll) + $Arguments
    if ($Emulator) {
        $a += @('--endpoint', $Emulator.Endpoint, '--region', $Emulator.Region, '--access-key', $Emulator.AccessKey, '--secret-key', $Emulator.SecretKey)
    }
    $lines = & dotnet @a 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [tool] $_" -ForegroundColor DarkGray } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) { throw "Bench.Tool $($Arguments[0]) failed: $(($lines | Select-Object -Last 3) -join ' ')" }
    Read-LastJson $lines "Bench.Tool $($Arguments[0])"
}

function Invoke-Node {
    param([Parameter(Mandatory)][string] $ScriptName, [string[]] $Arguments = @())
    if ($script:NodeError) { throw $script:NodeError }
    $lines = & node (Join-Path $JsDir $ScriptName) @Arguments 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [node] $_" -ForegroundColor DarkGray } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) { throw "node $ScriptName failed: $(($lines | Select-Object -Last 3) -join ' ')" }
    Read-LastJson $lines "node $ScriptName"
}

function Start-BenchEmulator {
    # The local service on a free port, with the module's and the JS SDK's environment pointed at it.
    param([string[]] $Arguments = @())
    if (-not (Test-Path $EmulatorDll)) { throw "the local service is not built ($EmulatorDll)" }
    try { $e = Start-TestEmulator -ArgumentList $Arguments }
    catch { throw "the local service did not start ($($_.Exception.Message.Trim()))" }
    $script:Emulators.Add($e)
    Use-TestEmulator $e
    $env:IVSCHAT_ENDPOINT = $e.Endpoint
    $e
}

function Stop-BenchEmulators {
    foreach ($e in $script:Emulators) { Stop-TestEmulator $e }
    $script:Emulators.Clear()
}

function Get-PeakMemoryMB([int] $ProcessId) {
    # VmHWM: the resident set's high-water mark (Linux).
    $line = Get-Content "/proc/$ProcessId/status" -ErrorAction SilentlyContinue | Where-Object { $_ -like 'VmHWM:*' }
    if ($line -match '(\d+)\s*kB') { [Math]::Round([double]$Matches[1] / 1024, 1) } else { $null }
}

function Get-EmulatorCounts($Emulator) {
    # Per-operation request counts from the control surface, when the service has it.
    try { Invoke-EmulatorControl -Emulator $Emulator -Path 'requests' } catch { $null }
}

function Assert-Cmdlet([string[]] $Names) {
    $missing = $Names | Where-Object { $_ -notin $script:ModuleCmdlets }
    if ($missing) { throw "cmdlet $($missing -join ', ') is not in the built module yet" }
}

function Format-Ms([double] $Ms) { if ($Ms -ge 100) { '{0:N0} ms' -f $Ms } else { '{0:N2} ms' -f $Ms } }
function Format-Us([double] $Us) { '{0:N0} µs/call' -f $Us }

#endregion

#region setup

New-Item -ItemType Directory -Force $BenchOut | Out-Null
# Never this machine's AWS setup: empty config files, no AWS_* variables, no instance metadata.
Get-ChildItem env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "env:$($_.Name)" }
$awsDir = Join-Path $BenchOut 'aws-empty'
New-Item -ItemType Directory -Force $awsDir | Out-Null
Set-Content (Join-Path $awsDir 'config') ''; Set-Content (Join-Path $awsDir 'credentials') ''
$env:AWS_CONFIG_FILE = Join-Path $awsDir 'config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsDir 'credentials'
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:IVSCHAT_EMULATOR_DLL = $EmulatorDll
Import-Module (Join-Path $Root 'tests/Pester/TestHelpers.psm1') -Force

Write-Host 'Preparing: bench tools, JS SDK, module' -ForegroundColor Cyan
$script:ToolDll = $null; $script:ToolError = $null
$toolOut = Join-Path $BenchOut 'bin/tool'
$buildLog = & dotnet build $ToolProject -c Release -o $toolOut -nologo -clp:ErrorsOnly 2>&1
if ($LASTEXITCODE -eq 0) { $script:ToolDll = Join-Path $toolOut 'Bench.Tool.dll' }
else { $script:ToolError = "Bench.Tool did not build: $(($buildLog | Select-Object -Last 2) -join ' ')" }

# Times IvsChat.Client alone (no PowerShell); built against the module's own IvsChat.Client.dll.
$script:ClientLoopDll = $null; $script:ClientLoopError = $null
if (Test-Path $ClientLoopProject) {
    $clientOut = Join-Path $BenchOut 'bin/clientloop'
    $buildLog = & dotnet build $ClientLoopProject -c Release -o $clientOut -nologo -clp:ErrorsOnly "-p:IvsChatModuleDir=$(Split-Path $ModulePath -Parent)" 2>&1
    if ($LASTEXITCODE -eq 0) { $script:ClientLoopDll = Join-Path $clientOut 'Bench.ClientLoop.dll' }
    else { $script:ClientLoopError = "Bench.ClientLoop did not build against this IvsChat.Client: $(($buildLog | Select-Object -Last 1) -join ' ')" }
}
else { $script:ClientLoopError = 'Bench.ClientLoop is missing' }

$script:NodeError = $null
if (-not (Get-Command node -ErrorAction SilentlyContinue)) { $script:NodeError = 'node is not installed' }
elseif (-not (Test-Path (Join-Path $ConformanceDir 'node_modules/@aws-sdk/client-ivschat'))) {
    Push-Location $ConformanceDir
    try { & npm ci --no-audit --no-fund --loglevel=error; if ($LASTEXITCODE -ne 0) { $script:NodeError = 'npm ci in tests/conformance failed' } }
    finally { Pop-Location }
}

$script:ModuleCmdlets = @()
$script:ModuleError = $null
try {
    $probe = Invoke-ChildPwsh -What 'module probe' -Script @"
`$m = Import-Module '$ModulePath' -PassThru
@{ Cmdlets = @(`$m.ExportedCmdlets.Keys); Version = "`$(`$m.Version)" } | ConvertTo-Json -Compress
"@
    $script:ModuleCmdlets = @($probe.Cmdlets)
    Write-Host "  module $($probe.Version): $($script:ModuleCmdlets.Count) cmdlets"
}
catch { $script:ModuleError = "the module does not import: $($_.Exception.Message)" }

#endregion

#region 1. Import

Invoke-Benchmark 'Import' -Rows @('Import: pwsh + Import-Module vs bare pwsh (median)') -Targets @('<= 1.2x') -Body {
    if ($script:ModuleError) { throw $script:ModuleError }
    $exe = $PwshCommand[0]; $rest = @($PwshCommand | Select-Object -Skip 1)
    function Measure-Start([string] $Command) {
        $psi = [Diagnostics.ProcessStartInfo]::new($exe)
        foreach ($a in @($rest) + @('-NoProfile', '-NonInteractive', '-Command', $Command)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $p = [Diagnostics.Process]::Start($psi)
        $err = $p.StandardError.ReadToEndAsync()
        $null = $p.StandardOutput.ReadToEnd()
        $p.WaitForExit()
        $sw.Stop()
        if ($p.ExitCode -ne 0) { throw "'$Command' failed: $($err.Result)" }
        $sw.Elapsed.TotalMilliseconds
    }
    $bare = 'exit'
    $import = "Import-Module '$ModulePath'"
    $null = Measure-Start $bare; $null = Measure-Start $import   # warm the file cache
    $bareMs = @(); $importMs = @()
    foreach ($i in 1..$ImportRuns) {
        # Interleaved, so drift in machine load hits both sides alike.
        $bareMs += Measure-Start $bare
        $importMs += Measure-Start $import
    }
    $b = Get-Median $bareMs; $m = Get-Median $importMs
    $Details.Import = [ordered]@{ runs = $ImportRuns; bareMs = $bareMs; importMs = $importMs; bareMedianMs = $b; importMedianMs = $m }
    Add-Result 'Import: pwsh + Import-Module vs bare pwsh (median)' (Format-Ms $m) (Format-Ms $b) ($m / $b) '<= 1.2x' (($m / $b) -le 1.2) `
        -Note ("module adds {0:N0} ms" -f ($m - $b))

    # Where import time goes, inside one process: Import-Module's own first-use cost (an empty manifest module
    # first), then what our module adds on top, and which assemblies the import loaded.
    $emptyDir = Join-Path $BenchOut 'BenchEmpty'
    New-Item -ItemType Directory -Force $emptyDir | Out-Null
    Set-Content (Join-Path $emptyDir 'BenchEmpty.psd1') "@{ ModuleVersion = '1.0.0'; FunctionsToExport = @(); CmdletsToExport = @() }"
    $phases = Invoke-ChildPwsh -What 'import phases' -Script @"
`$before = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name })
`$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$(Join-Path $emptyDir 'BenchEmpty.psd1')'
`$emptyMs = `$sw.Elapsed.TotalMilliseconds
`$sw.Restart()
Import-Module '$ModulePath'
`$importMs = `$sw.Elapsed.TotalMilliseconds
`$loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name } | Where-Object { `$_ -notin `$before })
@{ emptyModuleMs = `$emptyMs; importMs = `$importMs; loaded = `$loaded } | ConvertTo-Json -Compress
"@
    $Details.ImportPhases = $phases
    Add-Result 'Import: Import-Module IvsChat in-process (after an empty module)' (Format-Ms $phases.importMs) ('empty module first ' + (Format-Ms $phases.emptyModuleMs)) `
        -Note ("assemblies the import loaded: {0}" -f (@($phases.loaded) -join ', '))
}

#endregion

#region 2. Per call

Invoke-Benchmark 'PerCall' -Rows @('Per call: Get-IvsChatRoom x500 vs raw signed HttpClient', 'Per call: Get-IvsChatRoom x500 vs JS SDK GetRoomCommand', 'First cmdlet call after import') -Targets @('<= 1.5x', '<= 1.0x', '') -Body {
    if ($script:ModuleError) { throw $script:ModuleError }
    Assert-Cmdlet 'Get-IvsChatRoom'
    $emu = Start-BenchEmulator
    $arn = (Invoke-Tool @('seed', '--count', '1') -Emulator $emu).firstArn

    # -Arn if the cmdlet has it (or as an alias), else the ARN positionally.
    $ps = Invoke-ChildPwsh -What 'per-call pwsh' -Script @"
`$ErrorActionPreference = 'Stop'
`$arn = '$arn'
`$t = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$ModulePath'
`$importMs = `$t.Elapsed.TotalMilliseconds
`$cmd = Get-Command Get-IvsChatRoom
`$byArn = `$cmd.Parameters.Values | Where-Object { `$_.Name -eq 'Arn' -or `$_.Aliases -contains 'Arn' }
`$splat = if (`$byArn) { @{ Arn = `$arn } } else { @{} }
`$positional = if (`$byArn) { @() } else { @(`$arn) }
`$t.Restart()
`$first = Get-IvsChatRoom @splat @positional
`$firstMs = `$t.Elapsed.TotalMilliseconds
if (`$first.Arn -ne `$arn) { throw "Get-IvsChatRoom returned `$(`$first.Arn), not `$arn" }
foreach (`$i in 1..19) { `$null = Get-IvsChatRoom @splat @positional }
`$t.Restart()
foreach (`$i in 1..$Calls) { `$null = Get-IvsChatRoom @splat @positional }
`$loopMs = `$t.Elapsed.TotalMilliseconds
# Same calls through one pipeline (one cmdlet instance, ARNs bound by pipeline).
`$arns = @(`$arn) * $Calls
`$t.Restart()
`$n = (`$arns | Get-IvsChatRoom | Measure-Object).Count
`$pipelineMs = `$t.Elapsed.TotalMilliseconds
# PowerShell's own floor: the same loop around a trivial compiled cmdlet.
`$t.Restart()
foreach (`$i in 1..$Calls) { `$null = Get-Variable -Name arn }
`$psFloorMs = `$t.Elapsed.TotalMilliseconds
@{ importMs = `$importMs; firstMs = `$firstMs; loopMs = `$loopMs; pipelineMs = `$pipelineMs; pipelineCount = `$n; psFloorMs = `$psFloorMs; byArn = [bool]`$byArn } | ConvertTo-Json -Compress
"@
    $oursUs = $ps.loopMs * 1000 / $Calls
    $Details.PerCall = [ordered]@{ pwsh = $ps }

    $raw = $null
    try { $raw = Invoke-Tool @('get', '--arn', $arn, '--count', "$Calls") -Emulator $emu; $Details.PerCall.raw = $raw }
    catch { Add-NotMeasured 'Per call: Get-IvsChatRoom x500 vs raw signed HttpClient' $_.Exception.Message '<= 1.5x' }
    if ($raw) {
        $r = $oursUs / $raw.perCallUs
        Add-Result 'Per call: Get-IvsChatRoom x500 vs raw signed HttpClient' (Format-Us $oursUs) (Format-Us $raw.perCallUs) $r '<= 1.5x' ($r -le 1.5)
    }

    $js = $null
    try { $js = Invoke-Node 'get-room.mjs' @('--arn', $arn, '--count', "$Calls"); $Details.PerCall.js = $js }
    catch { Add-NotMeasured 'Per call: Get-IvsChatRoom x500 vs JS SDK GetRoomCommand' $_.Exception.Message '<= 1.0x' }
    if ($js) {
        $r = $oursUs / $js.perCallUs
        Add-Result 'Per call: Get-IvsChatRoom x500 vs JS SDK GetRoomCommand' (Format-Us $oursUs) (Format-Us $js.perCallUs) $r '<= 1.0x' ($r -le 1.0)
        Add-Result 'First cmdlet call after import' (Format-Ms $ps.firstMs) ('JS SDK first call ' + (Format-Ms $js.firstCallMs)) ($ps.firstMs / $js.firstCallMs) `
            -Note ('Import-Module {0}' -f (Format-Ms $ps.importMs))
    }
    else { Add-Result 'First cmdlet call after import' (Format-Ms $ps.firstMs) -Note ('Import-Module {0}' -f (Format-Ms $ps.importMs)) }

    # Where the time goes: IvsChat.Client alone (C#), signing and JSON alone, PowerShell's own cmdlet cost.
    $client = $null
    if ($script:ClientLoopDll) {
        try {
            $lines = & dotnet $script:ClientLoopDll --arn $arn --count $Calls 2>&1 | ForEach-Object { "$_" }
            if ($LASTEXITCODE -ne 0) { throw ($lines | Select-Object -Last 2) -join ' ' }
            $client = Read-LastJson $lines 'Bench.ClientLoop'
            $Details.PerCall.client = $client
        }
        catch { $script:ClientLoopError = "IvsChat.Client loop failed: $($_.Exception.Message)" }
    }
    $parts = @()
    if ($raw) { $parts += 'raw HTTP+sign {0:N0} µs (sign+build alone {1:N0} µs, JSON parse {2:N1} µs)' -f $raw.perCallUs, $raw.signAndBuildUs, $raw.jsonParseUs }
    if ($client) { $parts += 'IvsChat.Client alone {0:N0} µs' -f $client.perCallUs }
    else { $parts += "IvsChat.Client alone: not measured ($($script:ClientLoopError))" }
    $parts += 'cmdlet {0:N0} µs; same calls piped into one Get-IvsChatRoom {1:N0} µs; trivial compiled cmdlet in the same loop {2:N0} µs' -f $oursUs, ($ps.pipelineMs * 1000 / $Calls), ($ps.psFloorMs * 1000 / $Calls)
    Add-Result 'Per call: where the time goes' (Format-Us $oursUs) -Note ($parts -join '; ')
}

#endregion

#region 3. Listing

Invoke-Benchmark 'Listing' -Rows @("Listing: $LargeListing rooms, Get-IvsChatRoom | Measure-Object vs JS SDK paging", "Listing: pwsh peak working set growth, $SmallListing -> $LargeListing rooms") -Targets @('<= 1.0x', '< 50 MB') -Body {
    if ($script:ModuleError) { throw $script:ModuleError }
    Assert-Cmdlet 'Get-IvsChatRoom'
    $emu = Start-BenchEmulator
    $listScript = {
        param([int] $Expected)
        Invoke-ChildPwsh -What "listing $Expected" -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
try { `$null = Get-IvsChatRoom -First 1 } catch { }
`$t = [Diagnostics.Stopwatch]::StartNew()
`$n = (Get-IvsChatRoom | Measure-Object).Count
`$ms = `$t.Elapsed.TotalMilliseconds
`$p = [Diagnostics.Process]::GetCurrentProcess()
@{ count = `$n; ms = `$ms; peakWorkingSetMB = `$p.PeakWorkingSet64 / 1MB; workingSetMB = `$p.WorkingSet64 / 1MB } | ConvertTo-Json -Compress
"@
    }
    $seed = Invoke-Tool @('seed', '--count', "$SmallListing", '--concurrency', '8') -Emulator $emu
    Write-Host ("  seeded {0} rooms in {1:N0} ms" -f $SmallListing, $seed.ms)
    $small = & $listScript $SmallListing
    $seed = Invoke-Tool @('seed', '--count', "$($LargeListing - $SmallListing)", '--start', "$SmallListing", '--concurrency', '8') -Emulator $emu
    Write-Host ("  seeded {0} more rooms in {1:N0} ms" -f ($LargeListing - $SmallListing), $seed.ms)
    $large = @(& $listScript $LargeListing; & $listScript $LargeListing)
    foreach ($run in @($small) + $large) {
        if ($run.count -ne $(if ($run -eq $small) { $SmallListing } else { $LargeListing })) { throw "Get-IvsChatRoom listed $($run.count) rooms" }
    }
    $oursMs = ($large | Measure-Object ms -Minimum).Minimum
    $growth = ($large | Measure-Object peakWorkingSetMB -Maximum).Maximum - $small.peakWorkingSetMB
    $Details.Listing = [ordered]@{ small = $small; large = $large }

    if ($script:ClientLoopDll) {
        try {
            $lines = & dotnet $script:ClientLoopDll --list 2>&1 | ForEach-Object { "$_" }
            if ($LASTEXITCODE -eq 0) { $Details.Listing.client = Read-LastJson $lines 'Bench.ClientLoop --list' }
        }
        catch { Write-Host "  IvsChat.Client listing: $($_.Exception.Message)" -ForegroundColor DarkYellow }
    }
    try {
        $js = @(Invoke-Node 'list-rooms.mjs'; Invoke-Node 'list-rooms.mjs')
        $Details.Listing.js = $js
        if ($js[0].rooms -ne $LargeListing) { throw "the JS SDK listed $($js[0].rooms) rooms" }
        $jsMs = ($js | Measure-Object ms -Minimum).Minimum
        $note = 'best of 2 runs each'
        if ($Details.Listing.Contains('client')) { $note += ('; IvsChat.Client alone (C#) {0}' -f (Format-Ms $Details.Listing.client.listMs)) }
        Add-Result "Listing: $LargeListing rooms, Get-IvsChatRoom | Measure-Object vs JS SDK paging" (Format-Ms $oursMs) (Format-Ms $jsMs) ($oursMs / $jsMs) '<= 1.0x' (($oursMs / $jsMs) -le 1.0) -Note $note
    }
    catch { Add-NotMeasured "Listing: $LargeListing rooms, Get-IvsChatRoom | Measure-Object vs JS SDK paging" $_.Exception.Message '<= 1.0x' }
    Add-Result "Listing: pwsh peak working set growth, $SmallListing -> $LargeListing rooms" ('{0:N1} MB' -f $growth) `
        ('peak WS {0:N0} MB -> {1:N0} MB' -f $small.peakWorkingSetMB, ($large | Measure-Object peakWorkingSetMB -Maximum).Maximum) -Target '< 50 MB' -Met ($growth -lt 50)
}

#endregion

#region 4. Bulk at the quota

Invoke-Benchmark 'Quota' -Rows @("Quota: Get-IvsChatRoom | Add-IvsChatTag over $QuotaRooms rooms, errors", 'Quota: achieved TagResource rate vs 10 TPS') -Targets @('0', '>= 85%') -Body {
    if ($script:ModuleError) { throw $script:ModuleError }
    Assert-Cmdlet 'Get-IvsChatRoom', 'Add-IvsChatTag'
    $emu = Start-BenchEmulator @('--enforce-quotas')
    # CreateRoom is itself limited to 5 TPS here: seeding paces itself.
    $seed = Invoke-Tool @('seed', '--count', "$QuotaRooms", '--rate', '5') -Emulator $emu
    Write-Host ("  seeded {0} rooms at the CreateRoom quota in {1:N0} ms ({2} throttled)" -f $QuotaRooms, $seed.ms, $seed.throttled)
    $countsBefore = Get-EmulatorCounts $emu
    $r = Invoke-ChildPwsh -What 'quota pwsh' -Script @"
Import-Module '$ModulePath'
`$Error.Clear()
`$t = [Diagnostics.Stopwatch]::StartNew()
Get-IvsChatRoom | Add-IvsChatTag -Tag @{ bench = '1' } -ErrorAction Continue
`$ms = `$t.Elapsed.TotalMilliseconds
`$errors = @(`$Error)
`$tagged = @(Get-IvsChatRoom | Where-Object { `$_.Tags -and `$_.Tags['bench'] -eq '1' }).Count
@{ ms = `$ms; errors = `$errors.Count; sample = @(`$errors | Select-Object -First 3 | ForEach-Object { "`$(`$_.FullyQualifiedErrorId): `$(`$_.Exception.Message)" }); tagged = `$tagged } | ConvertTo-Json -Compress
"@
    $countsAfter = Get-EmulatorCounts $emu
    $rate = $QuotaRooms / ($r.ms / 1000)
    $Details.Quota = [ordered]@{ pwsh = $r; seed = $seed; countsBefore = $countsBefore; countsAfter = $countsAfter }
    $note = "tagged $($r.tagged)/$QuotaRooms in $(Format-Ms $r.ms)"
    if ($countsAfter -and $countsAfter.PSObject.Properties['TagResource']) {
        $sent = $countsAfter.TagResource - $(if ($countsBefore -and $countsBefore.PSObject.Properties['TagResource']) { $countsBefore.TagResource } else { 0 })
        $note += "; TagResource requests sent $sent (throttled and retried: $($sent - $QuotaRooms))"
    }
    if ($r.errors) { $note += "; first errors: $(@($r.sample) -join ' | ')" }
    Add-Result "Quota: Get-IvsChatRoom | Add-IvsChatTag over $QuotaRooms rooms, errors" "$($r.errors)" -Target '0' -Met ($r.errors -eq 0 -and $r.tagged -eq $QuotaRooms) -Note $note
    Add-Result 'Quota: achieved TagResource rate vs 10 TPS' ('{0:N2} TPS' -f $rate) '10 TPS' ($rate / 10) '>= 85%' (($rate / 10) -ge 0.85)
}

#endregion

#region 5. Messaging fan-out

Invoke-Benchmark 'FanOut' -Rows @("Fan-out: $FanOutClients clients x $FanOutMessages messages, all delivered in order", 'Fan-out: delivery latency p99 (p50)', 'Fan-out: local service peak memory (VmHWM)') -Targets @('all', '< 100 ms', '') -Body {
    $emu = Start-BenchEmulator
    if (-not $emu.MessagingEndpoint) { throw 'the local service has no messaging endpoint yet (no IVSCHAT_MESSAGING_ENDPOINT)' }
    $idleMB = Get-PeakMemoryMB $emu.Process.Id
    $f = Invoke-Tool @('fanout', '--messaging-endpoint', $emu.MessagingEndpoint, '--clients', "$FanOutClients", '--messages', "$FanOutMessages", '--rate', '10') -Emulator $emu
    $peakMB = Get-PeakMemoryMB $emu.Process.Id
    $Details.FanOut = [ordered]@{ tool = $f; emulatorIdlePeakMB = $idleMB; emulatorPeakMB = $peakMB }
    $note = "delivered $($f.delivered)/$($f.expected); out of order $($f.outOfOrder); ERROR frames $($f.errorFrames); connect $(Format-Ms $f.connectMs), tokens $(Format-Ms $f.tokensMs)"
    if (@($f.failures).Count) { $note += "; failures: $(@($f.failures) -join ' | ')" }
    Add-Result "Fan-out: $FanOutClients clients x $FanOutMessages messages, all delivered in order" "$($f.complete)/$FanOutClients clients complete" -Target 'all' -Met ($f.complete -eq $FanOutClients) -Note $note
    Add-Result 'Fan-out: delivery latency p99 (p50)' ('{0:N1} ms ({1:N1} ms)' -f $f.p99Ms, $f.p50Ms) -Target '< 100 ms' -Met ($f.p99Ms -lt 100 -and $f.delivered -gt 0) -Note ('max {0:N1} ms' -f $f.maxMs)
    Add-Result 'Fan-out: local service peak memory (VmHWM)' ('{0:N0} MB' -f $peakMB) ('idle {0:N0} MB' -f $idleMB)
}

#endregion

#region report

$table = @(
    '| Benchmark | Ours | Reference | Ratio | Target | Result |'
    '|---|---|---|---|---|---|'
    foreach ($r in $Results) {
        $ratio = if ($null -ne $r.Ratio) { '{0:N2}x' -f $r.Ratio } else { '' }
        "| $($r.Benchmark) | $($r.Ours) | $($r.Reference) | $ratio | $($r.Target) | $($r.Result) |"
    }
)
$notes = foreach ($r in $Results | Where-Object Note) { "- $($r.Benchmark): $($r.Note)" }
$machine = "$([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), .NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion), node $(if (Get-Command node -ErrorAction SilentlyContinue) { (& node --version) })"
$stamp = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm') + ' UTC'
$markdown = @("Benchmarks ($stamp; $machine)", '') + $table + @('', 'Notes:') + $notes
$markdown | Set-Content (Join-Path $BenchOut 'results.md')
[ordered]@{ timestamp = $stamp; machine = $machine; results = $Results; details = $Details } |
    ConvertTo-Json -Depth 8 | Set-Content (Join-Path $BenchOut 'results.json')

Write-Host ''
$markdown | ForEach-Object { Write-Output $_ }
Write-Host "`nWritten: $(Join-Path $BenchOut 'results.json'), $(Join-Path $BenchOut 'results.md')"

#endregion
