# 2. First call and per call: Get-IvsChatRoom -Arn against the raw signed HttpClient loop (the floor) and the JS
# SDK's GetRoomCommand loop, then where the time goes.
param([Parameter(Mandatory)][hashtable] $Bench)

$calls = $Bench.Calls
$rows = @(
    "First call: Import-Module + first Get-IvsChatRoom vs JS SDK load + first GetRoomCommand (median of $($Bench.FirstCallRuns) fresh processes)"
    "Per call: Get-IvsChatRoom x$calls vs raw signed HttpClient"
    "Per call: Get-IvsChatRoom x$calls vs JS SDK GetRoomCommand"
)
Invoke-Benchmark 'PerCall' -Rows $rows -Targets @('<= 1.0x', '<= 1.5x', '<= 1.0x') -Body {
    Assert-BenchModule 'Get-IvsChatRoom'
    $emu = Start-BenchEmulator
    $arn = (Invoke-Tool @('seed', '--count', '1') -Emulator $emu).firstArn

    # First call, in fresh processes on both sides (interleaved): the module's import + first call vs the JS SDK's
    # load + first call, each timed inside its process.
    # A third arm: the floor any module's first call stands on here (PowerShell's and .NET's first use).
    $first = @{ ours = @(); js = @(); floor = @(); detail = @() }
    $floorParameters = @{ EmptyModulePath = (Get-FloorModule).Empty; Endpoint = $emu.Endpoint }
    foreach ($i in 1..$Bench.FirstCallRuns) {
        $o = Invoke-ChildPwsh -What 'first call' -File 'FirstCall.ps1' -Parameters @{ ModulePath = $Bench.ModulePath; Arn = $arn }
        $first.ours += $o.importMs + $o.firstMs
        $first.detail += $o
        $f = Invoke-ChildPwsh -What 'first call floor' -File 'FirstCallFloor.ps1' -Parameters $floorParameters
        $first.floor += $f.importMs + $f.firstMs
        try {
            $j = Invoke-Node 'get-room.mjs' @('--arn', $arn, '--count', '1', '--warmup', '1', '--rounds', '1')
            $first.js += $j.loadMs + $j.firstCallMs
        }
        catch { $first.jsError = $_.Exception.Message }
    }
    # The same in the .NET tool's pwsh as restored (IL only), when the children run the release layout.
    $first.toolLayout = @(if ($Bench.Pwsh[-1] -ne $Bench.ToolPwsh[-1]) {
            foreach ($i in 1..3) {
                $o = Invoke-ChildPwsh -What 'first call (tool layout)' -File 'FirstCall.ps1' -Parameters @{
                    ModulePath = $Bench.ModulePath; Arn = $arn
                } -Pwsh $Bench.ToolPwsh
                $o.importMs + $o.firstMs
            }
        })
    Set-Detail FirstCall $first
    $oursFirst = Get-Median $first.ours
    $note = 'Import-Module {0}, first call {1}; CPU time of the process for both {2} (medians)' -f (Format-Ms (Get-Median @($first.detail.importMs))),
        (Format-Ms (Get-Median @($first.detail.firstMs))), (Format-Ms (Get-Median @($first.detail.cpuMs)))
    if ($first.toolLayout.Count) { $note += "; in the .NET tool's IL-only pwsh instead: {0} (median of 3)" -f (Format-Ms (Get-Median $first.toolLayout)) }
    if ($first.js.Count) {
        $jsFirst = Get-Median $first.js
        Add-Result $rows[0] (Format-Ms $oursFirst) (Format-Ms $jsFirst) ($oursFirst / $jsFirst) '<= 1.0x' (($oursFirst / $jsFirst) -le 1.0) -Note $note
        $floorFirst = Get-Median $first.floor
        $note = ('a fresh pwsh: Import-Module of an empty manifest module, then one unsigned HttpClient POST from script and a JSON ' +
            'parse of the answer (median of {0}, interleaved with the row above); ours beyond it: {1}') -f
            $Bench.FirstCallRuns, (Format-Ms ($oursFirst - $floorFirst))
        Add-Result 'First call floor: what any module pays here (PowerShell and .NET first use) vs JS SDK load + first GetRoomCommand' `
            (Format-Ms $floorFirst) (Format-Ms $jsFirst) ($floorFirst / $jsFirst) -Note $note
    }
    else { Add-NotMeasured $rows[0] $first.jsError '<= 1.0x' }

    # The reference loops run before and after the PowerShell session; their mean counts (load drift on a shared
    # machine then hits both sides alike).
    $refs = @{ raw = @(); js = @() }
    $refErrors = @{}
    $runRefs = {
        try { $refs.raw += Invoke-Tool @('get', '--arn', $arn, '--count', "$calls") -Emulator $emu } catch { $refErrors.raw = $_.Exception.Message }
        try { $refs.js += Invoke-Node 'get-room.mjs' @('--arn', $arn, '--count', "$calls") } catch { $refErrors.js = $_.Exception.Message }
    }
    & $runRefs
    $ps = Invoke-ChildPwsh -What 'per-call pwsh' -File 'PerCall.ps1' -Parameters @{
        ModulePath = $Bench.ModulePath; Arn = $arn; Calls = $calls; ClientDll = $Bench.ClientDll
    }
    & $runRefs
    $oursUs = $ps.loopMs * 1000 / $calls
    $raw = if ($refs.raw.Count) {
        [pscustomobject]@{
            perCallUs = ($refs.raw | Measure-Object perCallUs -Average).Average
            signAndBuildUs = ($refs.raw | Measure-Object signAndBuildUs -Average).Average
            jsonParseUs = ($refs.raw | Measure-Object jsonParseUs -Average).Average
            cpuUs = ($refs.raw | Measure-Object cpuUsPerCall -Average).Average
        }
    }
    $jsUs = if ($refs.js.Count) { ($refs.js | Measure-Object perCallUs -Average).Average }
    if ($raw) {
        $r = $oursUs / $raw.perCallUs
        Add-Result $rows[1] (Format-Us $oursUs) (Format-Us $raw.perCallUs) $r '<= 1.5x' ($r -le 1.5)
    }
    else { Add-NotMeasured $rows[1] $refErrors.raw '<= 1.5x' }
    if ($jsUs) { Add-Result $rows[2] (Format-Us $oursUs) (Format-Us $jsUs) ($oursUs / $jsUs) '<= 1.0x' (($oursUs / $jsUs) -le 1.0) }
    else { Add-NotMeasured $rows[2] $refErrors.js '<= 1.0x' }

    # Where the first call's time goes, in another fresh session.
    try {
        $fp = Invoke-ChildPwsh -What 'first-call phases' -File 'FirstCallPhases.ps1' -Parameters @{ ModulePath = $Bench.ModulePath; Arn = $arn }
        Set-Detail FirstCallPhases $fp
        $note = 'Import-Module {0}; JIT compiling by import and warm-up together: {1:N0} methods, {2}; ' -f (Format-Ms $fp.importMs),
            $fp.warmUpJitMethods, (Format-Ms $fp.warmUpJitMs)
        $note += ('the first call once the warm-up had finished {0} (JIT {1:N0} methods, {2}): ' +
            'PowerShell''s first binding of the cmdlet, the first settings resolution, the first connection') -f `
            (Format-Ms $fp.firstAfterWarmUpMs), $fp.firstJitMethods, (Format-Ms $fp.firstJitMs)
        Add-Result 'First call: where the time goes' (Format-Ms ($fp.importMs + $fp.firstAfterWarmUpMs)) -Note $note
    }
    catch { Write-Host "  first-call phases not timed: $($_.Exception.Message)" -ForegroundColor DarkYellow }

    # Where the per-call time goes: IvsChat.Client alone (C#), signing and JSON alone, PowerShell's own cost.
    $client = $null
    try { $client = Invoke-ClientLoop @('--arn', $arn, '--count', "$calls") } catch { $clientError = $_.Exception.Message }
    Set-Detail PerCall ([ordered]@{ pwsh = $ps; raw = $refs.raw; js = $refs.js; client = $client })
    $parts = @()
    if ($raw) {
        $parts += 'raw HTTP+sign {0:N0} µs (sign+build alone {1:N0} µs, JSON parse {2:N1} µs)' -f $raw.perCallUs, $raw.signAndBuildUs, $raw.jsonParseUs
    }
    if ($client) {
        $parts += ('IvsChat.Client alone {0:N0} µs (async/await); ' +
            'the same client in blocking mode on a dedicated thread, as the cmdlets call it (RunBlocking) {1:N0} µs') -f `
            $client.perCallUs, $client.blockingPerCallUs
    }
    else { $parts += "IvsChat.Client alone: not measured ($clientError)" }
    if ($null -ne $ps.directUs) {
        $parts += ('the same client called from PowerShell, blocking {0:N0} µs; ClientSettingsResolver.Resolve uncached {1:N0} µs ' +
            '(the cmdlets reuse a resolution while its sources are unchanged)') -f $ps.directUs, $ps.resolveUs
    }
    $parts += 'cmdlet {0:N0} µs; same calls piped into one Get-IvsChatRoom {1:N0} µs; trivial compiled cmdlet (Get-Variable) in the same loop {2:N0} µs' -f `
        $oursUs, ($ps.pipelineMs * 1000 / $calls), ($ps.psFloorMs * 1000 / $calls)
    Add-Result 'Per call: where the time goes' (Format-Us $oursUs) -Note ($parts -join '; ')

    # The same comparison in CPU time of the calling process (robust to other load; the service's CPU excluded).
    if ($raw -and $raw.cpuUs) {
        $cpuParts = @('raw C# {0:N0} µs' -f $raw.cpuUs)
        if ($refs.js.Count) { $cpuParts += 'JS SDK {0:N0} µs' -f ($refs.js | Measure-Object cpuUsPerCall -Average).Average }
        if ($client -and $client.cpuUsPerCall) { $cpuParts += 'IvsChat.Client alone {0:N0} µs' -f $client.cpuUsPerCall }
        $cpuParts += 'piped into one Get-IvsChatRoom {0:N0} µs; Get-Variable loop {1:N0} µs' -f $ps.cpuUs.piped, $ps.cpuUs.floor
        Add-Result 'Per call, CPU of the caller: Get-IvsChatRoom vs raw signed HttpClient' ('{0:N0} µs/call' -f $ps.cpuUs.loop) `
            ('{0:N0} µs/call' -f $raw.cpuUs) `
            ($ps.cpuUs.loop / $raw.cpuUs) -Note ($cpuParts -join '; ')
    }
}
