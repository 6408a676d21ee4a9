# Connect-/Send-/Receive-IvsChatMessage and Disconnect-IvsChatRoom against the local service's messaging WebSocket.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'lobby'

    function script:Get-ServerConnectionCount([string] $RoomArn) {
        (Invoke-RestMethod "$($emu.Endpoint)/_emulator/messaging/connections?roomArn=$([uri]::EscapeDataString($RoomArn))").connections
    }

    # A second runspace, as a user pressing Ctrl+C in another console would: the module loaded, the same environment.
    # $Script may use $c, the connection passed as -Connection.
    function script:Start-Background([string] $Script, $Connection) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("param(`$c) Import-Module '$env:IVSCHAT_MODULE_PATH'; $Script").AddArgument($Connection)
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Connect-IvsChatRoom' {
    It 'connects from a room name, ARN or object and reports its state and session expiry' {
        $byName = Connect-IvsChatRoom -Room lobby -UserId alice
        $byArn = Connect-IvsChatRoom $room.Arn -UserId alice
        $byObject = $room | Connect-IvsChatRoom -UserId alice -SessionDurationInMinutes 5
        foreach ($c in $byName, $byArn, $byObject) {
            $c.PSObject.TypeNames | Should -Contain 'IvsChat.ChatConnection'
            $c.State | Should -Be 'Open'
            $c.RoomArn | Should -Be $room.Arn
            $c.Endpoint.ToString() | Should -Be "$($emu.MessagingEndpoint)/"
        }
        $byObject.SessionExpirationTime | Should -BeGreaterThan ([DateTime]::UtcNow.AddMinutes(4))
        $byObject.SessionExpirationTime | Should -BeLessThan ([DateTime]::UtcNow.AddMinutes(6))
        Get-ServerConnectionCount $room.Arn | Should -Be 3
        $byName, $byArn, $byObject | Disconnect-IvsChatRoom
        $byName.State | Should -Be 'Closed'
        Wait-Until { (Get-ServerConnectionCount $room.Arn) -eq 0 } | Should -BeTrue
    }

    It 'connects with a token object from New-IvsChatToken, once' {
        $token = New-IvsChatToken $room -UserId tok -Capability SendMessage
        $c = $token | Connect-IvsChatRoom
        $c.UserId | Should -Be 'tok'
        $c.Capabilities | Should -Be @('SEND_MESSAGE')
        { Connect-IvsChatRoom -Token $token -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatConnectionFailed,IvsChat.Cmdlets.Messaging.ConnectIvsChatRoomCommand'
        Disconnect-IvsChatRoom $c
    }

    It 'never shows the token in its output or messages' {
        $token = New-IvsChatToken $room -UserId secretive
        $c = Connect-IvsChatRoom -Token $token -Verbose -Debug 4>&1 5>&1 6>&1 | ForEach-Object { $_ }
        ($c | Out-String) | Should -Not -Match ([regex]::Escape($token.Token))
        ($c | Where-Object { $_ -is [IvsChat.ChatConnection] }) | Disconnect-IvsChatRoom
    }
}

Describe 'Two connections exchange messages' {
    BeforeAll {
        $script:alice = Connect-IvsChatRoom $room -UserId alice -Capability SendMessage -Attribute @{ nick = 'Al' }
        $script:bob = Connect-IvsChatRoom $room -UserId bob -Capability SendMessage
    }
    AfterAll { $alice, $bob | Disconnect-IvsChatRoom }

    It 'delivers a message to both, matched to the sender by request id' {
        $sent = Send-IvsChatMessage $alice 'hello bob' -Attribute @{ mood = 'happy' }
        $sent.PSObject.TypeNames | Should -Contain 'IvsChat.ChatMessage'
        $sent.Content | Should -Be 'hello bob'
        $sent.UserId | Should -Be 'alice'
        $sent.SenderAttributes['nick'] | Should -Be 'Al'
        $sent.Attributes['mood'] | Should -Be 'happy'

        $got = Receive-IvsChatMessage $bob -Count 1 -Timeout 5
        $got.Id | Should -Be $sent.Id
        $got.SendTime | Should -BeOfType [DateTime]
        $got.SendTime.Kind | Should -Be 'Utc'

        $reply = 'hi alice' | Send-IvsChatMessage -Connection $bob
        $mine = Receive-IvsChatMessage $alice -Count 2 -Timeout 5
        $mine.Content | Should -Be @('hello bob', 'hi alice')
        $mine[1].Id | Should -Be $reply.Id
    }

    It 'reports a refused message as a clear error' {
        $viewer = Connect-IvsChatRoom $room -UserId viewer
        { Send-IvsChatMessage $viewer 'let me talk' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatForbidden,IvsChat.Cmdlets.Messaging.SendIvsChatMessageCommand'
        Send-IvsChatMessage $viewer 'again' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].ErrorDetails.Message | Should -Match '403'
        $viewer.State | Should -Be 'Open'
        Disconnect-IvsChatRoom $viewer
    }

    It 'sends nothing with -WhatIf' {
        Send-IvsChatMessage $alice 'not really' -WhatIf | Should -BeNullOrEmpty
        Receive-IvsChatMessage $bob -Timeout 0.3 | Where-Object Content -EQ 'not really' | Should -BeNullOrEmpty
    }
}

Describe 'Moderation seen from connections' {
    It 'a moderator deletes a message and disconnects a user; everyone receives the events' {
        $mod = Connect-IvsChatRoom $room -UserId mod -Capability SendMessage, DeleteMessage, DisconnectUser
        $user = Connect-IvsChatRoom $room -UserId troll
        $m = Send-IvsChatMessage $mod 'soon gone'
        Remove-IvsChatMessage $room -MessageId $m.Id -Reason 'cleanup' -Force
        Disconnect-IvsChatUser $room -UserId troll -Reason 'bye' -Force

        $seen = Receive-IvsChatMessage $user -Timeout 3 -WarningVariable warn 3>$null
        $seen[0].Id | Should -Be $m.Id
        $seen[1].EventName | Should -Be 'aws:DELETE_MESSAGE'
        $seen[1].MessageId | Should -Be $m.Id
        $seen[1].Reason | Should -Be 'cleanup'
        $seen[2].EventName | Should -Be 'aws:DISCONNECT_USER'
        $seen[2].UserId | Should -Be 'troll'
        $user.State | Should -Be 'Closed'
        $user.CloseReason | Should -Match 'moderator'
        $warn | Should -Match 'closed'
        $mod.State | Should -Be 'Open'
        Disconnect-IvsChatRoom $mod
    }
}

Describe 'Moderation over the socket (-Connection)' {
    It 'deletes and disconnects with the connection''s capabilities, and refuses without them' {
        $mod = Connect-IvsChatRoom $room -UserId mod2 -Capability SendMessage, DeleteMessage, DisconnectUser
        $plain = Connect-IvsChatRoom $room -UserId plain -Capability SendMessage
        $m = Send-IvsChatMessage $plain 'delete me'

        { $m | Remove-IvsChatMessage -Connection $plain -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatForbidden,IvsChat.Cmdlets.RemoveIvsChatMessageCommand'
        $deletion = $m | Remove-IvsChatMessage -Connection $mod -Reason 'tidy' -Force -PassThru
        $deletion.MessageId | Should -Be $m.Id
        $deletion.EventId | Should -Match '^[A-Za-z0-9]{12}$'

        { Disconnect-IvsChatUser -Connection $plain -UserId mod2 -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ChatForbidden,IvsChat.Cmdlets.DisconnectIvsChatUserCommand'
        $gone = Disconnect-IvsChatUser -Connection $mod -UserId plain -Reason 'enough' -Force -PassThru
        $gone.UserId | Should -Be 'plain'
        Wait-Until { $plain.State -eq 'Closed' } | Should -BeTrue
        $events = Receive-IvsChatMessage $plain -Timeout 1 3>$null | Where-Object { $_.GetType().FullName -eq 'IvsChat.ChatEvent' }
        $events.EventName | Should -Be @('aws:DELETE_MESSAGE', 'aws:DISCONNECT_USER')
        Disconnect-IvsChatRoom $mod
    }

    It 'asks before acting, like the control-plane sets (-WhatIf)' {
        $mod = Connect-IvsChatRoom $room -UserId mod3 -Capability DeleteMessage
        Remove-IvsChatMessage -Connection $mod -MessageId 'AbCdEfGhIjKl' -WhatIf | Should -BeNullOrEmpty
        Receive-IvsChatMessage $mod -Timeout 0.5 | Should -BeNullOrEmpty
        Disconnect-IvsChatRoom $mod
    }
}

Describe 'Receive-IvsChatMessage' {
    It 'returns after -Timeout T: not before T, well before 2T' {
        $c = Connect-IvsChatRoom $room -UserId waiter
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Receive-IvsChatMessage $c -Timeout 2 | Should -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 2
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3.5
        Disconnect-IvsChatRoom $c
    }

    It 'keeps frames between calls in a bounded buffer and warns when the oldest were dropped' {
        $writer = Connect-IvsChatRoom $room -UserId writer -Capability SendMessage
        $reader = Connect-IvsChatRoom $room -UserId reader -BufferCapacity 3
        1..5 | ForEach-Object { Send-IvsChatMessage $writer "m$_" } | Out-Null
        Wait-Until { $reader.DroppedCount -ge 2 } | Should -BeTrue
        $got = Receive-IvsChatMessage $reader -Timeout 0.5 -WarningVariable warn 3>$null
        $got.Content | Should -Be @('m3', 'm4', 'm5')
        $warn.Count | Should -Be 1
        $warn[0] | Should -Match '2 older frame'
        $writer, $reader | Disconnect-IvsChatRoom
    }

    It 'Ctrl+C returns promptly and leaves a stored connection usable' {
        $c = Connect-IvsChatRoom $room -UserId patient
        $bg = Start-Background 'Receive-IvsChatMessage -Connection $c' $c
        Start-Sleep -Milliseconds 1500
        $bg.PowerShell.InvocationStateInfo.State | Should -Be 'Running'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $bg.PowerShell.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 2
        Stop-BackgroundPowerShell $bg.PowerShell $bg.Handle
        $c.State | Should -Be 'Open'
        $sender = Connect-IvsChatRoom $room -UserId nudger -Capability SendMessage
        $null = Send-IvsChatMessage $sender 'still there?'
        (Receive-IvsChatMessage $c -Count 1 -Timeout 5).Content | Should -Be 'still there?'
        $c, $sender | Disconnect-IvsChatRoom
    }

    It 'stopping a pipeline that opened the connection frees its socket' {
        $quiet = New-IvsChatRoom -Name 'quiet'
        $bg = Start-Background "Connect-IvsChatRoom -Room '$($quiet.Arn)' -UserId piped | Receive-IvsChatMessage"
        Wait-Until { (Get-ServerConnectionCount $quiet.Arn) -eq 1 } | Should -BeTrue
        Start-Sleep -Milliseconds 300
        $bg.PowerShell.InvocationStateInfo.State | Should -Be 'Running'
        Stop-BackgroundPowerShell $bg.PowerShell $bg.Handle
        Wait-Until { (Get-ServerConnectionCount $quiet.Arn) -eq 0 } 3 | Should -BeTrue
        Remove-IvsChatRoom $quiet -Force
    }

    It 'closes a piped connection when the pipeline ends (Select-Object -First)' {
        $busy = New-IvsChatRoom -Name 'busy'
        $writer = Connect-IvsChatRoom $busy -UserId writer -Capability SendMessage
        $bg = Start-Background "Connect-IvsChatRoom -Room '$($busy.Arn)' -UserId once | Receive-IvsChatMessage | Select-Object -First 1"
        Wait-Until { (Get-ServerConnectionCount $busy.Arn) -eq 2 } | Should -BeTrue
        $null = Send-IvsChatMessage $writer 'first'
        $result = $bg.PowerShell.EndInvoke($bg.Handle)
        $result.Content | Should -Be 'first'
        $bg.PowerShell.Dispose()
        Wait-Until { (Get-ServerConnectionCount $busy.Arn) -eq 1 } 3 | Should -BeTrue
        Disconnect-IvsChatRoom $writer
        Remove-IvsChatRoom $busy -Force
    }
}

Describe 'Session expiry' {
    BeforeAll {
        $script:fast = Start-TestEmulator -ArgumentList '--session-minute-seconds', '2'
        $script:fastRoom = New-IvsChatRoom -Name 'brief' -EndpointUrl $fast.Endpoint -AccessKey $fast.AccessKey -SecretKey $fast.SecretKey
    }
    AfterAll { $fast | Stop-TestEmulator }

    It 'reports the end of the session as a non-terminating error, then a closed connection' {
        $c = Connect-IvsChatRoom $fastRoom -UserId brief -SessionDurationInMinutes 1 -EndpointUrl $fast.Endpoint -AccessKey $fast.AccessKey `
            -SecretKey $fast.SecretKey
        $c.SessionExpirationTime | Should -BeLessThan ([DateTime]::UtcNow.AddSeconds(3))
        $c.SessionExpirationTime | Should -BeGreaterThan ([DateTime]::UtcNow)
        Receive-IvsChatMessage $c -Timeout 5 -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn 3>$null | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ChatSessionExpired,IvsChat.Cmdlets.Messaging.ReceiveIvsChatMessageCommand'
        $c.State | Should -Be 'Closed'
        $c.SessionExpired | Should -BeTrue
        $warn | Should -Match 'expired'
    }
}
