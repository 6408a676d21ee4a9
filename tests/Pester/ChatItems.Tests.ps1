# Received chat messages and events are module types (IvsChat.ChatMessage, IvsChat.ChatEvent) with a string UserId
# and the RoomArn, so they can be counted per sender and piped into the moderation cmdlets.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'moderated'
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Received messages' {
    BeforeEach {
        $script:bot = Connect-IvsChatRoom $room -UserId bot
        $script:troll = Connect-IvsChatRoom $room -UserId troll -Capability SendMessage -Attribute @{ nick = 'T' }
    }
    AfterEach { $bot, $troll | Disconnect-IvsChatRoom }

    It 'are IvsChat.ChatMessage with a string UserId, the RoomArn and the sender''s attributes' {
        $sent = Send-IvsChatMessage $troll 'first' -Attribute @{ mood = 'bad' }
        $sent.GetType().FullName | Should -Be 'IvsChat.ChatMessage'
        $got = Receive-IvsChatMessage $bot -Count 1 -Timeout 5
        $got.GetType().FullName | Should -Be 'IvsChat.ChatMessage'
        $got.PSObject.TypeNames[0] | Should -Be 'IvsChat.ChatMessage'
        $got.UserId | Should -BeOfType [string]
        $got.UserId | Should -Be 'troll'
        $got.RoomArn | Should -Be $room.Arn
        $got.Region | Should -Be $emu.Region
        $got.SenderAttributes['nick'] | Should -Be 'T'
        $got.Attributes['mood'] | Should -Be 'bad'
        $got.Id | Should -Be $sent.Id
        $got.SendTime.Kind | Should -Be 'Utc'
    }

    It 'count up per sender in a hashtable' {
        $null = Send-IvsChatMessage $troll 'one'
        $null = Send-IvsChatMessage $troll 'two'
        $strikes = @{}
        Receive-IvsChatMessage $bot -Count 2 -Timeout 5 | ForEach-Object { $strikes[$_.UserId]++ }
        $strikes['troll'] | Should -Be 2
    }

    It 'pipe into Remove-IvsChatMessage (RoomArn + Id)' {
        $null = Send-IvsChatMessage $troll 'spam spam'
        $msg = Receive-IvsChatMessage $bot -Count 1 -Timeout 5
        $deletion = $msg | Remove-IvsChatMessage -Force -PassThru
        $deletion.MessageId | Should -Be $msg.Id
        $deletion.RoomArn | Should -Be $room.Arn
        $event = Receive-IvsChatMessage $bot -Count 1 -Timeout 5
        $event.GetType().FullName | Should -Be 'IvsChat.ChatEvent'
        $event.EventName | Should -Be 'aws:DELETE_MESSAGE'
        $event.MessageId | Should -Be $msg.Id
        $event.RoomArn | Should -Be $room.Arn
    }

    It 'pipe into Disconnect-IvsChatUser (RoomArn + UserId)' {
        $null = Send-IvsChatMessage $troll 'more spam'
        $msg = Receive-IvsChatMessage $bot -Count 1 -Timeout 5
        $gone = $msg | Disconnect-IvsChatUser -Force -PassThru
        $gone.UserId | Should -Be 'troll'
        Wait-Until { $troll.State -eq 'Closed' } | Should -BeTrue
        $event = Receive-IvsChatMessage $bot -Count 1 -Timeout 5
        $event.EventName | Should -Be 'aws:DISCONNECT_USER'
        $event.UserId | Should -Be 'troll'
    }
}

Describe 'Receive-IvsChatMessage filters' {
    BeforeAll {
        $script:bot = Connect-IvsChatRoom $room -UserId bot2
        $script:a = Connect-IvsChatRoom $room -UserId ann -Capability SendMessage
        $script:b = Connect-IvsChatRoom $room -UserId ben -Capability SendMessage
    }
    AfterAll { $bot, $a, $b | Disconnect-IvsChatRoom }
    BeforeEach {
        $null = Send-IvsChatMessage $a 'from ann'
        $null = Send-IvsChatEvent $room -EventName 'app:tick'
        $null = Send-IvsChatMessage $b 'from ben'
    }

    It '-Type Message writes messages only' {
        $got = Receive-IvsChatMessage $bot -Type Message -Timeout 1
        $got.Content | Should -Be @('from ann', 'from ben')
    }

    It '-Type Event writes events only' {
        $got = Receive-IvsChatMessage $bot -Type Event -Timeout 1
        $got.EventName | Should -Be 'app:tick'
        $got.RoomArn | Should -Be $room.Arn
    }

    It '-UserId writes only what that sender sent; -Count counts what is written' {
        $got = Receive-IvsChatMessage $bot -UserId ben -Count 1 -Timeout 5
        $got.Content | Should -Be 'from ben'
        Receive-IvsChatMessage $bot -Timeout 0.5 | Should -BeNullOrEmpty
    }

    It 'rejects an unknown -Type' {
        { Receive-IvsChatMessage $bot -Type Gossip -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.Messaging.ReceiveIvsChatMessageCommand'
    }
}
