# Error reporting (ids, categories, request ids), setup failures, credential and region sources, and redaction
# of secrets under -Verbose/-Debug.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'errors'

    # Stand-ins for AWS.Tools' objects: read by duck typing, not by type identity.
    if (-not ('IvsChatTest.FakeImmutableCredentials' -as [type])) {
        Add-Type -TypeDefinition @'
namespace IvsChatTest {
    public class FakeImmutableCredentials { public string AccessKey { get; set; } public string SecretKey { get; set; } public string Token { get; set; } }
    public class FakeAwsCredentials {
        private readonly string _a, _s;
        public FakeAwsCredentials(string a, string s) { _a = a; _s = s; }
        public FakeImmutableCredentials GetCredentials() { return new FakeImmutableCredentials { AccessKey = _a, SecretKey = _s }; }
    }
    public class FakeAwsPSCredentials { public object Credentials { get; set; } }
}
'@
    }
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Service errors' {
    BeforeEach {
        $null = Invoke-EmulatorControl -Emulator $emu -Path faults -Method DELETE
        $env:AWS_MAX_ATTEMPTS = '1'
    }
    AfterEach { Remove-Item env:AWS_MAX_ATTEMPTS -ErrorAction SilentlyContinue }

    It '<Code> becomes ErrorId <Code>, category <Category>, with the target and the request id' -ForEach @(
        @{ Code = 'AccessDeniedException'; Category = 'PermissionDenied' }
        @{ Code = 'PendingVerification'; Category = 'PermissionDenied' }
        @{ Code = 'ValidationException'; Category = 'InvalidArgument' }
        @{ Code = 'ResourceNotFoundException'; Category = 'ObjectNotFound' }
        @{ Code = 'ConflictException'; Category = 'ResourceBusy' }
        @{ Code = 'ServiceQuotaExceededException'; Category = 'QuotaExceeded' }
        @{ Code = 'InternalServerException'; Category = 'ResourceUnavailable' }
        @{ Code = 'UnrecognizedClientException'; Category = 'AuthenticationError' }
        @{ Code = 'InvalidSignatureException'; Category = 'AuthenticationError' }
    ) {
        Add-EmulatorFault $emu -Operation GetRoom -ErrorCode $Code -Count 1
        Get-IvsChatRoom -Identifier $room.Arn -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be "$Code,IvsChat.Cmdlets.GetIvsChatRoomCommand"
        $errs[0].CategoryInfo.Category | Should -Be $Category
        $errs[0].TargetObject | Should -Be $room.Arn
        $errs[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        $errs[0].ErrorDetails.Message | Should -BeLike "GetRoom failed: *request id $($errs[0].Exception.RequestId)*"
    }

    It 'ThrottlingException that outlasts the retries becomes LimitsExceeded' {
        Add-EmulatorFault $emu -Operation SendEvent -ErrorCode ThrottlingException -Count 100
        Send-IvsChatEvent $room -EventName e -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ThrottlingException,IvsChat.Cmdlets.SendIvsChatEventCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'a failing item does not stop the pipeline; -ErrorAction Stop does' {
        Add-EmulatorFault $emu -Operation GetRoom -ErrorCode AccessDeniedException -Count 1
        $out = $room.Arn, $room.Arn | Get-IvsChatRoom -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        Add-EmulatorFault $emu -Operation GetRoom -ErrorCode AccessDeniedException -Count 1
        { Get-IvsChatRoom -Identifier $room.Arn -ErrorAction Stop } | Should -Throw -ErrorId 'AccessDeniedException,IvsChat.Cmdlets.GetIvsChatRoomCommand'
    }

    It 'an unreachable endpoint is a ConnectionFailed error per item' {
        Get-IvsChatRoom -Identifier $room.Arn -EndpointUrl 'http://127.0.0.1:9' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike '*,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        $errs[0].CategoryInfo.Category | Should -BeIn @('ConnectionError', 'OperationTimeout', 'ResourceUnavailable')
    }
}

Describe 'Credentials and region' {
    BeforeEach { $script:saved = Save-AwsEnvironment }
    AfterEach {
        Restore-AwsEnvironment $saved
        Remove-Variable -Name StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
    }

    It 'missing credentials end the command with ONE terminating error that says how to fix it' {
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
        $err = $null
        try { 'a', 'b', 'c' | Get-IvsChatRoom -ErrorAction Continue -ErrorVariable nonTerminating }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'IvsChatConfiguration,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*-AccessKey*'
        $nonTerminating.Count | Should -BeLessOrEqual 1
    }

    It 'missing region is one terminating error too' {
        Remove-Item env:AWS_REGION
        { Get-IvsChatRoom -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'IvsChatConfiguration,IvsChat.Cmdlets.GetIvsChatRoomCommand'
    }

    It 'uses -AccessKey/-SecretKey and -Region/-EndpointUrl' {
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY, env:AWS_REGION, env:AWS_ENDPOINT_URL_IVSCHAT
        (Get-IvsChatRoom -Identifier $room.Arn -AccessKey $emu.AccessKey -SecretKey $emu.SecretKey -Region $emu.Region -EndpointUrl $emu.Endpoint).Name |
            Should -Be 'errors'
    }

    It 'uses -ProfileName with -ProfileLocation (a credentials file)' {
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
        $file = Join-Path ([IO.Path]::GetTempPath()) "ivschat-creds-$PID"
        Set-Content $file "[demo]`naws_access_key_id = $($emu.AccessKey)`naws_secret_access_key = $($emu.SecretKey)`n"
        try { (Get-IvsChatRoom -Identifier $room.Arn -ProfileName demo -ProfileLocation $file).Name | Should -Be 'errors' }
        finally { Remove-Item $file }
    }

    It 'uses a PSCredential (user = access key, password = secret)' {
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
        $cred = [pscredential]::new($emu.AccessKey, (ConvertTo-SecureString $emu.SecretKey -AsPlainText -Force))
        (Get-IvsChatRoom -Identifier $room.Arn -Credential $cred).Name | Should -Be 'errors'
    }

    It 'reads AWS.Tools-style credential objects by duck typing (GetCredentials(), .Credentials)' {
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
        $aws = [IvsChatTest.FakeAwsCredentials]::new($emu.AccessKey, $emu.SecretKey)
        (Get-IvsChatRoom -Identifier $room.Arn -Credential $aws).Name | Should -Be 'errors'
        $wrapper = [IvsChatTest.FakeAwsPSCredentials]@{ Credentials = $aws }
        (Get-IvsChatRoom -Identifier $room.Arn -Credential $wrapper).Name | Should -Be 'errors'
    }

    It 'honours $StoredAWSCredentials and $StoredAWSRegion' {
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY, env:AWS_REGION
        $global:StoredAWSCredentials = [IvsChatTest.FakeAwsPSCredentials]@{
            Credentials = [IvsChatTest.FakeAwsCredentials]::new($emu.AccessKey, $emu.SecretKey)
        }
        $global:StoredAWSRegion = $emu.Region
        (Get-IvsChatRoom).Name | Should -Contain 'errors'
    }

    It 'takes the region from the ARN acted on before $StoredAWSRegion and the environment' {
        $env:AWS_REGION = 'eu-west-1'
        $global:StoredAWSRegion = 'eu-west-1'
        # The ARN's region (the emulator's) signs correctly...
        (Get-IvsChatRoom -Identifier $room.Arn).Name | Should -Be 'errors'
        (Get-IvsChatTag $room).Count | Should -BeGreaterOrEqual 0
        # ...while a call without an ARN uses eu-west-1 (the local service serves every region), where the room is not.
        (Get-IvsChatRoom).Arn | Should -Not -Contain $room.Arn
        # -Region wins over the ARN: in eu-west-1 the room does not exist.
        Get-IvsChatRoom -Identifier $room.Arn -Region 'eu-west-1' -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2.Count | Should -Be 1
        $errs2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'says under -Debug where credentials, region and endpoint came from' {
        $DebugPreference = 'Continue'
        $lines = Get-IvsChatRoom -Identifier $room.Arn 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        ($lines -join "`n") | Should -BeLike '*Credentials from environment*region*from*endpoint*AWS_ENDPOINT_URL_IVSCHAT*'
    }
}

Describe 'Redaction' {
    It 'no secret key, session token, chat token, token attribute or user id appears in any stream under -Verbose -Debug' {
        $secretKey = $emu.SecretKey
        $sessionToken = 'FAKE-SESSION-TOKEN-4242'
        $userId = 'user-secret-7731'
        $attribute = 'attr-secret-9183'
        $saved = Save-AwsEnvironment
        Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        try {
            $records = & {
                $common = @{ AccessKey = $emu.AccessKey; SecretKey = $secretKey; SessionToken = $sessionToken }
                $t = New-IvsChatToken $room -UserId $userId -Capability SendMessage -Attribute @{ role = $attribute } @common
                $script:chatToken = $t.Token
                $t
                "$t"
                $t | Format-List | Out-String
                Add-EmulatorFault $emu -Operation CreateChatToken -ErrorCode AccessDeniedException
                New-IvsChatToken $room -UserId $userId -Attribute @{ role = $attribute } @common -ErrorAction Continue
                Add-EmulatorFault $emu -Operation CreateChatToken -ErrorCode ValidationException
                New-IvsChatToken $room -UserId $userId -Attribute @{ role = $attribute } @common -ErrorAction Continue
                Get-IvsChatRoom @common | Out-Null
            } *>&1
        }
        finally {
            Restore-AwsEnvironment $saved
            $DebugPreference = 'SilentlyContinue'; $VerbosePreference = 'SilentlyContinue'
        }
        $chatToken | Should -Not -BeNullOrEmpty
        $text = ($records | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.Message }
            elseif ($_ -is [IvsChat.ChatToken]) { $_ | Format-List | Out-String -Width 400 }
            else { $_ | Out-String -Width 400 }
        }) -join "`n"
        $records.Where({ $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        $records.Where({ $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        $records.Where({ $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -Be 2
        $text | Should -Not -BeLike "*$secretKey*"
        $text | Should -Not -BeLike "*$sessionToken*"
        $text | Should -Not -BeLike "*$chatToken*"
        $text | Should -Not -BeLike "*$attribute*"
        # The user id may be in the token object itself, but never in verbose, debug or warning lines.
        $logText = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -or $_ -is [System.Management.Automation.DebugRecord] -or
                $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message) -join "`n"
        $logText | Should -Not -BeLike "*$userId*"
    }
}
