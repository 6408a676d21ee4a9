# What an admin pipes and types: a piped object plus positional arguments, settings by property name (CSV,
# objects from Get-), one wildcard rule, an id that is also another room's name, and tag-key rules.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'A piped resource plus a positional argument' {
    BeforeEach {
        Reset-TestEmulator $emu
        $script:room = New-IvsChatRoom -Name 'piped' -Tag @{ env = 'dev'; keep = '1' }
    }

    It 'Add-IvsChatTag takes the tags at position 0' {
        Get-IvsChatRoom -Identifier piped | Add-IvsChatTag @{ a = 'b' }
        (Get-IvsChatTag -Identifier piped -Key a).Value | Should -Be 'b'
    }

    It 'Get-IvsChatTag takes the key at position 0' {
        (Get-IvsChatRoom -Identifier piped | Get-IvsChatTag env).Value | Should -Be 'dev'
    }

    It 'Remove-IvsChatTag takes the key at position 0' {
        Get-IvsChatRoom -Identifier piped | Remove-IvsChatTag env
        (Get-IvsChatTag -Identifier piped).Key | Should -Be @('keep')
    }

    It 'New-IvsChatToken takes the user id at position 0' {
        (Get-IvsChatRoom -Identifier piped | New-IvsChatToken alice).UserId | Should -Be 'alice'
    }

    It 'Send-IvsChatEvent takes the event name at position 0' {
        (Get-IvsChatRoom -Identifier piped | Send-IvsChatEvent app:evt).EventName | Should -Be 'app:evt'
    }

    It 'Disconnect-IvsChatUser takes the user id at position 0, and -Force does not prompt' {
        $d = Get-IvsChatRoom -Identifier piped | Disconnect-IvsChatUser u1 -Force -PassThru
        $d.UserId | Should -Be 'u1'
        $d.RoomArn | Should -Be $room.Arn
    }

    It 'a piped name plus a positional argument binds the same way' {
        ('piped' | New-IvsChatToken bob).UserId | Should -Be 'bob'
    }

    It 'the object at position 0 plus a positional argument still binds' {
        (New-IvsChatToken $room carol).UserId | Should -Be 'carol'
        (Get-IvsChatTag $room env).Value | Should -Be 'dev'
        (Get-IvsChatTag piped).Count | Should -Be 2
    }

    It 'two bare strings without a pipeline are refused with a hint to name the target' {
        { New-IvsChatToken piped dave -ErrorAction Stop } | Should -Throw -ErrorId 'TargetMissing,IvsChat.Cmdlets.NewIvsChatTokenCommand'
        { New-IvsChatToken piped dave -ErrorAction Stop } | Should -Throw '*-Identifier*'
    }
}

Describe 'Settings bind by property name' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'Import-Csv | New-IvsChatRoom creates each row with its settings (CSV strings converted)' {
        $csv = Join-Path $TestDrive 'rooms.csv'
        @'
Name,MaximumMessageLength,MaximumMessageRatePerSecond
csv-a,123,7
csv-b,456,9
'@ | Set-Content $csv
        Import-Csv $csv | New-IvsChatRoom | Out-Null
        $a = Get-IvsChatRoom -Identifier csv-a
        $a.MaximumMessageLength | Should -Be 123
        $a.MaximumMessageRatePerSecond | Should -Be 7
        (Get-IvsChatRoom -Identifier csv-b).MaximumMessageLength | Should -Be 456
    }

    It '[pscustomobject] with Identifier and a setting | Set-IvsChatRoom changes the setting' {
        New-IvsChatRoom -Name lobby | Out-Null
        [pscustomobject]@{ Identifier = 'lobby'; MaximumMessageLength = 123 } | Set-IvsChatRoom
        (Get-IvsChatRoom -Identifier lobby).MaximumMessageLength | Should -Be 123
    }

    It '[pscustomobject] with a UserId | New-IvsChatToken -Identifier lobby takes the user id' {
        New-IvsChatRoom -Name lobby | Out-Null
        ([pscustomobject]@{ UserId = 'carol' } | New-IvsChatToken -Identifier lobby).UserId | Should -Be 'carol'
    }

    It 'a room from Get-IvsChatRoom pipes into New-IvsChatRoom as a copy of its settings' {
        $source = New-IvsChatRoom -Name source -MaximumMessageLength 321 -MaximumMessageRatePerSecond 4 -FallbackResult DENY `
            -MessageReviewHandlerUri 'arn:aws:lambda:us-east-1:123456789012:function:review' -Tag @{ team = 'a' }
        $copy = Get-IvsChatRoom -Identifier $source.Arn | New-IvsChatRoom
        $copy.Arn | Should -Not -Be $source.Arn
        $copy.Name | Should -Be 'source'
        $copy.MaximumMessageLength | Should -Be 321
        $copy.MessageReviewHandlerFallbackResult | Should -Be 'DENY'
        $copy.Tags['team'] | Should -Be 'a'
    }

    It 'a listed room without a review handler (null properties) pipes into New-IvsChatRoom: null means not given' {
        New-IvsChatRoom -Name plain | Out-Null
        $listed = Get-IvsChatRoom | Where-Object Name -eq plain
        $listed.MaximumMessageLength | Should -BeNullOrEmpty
        $copy = $listed | New-IvsChatRoom
        $copy.Name | Should -Be 'plain'
        $copy.MaximumMessageLength | Should -Be 500
    }

    It 'a logging configuration from Get- pipes straight into New-IvsChatLoggingConfiguration (S3BucketName binds to -BucketName)' {
        $original = New-IvsChatLoggingConfiguration -Name logs -BucketName 'my-bucket'
        $copy = Get-IvsChatLoggingConfiguration -Identifier $original.Arn | New-IvsChatLoggingConfiguration
        $copy.S3BucketName | Should -Be 'my-bucket'
        $copy.Name | Should -Be 'logs'
        $copy.Arn | Should -Not -Be $original.Arn
    }

    It 'a logging configuration from Get- pipes into New-IvsChatLoggingConfiguration (S3BucketName binds to -BucketName)' {
        New-IvsChatLoggingConfiguration -Name logs -BucketName 'my-bucket' | Out-Null
        $copy = Get-IvsChatLoggingConfiguration -Identifier logs | Select-Object S3BucketName, @{ n = 'Name'; e = { 'logs2' } } |
            New-IvsChatLoggingConfiguration
        $copy.S3BucketName | Should -Be 'my-bucket'
        $copy.Name | Should -Be 'logs2'
    }

    It 'a piped room object is the target, not a source of settings' {
        $r = New-IvsChatRoom -Name target -MaximumMessageLength 100
        $r | Set-IvsChatRoom -MaximumMessageRatePerSecond 3
        $now = Get-IvsChatRoom -Identifier target
        $now.MaximumMessageRatePerSecond | Should -Be 3
        $now.MaximumMessageLength | Should -Be 100
    }
}

Describe 'A value that is one room''s id and another room''s name' {
    BeforeAll {
        Reset-TestEmulator $emu
        $script:byId = New-IvsChatRoom -Name 'first'
        $script:byName = New-IvsChatRoom -Name $byId.Id
    }

    It '<Command> refuses it and lists both rooms' -ForEach @(
        @{ Command = 'Remove-IvsChatRoom'; Run = { param($v) Remove-IvsChatRoom -Identifier $v -Force -ErrorAction Stop } }
        @{ Command = 'Set-IvsChatRoom'; Run = { param($v) Set-IvsChatRoom -Identifier $v -MaximumMessageLength 99 -ErrorAction Stop } }
        @{ Command = 'Add-IvsChatTag'; Run = { param($v) Add-IvsChatTag -Identifier $v -Tag @{ x = 'y' } -ErrorAction Stop } }
        @{ Command = 'Send-IvsChatEvent'; Run = { param($v) Send-IvsChatEvent -Identifier $v -EventName e -ErrorAction Stop } }
    ) {
        $err = $null
        try { & $Run $byId.Id } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike '*Ambiguous*'
        "$err" | Should -BeLike "*$($byId.Arn)*"
        "$err" | Should -BeLike "*$($byName.Arn)*"
        (Get-IvsChatRoom).Count | Should -Be 2
    }
}

Describe 'One wildcard rule' {
    BeforeAll {
        Reset-TestEmulator $emu
        'rb-1', 'rb-2', 'other' | ForEach-Object { New-IvsChatRoom -Name $_ } | Out-Null
    }

    It 'Get-IvsChatRoom -Name resolves wildcards client-side' {
        (Get-IvsChatRoom -Name 'rb-*').Name | Sort-Object | Should -Be @('rb-1', 'rb-2')
    }

    It '<Command> refuses a wildcard identifier before any request, with a hint to pipe from Get-' -ForEach @(
        @{ Command = 'Get-IvsChatRoom'; Run = { Get-IvsChatRoom -Identifier 'rb-*' -ErrorAction Stop } }
        @{ Command = 'Add-IvsChatTag'; Run = { Add-IvsChatTag -Identifier 'rb-*' -Tag @{ a = 'b' } -ErrorAction Stop } }
        @{ Command = 'Remove-IvsChatRoom'; Run = { Remove-IvsChatRoom -Identifier 'rb-?' -Force -ErrorAction Stop } }
        @{ Command = 'New-IvsChatToken'; Run = { New-IvsChatToken -Identifier 'rb-*' -UserId u -ErrorAction Stop } }
        @{ Command = 'Set-IvsChatLoggingConfiguration'; Run = { Set-IvsChatLoggingConfiguration -Identifier 'logs-*' -Name x -ErrorAction Stop } }
    ) {
        Clear-EmulatorRequestCount $emu
        { & $Run } | Should -Throw -ErrorId "WildcardNotSupported,*"
        { & $Run } | Should -Throw "*Get-IvsChat* -Name *|*"
        $counts = (Invoke-EmulatorControl -Emulator $emu -Path requests).counts
        @($counts.PSObject.Properties).Count | Should -Be 0
    }
}

Describe 'Tag keys' {
    BeforeEach {
        Reset-TestEmulator $emu
        # Hashtable literals ignore case; AWS tag keys do not.
        $tags = [hashtable]::new([StringComparer]::Ordinal)
        $tags['env'] = 'dev'
        $tags['Env'] = 'Prod'
        $script:room = New-IvsChatRoom -Name 'keys' -Tag $tags
    }

    It 'Get-IvsChatTag -Key matches case-sensitively, as AWS tag keys are' {
        (Get-IvsChatTag $room -Key env).Value | Should -Be 'dev'
        (Get-IvsChatTag $room -Key 'E*').Key | Should -Be 'Env'
    }

    It 'Remove-IvsChatTag -PassThru reports only tags that existed, with their values' {
        $removed = Remove-IvsChatTag $room -Key env, nope -PassThru
        @($removed).Count | Should -Be 1
        $removed.Key | Should -Be 'env'
        $removed.Value | Should -Be 'dev'
        Remove-IvsChatTag $room -Key nope -PassThru | Should -BeNullOrEmpty
        (Get-IvsChatTag $room).Key | Should -Be @('Env')
    }

    It 'Remove-IvsChatTag refuses a wildcard key before sending, pointing to Get-IvsChatTag' {
        Clear-EmulatorRequestCount $emu
        { Remove-IvsChatTag $room -Key 'e*' -ErrorAction Stop } | Should -Throw "*'Key'*Get-IvsChatTag*-Key 'e*' | Remove-IvsChatTag*"
        Get-EmulatorRequestCount $emu -Operation UntagResource | Should -Be 0
        (Get-IvsChatTag $room).Count | Should -Be 2
    }

    It 'Add-IvsChatTag -Tag @{} is refused before sending, naming -Tag' {
        Clear-EmulatorRequestCount $emu
        { Add-IvsChatTag $room -Tag @{} -ErrorAction Stop } | Should -Throw "*'Tag'*at least one tag*"
        Get-EmulatorRequestCount $emu -Operation TagResource | Should -Be 0
    }
}

Describe 'A piped resource plus a setting' {
    BeforeAll { Reset-TestEmulator $emu }

    It 'changes only the named setting: the piped object''s other properties never bind as settings' {
        $stale = New-IvsChatRoom -Name 'stale' -MaximumMessageLength 100
        $stale | Set-IvsChatRoom -MaximumMessageLength 200
        $stale | Set-IvsChatRoom -MaximumMessageRatePerSecond 5
        $room = Get-IvsChatRoom -Identifier $stale.Arn
        $room.MaximumMessageLength | Should -Be 200 -Because 'the stale object (length 100) must not write its own length back'
        $room.MaximumMessageRatePerSecond | Should -Be 5
        $logs = New-IvsChatLoggingConfiguration -Name 'switch' -BucketName 'bucket-one'
        $switched = $logs | Set-IvsChatLoggingConfiguration -LogGroupName 'group' -PassThru
        $switched.DestinationType | Should -Be 'CloudWatchLogs'
    }
}

Describe '-IncludeTotalCount' {
    BeforeAll {
        Reset-TestEmulator $emu
        1..5 | ForEach-Object { New-IvsChatRoom -Name "count-$_" } | Out-Null
        New-IvsChatLoggingConfiguration -Name 'count-logs' -BucketName 'my-bucket' | Out-Null
    }

    It 'Get-IvsChatRoom -First 2 -IncludeTotalCount writes 2 rooms and the exact total' {
        $out = Get-IvsChatRoom -First 2 -IncludeTotalCount
        $rooms = @($out | Where-Object { $_ -is [IvsChat.RoomSummary] })
        $rooms.Count | Should -Be 2
        $total = $out | Where-Object { $_ -isnot [IvsChat.RoomSummary] }
        ($total | Out-String) | Should -Not -BeLike '*Unknown total count*'
        "$total" | Should -Be '5'
    }

    It 'Get-IvsChatLoggingConfiguration -First 1 -IncludeTotalCount writes the exact total' {
        $out = Get-IvsChatLoggingConfiguration -First 1 -IncludeTotalCount
        ($out | Out-String) | Should -Not -BeLike '*Unknown total count*'
        "$($out | Where-Object { $_ -isnot [IvsChat.LoggingConfigurationSummary] })" | Should -Be '1'
    }
}
