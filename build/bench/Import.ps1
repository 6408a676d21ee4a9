# 1. Import: a fresh pwsh + Import-Module vs a bare pwsh (and vs importing an empty manifest module), then where the
# import time goes inside one process.
param([Parameter(Mandatory)][hashtable] $Bench)

$rows = @('Import: pwsh + Import-Module vs bare pwsh (median)', 'Import: Import-Module IvsChat in-process (after an empty module)',
    'Import floor: a module with one format view, in-process (after an empty module)')
Invoke-Benchmark 'Import' -Rows $rows -Targets @('<= 1.2x', '<= 10 ms', '') -Body {
    Assert-BenchModule @()
    $exe = $Bench.Pwsh[0]; $rest = @($Bench.Pwsh | Select-Object -Skip 1)
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
    $floor = Get-FloorModule
    $emptyModule = $floor.Empty
    $bare = 'exit'
    $import = "Import-Module '$($Bench.ModulePath)'"
    $importEmpty = "Import-Module '$emptyModule'"
    $null = Measure-Start $bare; $null = Measure-Start $import; $null = Measure-Start $importEmpty   # warm the file cache
    $bareMs = @(); $importMs = @(); $emptyMs = @()
    foreach ($i in 1..$Bench.ImportRuns) {
        # Interleaved, so drift in machine load hits every arm alike.
        $bareMs += Measure-Start $bare
        $importMs += Measure-Start $import
        $emptyMs += Measure-Start $importEmpty
    }
    $b = Get-Median $bareMs; $m = Get-Median $importMs; $e = Get-Median $emptyMs
    Set-Detail Import ([ordered]@{
            runs = $Bench.ImportRuns; bareMs = $bareMs; importMs = $importMs; emptyModuleMs = $emptyMs
            bareMedianMs = $b; importMedianMs = $m; emptyModuleMedianMs = $e
        })
    $note = "module adds {0:N0} ms; importing an empty manifest module instead adds {1:N0} ms (ratio {2:N2}x): PowerShell's own Import-Module cost" -f
        ($m - $b), ($e - $b), ($e / $b)
    Add-Result $rows[0] (Format-Ms $m) (Format-Ms $b) ($m / $b) '<= 1.2x' (($m / $b) -le 1.2) -Note $note

    # Where import time goes, inside one process: Import-Module's own first-use cost (an empty manifest module
    # first), then what our module adds on top (median of 5 processes), and which assemblies the import loaded.
    $phases = foreach ($i in 1..5) {
        Invoke-ChildPwsh -What 'import phases' -File 'ImportPhases.ps1' -Parameters @{ ModulePath = $Bench.ModulePath; EmptyModulePath = $emptyModule }
    }
    Set-Detail ImportPhases $phases
    $ours = Get-Median @($phases.importMs); $empty = Get-Median @($phases.emptyModuleMs)
    $last = @($phases)[-1]
    $note = "median of 5 processes; assemblies the import loaded: {0}; JIT compiling {1:N0} methods during the import took {2}" -f `
        (@($last.loaded) -join ', '), $last.jitMethods, (Format-Ms $last.jitMs)
    Add-Result $rows[1] (Format-Ms $ours) ('empty module first ' + (Format-Ms $empty)) -Target '<= 10 ms' -Met ($ours -le 10) -Note $note

    # PowerShell's own part of that, in the same kind of process: a second empty module, and a module that brings
    # nothing but one one-column view (for any format data PowerShell rebuilds its whole format table).
    $floorMs = @{}
    foreach ($name in 'EmptyToo', 'FormatView') {
        $parameters = @{ ModulePath = $floor[$name]; EmptyModulePath = $emptyModule }
        $floorMs[$name] = Get-Median @(foreach ($i in 1..5) {
                (Invoke-ChildPwsh -What 'import floor' -File 'ImportPhases.ps1' -Parameters $parameters).importMs
            })
    }
    Set-Detail ImportFloor $floorMs
    $note = 'median of 5 processes each; a second empty module: {0}; what the format view adds leaves {1} of the 10 ms for anything else' -f
        (Format-Ms $floorMs.EmptyToo), (Format-Ms ([Math]::Max(0, 10 - $floorMs.FormatView)))
    Add-Result $rows[2] (Format-Ms $floorMs.FormatView) -Note $note
}
