# Rooms end to end against the local service: every parameter set, the pipelines of issue 4, identity
# resolution (ARN, id, name), -WhatIf, confirmation, validation, and paging that stops requesting pages early.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'New-IvsChatRoom' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'creates a room with every setting and returns a typed object with ARN, region, UTC times and tags' {
        $room = New-IvsChatRoom -Name 'lobby' -MaximumMessageRatePerSecond 5 -MaximumMessageLength 200 `
            -MessageReviewHandlerUri 'arn:aws:lambda:us-east-1:123456789012:function:review' -FallbackResult deny -Tag @{ env = 'dev' }
        $room.PSObject.TypeNames | Should -Contain 'IvsChat.Room'
        $room.Name | Should -Be 'lobby'
        $room.Arn | Should -Match '^arn:aws:ivschat:us-east-1:\d{12}:room/[A-Za-z0-9]{12}$'
        $room.Id | Should -Be ($room.Arn -split '/')[-1]
        $room.Region | Should -Be $emu.Region
        $room.MaximumMessageRatePerSecond | Should -Be 5
        $room.MaximumMessageLength | Should -Be 200
        $room.MessageReviewHandlerUri | Should -Be 'arn:aws:lambda:us-east-1:123456789012:function:review'
        $room.MessageReviewHandlerFallbackResult | Should -Be 'DENY'
        $room.Tags['env'] | Should -Be 'dev'
        $room.CreateTime.Kind | Should -Be 'Utc'
        $room.UpdateTime.Kind | Should -Be 'Utc'
        ([datetime]::UtcNow - $room.CreateTime).TotalMinutes | Should -BeLessThan 5
    }

    It 'uses the service defaults when only a name is given' {
        $room = New-IvsChatRoom 'plain'
        $room.MaximumMessageRatePerSecond | Should -Be 10
        $room.MaximumMessageLength | Should -Be 500
    }

    It 'creates one room per name from the pipeline' {
        $rooms = 'a1', 'a2', 'a3' | New-IvsChatRoom
        $rooms.Name | Should -Be @('a1', 'a2', 'a3')
        (Get-IvsChatRoom).Count | Should -Be 3
    }

    It 'changes nothing with -WhatIf' {
        New-IvsChatRoom -Name 'ghost' -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $emu -Operation CreateRoom | Should -Be 0
        Get-IvsChatRoom | Should -BeNullOrEmpty
    }

    It 'rejects <Parameter> = <Value> before sending a request' -ForEach @(
        @{ Parameter = 'Name'; Value = 'bad name!' }
        @{ Parameter = 'Name'; Value = ('x' * 129) }
        @{ Parameter = 'MaximumMessageRatePerSecond'; Value = 0 }
        @{ Parameter = 'MaximumMessageRatePerSecond'; Value = 101 }
        @{ Parameter = 'MaximumMessageLength'; Value = 0 }
        @{ Parameter = 'MaximumMessageLength'; Value = 501 }
        @{ Parameter = 'MessageReviewHandlerUri'; Value = 'arn:aws:s3:::bucket' }
        @{ Parameter = 'FallbackResult'; Value = 'MAYBE' }
        @{ Parameter = 'Tag'; Value = @{ 'aws:reserved' = 'x' } }
        @{ Parameter = 'Tag'; Value = @{ k = ('v' * 257) } }
        @{ Parameter = 'LoggingConfiguration'; Value = @('a', 'b', 'c', 'd') }
    ) {
        $splat = @{ $Parameter = $Value }
        { New-IvsChatRoom @splat -ErrorAction Stop } | Should -Throw -ErrorId "ParameterArgumentValidationError,IvsChat.Cmdlets.NewIvsChatRoomCommand"
        Get-EmulatorRequestCount $emu -Operation CreateRoom | Should -Be 0
    }

    It 'names the rule in validation messages' {
        { New-IvsChatRoom -Name 'bad name!' -ErrorAction Stop } | Should -Throw "*room name is 0-128 characters of letters, digits, '-' and '_'*"
        { New-IvsChatRoom -Tag @{ 'aws:x' = '1' } -ErrorAction Stop } | Should -Throw "*reserved for AWS*"
    }
}

Describe 'Get-IvsChatRoom' {
    BeforeAll {
        Reset-TestEmulator $emu
        $script:lobby = New-IvsChatRoom -Name 'lobby' -MaximumMessageLength 300
        $script:prodA = New-IvsChatRoom -Name 'prod-a'
        $script:prodB = New-IvsChatRoom -Name 'prod-b'
        $script:twin1 = New-IvsChatRoom -Name 'twin'
        $script:twin2 = New-IvsChatRoom -Name 'twin'
        # A name that looks like an id: resolved as an id first, then as a name.
        $script:idLike = New-IvsChatRoom -Name 'abcdefABCDEF'
    }

    It 'lists every room without parameters' {
        $all = Get-IvsChatRoom
        $all.Count | Should -Be 6
        $all | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'IvsChat.RoomSummary' }
    }

    It 'gets a room by ARN, id and exact name, with full details' {
        foreach ($identifier in $lobby.Arn, $lobby.Id, 'lobby') {
            $r = Get-IvsChatRoom -Identifier $identifier
            $r.Arn | Should -Be $lobby.Arn
            $r.MaximumMessageLength | Should -Be 300
        }
        (Get-IvsChatRoom 'lobby').Arn | Should -Be $lobby.Arn
        (Get-IvsChatRoom $lobby.Arn).Arn | Should -Be $lobby.Arn
    }

    It 'writes one -Verbose line per service call' {
        $room = New-IvsChatRoom -Name 'one-line'
        $verbose = Get-IvsChatRoom -Identifier $room.Arn -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose | Where-Object Message -match 'GetRoom').Count | Should -Be 1
    }

    It 'expands wildcards in -Name' {
        $names = (Get-IvsChatRoom -Name 'prod-*').Name | Sort-Object
        $names | Should -Be @('prod-a', 'prod-b')
        Get-IvsChatRoom -Name 'nomatch-*' | Should -BeNullOrEmpty
    }

    It 'returns every room that has a name (names are not unique)' {
        (Get-IvsChatRoom -Name 'twin').Arn | Sort-Object | Should -Be (@($twin1.Arn, $twin2.Arn) | Sort-Object)
    }

    It 'treats a 12-character value as an id first, then as a name' {
        (Get-IvsChatRoom -Identifier $prodA.Id).Name | Should -Be 'prod-a'
        (Get-IvsChatRoom -Identifier 'abcdefABCDEF').Arn | Should -Be $idLike.Arn
    }

    It 'binds ARNs and names from the pipeline, and room objects by their Arn' {
        ($lobby.Arn, 'prod-a' | Get-IvsChatRoom).Name | Should -Be @('lobby', 'prod-a')
        ($prodB | Get-IvsChatRoom).Arn | Should -Be $prodB.Arn
    }

    It 'reports an unknown name as ResourceNotFoundException (ObjectNotFound), as by ARN, and goes on with the next item' {
        $result = 'nothere', 'lobby' | Get-IvsChatRoom -ErrorVariable errs -ErrorAction SilentlyContinue
        $result.Name | Should -Be 'lobby'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'nothere'
    }

    It 'reports an unknown ARN with the service error code and request id' {
        $arn = $lobby.Arn -replace '[A-Za-z0-9]{12}$', 'ZZZZZZZZZZZZ'
        Get-IvsChatRoom -Identifier $arn -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be $arn
        $errs[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        $errs[0].ErrorDetails.Message | Should -BeLike "*request id $($errs[0].Exception.RequestId)*"
    }

    It 'filters by logging configuration on the server' {
        $config = New-IvsChatLoggingConfiguration -Name 'rooms-filter' -BucketName 'my-bucket'
        Set-IvsChatRoom -InputObject $prodA -LoggingConfiguration $config.Arn
        (Get-IvsChatRoom -LoggingConfiguration 'rooms-filter').Name | Should -Be 'prod-a'
        Set-IvsChatRoom -InputObject $prodA -LoggingConfiguration @()
        Remove-IvsChatLoggingConfiguration $config -Force
    }
}

Describe 'Set-IvsChatRoom' {
    BeforeEach {
        Reset-TestEmulator $emu
        $script:room = New-IvsChatRoom -Name 'settable'
    }

    It 'updates by object (-PassThru returns the new state)' {
        $updated = Set-IvsChatRoom -InputObject $room -Name 'renamed' -MaximumMessageRatePerSecond 50 -MaximumMessageLength 100 -PassThru
        $updated.Name | Should -Be 'renamed'
        $updated.MaximumMessageRatePerSecond | Should -Be 50
        (Get-IvsChatRoom -Identifier $room.Arn).MaximumMessageLength | Should -Be 100
    }

    It 'updates by name, id and ARN, and writes nothing without -PassThru' {
        Set-IvsChatRoom 'settable' -MaximumMessageLength 10 | Should -BeNullOrEmpty
        Set-IvsChatRoom $room.Id -MaximumMessageLength 20
        Set-IvsChatRoom $room.Arn -MaximumMessageLength 30
        (Get-IvsChatRoom -Identifier $room.Arn).MaximumMessageLength | Should -Be 30
    }

    It 'adds and removes the message review handler' {
        Set-IvsChatRoom $room -MessageReviewHandlerUri 'arn:aws:lambda:us-east-1:123456789012:function:f' -FallbackResult ALLOW
        (Get-IvsChatRoom -Identifier $room.Arn).MessageReviewHandlerUri | Should -Be 'arn:aws:lambda:us-east-1:123456789012:function:f'
        Set-IvsChatRoom $room -MessageReviewHandlerUri ''
        (Get-IvsChatRoom -Identifier $room.Arn).MessageReviewHandlerUri | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        Set-IvsChatRoom $room -Name 'whatif' -WhatIf
        Get-EmulatorRequestCount $emu -Operation UpdateRoom | Should -Be 0
        (Get-IvsChatRoom -Identifier $room.Arn).Name | Should -Be 'settable'
    }

    It 'rejects an out-of-range value before sending' {
        { Set-IvsChatRoom $room -MaximumMessageLength 501 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.SetIvsChatRoomCommand'
        Get-EmulatorRequestCount $emu -Operation UpdateRoom | Should -Be 0
    }

    It 'fails with RoomNameAmbiguous, listing the matches, when a name names several rooms' {
        $other = New-IvsChatRoom -Name 'settable'
        Set-IvsChatRoom 'settable' -MaximumMessageLength 10 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'RoomNameAmbiguous,IvsChat.Cmdlets.SetIvsChatRoomCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errs[0].Exception.Message | Should -BeLike "*$($room.Arn)*"
        $errs[0].Exception.Message | Should -BeLike "*$($other.Arn)*"
        Get-EmulatorRequestCount $emu -Operation UpdateRoom | Should -Be 0
    }
}

Describe 'Remove-IvsChatRoom' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'removes the rooms piped from Get-IvsChatRoom -Name test-*' {
        'test-1', 'test-2', 'keep' | New-IvsChatRoom | Out-Null
        Get-IvsChatRoom -Name 'test-*' | Remove-IvsChatRoom -Confirm:$false
        (Get-IvsChatRoom).Name | Should -Be 'keep'
    }

    It 'removes by ARN, id and name; -PassThru writes the room' {
        $a = New-IvsChatRoom -Name 'r-a'; $b = New-IvsChatRoom -Name 'r-b'; $c = New-IvsChatRoom -Name 'r-c'
        Remove-IvsChatRoom $a.Arn -Force
        Remove-IvsChatRoom $b.Id -Force
        $removed = Remove-IvsChatRoom 'r-c' -Force -PassThru
        $removed.Arn | Should -Be $c.Arn
        Get-IvsChatRoom | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $room = New-IvsChatRoom -Name 'precious'
        Remove-IvsChatRoom $room -WhatIf
        Get-IvsChatRoom -Name 'precious' | Remove-IvsChatRoom -WhatIf
        Get-EmulatorRequestCount $emu -Operation DeleteRoom | Should -Be 0
        (Get-IvsChatRoom -Identifier $room.Arn).Name | Should -Be 'precious'
    }

    It 'binds a piped room as the object itself: the target names the room and -PassThru writes it whole' {
        $room = New-IvsChatRoom -Name 'piped-target'
        $out = Get-IvsChatRoom -Name 'piped-target' | Remove-IvsChatRoom -Confirm:$false -PassThru -Verbose 4>&1
        $messages = $out.Where({ $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $messages | Should -Contain "Performing the operation ""Remove room"" on target ""room 'piped-target' ($($room.Arn))""."
        $removed = $out.Where({ $_ -isnot [System.Management.Automation.VerboseRecord] })
        $removed.Name | Should -Be 'piped-target'
        $removed.CreateTime | Should -Be $room.CreateTime
    }

    It 'names the room and its ARN in the -WhatIf target, and says what it calls under -Verbose' {
        $room = New-IvsChatRoom -Name 'named-target'
        $verbose = Remove-IvsChatRoom $room -Force -Verbose 4>&1 | ForEach-Object Message
        $verbose | Should -Contain "Calling DeleteRoom ($($emu.Region), $($emu.Endpoint)/) for $($room.Arn)."
    }

    It 'asks for confirmation by default (a non-interactive host refuses, nothing is deleted); -WhatIf names the room and ARN' {
        $room = New-IvsChatRoom -Name 'confirm-me'
        # One fresh, non-interactive process (as build.ps1 runs tests) for both checks: they need a real host.
        $script = "Import-Module '$env:IVSCHAT_MODULE_PATH'; Remove-IvsChatRoom -Identifier 'confirm-me' -WhatIf; Remove-IvsChatRoom -Identifier '$($room.Arn)'"
        $output = Invoke-FreshPwsh -Command $script | Out-String
        $output | Should -BeLike "*Remove room*room 'confirm-me' ($($room.Arn))*"
        $output | Should -Match 'NonInteractive|prompt|Read and Prompt'
        (Get-IvsChatRoom -Identifier $room.Arn).Name | Should -Be 'confirm-me'
        Get-EmulatorRequestCount $emu -Operation DeleteRoom | Should -Be 0
    }

    It 'completes the other 97 of 100 piped ARNs when 3 do not exist' {
        $rooms = 1..97 | ForEach-Object { "bulk-$_" } | New-IvsChatRoom
        $template = $rooms[0].Arn
        $missing = 'AAAAAAAAAAA1', 'AAAAAAAAAAA2', 'AAAAAAAAAAA3' | ForEach-Object { $template -replace '[A-Za-z0-9]{12}$', $_ }
        $input100 = @($rooms[0..39].Arn) + $missing[0] + @($rooms[40..69].Arn) + $missing[1] + @($rooms[70..96].Arn) + $missing[2]
        $input100.Count | Should -Be 100
        $input100 | Remove-IvsChatRoom -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 3
        $errs.TargetObject | Should -Be $missing
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.RemoveIvsChatRoomCommand' }
        Get-IvsChatRoom | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $emu -Operation DeleteRoom | Should -Be 100
    }

    It 'creates 97 of 100 piped names when 3 fail validation' {
        $names = 1..100 | ForEach-Object { if ($_ % 33 -eq 0) { "bad name $_" } else { "ok-$_" } }
        $created = $names | New-IvsChatRoom -ErrorVariable errs -ErrorAction SilentlyContinue
        $created.Count | Should -Be 97
        $errs.Count | Should -Be 3
        (Get-IvsChatRoom).Count | Should -Be 97
    }
}

Describe 'Paging' {
    BeforeAll {
        Reset-TestEmulator $emu
        1..110 | ForEach-Object { "page-$_" } | New-IvsChatRoom | Out-Null
    }
    BeforeEach { Clear-EmulatorRequestCount $emu }

    It 'streams all 110 rooms in 3 pages' {
        (Get-IvsChatRoom).Count | Should -Be 110
        Get-EmulatorRequestCount $emu -Operation ListRooms | Should -Be 3
    }

    It '-First <First> returns <First> rooms with <Pages> ListRooms request(s)' -ForEach @(
        @{ First = 5; Pages = 1 }
        @{ First = 50; Pages = 1 }
        @{ First = 60; Pages = 2 }
    ) {
        (Get-IvsChatRoom -First $First).Count | Should -Be $First
        Get-EmulatorRequestCount $emu -Operation ListRooms | Should -Be $Pages
    }

    It '-Skip skips and -First stops early' {
        $all = Get-IvsChatRoom
        Clear-EmulatorRequestCount $emu
        $page = Get-IvsChatRoom -Skip 10 -First 5
        $page.Arn | Should -Be $all[10..14].Arn
        Get-EmulatorRequestCount $emu -Operation ListRooms | Should -Be 1
    }

    It 'stops requesting pages when a downstream Select-Object -First has enough' {
        (Get-IvsChatRoom | Select-Object -First 3).Count | Should -Be 3
        Get-EmulatorRequestCount $emu -Operation ListRooms | Should -Be 1
    }
}

Describe 'Filters with names' {
    It 'applies -LoggingConfiguration on the service and -Name wildcards here' {
        Reset-TestEmulator $emu
        $config = New-IvsChatLoggingConfiguration -Name 'filter-logs' -BucketName 'my-bucket'
        New-IvsChatRoom -Name 'logged-a' -LoggingConfiguration $config.Arn | Out-Null
        New-IvsChatRoom -Name 'logged-b' -LoggingConfiguration $config.Arn | Out-Null
        New-IvsChatRoom -Name 'logged-c' | Out-Null
        (Get-IvsChatRoom -Name 'logged-*' -LoggingConfiguration 'filter-logs').Name | Sort-Object | Should -Be @('logged-a', 'logged-b')
        (Get-IvsChatRoom -Name 'logged-a' -LoggingConfiguration $config.Id).Name | Should -Be 'logged-a'
    }
}

Describe 'Stopping' {
    It 'Ctrl+C (StopProcessing) cancels a call that is waiting for the service' {
        # A listener that accepts connections but never answers: the call can only end by cancellation.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $ps = [powershell]::Create()
        try {
            $port = $listener.LocalEndpoint.Port
            $null = $ps.AddScript("Import-Module '$env:IVSCHAT_MODULE_PATH'; Get-IvsChatRoom -EndpointUrl 'http://127.0.0.1:$port'")
            $handle = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $handle.IsCompleted | Should -BeFalse
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            Stop-BackgroundPowerShell $ps $handle
            $listener.Stop()
        }
    }
}
