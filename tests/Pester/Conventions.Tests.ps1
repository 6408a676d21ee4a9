# Conventions over Get-Command: output types, approved verbs, ShouldProcess where state changes, confirmation
# impact, common parameters; import does no work; tab completion; the house style (line length, file length, namespaces).

BeforeDiscovery {
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:commands = @(Get-Command -Module IvsChat -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    $script:controlPlane = @('New-IvsChatRoom', 'Get-IvsChatRoom', 'Set-IvsChatRoom', 'Remove-IvsChatRoom', 'New-IvsChatToken',
        'Add-IvsChatTag', 'Get-IvsChatTag', 'Remove-IvsChatTag', 'New-IvsChatLoggingConfiguration', 'Get-IvsChatLoggingConfiguration',
        'Set-IvsChatLoggingConfiguration', 'Remove-IvsChatLoggingConfiguration', 'Send-IvsChatEvent', 'Remove-IvsChatMessage',
        'Disconnect-IvsChatUser') | ForEach-Object { @{ Name = $_ } }
    $script:mutating = @('New-IvsChatRoom', 'Set-IvsChatRoom', 'Remove-IvsChatRoom', 'Add-IvsChatTag', 'Remove-IvsChatTag',
        'New-IvsChatLoggingConfiguration', 'Set-IvsChatLoggingConfiguration', 'Remove-IvsChatLoggingConfiguration',
        'Send-IvsChatEvent', 'Remove-IvsChatMessage', 'Disconnect-IvsChatUser') | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
}

Describe 'Every exported cmdlet' {
    It 'exports the control-plane cmdlets' {
        $names = (Get-Command -Module IvsChat).Name
        foreach ($n in $controlPlane.Name) { $names | Should -Contain $n }
    }

    It '<Name> declares an OutputType' -ForEach $commands {
        (Get-Command $Name).OutputType.Count | Should -BeGreaterThan 0
    }

    It '<Name> uses an approved verb and the IvsChat noun prefix' -ForEach $commands {
        $cmd = Get-Command $Name
        (Get-Verb).Verb | Should -Contain $cmd.Verb
        $cmd.Noun | Should -BeLike 'IvsChat*'
    }

    It '<Name> has the AWS.Tools-style common parameters' -ForEach $controlPlane {
        $p = (Get-Command $Name).Parameters
        foreach ($n in 'Region', 'ProfileName', 'ProfileLocation', 'AccessKey', 'SecretKey', 'SessionToken', 'Credential', 'EndpointUrl') {
            $p.Keys | Should -Contain $n
        }
    }

    It '<Name> changes state, so it supports -WhatIf/-Confirm' -ForEach $mutating {
        $cmd = Get-Command $Name
        $cmd.Parameters.Keys | Should -Contain 'WhatIf'
        $cmd.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'New-IvsChatToken changes nothing, so it has no -WhatIf' {
        (Get-Command New-IvsChatToken).Parameters.Keys | Should -Not -Contain 'WhatIf'
    }

    It '<Name> has ConfirmImpact <Impact>' -ForEach @(
        @{ Name = 'Remove-IvsChatRoom'; Impact = 'High' }
        @{ Name = 'Remove-IvsChatLoggingConfiguration'; Impact = 'High' }
        @{ Name = 'Remove-IvsChatTag'; Impact = 'Medium' }
        @{ Name = 'Remove-IvsChatMessage'; Impact = 'Medium' }
        @{ Name = 'Disconnect-IvsChatUser'; Impact = 'Medium' }
        @{ Name = 'New-IvsChatRoom'; Impact = 'Medium' }
        @{ Name = 'Set-IvsChatRoom'; Impact = 'Medium' }
        @{ Name = 'Send-IvsChatEvent'; Impact = 'Medium' }
    ) {
        $attr = (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]
        $attr.ConfirmImpact | Should -Be $Impact
        # High impact prompts under the default $ConfirmPreference (High); Medium does not.
        ($attr.ConfirmImpact -ge [System.Management.Automation.ConfirmImpact]::High) | Should -Be ($Impact -eq 'High')
    }

    It 'list cmdlets support paging' {
        (Get-Command Get-IvsChatRoom).Parameters.Keys | Should -Contain 'First'
        (Get-Command Get-IvsChatRoom).Parameters.Keys | Should -Contain 'Skip'
        (Get-Command Get-IvsChatLoggingConfiguration).Parameters.Keys | Should -Contain 'First'
    }

    It 'the manifest lists every exported cmdlet and the format file' {
        # Test-ModuleManifest, not Import-PowerShellDataFile: RootModule depends on $PSEdition.
        $manifest = Test-ModuleManifest $env:IVSCHAT_MODULE_PATH
        foreach ($n in (Get-Command -Module IvsChat).Name) { $manifest.ExportedCmdlets.Keys | Should -Contain $n }
        $manifest.ExportedFormatFiles | Split-Path -Leaf | Should -Contain 'IvsChat.Format.ps1xml'
        Test-Path (Join-Path (Split-Path $env:IVSCHAT_MODULE_PATH) 'IvsChat.Format.ps1xml') | Should -BeTrue
    }

    It 'has a default table view for each output type' {
        foreach ($type in 'IvsChat.Room', 'IvsChat.LoggingConfiguration', 'IvsChat.ChatToken', 'IvsChat.Tag', 'IvsChat.Event') {
            (Get-FormatData -TypeName $type).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name } | Should -Contain 'TableControl'
        }
    }
}

Describe 'Import' {
    It 'never loads AWSSDK where other modules would see it, not even once the warm-up after import has run' {
        # The importing thread loads nothing (AssemblyIsolation.Tests.ps1); the warm-up it queues loads AWSSDK.Core
        # into the module's private load context only.
        # The child's wait loop, kept out of the here-string only to keep lines short: the command is the same text.
        $waitForCore = "while (-not ([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'AWSSDK.Core') -and " +
            '[DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }'
        $command = @"
Import-Module '$env:IVSCHAT_MODULE_PATH'
`$deadline = [DateTime]::UtcNow.AddSeconds(20)
$waitForCore
'ANYWHERE:' + (@([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -like 'AWSSDK*') -join ',')
'DEFAULT:' + (@([Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name -like 'AWSSDK*') -join ',')
"@
        $out = @(Invoke-FreshPwsh -Command $command)
        $out | Should -Contain 'ANYWHERE:AWSSDK.Core'
        $out | Should -Contain 'DEFAULT:'
    }
}

Describe 'Tab completion' {
    BeforeAll {
        $script:emu = Start-TestEmulator
        Use-TestEmulator $emu
        New-IvsChatRoom -Name 'completion-room' | Out-Null
        New-IvsChatRoom -Name 'other-room' | Out-Null
        New-IvsChatLoggingConfiguration -Name 'completion-logs' -BucketName 'my-bucket' | Out-Null
    }
    AfterAll { $emu | Stop-TestEmulator }

    It 'completes room names from the service, filtered by what was typed' {
        $line = 'Get-IvsChatRoom -Name compl'
        $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $r.CompletionMatches.CompletionText | Should -Be @('completion-room')
        $line = 'Remove-IvsChatRoom -Identifier '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
            Should -Be @('completion-room', 'other-room')
    }

    It 'completes ARNs when the word starts with arn:' {
        $line = 'Get-IvsChatRoom -Identifier arn:'
        $arns = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $arns.Count | Should -Be 2
        $arns | ForEach-Object { $_ | Should -Match '^arn:aws:ivschat:[a-z0-9-]+:\d{12}:room/[A-Za-z0-9]{12}$' }
    }

    It 'completes logging configuration names' {
        $line = 'Get-IvsChatLoggingConfiguration -Name compl'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('completion-logs')
    }

    It 'completes rooms and logging configurations for tag cmdlets' {
        $line = 'Get-IvsChatTag -Identifier compl'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object |
            Should -Be @('completion-logs', 'completion-room')
    }

    It 'completes capabilities and regions' {
        $line = 'New-IvsChatToken -Capability Sen'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'SendMessage'
        $line = 'Get-IvsChatRoom -Region us-we'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('us-west-2')
    }
}

Describe 'Pipeline binding conventions' {
    BeforeDiscovery {
        $script:allCommands = @(Get-Command -Module IvsChat -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
        # Cmdlets that take settings: they change state, mint tokens or open connections.
        $script:settingCommands = @(Get-Command -Module IvsChat -CommandType Cmdlet | Where-Object {
                $_.Parameters.ContainsKey('WhatIf') -or $_.Name -in 'New-IvsChatToken', 'Connect-IvsChatRoom' } | ForEach-Object { @{ Name = $_.Name } })
    }
    BeforeAll {
        $script:awsCommon = 'Region', 'ProfileName', 'ProfileLocation', 'AccessKey', 'SecretKey', 'SessionToken', 'Credential', 'EndpointUrl'
        # The piped object itself: the target, not a setting.
        $script:targets = 'InputObject', 'Connection', 'Token'
    }

    It '<Name>: a cmdlet that takes a resource object from the pipeline makes that parameter set the default' -ForEach $allCommands {
        $cmd = Get-Command $Name
        $objectSets = @($cmd.ParameterSets | Where-Object { $_.Parameters | Where-Object { $_.ValueFromPipeline -and $_.Name -eq 'InputObject' } })
        if ($objectSets.Count -gt 0) { $cmd.DefaultParameterSet | Should -BeIn $objectSets.Name }
    }

    It '<Name>: in the default set, position 0 never goes to a parameter the piped object supplies' -ForEach $allCommands {
        # PowerShell binds positional arguments before pipeline input, in the default set first: a piped object
        # plus a positional argument binds only if the argument cannot land on the piped object's parameter.
        $cmd = Get-Command $Name
        $set = if ($cmd.DefaultParameterSet) { $cmd.ParameterSets | Where-Object Name -eq $cmd.DefaultParameterSet } else { $cmd.ParameterSets[0] }
        $positional = @($set.Parameters | Where-Object { $_.Position -ge 0 } | Sort-Object Position)
        $pipedByValue = @($set.Parameters | Where-Object { $_.ValueFromPipeline })
        if ($positional.Count -eq 0) { return }
        $first = $positional[0]
        if ($positional.Count -gt 1 -or @($pipedByValue | Where-Object Name -ne $first.Name).Count -gt 0) {
            $first.ValueFromPipeline | Should -BeFalse -Because "$Name -$($first.Name) comes from the pipeline, so position 0 belongs to the next parameter"
        }
    }

    It '<Name>: every settable parameter binds by property name (in some parameter set)' -ForEach $settingCommands {
        $cmd = Get-Command $Name
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($p in $cmd.Parameters.Values) {
            if ($p.Name -in $common -or $p.Name -in $awsCommon -or $p.Name -in $targets -or $p.SwitchParameter) { continue }
            $byName = @($p.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName)
            $byName.Count | Should -BeGreaterThan 0 -Because "$Name -$($p.Name) is a setting: CSV rows and objects from Get- cmdlets must bind to it"
        }
    }
}

Describe 'House style' {
    # .editorconfig and CONTRIBUTING.md: lines wrap before 160 characters, no source file is over 400 lines, namespaces are
    # file-scoped. Only tracked files are read (git ls-files), never build output.
    BeforeAll {
        $script:root = (Resolve-Path "$PSScriptRoot/../..").Path
        $script:tracked = @(git -C $root ls-files)
        if ($LASTEXITCODE -ne 0 -or $tracked.Count -eq 0) { throw "git ls-files found no tracked files in $root" }
        # Lines that cannot wrap without changing a value (file -> reason). None today: keep it that way.
        $script:longLineExceptions = @{}
        # Block-scoped where file-scoped cannot be, as .editorconfig names them.
        $script:namespaceExceptions = @{
            'src/IvsChat/Model/ChatItems.cs'    = 'two namespaces in one file'
            'build/bench/Bench.Tool/Program.cs' = 'top-level statements before the namespace'
        }
    }

    It 'no tracked .cs, .ps1, .psm1, .mjs, .csproj or .props file has a line over 160 characters' {
        $long = foreach ($file in $tracked -match '\.(cs|ps1|psm1|mjs|csproj|props)$') {
            if ($longLineExceptions.ContainsKey($file)) { continue }
            $lines = [IO.File]::ReadAllLines((Join-Path $root $file))
            for ($i = 0; $i -lt $lines.Count; $i++) {
                if ($lines[$i].Length -gt 160) { "${file}:$($i + 1) ($($lines[$i].Length) characters)" }
            }
        }
        $long -join "`n" | Should -BeNullOrEmpty -Because 'lines wrap before 160 characters'
    }

    It 'no tracked .cs, .ps1, .psm1 or .mjs file is over 400 lines' {
        $big = foreach ($file in $tracked -match '\.(cs|ps1|psm1|mjs)$') {
            $count = [IO.File]::ReadAllLines((Join-Path $root $file)).Count
            if ($count -gt 400) { "$file ($count lines)" }
        }
        $big -join "`n" | Should -BeNullOrEmpty -Because 'a source file over 400 lines is split'
    }

    It 'every .cs file under src/, build/ and tests/ uses a file-scoped namespace' {
        $wrong = foreach ($file in $tracked -match '^(src|build|tests)/.*\.cs$') {
            if ($namespaceExceptions.ContainsKey($file)) { continue }
            $lines = [IO.File]::ReadAllLines((Join-Path $root $file))
            if ($lines -match '^\s*namespace\s+[\w.]+\s*(\{.*)?$') { "$file (block-scoped namespace)"; continue }
            if ($lines -match '^namespace\s+[\w.]+;') { continue }
            # No namespace at all is right only for a program of top-level statements: its first code line is a statement.
            $code = $lines | Where-Object { $_ -notmatch '^\s*($|//|(global\s+)?using\s|#|\[)' } | Select-Object -First 1
            if ($code -match '^(public|internal|file|static|sealed|abstract|partial|readonly|class|record|struct|interface|enum|delegate)\b') {
                "$file (no namespace)"
            }
        }
        $wrong -join "`n" | Should -BeNullOrEmpty -Because '.editorconfig: file-scoped namespaces, block-scoped only where it names the file'
    }
}
