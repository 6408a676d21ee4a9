# Rooms as code (Export/Compare/Sync-IvsChatConfiguration) against one local service serving three regions.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator -ArgumentList '--regions', 'us-east-1,eu-west-1,ap-northeast-1'
    Use-TestEmulator $emu
    $script:file = Join-Path ([IO.Path]::GetTempPath()) "ivschat-config-$([guid]::NewGuid().ToString('n')).json"

    function script:Get-WriteCount {
        # Write requests the service received since the last reset of the counts.
        $counts = (Invoke-EmulatorControl $emu requests).counts
        $writes = 'CreateRoom', 'UpdateRoom', 'DeleteRoom', 'CreateLoggingConfiguration', 'UpdateLoggingConfiguration',
            'DeleteLoggingConfiguration', 'TagResource', 'UntagResource'
        ($writes | ForEach-Object { [int]($counts.$_) } | Measure-Object -Sum).Sum
    }

    function script:Edit-Document([scriptblock] $Change) {
        $doc = Get-Content $file -Raw | ConvertFrom-Json
        & $Change $doc
        $doc | ConvertTo-Json -Depth 10 | Set-Content $file
    }
}

AfterAll {
    $emu | Stop-TestEmulator
    Remove-Item $file -ErrorAction SilentlyContinue
}

Describe 'Rooms as code' {
    BeforeEach {
        Reset-TestEmulator $emu
        $script:logs = New-IvsChatLoggingConfiguration -Name chat-logs -BucketName chat-logs-bucket -Tag @{ team = 'chat' }
        $script:lobby = New-IvsChatRoom -Name lobby -MaximumMessageLength 200 -LoggingConfiguration chat-logs -Tag @{ env = 'prod' }
        $script:side = New-IvsChatRoom -Name side
        Export-IvsChatConfiguration -Path $file
    }

    It 'Export writes every named room and logging configuration, by name, with the schema' {
        $doc = Get-Content $file -Raw | ConvertFrom-Json
        $doc.formatVersion | Should -Be 1
        $doc.'$schema' | Should -Match 'IvsChat\.Configuration\.schema\.json$'
        $doc.rooms.name | Should -Be @('lobby', 'side')
        $doc.rooms[0].maximumMessageLength | Should -Be 200
        $doc.rooms[0].loggingConfigurations | Should -Be @('chat-logs')
        $doc.rooms[0].tags.env | Should -Be 'prod'
        $doc.loggingConfigurations[0].destinationConfiguration.s3.bucketName | Should -Be 'chat-logs-bucket'
        (Export-IvsChatConfiguration -Name 'lob*' | ConvertFrom-Json).rooms.name | Should -Be @('lobby')
        Test-Path (Join-Path (Split-Path $env:IVSCHAT_MODULE_PATH) 'IvsChat.Configuration.schema.json') | Should -BeTrue
    }

    It 'export -> edit -> compare -> sync -> compare shows nothing' {
        Compare-IvsChatConfiguration -Path $file | Should -BeNullOrEmpty
        Edit-Document {
            param($doc)
            $doc.rooms[0].maximumMessageLength = 100
            $doc.rooms[0].tags = [pscustomobject]@{ owner = 'me' }
            $doc.loggingConfigurations[0].destinationConfiguration.s3.bucketName = 'other-bucket'
        }
        $diff = @(Compare-IvsChatConfiguration -Path $file)
        $diff | ForEach-Object { $_.PSObject.TypeNames | Should -Contain 'IvsChat.ConfigurationChange' }
        ($diff | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name) $($_.Property) $($_.Current) -> $($_.Desired)" }) | Sort-Object |
            Should -Be (@(
                'Tag Room lobby Tags.owner  -> me'
                'Untag Room lobby Tags.env prod -> '
                'Update LoggingConfiguration chat-logs Destination s3:chat-logs-bucket -> s3:other-bucket'
                'Update Room lobby MaximumMessageLength 200 -> 100'
            ) | Sort-Object)
        $diff.Region | Select-Object -Unique | Should -Be 'us-east-1'
        Get-IvsChatRoom lobby | Select-Object -ExpandProperty MaximumMessageLength | Should -Be 200 -Because 'Compare changes nothing'

        $made = @(Sync-IvsChatConfiguration -Path $file)
        $made.Count | Should -Be 4
        Compare-IvsChatConfiguration -Path $file | Should -BeNullOrEmpty
        (Get-IvsChatRoom lobby).MaximumMessageLength | Should -Be 100
        (Get-IvsChatRoom lobby).Tags.Keys | Should -Be @('owner')
    }

    It 'a second sync makes 0 write requests' {
        Edit-Document { param($doc) $doc.rooms[1].maximumMessageRatePerSecond = 3 }
        Sync-IvsChatConfiguration -Path $file | Should -Not -BeNullOrEmpty
        Invoke-EmulatorControl $emu requests -Method DELETE | Out-Null
        Sync-IvsChatConfiguration -Path $file | Should -BeNullOrEmpty
        Get-WriteCount | Should -Be 0
    }

    It '-WhatIf writes each planned change before -> after and makes 0 write requests' {
        Edit-Document { param($doc) $doc.rooms[0].maximumMessageLength = 150 }
        New-IvsChatRoom -Name extra | Out-Null
        Invoke-EmulatorControl $emu requests -Method DELETE | Out-Null
        $transcript = Join-Path ([IO.Path]::GetTempPath()) "ivschat-whatif-$([guid]::NewGuid().ToString('n')).txt"
        Start-Transcript -Path $transcript | Out-Null
        try { $out = Sync-IvsChatConfiguration -Path $file -Prune -WhatIf }
        finally { Stop-Transcript | Out-Null }
        $text = Get-Content $transcript -Raw
        Remove-Item $transcript
        $out | Should -BeNullOrEmpty
        $text | Should -Match ([regex]::Escape('"Update MaximumMessageLength: 200 -> 150" on target "Room ''lobby'' (us-east-1)"'))
        $text | Should -Match ([regex]::Escape('"Delete: arn:aws:ivschat:us-east-1:'))
        Get-WriteCount | Should -Be 0
    }

    It '-Prune removes only with confirmation' {
        $doc = Get-Content $file -Raw | ConvertFrom-Json
        $doc.rooms = @($doc.rooms | Where-Object name -eq 'lobby')
        $doc | ConvertTo-Json -Depth 10 | Set-Content $file

        Sync-IvsChatConfiguration -Path $file | Should -BeNullOrEmpty -Because 'without -Prune, rooms not in the file stay'
        Sync-IvsChatConfiguration -Path $file -Prune -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused.FullyQualifiedErrorId | Should -Be 'PruneConfirmationRequired,IvsChat.Cmdlets.SyncIvsChatConfigurationCommand'
        "$refused" | Should -Match "Room 'side'"
        Get-IvsChatRoom side | Should -Not -BeNullOrEmpty

        $deleted = Sync-IvsChatConfiguration -Path $file -Prune -Confirm:$false
        $deleted.Action | Should -Be 'Delete'
        $deleted.Name | Should -Be 'side'
        $deleted.Arn | Should -Be $side.Arn
        (Get-IvsChatRoom).Name | Should -Be @('lobby')

        New-IvsChatRoom -Name scratch | Out-Null
        (Sync-IvsChatConfiguration -Path $file -Prune -Force).Name | Should -Be 'scratch'
    }

    It 'cloning into a second region creates logging configurations before the rooms that use them' {
        Export-IvsChatConfiguration -Region us-east-1 -Path $file
        Invoke-EmulatorControl $emu requests -Method DELETE | Out-Null
        $made = @(Sync-IvsChatConfiguration -Path $file -Region eu-west-1)
        ($made | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name)" }) | Should -Be @(
            'Create LoggingConfiguration chat-logs', 'Create Room lobby', 'Create Room side')
        $made.Region | Select-Object -Unique | Should -Be 'eu-west-1'
        $made.Arn | ForEach-Object { $_ | Should -Match '^arn:aws:ivschat:eu-west-1:' }
        $euLobby = Get-IvsChatRoom lobby -Region eu-west-1
        $euLobby.MaximumMessageLength | Should -Be 200
        $euLobby.LoggingConfigurationIdentifiers | Should -Be @(($made | Where-Object Kind -eq LoggingConfiguration).Arn)
        Compare-IvsChatConfiguration -Path $file -Region eu-west-1 | Should -BeNullOrEmpty
        (Get-IvsChatRoom -Region us-east-1).Count | Should -Be 2 -Because 'the source region is untouched'
    }

    It 'two existing rooms with one name are an error for that name; the rest go on' {
        New-IvsChatRoom -Name lobby | Out-Null
        Edit-Document { param($doc) $doc.rooms[1].maximumMessageLength = 42 }
        $made = Sync-IvsChatConfiguration -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'RoomNameAmbiguous,IvsChat.Cmdlets.SyncIvsChatConfigurationCommand'
        "$($problems[0])" | Should -Match "named 'lobby'"
        $made.Name | Should -Be 'side'
        (Get-IvsChatRoom side).MaximumMessageLength | Should -Be 42
    }

    It 'a failure on one resource is reported and the rest go on' {
        Edit-Document {
            param($doc)
            $doc.rooms | ForEach-Object { $_.maximumMessageRatePerSecond = 7 }
        }
        Invoke-EmulatorControl $emu faults -Method POST -Body @{ operation = 'UpdateRoom'; error = 'ValidationException'; count = 1 } | Out-Null
        $made = Sync-IvsChatConfiguration -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Match '^ValidationException,'
        $made.Count | Should -Be 1
        Compare-IvsChatConfiguration -Path $file | Measure-Object | Select-Object -ExpandProperty Count | Should -Be 1
    }

    It 'Compare and Sync bind -Path by property name (a piped file)' {
        Edit-Document { param($doc) $doc.rooms[1].maximumMessageLength = 321 }
        (Get-Item $file | Compare-IvsChatConfiguration).Property | Should -Be 'MaximumMessageLength'
        (Get-Item $file | Sync-IvsChatConfiguration).Desired | Should -Be 321
    }

    It 'an invalid file is one terminating error listing every problem with its JSON path; nothing is read or written' {
        Set-Content $file '{ "formatVersion": 1, "rooms": [ { "name": "a b", "maximumMessageLength": 900, "colour": "red" }, { } ] }'
        Invoke-EmulatorControl $emu requests -Method DELETE | Out-Null
        $e = { Sync-IvsChatConfiguration -Path $file } |
            Should -Throw -ErrorId 'ConfigurationDocumentInvalid,IvsChat.Cmdlets.SyncIvsChatConfigurationCommand' -PassThru
        $e.Exception.Message | Should -Match ([regex]::Escape('$.rooms[0].name'))
        $e.Exception.Message | Should -Match ([regex]::Escape('$.rooms[0].maximumMessageLength'))
        $e.Exception.Message | Should -Match ([regex]::Escape('$.rooms[0].colour'))
        $e.Exception.Message | Should -Match ([regex]::Escape('$.rooms[1]: name is required'))
        $e.Exception.Message | Should -Match '-Path'
        { Compare-IvsChatConfiguration -Path (Join-Path $TestDrive 'missing.json') } |
            Should -Throw -ErrorId 'ConfigurationFileUnreadable,IvsChat.Cmdlets.CompareIvsChatConfigurationCommand'
        @((Invoke-EmulatorControl $emu requests).counts.PSObject.Properties).Count | Should -Be 0
        { Export-IvsChatConfiguration -Path (Join-Path $TestDrive 'no/such/folder/rooms.json') } |
            Should -Throw -ErrorId 'ConfigurationFileUnwritable,IvsChat.Cmdlets.ExportIvsChatConfigurationCommand'
        { Export-IvsChatConfiguration -Name '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.ExportIvsChatConfigurationCommand'
        { Compare-IvsChatConfiguration -Path '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.CompareIvsChatConfigurationCommand'
    }
}
