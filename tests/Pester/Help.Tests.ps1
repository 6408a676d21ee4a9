# Help for every exported cmdlet: compiled from docs/ (platyPS 0.14 markdown) by build/HelpCompiler, in sync
# with the code (build/New-IvsChatCmdletDoc.ps1 -Metadata is the code's view), and every example runs against
# the local service in a fresh runspace. Data-driven over Get-Command, so it covers whatever cmdlets exist.

BeforeDiscovery {
    . "$PSScriptRoot/HelpTestFunctions.ps1"

    $CompilerCases = Get-HelpCompilerCases
    $RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $Cmdlets = @(Get-Command -Module IvsChat -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $Docs = Get-ParsedDocs $RepoRoot
    $Examples = @(foreach ($doc in $Docs | Where-Object { $_.Name -in $Cmdlets.Name }) {
        foreach ($example in $doc.Examples) {
            @{ Cmdlet = $doc.Name; Title = $example.Title; Line = $example.Line; Code = ($example.Code -join "`n") }
        }
    })
    $DocNames = @($Docs | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    $RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $Docs = Get-ParsedDocs $RepoRoot
    # The code's view of every exported cmdlet, read once (one concept, one place: the doc generator decides it).
    $CodeMetadata = @{}
    & (Join-Path $RepoRoot 'build/New-IvsChatCmdletDoc.ps1') -Metadata | ForEach-Object { $CodeMetadata[$_.Name] = $_ }
}

Describe 'Help compiler' {
    BeforeAll {
        $work = Join-Path ([IO.Path]::GetTempPath()) "ivschat-help-$([guid]::NewGuid().ToString('n'))"
        # A small valid doc of a made-up cmdlet; each case below breaks it in one way.
        $validDoc = @'
---
external help file: IvsChat.dll-Help.xml
Module Name: IvsChat
online version:
schema: 2.0.0
---

# Get-IvsChatSample

## SYNOPSIS
Gets samples.

## SYNTAX

### Name (Default)
```
Get-IvsChatSample [[-Name] <String[]>] [<CommonParameters>]
```

### Identifier
```
Get-IvsChatSample -Identifier <String> [<CommonParameters>]
```

## DESCRIPTION
Gets samples by name or identifier.

## EXAMPLES

### Example 1: Get every sample
```powershell
Get-IvsChatSample
```

Gets every sample.

## PARAMETERS

### -Identifier
The identifier.

```yaml
Type: String
Parameter Sets: Identifier
Aliases: Arn

Required: True
Position: Named
Default value: None
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: False
```

### -Name
The names.

```yaml
Type: String[]
Parameter Sets: Name
Aliases:

Required: False
Position: 0
Default value: None
Accept pipeline input: False
Accept wildcard characters: True
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### System.String

## OUTPUTS

### System.Object

## NOTES

## RELATED LINKS

[about_IvsChat](about_IvsChat.md)
'@ -replace "`r`n", "`n"
        function Invoke-CompilerOnDocs([hashtable] $Files) {
            $dir = Join-Path $work ([guid]::NewGuid().ToString('n'))
            New-Item -ItemType Directory $dir | Out-Null
            foreach ($f in $Files.GetEnumerator()) { Set-Content (Join-Path $dir $f.Key) $f.Value -NoNewline }
            $result = Invoke-HelpCompiler $RepoRoot @($dir, (Join-Path $dir 'out'))
            $result | Add-Member HelpWritten (Test-Path (Join-Path $dir 'out/IvsChat.dll-Help.xml')) -PassThru
        }
        $validAbout = "# about_IvsChat`n`n## SHORT DESCRIPTION`nShort.`n`n## LONG DESCRIPTION`nLong.`n"

        # Every broken variant in one folder, compiled by one run (a run costs seconds): each is named after its case.
        $cases = Get-HelpCompilerCases
        $files = @{ 'about_IvsChat.md' = "# about_IvsChat`n`n## LONG DESCRIPTION`nText.`n" }
        for ($i = 0; $i -lt $cases.Count; $i++) {
            $files["$($cases[$i].Name).md"] = ($validDoc -replace $cases[$i].Pattern, $cases[$i].With) -replace 'Get-IvsChatSample', $cases[$i].Name
        }
        $broken = Invoke-CompilerOnDocs $files
        $errorLines = $broken.StdErr -split "`n"
    }
    AfterAll { Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue }

    It 'compiles the repository docs into MAML and about-help that Get-Help reads' {
        $out = Join-Path $work 'ok'
        $result = Invoke-HelpCompiler $RepoRoot @((Join-Path $RepoRoot 'docs'), $out)
        $result.ExitCode | Should -Be 0 -Because $result.StdErr
        $maml = [xml](Get-Content (Join-Path $out 'IvsChat.dll-Help.xml') -Raw)
        $maml.helpItems.command.Count | Should -Be @(Get-ChildItem (Join-Path $RepoRoot 'docs') -Filter '*-*.md').Count
        Get-Content (Join-Path $out 'about_IvsChat.help.txt') -Raw | Should -Match '(?m)^SHORT DESCRIPTION\s*\n\s+\S'
    }

    It 'accepts the valid sample doc (the control for the cases below)' {
        $result = Invoke-CompilerOnDocs @{ 'Get-IvsChatSample.md' = $validDoc; 'about_IvsChat.md' = $validAbout }
        $result.ExitCode | Should -Be 0 -Because $result.StdErr
        $result.HelpWritten | Should -BeTrue
    }

    It 'rejects a malformed doc (<Case>) naming the file and line' -ForEach $CompilerCases {
        ($validDoc -replace $Pattern, $With) | Should -Not -Be $validDoc -Because 'the case must actually break the doc'
        $mine = @($errorLines | Where-Object { $_ -match "\b$Name\.md\b" })
        $mine | Should -Not -BeNullOrEmpty -Because "the compiler must name $Name.md"
        ($mine -join "`n") | Should -Match $Expect
        if ($Line) { ($mine -join "`n") | Should -Match "$Name\.md:\d+: error:" }
    }

    It 'rejects an about topic without SHORT DESCRIPTION' {
        ($errorLines -join "`n") | Should -Match 'about_IvsChat\.md: error: .*SHORT DESCRIPTION'
    }

    It 'writes no help at all when any doc is malformed' {
        $broken.ExitCode | Should -Be 1
        $broken.HelpWritten | Should -BeFalse
    }
}

Describe 'Doc generator (build/New-IvsChatCmdletDoc.ps1)' {
    BeforeAll {
        $generator = Join-Path $RepoRoot 'build/New-IvsChatCmdletDoc.ps1'
        $dir = Join-Path ([IO.Path]::GetTempPath()) "ivschat-gen-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory $dir | Out-Null
        Copy-Item (Join-Path $RepoRoot 'docs/about_IvsChat.md') $dir
        $doc = Join-Path $dir 'Get-IvsChatGenSample.md'
        # A sample command with two sets, a pipeline parameter, an alias and wildcards.
        $version1 = {
            function Get-IvsChatGenSample {
                [CmdletBinding(DefaultParameterSetName = 'ByName')]
                [OutputType([string])]
                param(
                    [Parameter(Position = 0, ParameterSetName = 'ByName')][SupportsWildcards()][string[]] $Name,
                    [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'ById')][Alias('Arn')][string] $Identifier
                )
            }
        }
        New-Module -Name IvsChatGenSample1 -ScriptBlock $version1 | Import-Module -Force
        & $generator -Name Get-IvsChatGenSample -OutputFolder $dir 6>$null
        $generated = Get-Content $doc -Raw
        # Fill the placeholders as a writer would, to see that the result is a valid doc.
        $filled = $generated -replace '\{\{ Fill in the Synopsis \}\}', 'Gets samples.' `
            -replace '\{\{ Fill in the Description \}\}', 'Gets samples by name or id.' `
            -replace '\{\{ Add example title \}\}', 'Get one' -replace '\{\{ Add example code \}\}', 'Get-IvsChatGenSample' `
            -replace '\{\{ Add example description here \}\}', 'Gets a sample.' `
            -replace '\{\{ Fill Name Description \}\}', 'The NAME prose.' -replace '\{\{ Fill Identifier Description \}\}', 'The ID prose.'
        Set-Content $doc $filled -NoNewline
        $compiledFilled = Invoke-HelpCompiler $RepoRoot @($dir, (Join-Path $dir 'out'))

        # The code changes: -Identifier becomes positional and a -Count parameter appears; -Update re-syncs.
        Remove-Module IvsChatGenSample1
        $version2 = {
            function Get-IvsChatGenSample {
                [CmdletBinding(DefaultParameterSetName = 'ByName')]
                [OutputType([string])]
                param(
                    [Parameter(Position = 0, ParameterSetName = 'ByName')][SupportsWildcards()][string[]] $Name,
                    [Parameter(Mandatory, Position = 0, ValueFromPipeline, ParameterSetName = 'ById')][Alias('Arn')][string] $Identifier,
                    [int] $Count
                )
            }
        }
        New-Module -Name IvsChatGenSample2 -ScriptBlock $version2 | Import-Module -Force
        & $generator -Name Get-IvsChatGenSample -OutputFolder $dir -Update 6>$null
        $updated = Get-Content $doc -Raw
        $compiledUpdated = Invoke-HelpCompiler $RepoRoot @('--json', $dir)
        $metadata = & $generator -Name Get-IvsChatGenSample -Metadata
    }
    AfterAll {
        Remove-Module IvsChatGenSample2 -ErrorAction SilentlyContinue
        Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'starts a doc from the metadata, with placeholders for the prose' {
        $generated | Should -Match '\{\{ Fill in the Synopsis \}\}'
        $generated | Should -Match '(?m)^### ByName \(Default\)$'
        $generated | Should -Match '(?m)^Accept pipeline input: True \(ByValue\)$'
        $generated | Should -Match '(?m)^Aliases: Arn$'
    }

    It 'starts a doc that compiles once the placeholders are filled' {
        $compiledFilled.ExitCode | Should -Be 0 -Because $compiledFilled.StdErr
    }

    It '-Update keeps the prose, adds the new parameter and follows the changed metadata' {
        $updated | Should -Match 'The NAME prose\.'
        $updated | Should -Match 'The ID prose\.'
        $updated | Should -Match 'Gets samples by name or id\.'
        $updated | Should -Match '(?m)^### -Count$'
        $compiledUpdated.ExitCode | Should -Be 1
        $compiledUpdated.StdErr | Should -Match 'Get-IvsChatGenSample\.md:\d+: error: placeholder left in the doc: \{\{ Fill Count Description \}\}'
        @($compiledUpdated.StdErr -split "`n" | Where-Object { $_ -match 'error:' }).Count | Should -Be 1 -Because 'only the new parameter lacks prose'
    }

    It '-Update output agrees with the code once its placeholder is filled' {
        Set-Content $doc ($updated -replace '\{\{ Fill Count Description \}\}', 'How many.') -NoNewline
        $parsed = Invoke-HelpCompiler $RepoRoot @('--json', $dir)
        $parsed.ExitCode | Should -Be 0 -Because $parsed.StdErr
        $sample = $parsed.StdOut | ConvertFrom-Json | Where-Object Name -eq Get-IvsChatGenSample
        Compare-DocWithCode $sample $metadata | Should -BeNullOrEmpty
    }
}

Describe 'about_IvsChat' {
    It 'shows PowerShell that parses and uses only real IvsChat cmdlets and parameters' {
        # Its snippets cannot all run (some need AWS), so they are checked against Get-Command instead.
        $text = Get-Content (Join-Path $RepoRoot 'docs/about_IvsChat.md') -Raw
        $snippets = [regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
        $snippets | Should -Not -BeNullOrEmpty
        $problems = foreach ($snippet in $snippets) {
            $tokens = $parseErrors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($snippet, [ref]$tokens, [ref]$parseErrors)
            foreach ($e in $parseErrors) { "parse error: $($e.Message) in: $snippet" }
            foreach ($call in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                $name = $call.GetCommandName()
                if ($name -notlike '*-IvsChat*') { continue }
                $command = Get-Command $name -Module IvsChat -ErrorAction SilentlyContinue
                if (-not $command) { "unknown cmdlet $name"; continue }
                $known = @($command.Parameters.Keys) + @($command.Parameters.Values.Aliases)
                foreach ($p in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                    if (-not ($known | Where-Object { $_ -like "$($p.ParameterName)*" })) { "$name has no parameter -$($p.ParameterName)" }
                }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'is found by Get-Help after Import-Module' {
        $text = Get-Help about_IvsChat | Out-String
        $text | Should -Match 'about_ivschat'
        $text | Should -Match 'Connect-IvsChatRoom|New-IvsChatRoom'
        $text | Should -Match 'AWS_ENDPOINT_URL_IVSCHAT'
    }
}

Describe 'Help of <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        $doc = $Docs | Where-Object Name -eq $Name
    }

    It 'has a doc in docs/' {
        $doc | Should -Not -BeNullOrEmpty -Because "start one with ./build/New-IvsChatCmdletDoc.ps1 -ModulePath out/IvsChat/IvsChat.psd1 -Name $Name"
    }

    It 'has a synopsis and a description in Get-Help' {
        # Without MAML, Get-Help makes the synopsis from the syntax, which starts with the name.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -Match "^$Name "
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter in Get-Help' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $undocumented = foreach ($p in $command.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $entry = $help.parameters.parameter | Where-Object name -eq $p
            if (-not $entry -or -not (($entry.description.Text -join '').Trim())) { $p }
        }
        $undocumented | Should -BeNullOrEmpty
    }

    It 'has at least one example' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        @($help.examples.example)[0].code | Should -Not -BeNullOrEmpty
    }

    It 'agrees with the code on parameters, types, sets, mandatory flags, positions and pipeline input' {
        if (-not $doc) { Set-ItResult -Skipped -Because 'no doc (reported above)'; return }
        $problems = Compare-DocWithCode $doc $CodeMetadata[$Name]
        $problems | Should -BeNullOrEmpty -Because "re-sync with ./build/New-IvsChatCmdletDoc.ps1 -ModulePath out/IvsChat/IvsChat.psd1 -Name $Name -Update"
    }
}

Describe 'The drift check' {
    BeforeAll {
        # A documented cmdlet with parameter sets and a pipeline parameter, to tamper with.
        $subject = $Docs | Where-Object { $_.Syntax.Count -gt 1 -and ($_.Parameters.Metadata | Where-Object PipelineByValue) } | Select-Object -First 1
        if ($subject) { $code = $CodeMetadata[$subject.Name] }
        function Copy-Doc { $subject | ConvertTo-Json -Depth 10 | ConvertFrom-Json }
    }

    It 'finds nothing to report on the untouched doc' {
        if (-not $subject) { Set-ItResult -Skipped -Because 'no documented cmdlet with several parameter sets yet'; return }
        Compare-DocWithCode $subject $code | Should -BeNullOrEmpty
    }

    It 'reports <Change>' -ForEach @(
        @{ Change = 'a parameter missing from the doc'; Expect = 'is not documented'
            Tamper = { param($d) $d.Parameters = @($d.Parameters | Select-Object -Skip 1) } }
        @{ Change = 'a parameter the code does not have'; Expect = 'no such parameter'
            Tamper = { param($d) $d.Parameters += [pscustomobject]@{ Name = 'Bogus'; Metadata = @() } } }
        @{ Change = 'a wrong type'; Expect = 'doc type'; Tamper = { param($d) $d.Parameters[0].Metadata[0].Type = 'Guid' } }
        @{ Change = 'a wrong mandatory flag'; Expect = 'doc Required'
            Tamper = { param($d) foreach ($m in $d.Parameters.Metadata) { $m.Required = -not $m.Required } } }
        @{ Change = 'wrong pipeline input'; Expect = 'doc pipeline'
            Tamper = { param($d) foreach ($m in $d.Parameters.Metadata) { $m.PipelineByValue = -not $m.PipelineByValue } } }
        @{ Change = 'a wrong position'; Expect = 'doc Position'; Tamper = { param($d) foreach ($m in $d.Parameters.Metadata) { $m.Position = '7' } } }
        @{ Change = 'a renamed parameter set'; Expect = 'parameter sets: doc has'; Tamper = { param($d) $d.Syntax[0].Name = 'Renamed' } }
    ) {
        if (-not $subject) { Set-ItResult -Skipped -Because 'no documented cmdlet with several parameter sets yet'; return }
        $doc = Copy-Doc
        & $Tamper $doc
        (Compare-DocWithCode $doc $code) -join "`n" | Should -Match $Expect
    }
}

Describe 'docs/<Name>.md' -ForEach $DocNames {
    It 'documents a cmdlet the module exports' {
        Get-Command -Module IvsChat -Name $Name -ErrorAction SilentlyContinue |
            Should -Not -BeNullOrEmpty -Because 'a doc for a cmdlet that no longer exists is stale'
    }
}

Describe 'Examples run against the local service' {
    BeforeAll {
        $emulator = Start-TestEmulator
        Use-TestEmulator $emulator
        $script:nextRunspace = New-ExampleRunspace $env:IVSCHAT_MODULE_PATH
    }
    AfterAll {
        if ($script:nextRunspace) { $script:nextRunspace.Dispose() }
        if ($emulator) { $emulator | Stop-TestEmulator }
    }

    It '<Cmdlet> "<Title>" (line <Line>)' -ForEach $Examples {
        # Each example starts from an empty service, in its own session, as a reader would run it.
        Invoke-EmulatorControl $emulator 'reset' -Method POST | Out-Null
        $runspace = $script:nextRunspace
        $script:nextRunspace = New-ExampleRunspace $env:IVSCHAT_MODULE_PATH
        $run = Invoke-ExampleInRunspace -Code $Code -Runspace $runspace
        $run.Errors | Should -BeNullOrEmpty -Because "the example in docs/$Cmdlet.md must run cleanly"
    }
}
