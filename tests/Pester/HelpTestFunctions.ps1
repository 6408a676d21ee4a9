# Helpers of Help.Tests.ps1 (dot-sourced there before discovery): compiling and parsing docs, comparing them with
# the code, and running examples in a fresh runspace. Global, so that both Pester phases see them.

function global:Get-HelpCompilerDll([string] $RepoRoot) {
    # Built by build.ps1 (Invoke-Docs); the newest build of any configuration.
    Get-ChildItem (Join-Path $RepoRoot 'build/HelpCompiler/bin') -Recurse -Filter 'HelpCompiler.dll' -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq 'net10.0' } | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1 -ExpandProperty FullName
}

function global:Invoke-HelpCompiler([string] $RepoRoot, [string[]] $Arguments) {
    $dll = Get-HelpCompilerDll $RepoRoot
    if (-not $dll) { throw 'HelpCompiler is not built: run ./build.ps1 Build first.' }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll) + $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $p = [System.Diagnostics.Process]::Start($psi)
    $stderr = $p.StandardError.ReadToEndAsync()
    $stdout = $p.StandardOutput.ReadToEnd()
    $p.WaitForExit()
    [pscustomobject]@{ ExitCode = $p.ExitCode; StdOut = $stdout; StdErr = $stderr.GetAwaiter().GetResult() }
}

function global:Get-ParsedDocs([string] $RepoRoot) {
    # The compiler is the one parser of the docs; --json gives its model.
    $result = Invoke-HelpCompiler $RepoRoot @('--json', (Join-Path $RepoRoot 'docs'))
    if ($result.ExitCode -ne 0) { throw "docs/ does not compile:`n$($result.StdErr)" }
    @($result.StdOut | ConvertFrom-Json)
}

function global:Compare-DocWithCode($Doc, $Code) {
    # Returns one line per disagreement between a parsed doc and New-IvsChatCmdletDoc.ps1 -Metadata.
    $docSets = @($Doc.Syntax.Name)
    $codeSets = @($Code.ParameterSets.Name)
    if (Compare-Object $docSets $codeSets) { "parameter sets: doc has [$($docSets -join ', ')], code has [$($codeSets -join ', ')]" }
    if ($codeSets.Count -gt 1) {
        $codeDefault = ($Code.ParameterSets | Where-Object IsDefault).Name
        $docDefault = ($Doc.Syntax | Where-Object IsDefault).Name
        if ($codeDefault -ne $docDefault) { "default parameter set: doc '$docDefault', code '$codeDefault'" }
    }
    foreach ($p in $Code.Parameters) {
        $d = $Doc.Parameters | Where-Object Name -eq $p.Name
        if (-not $d) { "-$($p.Name) is not documented"; continue }
        foreach ($m in $d.Metadata) {
            if ($m.Type -ne $p.Type) { "-$($p.Name): doc type '$($m.Type)', code type '$($p.Type)'" }
            if (Compare-Object @($m.Aliases) @($p.Aliases)) { "-$($p.Name): doc aliases [$($m.Aliases -join ', ')], code [$($p.Aliases -join ', ')]" }
            if ($m.AcceptWildcard -ne $p.Wildcard) { "-$($p.Name): doc wildcards $($m.AcceptWildcard), code $($p.Wildcard)" }
            foreach ($set in $m.ParameterSets | Where-Object { $_ -ne '(All)' }) {
                if ($set -notin $p.PerSet.SetName) { "-$($p.Name): documented in set '$set', where the code does not have it" }
            }
        }
        foreach ($s in $p.PerSet) {
            $m = @($d.Metadata | Where-Object { $_.ParameterSets -contains $s.SetName }) +
                @($d.Metadata | Where-Object { $_.ParameterSets -contains '(All)' }) | Select-Object -First 1
            if (-not $m) { "-$($p.Name): no metadata for set '$($s.SetName)'"; continue }
            if ($m.Required -ne $s.Required) { "-$($p.Name) in '$($s.SetName)': doc Required $($m.Required), code $($s.Required)" }
            if ($m.Position -ne $s.Position) { "-$($p.Name) in '$($s.SetName)': doc Position $($m.Position), code $($s.Position)" }
            if ($m.PipelineByValue -ne $s.ByValue -or $m.PipelineByPropertyName -ne $s.ByPropertyName) {
                "-$($p.Name) in '$($s.SetName)': doc pipeline ByValue=$($m.PipelineByValue) ByPropertyName=$($m.PipelineByPropertyName), " +
                    "code ByValue=$($s.ByValue) ByPropertyName=$($s.ByPropertyName)"
            }
        }
        if (-not $p.InAllSets -and ($d.Metadata.ParameterSets -contains '(All)')) {
            "-$($p.Name): documented for (All) sets, but the code has it only in [$($p.PerSet.SetName -join ', ')]"
        }
    }
    foreach ($d in $Doc.Parameters | Where-Object { $_.Name -notin $Code.Parameters.Name }) { "-$($d.Name) is documented but the cmdlet has no such parameter" }
    $docOutputs = @($Doc.Outputs.Name)
    if ($Code.Outputs.Count -and (Compare-Object $docOutputs @($Code.Outputs))) {
        "OUTPUTS: doc [$($docOutputs -join ', ')], code OutputType [$($Code.Outputs -join ', ')]"
    }
}

function global:New-ExampleRunspace([string] $ModulePath) {
    # A new runspace that imports the module as a user's session would, with ErrorActionPreference Stop so any
    # error terminates. Opened in the background, so the next example's session is ready when it is needed.
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $iss.ImportPSModule($ModulePath)
    $iss.Variables.Add([System.Management.Automation.Runspaces.SessionStateVariableEntry]::new('ErrorActionPreference', 'Stop', ''))
    $runspace = [runspacefactory]::CreateRunspace($iss)
    $runspace.OpenAsync()
    $runspace
}

function global:Invoke-ExampleInRunspace([string] $Code, $Runspace) {
    # Runs an example's code in its own runspace (output through Out-String so the format views run too) and
    # returns every error: terminating, non-terminating, or left in $Error.
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    # Opened comes before the runspace is free: its module import may still be running (then Invoke fails with
    # 'a pipeline is already running'), so wait until it is Available too.
    while ($Runspace.RunspaceStateInfo.State -eq 'Opening' -or $Runspace.RunspaceStateInfo.State -eq 'BeforeOpen' -or
        ($Runspace.RunspaceStateInfo.State -eq 'Opened' -and $Runspace.RunspaceAvailability -ne 'Available')) {
        if ([DateTime]::UtcNow -gt $deadline) { throw 'The example runspace did not open.' }
        Start-Sleep -Milliseconds 20
    }
    if ($Runspace.RunspaceStateInfo.State -ne 'Opened') { throw "The example runspace failed to open: $($Runspace.RunspaceStateInfo.Reason)" }
    $ps = [powershell]::Create($Runspace)
    try {
        $null = $ps.AddScript($Code).AddCommand('Out-String')
        $errors = @()
        $output = $null
        try { $output = $ps.Invoke() }
        catch { $errors += "terminating: $($_.Exception.InnerException.Message ?? $_.Exception.Message)" }
        $errors += @($ps.Streams.Error | ForEach-Object { "error: $_ ($($_.FullyQualifiedErrorId))" })
        $sessionErrors = $Runspace.SessionStateProxy.GetVariable('Error')
        if (-not $errors -and $sessionErrors.Count) { $errors += @($sessionErrors | ForEach-Object { "`$Error: $_" }) }
        [pscustomobject]@{ Output = ($output -join ''); Errors = $errors }
    }
    finally {
        $ps.Dispose()
        $Runspace.Dispose()
    }
}

function global:Get-HelpCompilerCases {
    # Ways to break the valid sample doc of the compiler tests; each broken copy is named Get-IvsChatCase<index>.
    $cases = @(
        @{ Case = 'missing SYNOPSIS'; Pattern = '(?s)## SYNOPSIS.*?(?=## SYNTAX)'; With = ''
            Expect = 'missing section .## SYNOPSIS'; Line = $false }
        @{ Case = 'placeholder left'; Pattern = 'Gets samples by name'; With = '{{ Fill in the Description }}'
            Expect = ':26: error: placeholder'; Line = $true }
        @{ Case = 'bad Required value'; Pattern = 'Required: True'; With = 'Required: Maybe'
            Expect = "'Required' must be True or False"; Line = $true }
        @{ Case = 'unknown metadata key'; Pattern = '(?m)^Aliases: Arn'; With = 'Alias: Arn'
            Expect = ':45: error: .*unknown metadata line'; Line = $true }
        @{ Case = 'syntax shows an undocumented parameter'; Pattern = '\[\[-Name\] <String\[\]>\]'
            With = '[[-Name] <String[]>] [-Bogus <Int32>]'; Expect = 'shows -Bogus'; Line = $true }
        @{ Case = 'parameter set unknown to SYNTAX'; Pattern = 'Parameter Sets: Name'; With = 'Parameter Sets: Nmae'
            Expect = "names parameter set 'Nmae'"; Line = $false }
        @{ Case = 'example without code'; Pattern = '(?s)```powershell\nGet-IvsChatSample\n```\n'; With = ''
            Expect = 'no ```powershell block'; Line = $true }
        @{ Case = 'example title'; Pattern = 'Example 1: Get every sample'; With = 'Get every sample'
            Expect = "not of the form '### Example N"; Line = $true }
        @{ Case = 'wrong front matter'; Pattern = 'schema: 2.0.0'; With = 'schema: 3.0.0'
            Expect = "'schema' must be '2.0.0'"; Line = $true }
        @{ Case = 'title not the file name'; Pattern = '(?m)^# Get-IvsChat\w+$'; With = '# Get-IvsChatOther'
            Expect = 'does not match the file name'; Line = $true }
        @{ Case = 'sections out of order'; Pattern = '(?s)(## SYNTAX\n.*?)(## DESCRIPTION\n[^#]*)(?=## EXAMPLES)'; With = '$2$1'
            Expect = 'sections must be in the order'; Line = $false }
        @{ Case = 'parameter without description'; Pattern = 'The names.\n'; With = ''
            Expect = '-Name has no description'; Line = $true }
        @{ Case = 'related link to a missing doc'; Pattern = '\(about_IvsChat.md\)'; With = '(about_Missing.md)'
            Expect = 'does not exist'; Line = $true }
    )
    for ($i = 0; $i -lt $cases.Count; $i++) { $cases[$i].Name = "Get-IvsChatCase$i" }
    $cases
}
