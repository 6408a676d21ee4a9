# Argument completion: -ProfileName offers the profiles of the AWS config and credentials files; -Key on
# Get-/Remove-IvsChatTag offers the tag keys of the target resource.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'completion-room' -Tag @{ env = 'prod'; team = 'ops'; 'cost center' = '42' }

    function script:Complete([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }

    $script:dir = Join-Path ([IO.Path]::GetTempPath()) "ivschat-completion-$PID"
    New-Item -ItemType Directory -Force $dir | Out-Null
    Set-Content (Join-Path $dir 'credentials') ("[default]`naws_access_key_id = a`naws_secret_access_key = b`n" +
        "[dev-creds]`naws_access_key_id = a`naws_secret_access_key = b`n")
    Set-Content (Join-Path $dir 'config') ("[default]`nregion = us-east-1`n[profile dev-sso]`nsso_session = corp`n" +
        "[sso-session corp]`nsso_region = us-east-1`n[profile prod]`nregion = eu-west-1`n")
    Set-Content (Join-Path $dir 'other-credentials') "[elsewhere]`naws_access_key_id = a`naws_secret_access_key = b`n"
    $script:savedConfig = $env:AWS_CONFIG_FILE
    $script:savedCredentials = $env:AWS_SHARED_CREDENTIALS_FILE
}

AfterAll {
    $env:AWS_CONFIG_FILE = $savedConfig
    $env:AWS_SHARED_CREDENTIALS_FILE = $savedCredentials
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
    $emu | Stop-TestEmulator
}

Describe '-ProfileName completion' {
    BeforeEach {
        $env:AWS_CONFIG_FILE = Join-Path $dir 'config'
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $dir 'credentials'
    }

    It 'offers the profiles of both files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), not sso-sessions or files' {
        $names = Complete 'Get-IvsChatRoom -ProfileName '
        $names | Should -Be @('default', 'dev-creds', 'dev-sso', 'prod')
    }

    It 'filters by what was typed' {
        Complete 'Get-IvsChatRoom -ProfileName dev' | Should -Be @('dev-creds', 'dev-sso')
    }

    It 'reads the credentials file given by -ProfileLocation instead' {
        $other = Join-Path $dir 'other-credentials'
        $names = Complete "Get-IvsChatRoom -ProfileLocation '$other' -ProfileName "
        $names | Should -Contain 'elsewhere'
        $names | Should -Not -Contain 'dev-creds'
        $names | Should -Contain 'prod'
    }
}

Describe '-Key completion on the tag cmdlets' {
    It '<Command> offers the tag keys of the room given by <How>' -ForEach @(
        @{ Command = 'Get-IvsChatTag'; How = 'ARN' }
        @{ Command = 'Remove-IvsChatTag'; How = 'ARN' }
        @{ Command = 'Get-IvsChatTag'; How = 'name' }
        @{ Command = 'Remove-IvsChatTag'; How = 'name' }
    ) {
        $target = if ($How -eq 'ARN') { $room.Arn } else { 'completion-room' }
        $keys = Complete "$Command -Identifier '$target' -Key "
        $keys | Should -Be @("'cost center'", 'env', 'team')
        Complete "$Command -Identifier '$target' -Key t" | Should -Be 'team'
    }

    It 'offers nothing (and does not fail) for an unknown resource' {
        Complete "Get-IvsChatTag -Identifier 'no-such-room' -Key " | Should -BeNullOrEmpty
    }
}
