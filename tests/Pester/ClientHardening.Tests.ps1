# The client against careless files and hostile endpoints (issue 14 items 8, 9, 12; clock skew): secrets in broken
# AWS files never reach any output, and endpoints that flood, hang or trickle fail the call clearly and promptly.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'hardening'
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'A broken AWS credentials file' {
    It 'never shows the secret (errors, $Error, transcript, -Debug) and a valid profile beside it still works' {
        $secret = 'wJalrXUtnFEMIK7MDENGbPxRfiCYTYPOSECRET42'
        $dir = Join-Path ([IO.Path]::GetTempPath()) "ivschat-broken-$PID"
        $null = New-Item -ItemType Directory $dir -Force
        $credentials = Join-Path $dir credentials
        Set-Content $credentials "[broken]`naws_access_key_id = AKIDBROKEN`naws_secret_access_key: $secret`n`n[good]`naws_access_key_id = $($emu.AccessKey)`naws_secret_access_key = $($emu.SecretKey)`n"
        $script = @"
`$ErrorActionPreference = 'Continue'
Import-Module '$env:IVSCHAT_MODULE_PATH'
Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
`$env:AWS_SHARED_CREDENTIALS_FILE = '$credentials'
`$env:AWS_CONFIG_FILE = '$dir/config'
`$env:AWS_EC2_METADATA_DISABLED = 'true'
`$env:AWS_REGION = '$($emu.Region)'
`$env:AWS_ENDPOINT_URL_IVSCHAT = '$($emu.Endpoint)'
Start-Transcript -Path '$dir/transcript.txt' | Out-Null
'good:' + (Get-IvsChatRoom -Identifier '$($room.Arn)' -ProfileName good -Debug -Verbose).Name
Get-IvsChatRoom -Identifier '$($room.Arn)' -ProfileName broken -Debug -Verbose
Get-IvsChatRoom -Identifier '$($room.Arn)' -Debug -Verbose
`$env:AWS_PROFILE = 'broken'
Get-IvsChatRoom -Identifier '$($room.Arn)' -Debug -Verbose
Stop-Transcript | Out-Null
'errors:' + `$Error.Count
(`$Error | ForEach-Object { `$_.ToString(); `$_.Exception.ToString(); `$_.ErrorDetails.Message; `$_.ScriptStackTrace }) -join "``n"
"@
        try {
            $output = (Invoke-FreshPwsh -Command $script | Out-String -Width 400)
            $transcript = Get-Content -Raw "$dir/transcript.txt"
        }
        finally { Remove-Item $dir -Recurse -Force }
        $output | Should -BeLike '*good:hardening*'
        $output | Should -BeLike '*line 3*'
        $output | Should -Match 'errors:[1-9]'
        $output | Should -Not -BeLike "*$secret*"
        $transcript | Should -Not -BeLike "*$secret*"
        $transcript | Should -BeLike '*good:hardening*'
    }
}
