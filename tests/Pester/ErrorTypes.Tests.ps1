# Public exception types: every error a cmdlet reports carries an IvsChat.* exception that a script can catch by
# type after Import-Module (the client library loads in a private context, so its types are not nameable).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'error-types'
    $script:missingRoomArn = $room.Arn -replace '/[A-Za-z0-9]{12}$', '/AAAAAAAAAAAA'
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Public exception types' {
    BeforeEach {
        $null = Invoke-EmulatorControl -Emulator $emu -Path faults -Method DELETE
        $env:AWS_MAX_ATTEMPTS = '1'
    }
    AfterEach { Remove-Item env:AWS_MAX_ATTEMPTS -ErrorAction SilentlyContinue }

    It 'catch [IvsChat.ResourceNotFoundException] works in a script after Import-Module' {
        $script = "Import-Module '$env:IVSCHAT_MODULE_PATH'; " +
            "try { Get-IvsChatRoom -Identifier '$missingRoomArn' -ErrorAction Stop; 'not thrown' } " +
            "catch [IvsChat.ResourceNotFoundException] { 'caught ' + `$_.Exception.ErrorCode + ' ' + `$_.Exception.StatusCode } " +
            "catch { 'other ' + `$_.Exception.GetType().FullName }"
        $out = Invoke-FreshPwsh $script
        ($out | Out-String).Trim() | Should -Be 'caught ResourceNotFoundException 404'
    }

    It '<Code> is an IvsChat.<Type> (an IvsChat.IvsChatServiceException) with ErrorCode, StatusCode, RequestId and the client error inside' -ForEach @(
        @{ Code = 'AccessDeniedException'; Type = 'AccessDeniedException'; Status = 403 }
        @{ Code = 'PendingVerification'; Type = 'PendingVerificationException'; Status = 403 }
        @{ Code = 'ValidationException'; Type = 'ValidationException'; Status = 400 }
        @{ Code = 'ResourceNotFoundException'; Type = 'ResourceNotFoundException'; Status = 404 }
        @{ Code = 'ConflictException'; Type = 'ConflictException'; Status = 409 }
        @{ Code = 'ServiceQuotaExceededException'; Type = 'ServiceQuotaExceededException'; Status = 402 }
        @{ Code = 'ThrottlingException'; Type = 'ThrottlingException'; Status = 429 }
        @{ Code = 'InternalServerException'; Type = 'InternalServerException'; Status = 500 }
    ) {
        Add-EmulatorFault $emu -Operation GetRoom -ErrorCode $Code -Count 1
        Get-IvsChatRoom -Identifier $room.Arn -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $ex = $errs[0].Exception
        $ex.GetType().FullName | Should -Be "IvsChat.$Type"
        $ex | Should -BeOfType ([IvsChat.IvsChatServiceException])
        $ex | Should -BeOfType ([IvsChat.IvsChatException])
        $ex.ErrorCode | Should -Be $Code
        $ex.StatusCode | Should -Be $Status
        $ex.RequestId | Should -Not -BeNullOrEmpty
        $ex.InnerException.GetType().FullName | Should -BeLike 'IvsChat.Client.*'
        $errs[0].FullyQualifiedErrorId | Should -Be "$Code,IvsChat.Cmdlets.GetIvsChatRoomCommand"
    }

    It 'an unmodelled error code is an IvsChat.IvsChatServiceException with that code' {
        Add-EmulatorFault $emu -Operation GetRoom -ErrorCode UnrecognizedClientException -Count 1
        Get-IvsChatRoom -Identifier $room.Arn -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.GetType().FullName | Should -Be 'IvsChat.IvsChatServiceException'
        $errs[0].Exception.ErrorCode | Should -Be 'UnrecognizedClientException'
    }

    It 'a room not found by <How> is IvsChat.ResourceNotFoundException with ErrorId ResourceNotFoundException' -ForEach @(
        @{ How = 'ARN'; Value = 'missing-arn' }
        @{ How = 'name'; Value = 'no-such-room-name' }
        @{ How = 'id'; Value = 'AAAAAAAAAAAA' }
    ) {
        $identifier = if ($Value -eq 'missing-arn') { $missingRoomArn } else { $Value }
        Get-IvsChatRoom -Identifier $identifier -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception | Should -BeOfType ([IvsChat.ResourceNotFoundException])
        $errs[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be $identifier
    }

    It 'a logging configuration or tagged resource not found by name is IvsChat.ResourceNotFoundException too' {
        Remove-IvsChatLoggingConfiguration -Identifier 'no-such-config' -Force -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].Exception | Should -BeOfType ([IvsChat.ResourceNotFoundException])
        $e1[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.RemoveIvsChatLoggingConfigurationCommand'
        Get-IvsChatTag -Identifier 'no-such-resource' -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].Exception | Should -BeOfType ([IvsChat.ResourceNotFoundException])
        $e2[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.GetIvsChatTagCommand'
    }

    It 'an ambiguous name is an IvsChat.IvsChatException' {
        $a = New-IvsChatRoom -Name 'twin'; $b = New-IvsChatRoom -Name 'twin'
        try {
            Set-IvsChatRoom -Identifier 'twin' -MaximumMessageLength 10 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception | Should -BeOfType ([IvsChat.IvsChatException])
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'RoomNameAmbiguous,*'
        }
        finally { $a, $b | Remove-IvsChatRoom -Force }
    }

    It 'missing credentials or region is an IvsChat.IvsChatConfigurationException' {
        $saved = $env:AWS_REGION
        Remove-Item env:AWS_REGION
        try {
            $caught = $null
            try { Get-IvsChatRoom -ErrorAction Stop } catch [IvsChat.IvsChatConfigurationException] { $caught = $_ }
            $caught | Should -Not -BeNullOrEmpty
            $caught.Exception | Should -BeOfType ([IvsChat.IvsChatException])
            $caught.FullyQualifiedErrorId | Should -Be 'IvsChatConfiguration,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        }
        finally { $env:AWS_REGION = $saved }
    }

    It 'an unreachable service is an IvsChat.IvsChatNetworkException' {
        Get-IvsChatRoom -Identifier $room.Arn -EndpointUrl 'http://127.0.0.1:9' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception | Should -BeOfType ([IvsChat.IvsChatNetworkException])
        $errs[0].Exception.InnerException | Should -Not -BeNullOrEmpty
    }

    It 'messaging refusals are IvsChat.ChatRequestException with the chat error code' {
        $c = Connect-IvsChatRoom $room -UserId 'reader'
        try {
            Send-IvsChatMessage $c 'hello' -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].Exception | Should -BeOfType ([IvsChat.ChatRequestException])
            $errs[0].Exception | Should -BeOfType ([IvsChat.IvsChatException])
            $errs[0].Exception.ErrorCode | Should -Be 403
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ChatForbidden,*'
        }
        finally { $c | Disconnect-IvsChatRoom }
    }

    It 'a refused chat connection is an IvsChat.ChatConnectionException' {
        $token = New-IvsChatToken $room -UserId 'once'
        $c = Connect-IvsChatRoom -Token $token
        $c | Disconnect-IvsChatRoom
        Connect-IvsChatRoom -Token $token -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception | Should -BeOfType ([IvsChat.ChatConnectionException])
        $errs[0].Exception.HttpStatusCode | Should -Be 401
    }
}

Describe 'Every cmdlet reports errors with public exception types' {
    It '<Command> on a missing resource writes only IvsChat.IvsChatException errors' -ForEach @(
        @{ Command = 'Get-IvsChatRoom'; Splat = @{ Identifier = 'x' } }
        @{ Command = 'Set-IvsChatRoom'; Splat = @{ Identifier = 'x'; MaximumMessageLength = 10 } }
        @{ Command = 'Remove-IvsChatRoom'; Splat = @{ Identifier = 'x'; Force = $true } }
        @{ Command = 'New-IvsChatToken'; Splat = @{ Identifier = 'x'; UserId = 'u' } }
        @{ Command = 'Add-IvsChatTag'; Splat = @{ Identifier = 'x'; Tag = @{ a = 'b' } } }
        @{ Command = 'Get-IvsChatTag'; Splat = @{ Identifier = 'x' } }
        @{ Command = 'Remove-IvsChatTag'; Splat = @{ Identifier = 'x'; Key = 'a' } }
        @{ Command = 'Get-IvsChatLoggingConfiguration'; Splat = @{ Identifier = 'x' } }
        @{ Command = 'Set-IvsChatLoggingConfiguration'; Splat = @{ Identifier = 'x'; Name = 'y' } }
        @{ Command = 'Remove-IvsChatLoggingConfiguration'; Splat = @{ Identifier = 'x'; Force = $true } }
        @{ Command = 'Send-IvsChatEvent'; Splat = @{ Identifier = 'x'; EventName = 'e' } }
        @{ Command = 'Remove-IvsChatMessage'; Splat = @{ Identifier = 'x'; MessageId = 'AAAAAAAAAAAA'; Force = $true } }
        @{ Command = 'Disconnect-IvsChatUser'; Splat = @{ Identifier = 'x'; UserId = 'u'; Force = $true } }
        @{ Command = 'Connect-IvsChatRoom'; Splat = @{ Identifier = 'x'; UserId = 'u' } }
    ) {
        $Splat = $Splat.Clone()
        $Splat.Identifier = $missingRoomArn
        if ($Command -like '*LoggingConfiguration') { $Splat.Identifier = $missingRoomArn -replace ':room/', ':logging-configuration/' }
        & $Command @Splat -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs.Count | Should -BeGreaterThan 0
        foreach ($e in $errs) {
            $e.Exception | Should -BeOfType ([IvsChat.IvsChatException])
            $e.Exception.GetType().Assembly.GetName().Name | Should -Be 'IvsChat'
        }
    }
}
