# Logging configurations: one parameter set per destination, get/set/remove by object, ARN, id, name.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'New-IvsChatLoggingConfiguration' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'creates an <Set> destination' -ForEach @(
        @{ Set = 'S3'; Splat = @{ BucketName = 'my-bucket.logs' }; Type = 'S3'; Destination = 'my-bucket.logs' }
        @{ Set = 'CloudWatchLogs'; Splat = @{ LogGroupName = '/ivs/chat#1' }; Type = 'CloudWatchLogs'; Destination = '/ivs/chat#1' }
        @{ Set = 'Firehose'; Splat = @{ DeliveryStreamName = 'stream_1.a-b' }; Type = 'Firehose'; Destination = 'stream_1.a-b' }
    ) {
        $config = New-IvsChatLoggingConfiguration -Name "cfg-$Set" @Splat -Tag @{ team = 'chat' }
        $config.PSObject.TypeNames | Should -Contain 'IvsChat.LoggingConfiguration'
        $config.Arn | Should -Match '^arn:aws:ivschat:us-east-1:\d{12}:logging-configuration/[A-Za-z0-9]{12}$'
        $config.Name | Should -Be "cfg-$Set"
        $config.DestinationType | Should -Be $Type
        $config.Destination | Should -Be $Destination
        $config.State | Should -Be 'ACTIVE'
        $config.Tags['team'] | Should -Be 'chat'
        $config.Region | Should -Be $emu.Region
        $config.CreateTime.Kind | Should -Be 'Utc'
    }

    It 'has one parameter set per destination' {
        (Get-Command New-IvsChatLoggingConfiguration).ParameterSets.Name | Sort-Object | Should -Be @('CloudWatchLogs', 'Firehose', 'S3')
        { New-IvsChatLoggingConfiguration -Name x -BucketName 'abc' -LogGroupName 'g' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,IvsChat.Cmdlets.NewIvsChatLoggingConfigurationCommand'
    }

    It 'rejects <Case> before sending' -ForEach @(
        @{ Case = 'a bucket name with capitals'; Splat = @{ BucketName = 'MyBucket' } }
        @{ Case = 'a 2-character bucket name'; Splat = @{ BucketName = 'ab' } }
        @{ Case = 'a log group with a space'; Splat = @{ LogGroupName = 'my group' } }
        @{ Case = 'a 65-character stream name'; Splat = @{ DeliveryStreamName = ('s' * 65) } }
        @{ Case = 'a bad name'; Splat = @{ Name = 'no spaces'; BucketName = 'my-bucket' } }
    ) {
        { New-IvsChatLoggingConfiguration @Splat -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.NewIvsChatLoggingConfigurationCommand'
        Get-EmulatorRequestCount $emu -Operation CreateLoggingConfiguration | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        New-IvsChatLoggingConfiguration -Name 'ghost' -BucketName 'my-bucket' -WhatIf
        Get-EmulatorRequestCount $emu -Operation CreateLoggingConfiguration | Should -Be 0
    }

    It 'reports the service quota (10) as ServiceQuotaExceededException / QuotaExceeded' {
        1..10 | ForEach-Object { New-IvsChatLoggingConfiguration -Name "q$_" -BucketName 'my-bucket' } | Out-Null
        New-IvsChatLoggingConfiguration -Name 'q11' -BucketName 'my-bucket' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ServiceQuotaExceededException,IvsChat.Cmdlets.NewIvsChatLoggingConfigurationCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
    }
}

Describe 'Get-, Set-, Remove-IvsChatLoggingConfiguration' {
    BeforeEach {
        Reset-TestEmulator $emu
        $script:s3 = New-IvsChatLoggingConfiguration -Name 'to-s3' -BucketName 'my-bucket'
        $script:cw = New-IvsChatLoggingConfiguration -Name 'to-cw' -LogGroupName 'group'
    }

    It 'lists all, and gets by wildcard, name, id, ARN and from the pipeline' {
        (Get-IvsChatLoggingConfiguration).Count | Should -Be 2
        (Get-IvsChatLoggingConfiguration -Name 'to-*').Count | Should -Be 2
        (Get-IvsChatLoggingConfiguration 'to-s3').Arn | Should -Be $s3.Arn
        (Get-IvsChatLoggingConfiguration -Identifier $cw.Id).Arn | Should -Be $cw.Arn
        (Get-IvsChatLoggingConfiguration -Identifier $cw.Arn).Name | Should -Be 'to-cw'
        ($s3 | Get-IvsChatLoggingConfiguration).Name | Should -Be 'to-s3'
        (Get-IvsChatLoggingConfiguration -First 1).Count | Should -Be 1
    }

    It 'renames and changes the destination; -PassThru returns the new state' {
        $updated = $s3 | Set-IvsChatLoggingConfiguration -Name 'renamed' -DeliveryStreamName 'stream' -PassThru
        $updated.Name | Should -Be 'renamed'
        $updated.DestinationType | Should -Be 'Firehose'
        Set-IvsChatLoggingConfiguration 'to-cw' -LogGroupName 'other' | Should -BeNullOrEmpty
        (Get-IvsChatLoggingConfiguration -Identifier $cw.Arn).Destination | Should -Be 'other'
    }

    It 'refuses two destinations at once' {
        { Set-IvsChatLoggingConfiguration $s3 -BucketName 'abc' -LogGroupName 'g' -ErrorAction Stop } |
            Should -Throw -ErrorId 'DestinationConflict,IvsChat.Cmdlets.SetIvsChatLoggingConfigurationCommand' `
                -ExceptionType ([IvsChat.IvsChatArgumentException])
        Get-EmulatorRequestCount $emu -Operation UpdateLoggingConfiguration | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        Set-IvsChatLoggingConfiguration $s3 -Name 'x' -WhatIf
        Remove-IvsChatLoggingConfiguration $s3 -WhatIf
        Get-EmulatorRequestCount $emu -Operation UpdateLoggingConfiguration | Should -Be 0
        Get-EmulatorRequestCount $emu -Operation DeleteLoggingConfiguration | Should -Be 0
        (Get-IvsChatLoggingConfiguration).Count | Should -Be 2
    }

    It 'removes from the pipeline, by name and by ARN' {
        Get-IvsChatLoggingConfiguration -Name 'to-s3' | Remove-IvsChatLoggingConfiguration -Confirm:$false
        Remove-IvsChatLoggingConfiguration 'to-cw' -Force -PassThru | ForEach-Object Arn | Should -Be $cw.Arn
        Get-IvsChatLoggingConfiguration | Should -BeNullOrEmpty
    }

    It 'attaches configurations to a room by name' {
        $room = New-IvsChatRoom -Name 'logged' -LoggingConfiguration 'to-s3', $cw.Id
        $room.LoggingConfigurationIdentifiers | Sort-Object | Should -Be (@($s3.Arn, $cw.Arn) | Sort-Object)
    }

    It 'reports a configuration in use by a room per the service (ConflictException / ResourceBusy) or removes it' {
        $room = New-IvsChatRoom -Name 'logged' -LoggingConfiguration $s3.Arn
        Remove-IvsChatLoggingConfiguration $s3 -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        if ($errs.Count -gt 0) {
            $errs[0].FullyQualifiedErrorId | Should -Be 'ConflictException,IvsChat.Cmdlets.RemoveIvsChatLoggingConfigurationCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        }
        else {
            Get-IvsChatLoggingConfiguration -Identifier $s3.Arn -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }
}
