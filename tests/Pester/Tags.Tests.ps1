# Tags on rooms and logging configurations: one IvsChat.Tag per tag, pipelines in and out, -WhatIf, validation.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Tags' {
    BeforeEach {
        Reset-TestEmulator $emu
        $script:room = New-IvsChatRoom -Name 'tagged' -Tag @{ env = 'dev'; tmp1 = 'a'; tmp2 = 'b' }
    }

    It 'Get-IvsChatTag writes one IvsChat.Tag {ResourceArn, Key, Value} per tag' {
        $tags = Get-IvsChatTag $room
        $tags.Count | Should -Be 3
        $tags | ForEach-Object { $_.PSObject.TypeNames | Should -Contain 'IvsChat.Tag' }
        ($tags | Where-Object Key -eq 'env').Value | Should -Be 'dev'
        $tags.ResourceArn | Select-Object -Unique | Should -Be $room.Arn
        $tags[0].Region | Should -Be $emu.Region
    }

    It 'Get-IvsChatTag takes a room object, ARN, id or name, from the pipeline too, and filters -Key with wildcards' {
        (Get-IvsChatTag -InputObject $room).Count | Should -Be 3
        (Get-IvsChatTag -Identifier $room.Arn).Count | Should -Be 3
        (Get-IvsChatTag $room.Id).Count | Should -Be 3
        (Get-IvsChatTag 'tagged').Count | Should -Be 3
        ($room | Get-IvsChatTag).Count | Should -Be 3
        ($room.Arn | Get-IvsChatTag).Count | Should -Be 3
        (Get-IvsChatTag $room -Key 'tmp*').Key | Sort-Object | Should -Be @('tmp1', 'tmp2')
    }

    It 'Get-IvsChatTag $room | Where-Object Key -like tmp* | Remove-IvsChatTag removes just those' {
        Get-IvsChatTag $room | Where-Object Key -like 'tmp*' | Remove-IvsChatTag
        (Get-IvsChatTag $room).Key | Should -Be @('env')
    }

    It 'Get-IvsChatRoom | Where-Object Name -like prod-* | Add-IvsChatTag tags just those rooms' {
        $p1 = New-IvsChatRoom -Name 'prod-1'; $p2 = New-IvsChatRoom -Name 'prod-2'
        Get-IvsChatRoom | Where-Object Name -like 'prod-*' | Add-IvsChatTag -Tag @{ env = 'prod' }
        (Get-IvsChatTag $p1 -Key env).Value | Should -Be 'prod'
        (Get-IvsChatTag $p2 -Key env).Value | Should -Be 'prod'
        (Get-IvsChatTag $room -Key env).Value | Should -Be 'dev'
        (Get-IvsChatRoom -Identifier $p1.Arn).Tags['env'] | Should -Be 'prod'
    }

    It 'Add-IvsChatTag by ARN overwrites and adds; -PassThru writes the tags' {
        $out = Add-IvsChatTag -Identifier $room.Arn -Tag @{ env = 'test'; owner = 'me' } -PassThru
        $out.Key | Sort-Object | Should -Be @('env', 'owner')
        $out[0].ResourceArn | Should -Be $room.Arn
        (Get-IvsChatTag $room -Key env).Value | Should -Be 'test'
        (Get-IvsChatTag $room).Count | Should -Be 4
    }

    It 'Remove-IvsChatTag by object and keys; -PassThru writes the removed keys' {
        $out = Remove-IvsChatTag $room -Key tmp1, tmp2 -PassThru
        $out.Key | Should -Be @('tmp1', 'tmp2')
        (Get-IvsChatTag $room).Key | Should -Be @('env')
    }

    It 'tags logging configurations too (by object and by name)' {
        $config = New-IvsChatLoggingConfiguration -Name 'logs' -BucketName 'my-bucket'
        $config | Add-IvsChatTag -Tag @{ team = 'chat' }
        (Get-IvsChatTag 'logs').Key | Should -Be @('team')
        Get-IvsChatTag $config | Remove-IvsChatTag
        Get-IvsChatTag $config | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        Add-IvsChatTag $room -Tag @{ new = '1' } -WhatIf
        Get-IvsChatTag $room | Remove-IvsChatTag -WhatIf
        Get-EmulatorRequestCount $emu -Operation TagResource | Should -Be 0
        Get-EmulatorRequestCount $emu -Operation UntagResource | Should -Be 0
        (Get-IvsChatTag $room).Count | Should -Be 3
    }

    It 'rejects bad tags before sending: <Case>' -ForEach @(
        @{ Case = 'reserved aws: key'; Tag = @{ 'aws:x' = '1' } }
        @{ Case = 'key over 128 characters'; Tag = @{ ('k' * 129) = '1' } }
        @{ Case = 'value over 256 characters'; Tag = @{ k = ('v' * 257) } }
        @{ Case = 'more than 50 tags'; Tag = $(1..51 | ForEach-Object -Begin { $h = @{} } -Process { $h["k$_"] = 'v' } -End { $h }) }
    ) {
        { Add-IvsChatTag $room -Tag $Tag -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.AddIvsChatTagCommand'
        Get-EmulatorRequestCount $emu -Operation TagResource | Should -Be 0
    }

    It 'rejects a key over 128 characters in Remove-IvsChatTag' {
        { Remove-IvsChatTag $room -Key ('k' * 129) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IvsChat.Cmdlets.RemoveIvsChatTagCommand'
    }

    It 'reports an unknown resource as ResourceNotFoundException' {
        Get-IvsChatTag 'nothing-here' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFoundException,IvsChat.Cmdlets.GetIvsChatTagCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
