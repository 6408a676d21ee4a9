# 3. Listing: all rooms through Get-IvsChatRoom | Measure-Object vs the JS SDK's nextToken loop, and the growth of
# pwsh's peak working set from a small to a large listing.
param([Parameter(Mandatory)][hashtable] $Bench)

$small = $Bench.SmallListing; $large = $Bench.LargeListing
$rows = @("Listing: $large rooms, Get-IvsChatRoom | Measure-Object vs JS SDK paging",
    "Listing: pwsh peak working set growth during the listing, $small -> $large rooms")
Invoke-Benchmark 'Listing' -Rows $rows -Targets @('<= 1.0x', '< 50 MB') -Body {
    Assert-BenchModule 'Get-IvsChatRoom'
    $emu = Start-BenchEmulator
    $list = { param([int] $Expected)
        $r = Invoke-ChildPwsh -What "listing $Expected" -File 'Listing.ps1' -Parameters @{ ModulePath = $Bench.ModulePath }
        if ($r.count -ne $Expected) { throw "Get-IvsChatRoom listed $($r.count) rooms, not $Expected" }
        $r
    }
    $seed = Invoke-Tool @('seed', '--count', "$small", '--concurrency', '8') -Emulator $emu
    Write-Host ("  seeded {0} rooms in {1:N0} ms" -f $small, $seed.ms)
    $smallRuns = @(& $list $small; & $list $small)
    $seed = Invoke-Tool @('seed', '--count', "$($large - $small)", '--start', "$small", '--concurrency', '8') -Emulator $emu
    Write-Host ("  seeded {0} more rooms in {1:N0} ms" -f ($large - $small), $seed.ms)
    $largeRuns = @(& $list $large; & $list $large)
    $oursMs = ($largeRuns | Measure-Object ms -Minimum).Minimum
    # How far the resident set rose during the listing alone, over where it stood after a full GC (see
    # child/Listing.ps1): the process's own baseline varies by ~10 MB between fresh processes. Median of two per size.
    $smallRise = Get-Median @($smallRuns | ForEach-Object { $_.listingPeakMB - $_.startMB })
    $largeRise = Get-Median @($largeRuns | ForEach-Object { $_.listingPeakMB - $_.startMB })
    $growth = $largeRise - $smallRise
    $detail = [ordered]@{ small = $smallRuns; large = $largeRuns }
    try { $detail.client = Invoke-ClientLoop @('--list') } catch { Write-Host "  IvsChat.Client listing: $($_.Exception.Message)" -ForegroundColor DarkYellow }
    Set-Detail Listing $detail
    try {
        $js = @(Invoke-Node 'list-rooms.mjs'; Invoke-Node 'list-rooms.mjs')
        $detail.js = $js
        if ($js[0].rooms -ne $large) { throw "the JS SDK listed $($js[0].rooms) rooms" }
        $jsMs = ($js | Measure-Object ms -Minimum).Minimum
        $note = 'best of 2 runs each'
        if ($detail.Contains('client')) { $note += ('; IvsChat.Client alone (C#) {0}' -f (Format-Ms $detail.client.listMs)) }
        Add-Result $rows[0] (Format-Ms $oursMs) (Format-Ms $jsMs) ($oursMs / $jsMs) '<= 1.0x' (($oursMs / $jsMs) -le 1.0) -Note $note
    }
    catch { Add-NotMeasured $rows[0] $_.Exception.Message '<= 1.0x' }
    $note = 'peak resident set during the listing (after a full GC: {0} MB), 2 processes each: {1} MB and {2} MB; process lifetime peaks {3} MB and {4} MB' -f `
        (($smallRuns.startMB | ForEach-Object { '{0:N0}' -f $_ }) -join '/'), (($smallRuns.listingPeakMB | ForEach-Object { '{0:N0}' -f $_ }) -join '/'),
        (($largeRuns.listingPeakMB | ForEach-Object { '{0:N0}' -f $_ }) -join '/'),
        (($smallRuns.peakWorkingSetMB | ForEach-Object { '{0:N0}' -f $_ }) -join '/'),
        (($largeRuns.peakWorkingSetMB | ForEach-Object { '{0:N0}' -f $_ }) -join '/')
    Add-Result $rows[1] ('{0:N1} MB' -f $growth) ('rise {0:N1} MB -> {1:N1} MB' -f $smallRise, $largeRise) -Target '< 50 MB' -Met ($growth -lt 50) -Note $note
}
