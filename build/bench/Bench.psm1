# Shared by build/Bench.ps1 and the benchmark scripts beside this file (Import.ps1, PerCall.ps1, Listing.ps1,
# Quota.ps1, FanOut.ps1): the settings of the run, the result rows, child processes (pwsh, Bench.Tool, node) and
# the local service. Each benchmark script adds its rows with Add-Result; Write-BenchReport prints and saves them.

Import-Module (Join-Path $PSScriptRoot '../IvsChatDev.psm1')

$script:Results = [System.Collections.Generic.List[object]]::new()
$script:Details = [ordered]@{}
$script:Emulators = [System.Collections.Generic.List[object]]::new()
$script:Settings = $null

function Initialize-Bench {
    # Builds the tools, checks node and the module; returns the settings every benchmark reads.
    param([Parameter(Mandatory)][hashtable] $Settings)
    $s = $Settings
    $script:Settings = $s
    New-Item -ItemType Directory -Force $s.BenchOut | Out-Null
    $s.ToolPwsh = @(Get-PwshCommand)
    $s.Pwsh = Get-ReleaseLayoutPwsh -Tool $s.ToolPwsh -Into (Join-Path $s.BenchOut 'pwsh-readytorun')
    $s.LoadAtStart = Get-LoadAverage

    Write-Host 'Preparing: bench tools, JS SDK, module' -ForegroundColor Cyan
    $s.ToolDll = $null; $s.ToolError = $null
    $toolOut = Join-Path $s.BenchOut 'bin/tool'
    $log = & dotnet build (Join-Path $PSScriptRoot 'Bench.Tool/Bench.Tool.csproj') -c Release -o $toolOut -nologo -clp:ErrorsOnly 2>&1
    if ($LASTEXITCODE -eq 0) { $s.ToolDll = Join-Path $toolOut 'Bench.Tool.dll' }
    else { $s.ToolError = "Bench.Tool did not build: $(($log | Select-Object -Last 2) -join ' ')" }

    # Times IvsChat.Client alone (no PowerShell), built against the module's own IvsChat.Client.dll.
    $s.ClientLoopDll = $null; $s.ClientLoopError = $null
    $clientOut = Join-Path $s.BenchOut 'bin/clientloop'
    $log = & dotnet build (Join-Path $PSScriptRoot 'Bench.ClientLoop/Bench.ClientLoop.csproj') -c Release -o $clientOut -nologo `
        -clp:ErrorsOnly "-p:IvsChatModuleDir=$(Split-Path $s.ModulePath -Parent)" 2>&1
    if ($LASTEXITCODE -eq 0) { $s.ClientLoopDll = Join-Path $clientOut 'Bench.ClientLoop.dll' }
    else { $s.ClientLoopError = "Bench.ClientLoop did not build against this IvsChat.Client: $(($log | Select-Object -Last 1) -join ' ')" }

    $s.NodeError = $null
    $conformance = Join-Path $PSScriptRoot '../../tests/conformance'
    if (-not (Get-Command node -ErrorAction SilentlyContinue)) { $s.NodeError = 'node is not installed' }
    elseif (-not (Test-Path (Join-Path $conformance 'node_modules/@aws-sdk/client-ivschat'))) {
        Push-Location $conformance
        try {
            # To the host: anything written to the output would join the settings this function returns.
            & npm ci --no-audit --no-fund --loglevel=error | Out-Host
            if ($LASTEXITCODE -ne 0) { $s.NodeError = 'npm ci in tests/conformance failed' }
        }
        finally { Pop-Location }
    }

    # The IvsChat.Client.dll PowerShell 7 loads (core/ is the build the manifest picks for pwsh 7).
    $moduleDir = Split-Path $s.ModulePath -Parent
    $s.ClientDll = @((Join-Path $moduleDir 'core/Dependencies/IvsChat.Client.dll'), (Join-Path $moduleDir 'Dependencies/IvsChat.Client.dll')) |
        Where-Object { Test-Path $_ } | Select-Object -First 1

    $s.ModuleCmdlets = @(); $s.ModuleError = $null
    try {
        $probe = Invoke-ChildPwsh -What 'module probe' -Command @"
`$m = Import-Module '$($s.ModulePath)' -PassThru
@{ Cmdlets = @(`$m.ExportedCmdlets.Keys); Version = "`$(`$m.Version)" } | ConvertTo-Json -Compress
"@
        $s.ModuleCmdlets = @($probe.Cmdlets)
        Write-Host "  module $($probe.Version): $($s.ModuleCmdlets.Count) cmdlets"
    }
    catch { $s.ModuleError = "the module does not import: $($_.Exception.Message)" }
    $s
}

function Get-ReleaseLayoutPwsh {
    # The children run PowerShell as its release packages ship it: ReadyToRun-compiled (PowerShell PR #12361). The
    # .NET tool this repo restores is IL only (.NET tools cannot ship native code), so a fresh pwsh JIT-compiles
    # PowerShell's own start-up and Import-Module work, which no user's installed pwsh does. The tool's folder is
    # copied and its PowerShell assemblies precompiled with the crossgen2 that build/ReadyToRun restores (once,
    # kept until the tool changes). Elsewhere than linux-x64, or without crossgen2, the tool as it is.
    param([Parameter(Mandatory)][string[]] $Tool, [Parameter(Mandatory)][string] $Into)
    $toolDir = Split-Path ($Tool | Select-Object -Last 1)
    $runtime = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
    $crossgen = Join-Path (Get-NuGetPackagesFolder) "microsoft.netcore.app.crossgen2.linux-x64/$([Environment]::Version)/tools/crossgen2"
    $script:Settings.PwshLayout = 'the .NET tool as restored (IL only, JIT-compiled)'
    if ($Tool.Count -ne 2 -or -not $IsLinux -or [Runtime.InteropServices.RuntimeInformation]::OSArchitecture -ne 'X64' -or -not (Test-Path $crossgen)) {
        Write-Host "  pwsh: $($script:Settings.PwshLayout) (no crossgen2 for this platform at $crossgen)" -ForegroundColor Yellow
        return $Tool
    }
    $stamp = Join-Path $Into '.source'
    if (-not (Test-Path $stamp) -or (Get-Content $stamp -Raw).Trim() -ne "$toolDir $runtime") {
        Write-Host '  pwsh: precompiling the tool''s PowerShell assemblies (as PowerShell''s release packages are)'
        if (Test-Path $Into) { Remove-Item $Into -Recurse -Force }
        Copy-Item $toolDir $Into -Recurse
        $assemblies = 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
            'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'pwsh', 'Microsoft.ApplicationInsights', 'Newtonsoft.Json'
        # A response file: pwsh would expand the wildcards itself on a native command line.
        $references = Join-Path $Into '.references.rsp'
        Set-Content $references @("-r:$(Join-Path $runtime '*.dll')", "-r:$(Join-Path $toolDir '*.dll')")
        foreach ($name in $assemblies) {
            $log = & $crossgen "@$references" --targetos linux --targetarch x64 -O (Join-Path $toolDir "$name.dll") -o (Join-Path $Into "$name.dll") 2>&1
            if ($LASTEXITCODE -ne 0) {
                Write-Host "  pwsh: crossgen2 failed on ${name}: $(($log | Select-Object -Last 1))" -ForegroundColor Yellow
                return $Tool
            }
        }
        Set-Content $stamp "$toolDir $runtime"
    }
    $script:Settings.PwshLayout = 'the release layout: the .NET tool''s PowerShell assemblies ReadyToRun-compiled, as PowerShell''s packages ship them'
    @($Tool[0], (Join-Path $Into (Split-Path $Tool[1] -Leaf)))
}

function Get-FloorModule {
    # Manifest-only modules that show what PowerShell itself costs an import: Empty (nothing), and FormatView (one
    # one-column view: PowerShell rebuilds its whole format table whenever a module brings format data).
    $dir = Join-Path $script:Settings.BenchOut 'floor'
    New-Item -ItemType Directory -Force $dir | Out-Null
    $modules = [ordered]@{}
    foreach ($name in 'BenchEmpty', 'BenchEmptyToo', 'BenchFormatView') {
        $formats = if ($name -eq 'BenchFormatView') { "; FormatsToProcess = @('$name.Format.ps1xml')" } else { '' }
        Set-Content (Join-Path $dir "$name.psd1") "@{ ModuleVersion = '1.0.0'; FunctionsToExport = @(); CmdletsToExport = @()$formats }"
        $modules[$name] = Join-Path $dir "$name.psd1"
    }
    Set-Content (Join-Path $dir 'BenchFormatView.Format.ps1xml') @'
<?xml version="1.0" encoding="utf-8"?>
<Configuration><ViewDefinitions><View>
  <Name>Bench.Thing</Name><ViewSelectedBy><TypeName>Bench.Thing</TypeName></ViewSelectedBy>
  <TableControl><TableHeaders><TableColumnHeader><Label>Name</Label></TableColumnHeader></TableHeaders>
  <TableRowEntries><TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>Name</PropertyName></TableColumnItem>
  </TableColumnItems></TableRowEntry></TableRowEntries></TableControl>
</View></ViewDefinitions></Configuration>
'@
    @{ Empty = $modules.BenchEmpty; EmptyToo = $modules.BenchEmptyToo; FormatView = $modules.BenchFormatView }
}

function Get-LoadAverage { ((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1) }

function Add-Result {
    # One table row. $Met: $true/$false against the target, $null when there is no target (information).
    param([string] $Name, [string] $Ours, [string] $Reference = '', [double] $Ratio = [double]::NaN,
        [string] $Target = '', $Met = $null, [string] $Note = '')
    $status = if ($null -eq $Met) { 'info' } elseif ($Met) { 'met' } else { 'missed' }
    $script:Results.Add([pscustomobject][ordered]@{
            Benchmark = $Name; Ours = $Ours; Reference = $Reference
            Ratio = if ([double]::IsNaN($Ratio)) { $null } else { [Math]::Round($Ratio, 2) }
            Target = $Target; Result = $status; Note = $Note
        })
    $shownRatio = if ([double]::IsNaN($Ratio)) { '-' } else { '{0:N2}' -f $Ratio }
    Write-Host ("  {0}: {1} | {2} | ratio {3} | {4} {5}" -f $Name, $Ours, $Reference, $shownRatio, $Target, $status)
}

function Add-NotMeasured([string] $Name, [string] $Why, [string] $Target = '') {
    $script:Results.Add([pscustomobject][ordered]@{
            Benchmark = $Name; Ours = ''; Reference = ''; Ratio = $null; Target = $Target; Result = "not measured: $Why"; Note = ''
        })
    Write-Host "  ${Name}: not measured: $Why" -ForegroundColor Yellow
}

function Set-Detail([string] $Name, $Value) { $script:Details[$Name] = $Value }

function Invoke-Benchmark {
    # Runs one benchmark; a missing piece makes its rows "not measured" instead of failing the run.
    param([string] $Name, [string[]] $Rows, [string[]] $Targets, [scriptblock] $Body)
    Write-Host "`n=== $Name" -ForegroundColor Cyan
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $before = $script:Results.Count
    try { & $Body }
    catch {
        $why = ($_.Exception.Message -split "`r?`n" | Where-Object { $_ } | Select-Object -First 2) -join ' '
        foreach ($i in 0..($Rows.Count - 1)) {
            if (-not ($script:Results | Select-Object -Skip $before | Where-Object Benchmark -eq $Rows[$i])) { Add-NotMeasured $Rows[$i] $why $Targets[$i] }
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
    # A fresh pwsh that imports the module as a user would: a script file of build/bench/child (with its
    # parameters) or a command. Its last JSON line is the result.
    param([string] $File, [hashtable] $Parameters = @{}, [string] $Command, [string] $What = 'pwsh', [string[]] $Pwsh = $script:Settings.Pwsh)
    $pwsh = $Pwsh
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive')
    if ($File) {
        $arguments += @('-File', (Join-Path $PSScriptRoot "child/$File"))
        foreach ($p in $Parameters.GetEnumerator()) { $arguments += @("-$($p.Key)", "$($p.Value)") }
    }
    else { $arguments += @('-Command', $Command) }
    $errors = [System.Collections.Generic.List[string]]::new()
    $lines = & $pwsh[0] @arguments 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [$What] $_" -ForegroundColor DarkYellow; $errors.Add("$_") } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) {
        $why = @($errors | Where-Object { $_ -match '\w' -and $_ -notmatch '^\s*(Line \||\d+ \||\|)' }) + @($lines) | Select-Object -Last 2
        throw "$What failed (exit $LASTEXITCODE): $($why -join ' ')"
    }
    Read-LastJson $lines $What
}

function Invoke-Tool {
    # Bench.Tool (raw signed HttpClient floor, seeding, fan-out); -Emulator passes the service's settings.
    param([Parameter(Mandatory)][string[]] $Arguments, $Emulator)
    if (-not $script:Settings.ToolDll) { throw $script:Settings.ToolError }
    $a = @($script:Settings.ToolDll) + $Arguments
    if ($Emulator) {
        $a += @('--endpoint', $Emulator.Endpoint, '--region', $Emulator.Region, '--access-key', $Emulator.AccessKey, '--secret-key', $Emulator.SecretKey)
    }
    $lines = & dotnet @a 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [tool] $_" -ForegroundColor DarkGray } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) { throw "Bench.Tool $($Arguments[0]) failed: $(($lines | Select-Object -Last 3) -join ' ')" }
    Read-LastJson $lines "Bench.Tool $($Arguments[0])"
}

function Invoke-ClientLoop([string[]] $Arguments) {
    # IvsChat.Client alone, in C# (Bench.ClientLoop).
    if (-not $script:Settings.ClientLoopDll) { throw $script:Settings.ClientLoopError }
    $lines = & dotnet $script:Settings.ClientLoopDll @Arguments 2>&1 | ForEach-Object { "$_" }
    if ($LASTEXITCODE -ne 0) { throw "Bench.ClientLoop failed: $(($lines | Select-Object -Last 2) -join ' ')" }
    Read-LastJson $lines 'Bench.ClientLoop'
}

function Invoke-Node {
    # A script of build/bench/js (AWS's JS SDK); its last JSON line is the result.
    param([Parameter(Mandatory)][string] $ScriptName, [string[]] $Arguments = @())
    if ($script:Settings.NodeError) { throw $script:Settings.NodeError }
    $lines = & node (Join-Path $PSScriptRoot "js/$ScriptName") @Arguments 2>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { Write-Host "  [node] $_" -ForegroundColor DarkGray } else { "$_" }
    }
    if ($LASTEXITCODE -ne 0) { throw "node $ScriptName failed: $(($lines | Select-Object -Last 3) -join ' ')" }
    Read-LastJson $lines "node $ScriptName"
}

function Start-BenchEmulator {
    # The local service on a free port, with the module's and the JS SDK's environment pointed at it; stopped
    # when the benchmark ends.
    param([string[]] $Arguments = @())
    try { $e = Start-LocalIvsChatService -EmulatorDll $script:Settings.EmulatorDll -ArgumentList $Arguments }
    catch { throw "the local service did not start ($($_.Exception.Message.Trim()))" }
    $script:Emulators.Add($e)
    Use-LocalIvsChatService $e
    $e
}

function Stop-BenchEmulators {
    foreach ($e in $script:Emulators) { Stop-LocalIvsChatService $e }
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

function Assert-BenchModule([string[]] $Cmdlets) {
    # Throws (so the benchmark's rows say "not measured") when the module or a cmdlet is missing.
    if ($script:Settings.ModuleError) { throw $script:Settings.ModuleError }
    $missing = $Cmdlets | Where-Object { $_ -notin $script:Settings.ModuleCmdlets }
    if ($missing) { throw "cmdlet $($missing -join ', ') is not in the built module yet" }
}

function Format-Ms([double] $Ms) { if ($Ms -ge 100) { '{0:N0} ms' -f $Ms } else { '{0:N2} ms' -f $Ms } }
function Format-Us([double] $Us) { '{0:N0} µs/call' -f $Us }

function Write-BenchReport {
    # Prints the table and writes results.md and results.json (every raw number) into the bench folder.
    $s = $script:Settings
    $table = @(
        '| Benchmark | Ours | Reference | Ratio | Target | Result |'
        '|---|---|---|---|---|---|'
        foreach ($r in $script:Results) {
            $ratio = if ($null -ne $r.Ratio) { '{0:N2}x' -f $r.Ratio } else { '' }
            $cells = @($r.Benchmark, $r.Ours, $r.Reference, $ratio, $r.Target, $r.Result) | ForEach-Object { "$_".Replace('|', '\|') }
            "| $($cells -join ' | ') |"
        }
    )
    $notes = foreach ($r in $script:Results | Where-Object Note) { "- $($r.Benchmark): $($r.Note)" }
    $node = if (Get-Command node -ErrorAction SilentlyContinue) { & node --version }
    $machine = "$([Environment]::ProcessorCount) cores, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), " +
        ".NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion) ($($s.PwshLayout)), node $node"
    if ($s.LoadAtStart) { $machine += "; load average $($s.LoadAtStart) at start, $(Get-LoadAverage) at end" }
    $stamp = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm') + ' UTC'
    $markdown = @("Benchmarks ($stamp; $machine)", '') + $table + @('', 'Notes:') + $notes
    $markdown | Set-Content (Join-Path $s.BenchOut 'results.md')
    [ordered]@{ timestamp = $stamp; machine = $machine; results = $script:Results; details = $script:Details } |
        ConvertTo-Json -Depth 8 | Set-Content (Join-Path $s.BenchOut 'results.json')
    Write-Host ''
    $markdown | ForEach-Object { Write-Output $_ }
    Write-Host "`nWritten: $(Join-Path $s.BenchOut 'results.json'), $(Join-Path $s.BenchOut 'results.md')"
}

Export-ModuleMember -Function Initialize-Bench, Add-Result, Add-NotMeasured, Set-Detail, Invoke-Benchmark, Get-Median,
    Read-LastJson, Invoke-ChildPwsh, Invoke-Tool, Invoke-ClientLoop, Invoke-Node, Start-BenchEmulator, Get-PeakMemoryMB,
    Get-EmulatorCounts, Assert-BenchModule, Format-Ms, Format-Us, Write-BenchReport, Get-FloorModule
