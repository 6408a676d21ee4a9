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

Describe 'Reading the region, type and id from an ARN' {
    BeforeAll {
        $module = Get-Module IvsChat
        $arn = $module.ImplementingAssembly.GetType('IvsChat.Internal.Arn', $true)
        $script:tryParse = $arn.GetMethod('TryParse', [Reflection.BindingFlags]'Static, Public, NonPublic')
        $script:looksLikeId = $arn.GetMethod('LooksLikeId', [Reflection.BindingFlags]'Static, Public, NonPublic')
        # The rule as a regex: the reference the hand-written reader must agree with (\z: no trailing newline either).
        $script:rule = [regex]'^arn:aws[a-z-]*:ivschat:(?<region>[a-z0-9-]+):(?<account>[0-9]+):(?<type>[a-z-]+)/(?<id>[A-Za-z0-9-]+)\z'
        function script:Read-Arn([string] $Value) {
            $arguments = [object[]]@($Value, $null, $null, $null)
            $ok = $tryParse.Invoke($null, $arguments)
            if ($ok) { "$($arguments[1])|$($arguments[2])|$($arguments[3])" } else { 'no' }
        }
        function script:Read-ByRule([string] $Value) {
            $m = $rule.Match($Value)
            if ($m.Success) { "$($m.Groups['region'].Value)|$($m.Groups['type'].Value)|$($m.Groups['id'].Value)" } else { 'no' }
        }
    }

    It 'reads <Value> as the rule does' -ForEach @(
        @{ Value = 'arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6' }
        @{ Value = 'arn:aws-cn:ivschat:cn-north-1:123456789012:logging-configuration/ABcdef123456' }
        @{ Value = 'arn:aws-us-gov:ivschat:us-gov-west-1:1:room/a-b' }
        @{ Value = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6`n" }
        @{ Value = 'arn:aws:ivschat:us-west-2:123456789012:room/g1H2/I3' }
        @{ Value = 'arn:aws:ivschat:us-west-2:123456789012:room' }
        @{ Value = 'arn:aws:ivschat:US-west-2:123456789012:room/x' }
        @{ Value = 'arn:aws:ivschat::123456789012:room/x' }
        @{ Value = 'arn:aws:ivschat:us-west-2::room/x' }
        @{ Value = 'arn:aws:ivschat:us-west-2:12a:room/x' }
        @{ Value = 'arn:aws:ivschat:us-west-2:123456789012:/x' }
        @{ Value = 'arn:aws:ivschat:us-west-2:123456789012:room/' }
        @{ Value = 'arn:awsX:ivschat:us-west-2:123456789012:room/x' }
        @{ Value = 'arn:aws:ivs:us-west-2:123456789012:room/x' }
        @{ Value = 'arn:aws:ivschat:us-west-2:123456789012:room/x:y' }
        @{ Value = 'ARN:aws:ivschat:us-west-2:123456789012:room/x' }
    ) {
        Read-Arn $Value | Should -Be (Read-ByRule $Value)
    }

    It 'agrees with the rule on 3000 generated near-ARNs' {
        # Each part valid five times in six (then about a third of the values are valid ARNs), else one of the ways
        # it can be wrong; now and then two pieces run together.
        $random = [Random]::new(11)
        $good = @('arn'), @('aws', 'aws-cn', 'aws-us-gov'), @('ivschat'), @('us-west-2', 'eu-central-1', 'x9'), @('123456789012', '1'),
            @('room/g1H2I3j4k5L6', 'logging-configuration/A-b9')
        $bad = @('ARN', 'arn '), @('awsX', 'aw', ''), @('ivs', ''), @('', 'US', 'a_b', 'a:b'), @('', '12a', ' 1'),
            @('room/', '/x', 'room/a/b', 'Room/x', 'room/é', 'room/x ', 'room')
        $pick = { param($i) $options = @(if ($random.Next(6)) { $good[$i] } else { $bad[$i] }); $options[$random.Next($options.Count)] }
        $valid = 0
        $disagreements = foreach ($n in 1..3000) {
            $value = (0..5 | ForEach-Object { if ($random.Next(10)) { & $pick $_ } else { (& $pick $_) + (& $pick $_) } }) -join ':'
            $expected = Read-ByRule $value
            if ($expected -ne 'no') { $valid++ }
            if ((Read-Arn $value) -ne $expected) { $value }
        }
        @($disagreements) | Should -BeNullOrEmpty
        $valid | Should -BeGreaterThan 300
    }

    It 'takes 12 ASCII letters and digits, and nothing else, for an id' {
        foreach ($id in 'g1H2I3j4k5L6', 'ABCDEFGHIJKL', '123456789012') { $looksLikeId.Invoke($null, @($id)) | Should -BeTrue }
        foreach ($id in 'g1H2I3j4k5L', 'g1H2I3j4k5L6x', 'g1H2I3j4k5-6', 'g1H2I3j4k5é6', '') { $looksLikeId.Invoke($null, @($id)) | Should -BeFalse }
    }
}
