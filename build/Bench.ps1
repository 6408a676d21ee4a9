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
    [int] $ImportRuns = 10,
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
    $errors = [System.Collections.Generic.List[string]]::new()
    $lines = & $exe @rest -NoProfile -NonInteractive -Command $Script 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [$What] $_" -ForegroundColor DarkYellow; $errors.Add("$_") } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) {
        $why = @($errors | Where-Object { $_ -match '\w' -and $_ -notmatch '^\s*(Line \||\d+ \||\|)' }) + @($lines) | Select-Object -Last 2
        throw "$What failed (exit $LASTEXITCODE): $($why -join ' ')"
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
    try { (Invoke-EmulatorControl -Emulator $Emulator -Path 'requests').counts } catch { $null }
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
$LoadAtStart = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1
# Never this machine's AWS setup: empty config files, no AWS_* variables, no instance metadata.
Get-ChildItem env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "env:$($_.Name)" }
$awsDir = Join-Path $BenchOut 'aws-empty'
New-Item -ItemType Directory -Force $awsDir | Out-Null
Set-Content (Join-Path $awsDir 'config') ''; Set-Content (Join-Path $awsDir 'credentials') ''
$env:AWS_CONFIG_FILE = Join-Path $awsDir 'config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsDir 'credentials'
$env:AWS_EC2_METADATA_DISABLED = 'true'
$env:IVSCHAT_EMULATOR_DLL = $EmulatorDll
$env:NO_COLOR = '1'   # plain error text from child processes
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

# IvsChat.Client.dll as shipped in the module (Dependencies/ holds what the module loads in its own context).
$script:ClientDll = Get-ChildItem (Split-Path $ModulePath -Parent) -Recurse -Filter 'IvsChat.Client.dll' -ErrorAction SilentlyContinue |
    Select-Object -First 1 -ExpandProperty FullName

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
    # A third arm imports an empty manifest module: what Import-Module itself costs a fresh session, apart from ours.
    $emptyDir = Join-Path $BenchOut 'BenchEmpty'
    New-Item -ItemType Directory -Force $emptyDir | Out-Null
    Set-Content (Join-Path $emptyDir 'BenchEmpty.psd1') "@{ ModuleVersion = '1.0.0'; FunctionsToExport = @(); CmdletsToExport = @() }"
    $bare = 'exit'
    $import = "Import-Module '$ModulePath'"
    $importEmpty = "Import-Module '$(Join-Path $emptyDir 'BenchEmpty.psd1')'"
    $null = Measure-Start $bare; $null = Measure-Start $import; $null = Measure-Start $importEmpty   # warm the file cache
    $bareMs = @(); $importMs = @(); $emptyMs = @()
    foreach ($i in 1..$ImportRuns) {
        # Interleaved, so drift in machine load hits every arm alike.
        $bareMs += Measure-Start $bare
        $importMs += Measure-Start $import
        $emptyMs += Measure-Start $importEmpty
    }
    $b = Get-Median $bareMs; $m = Get-Median $importMs; $e = Get-Median $emptyMs
    $Details.Import = [ordered]@{ runs = $ImportRuns; bareMs = $bareMs; importMs = $importMs; emptyModuleMs = $emptyMs; bareMedianMs = $b; importMedianMs = $m; emptyModuleMedianMs = $e }
    Add-Result 'Import: pwsh + Import-Module vs bare pwsh (median)' (Format-Ms $m) (Format-Ms $b) ($m / $b) '<= 1.2x' (($m / $b) -le 1.2) `
        -Note ("module adds {0:N0} ms; importing an empty manifest module instead adds {1:N0} ms (ratio {2:N2}x): PowerShell's own Import-Module cost" -f ($m - $b), ($e - $b), ($e / $b))

    # Where import time goes, inside one process: Import-Module's own first-use cost (an empty manifest module
    # first), then what our module adds on top, and which assemblies the import loaded.
    $phases = Invoke-ChildPwsh -What 'import phases' -Script @"
`$before = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name })
`$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$(Join-Path $emptyDir 'BenchEmpty.psd1')'
`$emptyMs = `$sw.Elapsed.TotalMilliseconds
`$jit0 = [System.Runtime.JitInfo]::GetCompilationTime(`$false); `$methods0 = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false)
`$sw.Restart()
Import-Module '$ModulePath'
`$importMs = `$sw.Elapsed.TotalMilliseconds
`$jitMs = ([System.Runtime.JitInfo]::GetCompilationTime(`$false) - `$jit0).TotalMilliseconds
`$jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false) - `$methods0
`$loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name } | Where-Object { `$_ -notin `$before })
@{ emptyModuleMs = `$emptyMs; importMs = `$importMs; jitMs = `$jitMs; jitMethods = `$jitMethods; loaded = `$loaded } | ConvertTo-Json -Compress
"@
    $Details.ImportPhases = $phases
    Add-Result 'Import: Import-Module IvsChat in-process (after an empty module)' (Format-Ms $phases.importMs) ('empty module first ' + (Format-Ms $phases.emptyModuleMs)) `
        -Note ("assemblies the import loaded: {0}; JIT compiling {1:N0} methods during the import took {2}" -f (@($phases.loaded) -join ', '), $phases.jitMethods, (Format-Ms $phases.jitMs))
}

#endregion

#region 2. Per call

Invoke-Benchmark 'PerCall' -Rows @("Per call: Get-IvsChatRoom x$Calls vs raw signed HttpClient", "Per call: Get-IvsChatRoom x$Calls vs JS SDK GetRoomCommand", 'First call: Import-Module + first Get-IvsChatRoom vs JS SDK load + first GetRoomCommand') -Targets @('<= 1.5x', '<= 1.0x', '') -Body {
    if ($script:ModuleError) { throw $script:ModuleError }
    Assert-Cmdlet 'Get-IvsChatRoom'
    $emu = Start-BenchEmulator
    $arn = (Invoke-Tool @('seed', '--count', '1') -Emulator $emu).firstArn

    # The reference loops run before and after the PowerShell session; their mean counts (load drift on a shared
    # machine then hits both sides alike).
    $refs = @{ raw = @(); js = @() }
    $refErrors = @{}
    $runRefs = {
        try { $refs.raw += Invoke-Tool @('get', '--arn', $arn, '--count', "$Calls") -Emulator $emu } catch { $refErrors.raw = $_.Exception.Message }
        try { $refs.js += Invoke-Node 'get-room.mjs' @('--arn', $arn, '--count', "$Calls") } catch { $refErrors.js = $_.Exception.Message }
    }
    & $runRefs
    $ps = Invoke-ChildPwsh -What 'per-call pwsh' -Script @"
`$ErrorActionPreference = 'Stop'
`$arn = '$arn'
`$t = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$ModulePath'
`$importMs = `$t.Elapsed.TotalMilliseconds
`$t.Restart()
`$first = Get-IvsChatRoom -Arn `$arn
`$firstMs = `$t.Elapsed.TotalMilliseconds
if (`$first.Arn -ne `$arn) { throw "Get-IvsChatRoom returned `$(`$first.Arn), not `$arn" }
# Same protocol as the C# and JS loops: 100 warm-up calls, then 7 timed rounds; the median round counts.
# Interleaved with each round: the same calls piped into one Get-IvsChatRoom (one cmdlet run, ARNs bound from
# the pipeline), and PowerShell's own floor (the same loop around a trivial compiled cmdlet), so that load
# drift on this shared machine hits all three alike.
foreach (`$i in 1..99) { `$null = Get-IvsChatRoom -Arn `$arn }
`$arns = @(`$arn) * $Calls
`$rounds = @(); `$piped = @(); `$floor = @()
# CPU time of this process per kind of round: unlike wall time, barely moved by other load on the machine.
`$me = [Diagnostics.Process]::GetCurrentProcess()
`$cpu = @{ loop = 0.0; piped = 0.0; floor = 0.0 }
foreach (`$r in 1..7) {
    `$me.Refresh(); `$c0 = `$me.TotalProcessorTime
    `$t.Restart()
    foreach (`$i in 1..$Calls) { `$null = Get-IvsChatRoom -Arn `$arn }
    `$rounds += `$t.Elapsed.TotalMilliseconds
    `$me.Refresh(); `$c1 = `$me.TotalProcessorTime; `$cpu.loop += (`$c1 - `$c0).TotalMilliseconds
    `$t.Restart()
    `$n = (`$arns | Get-IvsChatRoom | Measure-Object).Count
    `$piped += `$t.Elapsed.TotalMilliseconds
    `$me.Refresh(); `$c2 = `$me.TotalProcessorTime; `$cpu.piped += (`$c2 - `$c1).TotalMilliseconds
    `$t.Restart()
    foreach (`$i in 1..$Calls) { `$null = Get-Variable -Name arn }
    `$floor += `$t.Elapsed.TotalMilliseconds
    `$me.Refresh(); `$cpu.floor += (`$me.TotalProcessorTime - `$c2).TotalMilliseconds
}
`$cpuUs = @{ loop = `$cpu.loop * 1000 / (7 * $Calls); piped = `$cpu.piped * 1000 / (7 * $Calls); floor = `$cpu.floor * 1000 / (7 * $Calls) }
`$loopMs = (`$rounds | Sort-Object)[3]
`$pipelineMs = (`$piped | Sort-Object)[3]
`$psFloorMs = (`$floor | Sort-Object)[3]
# Pieces of one invocation, timed alone in this session: settings resolution (done once per cmdlet run),
# and the client called straight from PowerShell, blocking as the cmdlet does.
`$resolveUs = `$null; `$directUs = `$null
try {
    # The module loads its copy in a private load context; this copy (same file) is the one PowerShell can name.
    `$null = [Reflection.Assembly]::LoadFrom('$script:ClientDll')
    `$t.Restart()
    foreach (`$i in 1..200) { `$s = [IvsChat.Client.ClientSettingsResolver]::Resolve([IvsChat.Client.ClientSettingsInput]::new()) }
    `$resolveUs = `$t.Elapsed.TotalMilliseconds * 1000 / 200
    `$client = [IvsChat.Client.IvsChatClient]::new(`$s, `$null)
    `$request = [IvsChat.Client.Model.GetRoomRequest]@{ Identifier = `$arn }
    `$none = [Threading.CancellationToken]::None
    foreach (`$i in 1..50) { `$null = `$client.GetRoomAsync(`$request, `$none).GetAwaiter().GetResult() }
    `$t.Restart()
    foreach (`$i in 1..$Calls) { `$null = `$client.GetRoomAsync(`$request, `$none).GetAwaiter().GetResult() }
    `$directUs = `$t.Elapsed.TotalMilliseconds * 1000 / $Calls
} catch { Write-Warning "client pieces not timed: `$_" }
@{ cpuUs = `$cpuUs; resolveUs = `$resolveUs; directUs = `$directUs; importMs = `$importMs; firstMs = `$firstMs; loopMs = `$loopMs; roundMs = @(`$rounds); pipelineMs = `$pipelineMs; pipelineCount = `$n; psFloorMs = `$psFloorMs} | ConvertTo-Json -Compress
"@
    $oursUs = $ps.loopMs * 1000 / $Calls
    $Details.PerCall = [ordered]@{ pwsh = $ps }

    & $runRefs
    $Details.PerCall.raw = $refs.raw
    $Details.PerCall.js = $refs.js
    $raw = if ($refs.raw.Count) { [pscustomobject]@{
            perCallUs = ($refs.raw | Measure-Object perCallUs -Average).Average
            signAndBuildUs = ($refs.raw | Measure-Object signAndBuildUs -Average).Average
            jsonParseUs = ($refs.raw | Measure-Object jsonParseUs -Average).Average } }
    $js = if ($refs.js.Count) { [pscustomobject]@{
            perCallUs = ($refs.js | Measure-Object perCallUs -Average).Average
            firstCallMs = ($refs.js | Measure-Object firstCallMs -Minimum).Minimum
            loadMs = ($refs.js | Measure-Object loadMs -Minimum).Minimum } }
    if ($raw) {
        $r = $oursUs / $raw.perCallUs
        Add-Result "Per call: Get-IvsChatRoom x$Calls vs raw signed HttpClient" (Format-Us $oursUs) (Format-Us $raw.perCallUs) $r '<= 1.5x' ($r -le 1.5)
    }
    else { Add-NotMeasured "Per call: Get-IvsChatRoom x$Calls vs raw signed HttpClient" $refErrors.raw '<= 1.5x' }
    if ($js) {
        $r = $oursUs / $js.perCallUs
        Add-Result "Per call: Get-IvsChatRoom x$Calls vs JS SDK GetRoomCommand" (Format-Us $oursUs) (Format-Us $js.perCallUs) $r '<= 1.0x' ($r -le 1.0)
        # Import-Module loads nothing but IvsChat.dll; the first call loads the client and AWSSDK.Core. Node loads
        # the whole SDK up front: so compare load + first call on both sides.
        $oursFirst = $ps.importMs + $ps.firstMs
        $jsFirst = $js.loadMs + $js.firstCallMs
        Add-Result 'First call: Import-Module + first Get-IvsChatRoom vs JS SDK load + first GetRoomCommand' (Format-Ms $oursFirst) (Format-Ms $jsFirst) ($oursFirst / $jsFirst) `
            -Note ('Import-Module {0}, first call {1}; JS SDK load {2}, first call {3}' -f (Format-Ms $ps.importMs), (Format-Ms $ps.firstMs), (Format-Ms $js.loadMs), (Format-Ms $js.firstCallMs))
    }
    else {
        Add-NotMeasured "Per call: Get-IvsChatRoom x$Calls vs JS SDK GetRoomCommand" $refErrors.js '<= 1.0x'
        Add-Result 'First call: Import-Module + first Get-IvsChatRoom vs JS SDK load + first GetRoomCommand' (Format-Ms ($ps.importMs + $ps.firstMs)) -Note ('Import-Module {0}, first call {1}' -f (Format-Ms $ps.importMs), (Format-Ms $ps.firstMs))
    }

    # Where the first call's time goes, in another fresh session: loading AWSSDK.Core and resolving settings,
    # the client's first request, then the first cmdlet call once those are warm.
    try {
        $fp = Invoke-ChildPwsh -What 'first-call phases' -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
# JIT time of this process (all threads) across the first call's phases: our assemblies are not ReadyToRun.
`$jit0 = [System.Runtime.JitInfo]::GetCompilationTime(`$false); `$methods0 = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false)
`$t = [Diagnostics.Stopwatch]::StartNew()
`$null = [Reflection.Assembly]::LoadFrom('$script:ClientDll')
`$s = [IvsChat.Client.ClientSettingsResolver]::Resolve([IvsChat.Client.ClientSettingsInput]::new())
`$resolveMs = `$t.Elapsed.TotalMilliseconds
`$t.Restart()
`$client = [IvsChat.Client.IvsChatClient]::new(`$s, `$null)
`$null = `$client.GetRoomAsync([IvsChat.Client.Model.GetRoomRequest]@{ Identifier = '$arn' }, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
`$clientMs = `$t.Elapsed.TotalMilliseconds
`$t.Restart()
`$null = Get-IvsChatRoom -Arn '$arn'
`$cmdletMs = `$t.Elapsed.TotalMilliseconds
`$jitMs = ([System.Runtime.JitInfo]::GetCompilationTime(`$false) - `$jit0).TotalMilliseconds
`$jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false) - `$methods0
@{ jitMs = `$jitMs; jitMethods = `$jitMethods; resolveMs = `$resolveMs; clientFirstRequestMs = `$clientMs; cmdletAfterThoseMs = `$cmdletMs } | ConvertTo-Json -Compress
"@
        $Details.FirstCallPhases = $fp
        $note = 'loading IvsChat.Client + first settings resolution (loads AWSSDK.Core) {0}; first client request (HttpClient, JSON, signer) {1}; then first cmdlet call {2}; of all that, JIT compiling {3:N0} methods took {4}' -f `
            (Format-Ms $fp.resolveMs), (Format-Ms $fp.clientFirstRequestMs), (Format-Ms $fp.cmdletAfterThoseMs), $fp.jitMethods, (Format-Ms $fp.jitMs)
        Add-Result 'First call: where the time goes' (Format-Ms ($fp.resolveMs + $fp.clientFirstRequestMs + $fp.cmdletAfterThoseMs)) -Note $note
    }
    catch { Write-Host "  first-call phases not timed: $($_.Exception.Message)" -ForegroundColor DarkYellow }

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
    if ($client) {
        $parts += 'IvsChat.Client alone {0:N0} µs (async/await); the same client blocking a dedicated thread per call, as the cmdlets do (GetAwaiter().GetResult()) {1:N0} µs' -f $client.perCallUs, $client.blockingPerCallUs
    }
    else { $parts += "IvsChat.Client alone: not measured ($($script:ClientLoopError))" }
    if ($null -ne $ps.directUs) { $parts += 'the same client called from PowerShell, blocking {0:N0} µs; ClientSettingsResolver.Resolve (once per cmdlet run) {1:N0} µs' -f $ps.directUs, $ps.resolveUs }
    $parts += 'cmdlet {0:N0} µs; same calls piped into one Get-IvsChatRoom {1:N0} µs; trivial compiled cmdlet (Get-Variable) in the same loop {2:N0} µs' -f $oursUs, ($ps.pipelineMs * 1000 / $Calls), ($ps.psFloorMs * 1000 / $Calls)
    Add-Result 'Per call: where the time goes' (Format-Us $oursUs) -Note ($parts -join '; ')

    # The same comparison in CPU time of the calling process (robust to other load; the service's CPU excluded).
    if ($raw -and $refs.raw[0].PSObject.Properties['cpuUsPerCall']) {
        $rawCpu = ($refs.raw | Measure-Object cpuUsPerCall -Average).Average
        $cpuParts = @('raw C# {0:N0} µs' -f $rawCpu)
        if ($js) { $cpuParts += 'JS SDK {0:N0} µs' -f ($refs.js | Measure-Object cpuUsPerCall -Average).Average }
        if ($client -and $client.cpuUsPerCall) { $cpuParts += 'IvsChat.Client alone {0:N0} µs' -f $client.cpuUsPerCall }
        $cpuParts += 'piped into one Get-IvsChatRoom {0:N0} µs; Get-Variable loop {1:N0} µs' -f $ps.cpuUs.piped, $ps.cpuUs.floor
        Add-Result 'Per call, CPU of the caller: Get-IvsChatRoom vs raw signed HttpClient' ('{0:N0} µs/call' -f $ps.cpuUs.loop) ('{0:N0} µs/call' -f $rawCpu) ($ps.cpuUs.loop / $rawCpu) -Note ($cpuParts -join '; ')
    }
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
    $f = Invoke-Tool @('fanout', '--messaging-endpoint', $emu.MessagingEndpoint, '--clients', "$FanOutClients", '--messages', "$FanOutMessages", '--rate', '10', '--emulator-pid', "$($emu.Process.Id)") -Emulator $emu
    $peakMB = Get-PeakMemoryMB $emu.Process.Id
    $Details.FanOut = [ordered]@{ tool = $f; emulatorIdlePeakMB = $idleMB; emulatorPeakMB = $peakMB }
    $note = "delivered $($f.delivered)/$($f.expected); out of order $($f.outOfOrder); ERROR frames $($f.errorFrames); connect $(Format-Ms $f.connectMs), tokens $(Format-Ms $f.tokensMs)"
    if (@($f.failures).Count) { $note += "; failures: $(@($f.failures) -join ' | ')" }
    Add-Result "Fan-out: $FanOutClients clients x $FanOutMessages messages, all delivered in order" "$($f.complete)/$FanOutClients clients complete" -Target 'all' -Met ($f.complete -eq $FanOutClients) -Note $note
    Add-Result 'Fan-out: delivery latency p99 (p50)' ('{0:N1} ms ({1:N1} ms)' -f $f.p99Ms, $f.p50Ms) -Target '< 100 ms' -Met ($f.p99Ms -lt 100 -and $f.delivered -gt 0) `
        -Note ('max {0:N1} ms; p99 without the first second (JIT warm-up) {1:N1} ms; slowest viewer per message, first 10: {2} ms' -f $f.maxMs, $f.p99AfterFirstSecondMs, (@($f.perMessageMaxMs | Select-Object -First 10) -join ', '))
    $cpuNote = if ($null -ne $f.emulatorCpuSeconds) {
        'CPU during the {0:N1} s of sending: service {1:N1} s, the 1,001 clients {2:N1} s (of {3:N0} s available on {4} cores)' -f $f.sendPhaseSeconds, $f.emulatorCpuSeconds, $f.clientsCpuSeconds, ($f.sendPhaseSeconds * [Environment]::ProcessorCount), [Environment]::ProcessorCount
    } else { '' }
    Add-Result 'Fan-out: local service peak memory (VmHWM)' ('{0:N0} MB' -f $peakMB) ('idle {0:N0} MB' -f $idleMB) -Note $cpuNote
}

#endregion

#region report

$table = @(
    '| Benchmark | Ours | Reference | Ratio | Target | Result |'
    '|---|---|---|---|---|---|'
    foreach ($r in $Results) {
        $ratio = if ($null -ne $r.Ratio) { '{0:N2}x' -f $r.Ratio } else { '' }
        $cells = @($r.Benchmark, $r.Ours, $r.Reference, $ratio, $r.Target, $r.Result) | ForEach-Object { "$_".Replace('|', '\|') }
        "| $($cells -join ' | ') |"
    }
)
$notes = foreach ($r in $Results | Where-Object Note) { "- $($r.Benchmark): $($r.Note)" }
$machine = "$([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), .NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion), node $(if (Get-Command node -ErrorAction SilentlyContinue) { (& node --version) })"
$loadAtEnd = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1
if ($LoadAtStart) { $machine += "; load average $LoadAtStart at start, $loadAtEnd at end" }
$stamp = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm') + ' UTC'
$markdown = @("Benchmarks ($stamp; $machine)", '') + $table + @('', 'Notes:') + $notes
$markdown | Set-Content (Join-Path $BenchOut 'results.md')
[ordered]@{ timestamp = $stamp; machine = $machine; results = $Results; details = $Details } |
    ConvertTo-Json -Depth 8 | Set-Content (Join-Path $BenchOut 'results.json')

Write-Host ''
$markdown | ForEach-Object { Write-Output $_ }
Write-Host "`nWritten: $(Join-Path $BenchOut 'results.json'), $(Join-Path $BenchOut 'results.md')"

#endregion
