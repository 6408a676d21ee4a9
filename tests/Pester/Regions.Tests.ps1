# Several regions (and profiles) in one call on the listing cmdlets, against one local service serving three regions.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator -ArgumentList '--regions', 'us-east-1,eu-west-1,ap-northeast-1'
    Use-TestEmulator $emu
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Listing several regions at once' {
    BeforeEach {
        Reset-TestEmulator $emu
        $script:us = New-IvsChatRoom -Name lobby -Region us-east-1 -Tag @{ where = 'us' }
        $script:eu = New-IvsChatRoom -Name lobby -Region eu-west-1 -Tag @{ where = 'eu' }
        New-IvsChatRoom -Name side -Region ap-northeast-1 | Out-Null
    }

    It 'lists every region, each object with its Region' {
        $rooms = Get-IvsChatRoom -Region us-east-1, eu-west-1, ap-northeast-1
        $rooms.Count | Should -Be 3
        ($rooms | ForEach-Object { "$($_.Region) $($_.Name)" } | Sort-Object) | Should -Be @('ap-northeast-1 side', 'eu-west-1 lobby', 'us-east-1 lobby')
        $rooms | ForEach-Object { $_.Arn | Should -Match "^arn:aws:ivschat:$($_.Region):" }
        (Get-IvsChatRoom -Region us-east-1, eu-west-1 -Name lob*).Arn | Sort-Object | Should -Be (@($us.Arn, $eu.Arn) | Sort-Object)
        (Get-IvsChatRoom -Region us-east-1, eu-west-1, ap-northeast-1 -First 2).Count | Should -Be 2
    }

    It 'a failing region is one non-terminating error naming it; the others complete' {
        $rooms = Get-IvsChatRoom -Region us-east-1, sa-east-1, eu-west-1 -ErrorVariable problems -ErrorAction SilentlyContinue
        ($rooms.Region | Sort-Object) | Should -Be @('eu-west-1', 'us-east-1')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidSignatureException,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        "$($problems[0])" | Should -Match "region 'sa-east-1'"
        $problems[0].TargetObject | Should -Match 'sa-east-1'
    }

    It 'objects piped on act in their own region' {
        Get-IvsChatRoom -Region us-east-1, eu-west-1 | Where-Object Region -eq eu-west-1 | Set-IvsChatRoom -MaximumMessageLength 77
        (Get-IvsChatRoom -Identifier $eu.Arn).MaximumMessageLength | Should -Be 77
        (Get-IvsChatRoom -Identifier $us.Arn).MaximumMessageLength | Should -Be 500
        Get-IvsChatRoom -Region us-east-1, eu-west-1 | Add-IvsChatTag -Tag @{ seen = 'yes' }
        (Get-IvsChatTag $us.Arn -Key seen).Value | Should -Be 'yes'
        (Get-IvsChatTag $eu.Arn -Key seen).Value | Should -Be 'yes'
    }

    It 'Get-IvsChatLoggingConfiguration lists several regions; rooms listed there pipe into Get-IvsChatTag' {
        New-IvsChatLoggingConfiguration -Name logs -BucketName bucket-us -Region us-east-1 | Out-Null
        New-IvsChatLoggingConfiguration -Name logs -BucketName bucket-eu -Region eu-west-1 | Out-Null
        (Get-IvsChatLoggingConfiguration -Region us-east-1, eu-west-1 | ForEach-Object { "$($_.Region) $($_.Destination)" } | Sort-Object) |
            Should -Be @('eu-west-1 bucket-eu', 'us-east-1 bucket-us')
        $tags = Get-IvsChatRoom -Name lobby -Region us-east-1, eu-west-1, ap-northeast-1 | Get-IvsChatTag
        ($tags | ForEach-Object { "$($_.Region) $($_.Value)" } | Sort-Object) | Should -Be @('eu-west-1 eu', 'us-east-1 us')
    }

    It 'several profiles: each object carries its ProfileName; a failing profile is one error' {
        $credentials = Join-Path $TestDrive 'credentials'
        Set-Content $credentials @"
[good]
aws_access_key_id = $($emu.AccessKey)
aws_secret_access_key = $($emu.SecretKey)
[unknown]
aws_access_key_id = AKIDNOTKNOWNHERE
aws_secret_access_key = whatever
"@
        $rooms = Get-IvsChatRoom -ProfileName good, unknown -ProfileLocation $credentials -Region us-east-1, eu-west-1 -ErrorVariable problems `
            -ErrorAction SilentlyContinue
        $rooms.Count | Should -Be 2
        $rooms.ProfileName | Select-Object -Unique | Should -Be 'good'
        $problems.Count | Should -Be 2 -Because 'the unknown profile fails in each of the two regions'
        $problems | ForEach-Object { "$_" | Should -Match "profile 'unknown'" }

        # Piped on, each object uses its own profile: the environment's key is wrong, the profile's is right.
        $env:AWS_ACCESS_KEY_ID = 'AKIDWRONGENVIRONMENT'
        try { $rooms | Set-IvsChatRoom -MaximumMessageLength 12 -ProfileLocation $credentials }
        finally { Use-TestEmulator $emu }
        (Get-IvsChatRoom -Identifier $us.Arn).MaximumMessageLength | Should -Be 12
        (Get-IvsChatRoom -Identifier $eu.Arn).MaximumMessageLength | Should -Be 12
    }

    It 'name completion with several regions completes from the first' {
        New-IvsChatRoom -Name eu-only -Region eu-west-1 | Out-Null
        $line = 'Get-IvsChatRoom -Region eu-west-1, us-east-1 -Name eu-'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'eu-only'
    }

    It 'bad input names the parameter and the rule' {
        { Get-IvsChatRoom -Region 'us east 1', eu-west-1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        { Get-IvsChatRoom -Region us-east-1, eu-west-1 -Identifier $us.Arn } |
            Should -Throw -ErrorId 'SeveralRegionsNeedListing,IvsChat.Cmdlets.GetIvsChatRoomCommand'
        { Get-IvsChatLoggingConfiguration -Region us-east-1, eu-west-1 -Identifier x } |
            Should -Throw -ErrorId 'SeveralRegionsNeedListing,IvsChat.Cmdlets.GetIvsChatLoggingConfigurationCommand'
        (Get-IvsChatRoom -Region eu-west-1 -Identifier $eu.Arn).Name | Should -Be 'lobby' -Because 'one region behaves as before'
    }

    It 'Ctrl+C stops every region promptly' {
        # A service that accepts connections and never answers: every worker waits on it.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($env:IVSCHAT_MODULE_PATH).AddStatement().
                AddCommand('Get-IvsChatRoom').AddParameter('Region', @('us-east-1', 'eu-west-1', 'ap-northeast-1')).
                AddParameter('EndpointUrl', "http://127.0.0.1:$($listener.LocalEndpoint.Port)")
            $async = $ps.BeginInvoke()
            Start-Sleep -Seconds 2
            $async.IsCompleted | Should -BeFalse -Because 'the listing is waiting on the silent service'
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
        }
        finally {
            Stop-BackgroundPowerShell $ps $async
            $listener.Stop()
        }
    }
}
