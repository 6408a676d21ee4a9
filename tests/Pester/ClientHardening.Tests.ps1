# The client against careless files and hostile endpoints (issue 14 items 8, 9, 12; clock skew): secrets in broken
# AWS files never reach any output, and endpoints that flood, hang or trickle fail the call clearly and promptly.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'hardening'
    # The misbehaving endpoints of the xunit tests, compiled here from the same source.
    if (-not ('IvsChat.Client.Tests.HostileEndpoint' -as [type])) {
        Add-Type -Path "$PSScriptRoot/../IvsChat.Client.Tests/HostileEndpoint.cs"
    }
    $script:arn = 'arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6'
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
        Set-Content $credentials ("[broken]`naws_access_key_id = AKIDBROKEN`naws_secret_access_key: $secret`n`n" +
            "[good]`naws_access_key_id = $($emu.AccessKey)`naws_secret_access_key = $($emu.SecretKey)`n")
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

Describe 'Hostile endpoints' {
    BeforeEach {
        $script:saved = Save-AwsEnvironment
        $env:AWS_MAX_ATTEMPTS = '1'
    }
    AfterEach {
        Restore-AwsEnvironment $saved
        if ($endpoint) { $endpoint.Dispose() }
    }

    It 'an endless answer fails the item with ResponseTooLarge, in bounded memory' {
        $script:endpoint = [IvsChat.Client.Tests.HostileEndpoint]::new('Flood')
        [GC]::Collect()
        $before = [GC]::GetTotalAllocatedBytes($true)
        $err = $null
        Get-IvsChatRoom -EndpointUrl $endpoint.Uri -Region us-west-2 -ErrorVariable err -ErrorAction SilentlyContinue
        $allocated = [GC]::GetTotalAllocatedBytes($true) - $before
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ResponseTooLarge,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        "$($err[0].ErrorDetails.Message)" | Should -BeLike '*larger than 8 MB*'
        $allocated | Should -BeLessThan 200MB
    }

    It 'a silent endpoint fails after IVSCHAT_READ_TIMEOUT, with the setting named' {
        $script:endpoint = [IvsChat.Client.Tests.HostileEndpoint]::new('Hang')
        $env:IVSCHAT_READ_TIMEOUT = '1'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = $null
        Get-IvsChatRoom -Identifier $arn -EndpointUrl $endpoint.Uri -Region us-west-2 -ErrorVariable err -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OperationTimeout,*'
        "$($err[0])" | Should -BeLike '*read timeout*IVSCHAT_READ_TIMEOUT*'
    }

    It 'a trickling answer ends at IVSCHAT_ATTEMPT_TIMEOUT, each retry too' {
        $script:endpoint = [IvsChat.Client.Tests.HostileEndpoint]::new('Trickle', [timespan]::FromMilliseconds(200))
        $env:IVSCHAT_ATTEMPT_TIMEOUT = '1.5'
        $env:AWS_MAX_ATTEMPTS = '2'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = $null
        Get-IvsChatRoom -EndpointUrl $endpoint.Uri -Region us-west-2 -ErrorVariable err -ErrorAction SilentlyContinue
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
        $endpoint.Requests | Should -Be 2
        "$($err[0])" | Should -BeLike '*attempt timeout*'
    }

    It 'stopping a command that waits on a silent endpoint is instant' {
        $script:endpoint = [IvsChat.Client.Tests.HostileEndpoint]::new('Hang')
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:IVSCHAT_MODULE_PATH'; " +
                "Get-IvsChatRoom -Identifier '$arn' -EndpointUrl '$($endpoint.Uri)' -Region us-west-2")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ($endpoint.Requests -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $endpoint.Requests | Should -Be 1
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalMilliseconds | Should -BeLessThan 1000
            $handle.IsCompleted | Should -BeTrue
        }
        finally { Stop-BackgroundPowerShell $ps $handle }
    }

    It 'a service whose clock is 30 minutes off: the client corrects its signing time and the call succeeds' {
        $script:endpoint = [IvsChat.Client.Tests.HostileEndpoint]::new('SkewedClock', $null, [timespan]::FromMinutes(30))
        $DebugPreference = 'Continue'
        $records = Get-IvsChatRoom -Identifier $arn -EndpointUrl $endpoint.Uri -Region us-west-2 5>&1
        $DebugPreference = 'SilentlyContinue'
        ($records | Where-Object { $_ -isnot [System.Management.Automation.DebugRecord] }).Name | Should -Be 'skewed'
        ($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n" | Should -BeLike '*clock*signing again*'
        $endpoint.Requests | Should -Be 2
    }
}
