# 4. Bulk at the quota: the service enforces IVS Chat's TPS quotas; Get-IvsChatRoom | Add-IvsChatTag with default
# settings must reach no error and keep close to the 10 TPS TagResource quota.
param([Parameter(Mandatory)][hashtable] $Bench)

$rooms = $Bench.QuotaRooms
$rows = @("Quota: Get-IvsChatRoom | Add-IvsChatTag over $rooms rooms, errors", 'Quota: achieved TagResource rate vs 10 TPS')
Invoke-Benchmark 'Quota' -Rows $rows -Targets @('0', '>= 85%') -Body {
    Assert-BenchModule 'Get-IvsChatRoom', 'Add-IvsChatTag'
    $emu = Start-BenchEmulator @('--enforce-quotas')
    # CreateRoom is itself limited to 5 TPS here: seeding paces itself.
    $seed = Invoke-Tool @('seed', '--count', "$rooms", '--rate', '5') -Emulator $emu
    Write-Host ("  seeded {0} rooms at the CreateRoom quota in {1:N0} ms ({2} throttled)" -f $rooms, $seed.ms, $seed.throttled)
    $countsBefore = Get-EmulatorCounts $emu
    $r = Invoke-ChildPwsh -What 'quota pwsh' -File 'Quota.ps1' -Parameters @{ ModulePath = $Bench.ModulePath }
    $countsAfter = Get-EmulatorCounts $emu
    $rate = $rooms / ($r.ms / 1000)
    Set-Detail Quota ([ordered]@{ pwsh = $r; seed = $seed; countsBefore = $countsBefore; countsAfter = $countsAfter })
    $note = "tagged $($r.tagged)/$rooms in $(Format-Ms $r.ms)"
    if ($countsAfter -and $countsAfter.PSObject.Properties['TagResource']) {
        $sentBefore = if ($countsBefore -and $countsBefore.PSObject.Properties['TagResource']) { $countsBefore.TagResource } else { 0 }
        $sent = $countsAfter.TagResource - $sentBefore
        $note += "; TagResource requests sent $sent (throttled and retried: $($sent - $rooms))"
    }
    if ($r.errors) { $note += "; first errors: $(@($r.sample) -join ' | ')" }
    Add-Result $rows[0] "$($r.errors)" -Target '0' -Met ($r.errors -eq 0 -and $r.tagged -eq $rooms) -Note $note
    Add-Result $rows[1] ('{0:N2} TPS' -f $rate) '10 TPS' ($rate / 10) '>= 85%' (($rate / 10) -ge 0.85)
}
