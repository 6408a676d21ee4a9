# Chat tokens: parameter sets, capability spellings, validation, and that the token never shows.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'lobby'
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'New-IvsChatToken' {
    It 'Get-IvsChatRoom -Name lobby | New-IvsChatToken -UserId u1 -Capability SendMessage works' {
        $token = Get-IvsChatRoom -Name lobby | New-IvsChatToken -UserId u1 -Capability SendMessage
        $token.PSObject.TypeNames | Should -Contain 'IvsChat.ChatToken'
        $token.Token | Should -Not -BeNullOrEmpty
        $token.RoomArn | Should -Be $room.Arn
        $token.UserId | Should -Be 'u1'
        $token.Capabilities | Should -Be @('SEND_MESSAGE')
        $token.Region | Should -Be $emu.Region
        $token.TokenExpirationTime.Kind | Should -Be 'Utc'
        $token.SessionExpirationTime | Should -BeGreaterThan $token.TokenExpirationTime
    }

    It 'accepts the PowerShell and the wire spellings of capabilities' {
        $token = New-IvsChatToken -Identifier $room.Arn -UserId u2 -Capability SendMessage, DELETE_MESSAGE, disconnectuser, SEND_MESSAGE
        $token.Capabilities | Should -Be @('SEND_MESSAGE', 'DELETE_MESSAGE', 'DISCONNECT_USER')
    }

    It 'takes the room by object, name and id; a session duration sets the session expiry' {
        (New-IvsChatToken -InputObject $room -UserId u3).RoomArn | Should -Be $room.Arn
        (New-IvsChatToken 'lobby' -UserId u3).RoomArn | Should -Be $room.Arn
        (New-IvsChatToken $room u3).RoomArn | Should -Be $room.Arn
        $t = New-IvsChatToken $room.Id -UserId u3 -SessionDurationInMinutes 5
        ($t.SessionExpirationTime - [datetime]::UtcNow).TotalMinutes | Should -BeLessOrEqual 5.1
        ($t.SessionExpirationTime - [datetime]::UtcNow).TotalMinutes | Should -BeGreaterThan 3
    }

    It 'rejects <Case> before sending' -ForEach @(
        @{ Case = 'an unknown capability'; Splat = @{ UserId = 'u'; Capability = 'Fly' } }
        @{ Case = 'a session of 0 minutes'; Splat = @{ UserId = 'u'; SessionDurationInMinutes = 0 } }
        @{ Case = 'a session of 181 minutes'; Splat = @{ UserId = 'u'; SessionDurationInMinutes = 181 } }
        @{ Case = 'an empty user id'; Splat = @{ UserId = '' } }
        @{ Case = 'a user id over 128 characters'; Splat = @{ UserId = ('u' * 129) } }
        @{ Case = 'attributes over 1 KB'; Splat = @{ UserId = 'u'; Attribute = @{ big = ('x' * 1100) } } }
    ) {
        Clear-EmulatorRequestCount $emu
        { New-IvsChatToken -Identifier $room.Arn @Splat -ErrorAction Stop } | Should -Throw -ErrorId '*,IvsChat.Cmdlets.NewIvsChatTokenCommand'
        Get-EmulatorRequestCount $emu -Operation CreateChatToken | Should -Be 0
    }

    It 'never shows the token: not in ToString, the default table or list view, Format-List *, or Get-Member' {
        $token = New-IvsChatToken $room -UserId u1 -Capability SendMessage
        $secret = $token.Token
        $secret.Length | Should -BeGreaterThan 10
        "$token" | Should -Not -BeLike "*$secret*"
        $token | Out-String -Width 500 | Should -Not -BeLike "*$secret*"
        $token | Format-Table | Out-String -Width 500 | Should -Not -BeLike "*$secret*"
        $token | Format-List | Out-String -Width 500 | Should -Not -BeLike "*$secret*"
        $token | Format-List * | Out-String -Width 500 | Should -Not -BeLike "*$secret*"
        ($token | Get-Member -MemberType Property).Name | Should -Not -Contain 'Token'
        # ...while users can still read it.
        $token.Token | Should -Be $secret
    }

    It 'reports an unknown room as ResourceNotFoundException, by ARN and by name alike' {
        $arn = $room.Arn -replace '[A-Za-z0-9]{12}$', 'ZZZZZZZZZZZZ'
        New-IvsChatToken $arn -UserId u1 -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.NewIvsChatTokenCommand'
        New-IvsChatToken 'no-such-room' -UserId u1 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.NewIvsChatTokenCommand'
    }
}
