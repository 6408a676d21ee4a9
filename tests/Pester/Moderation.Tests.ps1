# Send-IvsChatEvent, Remove-IvsChatMessage, Disconnect-IvsChatUser over the control plane.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'stage'
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Send-IvsChatEvent' {
    BeforeEach { Clear-EmulatorRequestCount $emu }

    It 'sends an event with attributes and returns an IvsChat.Event with the service id' {
        $event = Send-IvsChatEvent $room -EventName 'poll-start' -Attribute @{ question = 'tea?' }
        $event.PSObject.TypeNames | Should -Contain 'IvsChat.Event'
        $event.Id | Should -Match '^[A-Za-z0-9]{12}$'
        $event.EventName | Should -Be 'poll-start'
        $event.Attributes['question'] | Should -Be 'tea?'
        $event.RoomArn | Should -Be $room.Arn
    }

    It 'takes rooms by name, ARN and from the pipeline' {
        (Send-IvsChatEvent 'stage' -EventName e1).RoomArn | Should -Be $room.Arn
        ($room.Arn | Send-IvsChatEvent -EventName e2).RoomArn | Should -Be $room.Arn
        (Get-IvsChatRoom -Name stage | Send-IvsChatEvent -EventName e3).RoomArn | Should -Be $room.Arn
        Get-EmulatorRequestCount $emu -Operation SendEvent | Should -Be 3
    }

    It 'changes nothing with -WhatIf' {
        Send-IvsChatEvent $room -EventName e -WhatIf | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $emu -Operation SendEvent | Should -Be 0
    }

    It 'rejects an event name over 100 characters and attributes over 1 KB' {
        { Send-IvsChatEvent $room -EventName ('e' * 101) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.SendIvsChatEventCommand'
        { Send-IvsChatEvent $room -EventName e -Attribute @{ a = ('x' * 1100) } -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.SendIvsChatEventCommand'
        Get-EmulatorRequestCount $emu -Operation SendEvent | Should -Be 0
    }
}

Describe 'Remove-IvsChatMessage' {
    BeforeEach { Clear-EmulatorRequestCount $emu }

    It 'deletes a message by id; -PassThru returns the deletion with the event id' {
        $d = Remove-IvsChatMessage $room -MessageId 'AbCdEf123456' -Reason 'spam' -PassThru
        $d.PSObject.TypeNames | Should -Contain 'IvsChat.MessageDeletion'
        $d.MessageId | Should -Be 'AbCdEf123456'
        $d.EventId | Should -Match '^[A-Za-z0-9]{12}$'
        $d.Reason | Should -Be 'spam'
        Remove-IvsChatMessage 'stage' -MessageId 'AbCdEf123456' | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $emu -Operation DeleteMessage | Should -Be 2
    }

    It 'binds RoomArn and Id by property name (a received message)' {
        [pscustomobject]@{ RoomArn = $room.Arn; Id = 'Zz0123456789' } | Remove-IvsChatMessage -Confirm:$false
        Get-EmulatorRequestCount $emu -Operation DeleteMessage | Should -Be 1
    }

    It 'changes nothing with -WhatIf, and validates the id and reason' {
        Remove-IvsChatMessage $room -MessageId 'AbCdEf123456' -WhatIf
        { Remove-IvsChatMessage $room -MessageId 'short' -ErrorAction Stop } | Should -Throw '*message id is exactly 12 letters or digits*'
        { Remove-IvsChatMessage $room -MessageId 'AbCdEf123456' -Reason ('r' * 257) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.RemoveIvsChatMessageCommand'
        Get-EmulatorRequestCount $emu -Operation DeleteMessage | Should -Be 0
    }
}

Describe 'Disconnect-IvsChatUser' {
    BeforeEach { Clear-EmulatorRequestCount $emu }

    It 'disconnects a user; -PassThru returns the disconnection' {
        $d = Disconnect-IvsChatUser $room -UserId 'troll' -Reason 'bye' -PassThru
        $d.PSObject.TypeNames | Should -Contain 'IvsChat.UserDisconnection'
        $d.UserId | Should -Be 'troll'
        $d.RoomArn | Should -Be $room.Arn
        Disconnect-IvsChatUser -Identifier $room.Arn -UserId 'troll' | Should -BeNullOrEmpty
        Get-EmulatorRequestCount $emu -Operation DisconnectUser | Should -Be 2
    }

    It 'changes nothing with -WhatIf and validates the user id' {
        Disconnect-IvsChatUser $room -UserId 'troll' -WhatIf
        { Disconnect-IvsChatUser $room -UserId ('u' * 129) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.DisconnectIvsChatUserCommand'
        Get-EmulatorRequestCount $emu -Operation DisconnectUser | Should -Be 0
    }
}
