# Default views never cut a name, tag or value short when the console is wide enough, say which resource a tag
# belongs to, fit the token table in 80 columns, and show times as ISO 8601 UTC (with Z).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:longName = ('n' * 120) + '-end-128'
    $script:longValue = ('v' * 100) + '-endvalue'
    $script:room = New-IvsChatRoom -Name $longName -Tag @{ env = $longValue }
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Default views' {
    It 'show a 128-character room name whole at width 200 (<Case>)' -ForEach @(
        @{ Case = 'summary table'; Get = { Get-IvsChatRoom } }
        @{ Case = 'room table'; Get = { Get-IvsChatRoom -Identifier $room.Arn } }
        @{ Case = 'room list'; Get = { Get-IvsChatRoom -Identifier $room.Arn | Format-List } }
    ) {
        $text = & $Get | Out-String -Width 200
        $text | Should -Match ([regex]::Escape($longName))
    }

    It 'show a long tag value whole, with the resource it belongs to' {
        $text = Get-IvsChatTag $room | Out-String -Width 250
        $text | Should -Match ([regex]::Escape($longValue))
        $text | Should -Match ([regex]::Escape($room.Arn))
    }

    It 'fit the token table header in 80 columns' {
        $text = New-IvsChatToken $room -UserId alice -Capability SendMessage, DeleteMessage, DisconnectUser | Out-String -Width 80
        $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^UserId\s+TokenExpires\s+SessionEnds\s+Capabilities$'
        $lines[1] | Should -Match '^-+'
        $lines[2] | Should -Match '^alice\s'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[2] | Should -Match 'T\d\d:\d\d:\d\dZ\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+SEND_MESSAGE'
    }

    It 'give logging configurations (and their summaries) a list view' {
        $config = New-IvsChatLoggingConfiguration -Name 'view-logs' -BucketName 'view-bucket' -Tag @{ a = 'b' }
        foreach ($o in @($config, (Get-IvsChatLoggingConfiguration -Name 'view-*'))) {
            $text = $o | Format-List | Out-String
            $text | Should -Match 'DestinationType\s+: S3'
            $text | Should -Match 'Tags\s+: a=b'
            $text | Should -Match 'CreateTime\s+: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'
            $text | Should -Not -Match 'LogGroupName'
        }
    }

    It 'show times as ISO 8601 UTC in tables' {
        $text = Get-IvsChatRoom | Out-String -Width 250
        $text | Should -Match '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'
    }
}

Describe 'Times in Format-List * and Export-Csv' {
    It 'show ISO 8601 UTC with Z while the properties stay DateTime (<Case>)' -ForEach @(
        @{ Case = 'room'; Get = { Get-IvsChatRoom -Identifier $room.Arn }; Property = 'CreateTime' }
        @{ Case = 'room summary'; Get = { Get-IvsChatRoom -Name 'n*' }; Property = 'UpdateTime' }
        @{ Case = 'chat token'; Get = { New-IvsChatToken $room -UserId u1 }; Property = 'TokenExpirationTime' }
    ) {
        $o = & $Get
        $o.$Property | Should -BeOfType [DateTime]
        $o.$Property.Kind | Should -Be 'Utc'
        ($o | Format-List * | Out-String -Width 300) | Should -Match "$Property\s+: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"
        $row = $o | ConvertTo-Csv | ConvertFrom-Csv
        $row.$Property | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
        ([datetime]::Parse($row.$Property, [cultureinfo]::InvariantCulture, 'AdjustToUniversal')) |
            Should -Be $o.$Property.AddTicks(-($o.$Property.Ticks % [TimeSpan]::TicksPerSecond))
    }

    It 'keep DateTime through JSON and sorting' {
        $rooms = @(Get-IvsChatRoom -Identifier $room.Arn; New-IvsChatRoom -Name 'later')
        ($rooms | Sort-Object CreateTime -Descending)[0].Name | Should -Be 'later'
        ($rooms[0] | ConvertTo-Json | ConvertFrom-Json).CreateTime | Should -BeOfType [DateTime]
    }

    It 'show a received message''s SendTime with Z' {
        $c = Connect-IvsChatRoom $room -UserId talker -Capability SendMessage
        try {
            $m = Send-IvsChatMessage $c 'hi'
            $m.SendTime | Should -BeOfType [DateTime]
            ($m | ConvertTo-Csv | ConvertFrom-Csv).SendTime | Should -Match 'Z$'
        }
        finally { $c | Disconnect-IvsChatRoom }
    }
}
