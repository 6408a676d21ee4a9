# Objects never pretend: listings write summary types (what the List* operations return), -Detailed and exact
# lookups write full objects, and Remove-* -PassThru writes the resource as it was before removal.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Room listings' {
    BeforeAll {
        Reset-TestEmulator $emu
        1..9 | ForEach-Object { $null = New-IvsChatRoom -Name "sum-$_" -MaximumMessageLength 500 }
        $script:short = New-IvsChatRoom -Name 'sum-short' -MaximumMessageLength 400 -Tag @{ env = 'test' }
    }

    It 'writes IvsChat.RoomSummary objects that have no message limits to look empty' {
        $list = Get-IvsChatRoom
        $list.Count | Should -Be 10
        foreach ($s in $list) {
            $s.GetType().FullName | Should -Be 'IvsChat.RoomSummary'
            $s.PSObject.TypeNames[0] | Should -Be 'IvsChat.RoomSummary'
            $s.PSObject.Properties['MaximumMessageLength'] | Should -BeNullOrEmpty
            $s.PSObject.Properties['MaximumMessageRatePerSecond'] | Should -BeNullOrEmpty
        }
        ($list | Where-Object Name -eq 'sum-short').Tags['env'] | Should -Be 'test'
    }

    It 'a filter on a limit no longer silently matches every listed room' {
        $matched = & {
            Set-StrictMode -Version Latest
            Get-IvsChatRoom | Where-Object MaximumMessageLength -lt 450 -ErrorAction SilentlyContinue
        }
        @($matched).Count | Should -Be 0
    }

    It '-Detailed writes full IvsChat.Room objects, so the filter finds the one room' {
        $matched = Get-IvsChatRoom -Detailed | Where-Object MaximumMessageLength -lt 450
        @($matched).Count | Should -Be 1
        $matched.Name | Should -Be 'sum-short'
        $matched | Should -BeOfType ([IvsChat.Room])
        $matched.PSObject.TypeNames[0] | Should -Be 'IvsChat.Room'
    }

    It 'piping summaries into Get-IvsChatRoom writes full rooms' {
        $full = Get-IvsChatRoom -Name 'sum-*' | Get-IvsChatRoom
        $full.Count | Should -Be 10
        $full | ForEach-Object { $_ | Should -BeOfType ([IvsChat.Room]); $_.MaximumMessageLength | Should -BeIn 400, 500 }
    }

    It 'a wildcard name lists summaries; an exact name gets the full room' {
        (Get-IvsChatRoom -Name 'sum-s*').GetType().FullName | Should -Be 'IvsChat.RoomSummary'
        (Get-IvsChatRoom -Name 'sum-short').GetType().FullName | Should -Be 'IvsChat.Room'
        (Get-IvsChatRoom -Name 'sum-s*' -Detailed).MaximumMessageLength | Should -Be 400
    }

    It '-Detailed with -First asks only for the rooms it writes' {
        Clear-EmulatorRequestCount $emu
        $two = Get-IvsChatRoom -Detailed -First 2
        $two.Count | Should -Be 2
        Get-EmulatorRequestCount $emu -Operation GetRoom | Should -Be 2
    }

    It '-Detailed rides out throttling (the client paces and retries) and writes every room' {
        Add-EmulatorFault $emu -Operation GetRoom -ErrorCode ThrottlingException -Count 2
        $all = Get-IvsChatRoom -Detailed
        $all.Count | Should -Be 10
        $all | ForEach-Object { $_.MaximumMessageLength | Should -Not -BeNullOrEmpty }
    }

    It 'a room deleted between the listing and its GetRoom is one error; the others are written' {
        $gone = New-IvsChatRoom -Name 'sum-gone'
        $summaries = Get-IvsChatRoom -Name 'sum-*'
        Remove-IvsChatRoom $gone -Force
        $full = $summaries | Get-IvsChatRoom -ErrorVariable errs -ErrorAction SilentlyContinue
        $full.Count | Should -Be 10
        $errs.Count | Should -Be 1
        $errs[0].Exception | Should -BeOfType ([IvsChat.ResourceNotFoundException])
    }
}

Describe 'Summaries bind to every cmdlet that takes a room' {
    BeforeEach {
        Reset-TestEmulator $emu
        $null = New-IvsChatRoom -Name 'target' -Tag @{ keep = '1' }
        $script:summary = Get-IvsChatRoom -Name 'targ*'
        $summary.GetType().FullName | Should -Be 'IvsChat.RoomSummary'
    }

    It 'Set-IvsChatRoom' { ($summary | Set-IvsChatRoom -MaximumMessageLength 123 -PassThru).MaximumMessageLength | Should -Be 123 }
    It 'New-IvsChatToken' { ($summary | New-IvsChatToken -UserId u1).RoomArn | Should -Be $summary.Arn }
    It 'Send-IvsChatEvent' { ($summary | Send-IvsChatEvent -EventName app:e).RoomArn | Should -Be $summary.Arn }
    It 'Add-/Get-/Remove-IvsChatTag' {
        $summary | Add-IvsChatTag -Tag @{ a = 'b' }
        ($summary | Get-IvsChatTag).Key | Should -Be @('a', 'keep')
        $summary | Remove-IvsChatTag -Key a
        ($summary | Get-IvsChatTag).Key | Should -Be 'keep'
    }
    It 'Disconnect-IvsChatUser' { ($summary | Disconnect-IvsChatUser -UserId u1 -Force -PassThru).RoomArn | Should -Be $summary.Arn }
    It 'Connect-IvsChatRoom' {
        $c = $summary | Connect-IvsChatRoom -UserId u1
        try { $c.RoomArn | Should -Be $summary.Arn } finally { $c | Disconnect-IvsChatRoom }
    }
    It 'Remove-IvsChatRoom names the room in -WhatIf (bound as the object, not a string)' {
        # -WhatIf writes to the host: run it in a child pwsh to read what it says.
        $out = Invoke-FreshPwsh "Import-Module '$env:IVSCHAT_MODULE_PATH'; Get-IvsChatRoom -Name 'targ*' | Remove-IvsChatRoom -WhatIf"
        ($out | Out-String) | Should -BeLike "*room 'target' (arn:*"
        $summary | Remove-IvsChatRoom -Force
        @(Get-IvsChatRoom).Count | Should -Be 0
    }
}

Describe 'Logging configuration listings' {
    BeforeAll {
        Reset-TestEmulator $emu
        $script:config = New-IvsChatLoggingConfiguration -Name 'sum-logs' -BucketName 'sum-bucket' -Tag @{ team = 'ops' }
    }

    It 'writes IvsChat.LoggingConfigurationSummary; -Detailed and exact names write IvsChat.LoggingConfiguration' {
        (Get-IvsChatLoggingConfiguration).GetType().FullName | Should -Be 'IvsChat.LoggingConfigurationSummary'
        (Get-IvsChatLoggingConfiguration -Name 'sum-*').GetType().FullName | Should -Be 'IvsChat.LoggingConfigurationSummary'
        (Get-IvsChatLoggingConfiguration -Detailed).GetType().FullName | Should -Be 'IvsChat.LoggingConfiguration'
        (Get-IvsChatLoggingConfiguration -Name 'sum-logs').GetType().FullName | Should -Be 'IvsChat.LoggingConfiguration'
        (Get-IvsChatLoggingConfiguration | Get-IvsChatLoggingConfiguration).GetType().FullName | Should -Be 'IvsChat.LoggingConfiguration'
    }

    It 'summaries bind to Set-IvsChatLoggingConfiguration and the tag cmdlets' {
        $s = Get-IvsChatLoggingConfiguration
        ($s | Set-IvsChatLoggingConfiguration -BucketName 'other-bucket' -PassThru).Destination | Should -Be 'other-bucket'
        ($s | Get-IvsChatTag).Key | Should -Be 'team'
    }
}

Describe 'Remove-* -PassThru is an audit trail' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'Remove-IvsChatRoom -PassThru writes the full room as it was, with tags, and Export-Csv keeps it' {
        $null = New-IvsChatRoom -Name 'audit' -MaximumMessageLength 321 -MaximumMessageRatePerSecond 7 -Tag @{ owner = 'ops' }
        $csv = Join-Path ([IO.Path]::GetTempPath()) "ivschat-deleted-$PID.csv"
        try {
            $removed = Get-IvsChatRoom -Name 'aud*' | Remove-IvsChatRoom -Force -PassThru
            $removed | Export-Csv $csv
            $removed | Should -BeOfType ([IvsChat.Room])
            $removed.MaximumMessageLength | Should -Be 321
            $removed.MaximumMessageRatePerSecond | Should -Be 7
            $removed.Tags['owner'] | Should -Be 'ops'
            $row = Import-Csv $csv
            $row.Name | Should -Be 'audit'
            $row.MaximumMessageLength | Should -Be '321'
            @(Get-IvsChatRoom).Count | Should -Be 0
        }
        finally { Remove-Item $csv -ErrorAction SilentlyContinue }
    }

    It 'Remove-IvsChatRoom -PassThru by name writes the full room too' {
        $null = New-IvsChatRoom -Name 'audit2' -MaximumMessageLength 42 -Tag @{ a = 'b' }
        $removed = Remove-IvsChatRoom -Identifier 'audit2' -Force -PassThru
        $removed.MaximumMessageLength | Should -Be 42
        $removed.Tags['a'] | Should -Be 'b'
    }

    It 'Remove-IvsChatLoggingConfiguration -PassThru writes the configuration as it was' {
        $null = New-IvsChatLoggingConfiguration -Name 'audit-logs' -LogGroupName 'audit-group' -Tag @{ team = 'ops' }
        $removed = Remove-IvsChatLoggingConfiguration -Identifier 'audit-logs' -Force -PassThru
        $removed | Should -BeOfType ([IvsChat.LoggingConfiguration])
        $removed.Destination | Should -Be 'audit-group'
        $removed.DestinationType | Should -Be 'CloudWatchLogs'
        $removed.State | Should -Not -BeNullOrEmpty
        $removed.Tags['team'] | Should -Be 'ops'
    }

    It '-WhatIf makes no call at all' {
        $stay = New-IvsChatRoom -Name 'stay'
        Clear-EmulatorRequestCount $emu
        Remove-IvsChatRoom -Identifier $stay.Arn -PassThru -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $emu -Operation GetRoom | Should -Be 0
        Get-EmulatorRequestCount $emu -Operation DeleteRoom | Should -Be 0
    }
}
