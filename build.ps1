#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents, demonstrates and benchmarks the IvsChat module.
.DESCRIPTION
    Run it through the repo's local tool manifest so that a fresh machine needs only the .NET SDK and Node:
        dotnet tool restore && dotnet pwsh ./build.ps1 <Task>
    Build     assembles an importable module under out/IvsChat (manifest, DLLs, format files, en-US help).
    Test      builds and packages, then runs every suite (xunit, conformance, Pester) and prints one total line.
    Package   builds, then writes out/packages: the module as a PowerShell Gallery package (IvsChat.<version>.nupkg)
              and the local service as a .NET tool (IvsChat.Emulator.<version>.nupkg, command ivschat-emulator).
    Docs      compiles docs/*.md into MAML and about-help inside out/IvsChat/en-US.
    Demo      starts the local service and walks through the module as a user would.
    Emulator  starts the local IVS Chat service in the foreground (Ctrl+C stops it).
    Bench     runs the benchmarks (not part of Test).
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Package', 'Test', 'Docs', 'Demo', 'Emulator', 'Bench', 'Clean')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    # Emulator task: extra arguments for the local service (e.g. --port 4566).
    [string[]] $EmulatorArgs = @('--port', '0'),
    # Test task: run only some suites (a developer's shortcut; CI runs all).
    [ValidateSet('Xunit', 'Conformance', 'Pester')]
    [string[]] $Suite = @('Xunit', 'Conformance', 'Pester'),
    # Test task: run only these Pester files or folders (a developer's shortcut).
    [string[]] $PesterPath = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'IvsChat'
$ResultsDir = Join-Path $Out 'test-results'
$PackagesOut = Join-Path $Out 'packages'
$EmulatorDll = Join-Path $Root "src/IvsChat.Emulator/bin/$Configuration/net10.0/IvsChat.Emulator.dll"
$PesterVersion = '5.7.1'
# Local service, AWS isolation and fresh pwsh processes: one dev module for the build, demo, benchmarks and tests.
Import-Module (Join-Path $Root 'build/IvsChatDev.psm1') -Force
$PwshCommand = Get-PwshCommand

Import-Module (Join-Path $Root 'build/Packaging.psm1') -Force
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Native {
    # Runs a native command and fails the task when it fails.
    param([Parameter(Mandatory)][string] $File, [string[]] $Arguments = @())
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$File $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    $props = [xml](Get-Content (Join-Path $Root 'Directory.Build.props') -Raw)
    ($props.Project.PropertyGroup | Where-Object { $_['IvsChatModuleVersion'] } | Select-Object -First 1).IvsChatModuleVersion
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $Root 'IvsChatPS.sln'), '-c', $Configuration, '-nologo', '-clp:ErrorsOnly;Summary')
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/IvsChat/IvsChat.csproj'), '-c', $Configuration, '-f', 'netstandard2.0', '--no-build',
        '-o', $ModuleOut, '-nologo')
    Get-ChildItem $ModuleOut -Filter '*.pdb' | Remove-Item
    Get-ChildItem $ModuleOut -Filter '*.deps.json' | Remove-Item
    # IvsChat.Client and AWSSDK go where PowerShell's resolver does not look: IvsChat.dll's ModuleLoader loads them
    # (privately on .NET Core), so another module's AWSSDK.Core loaded first does not break us.
    $dependencies = New-Item -ItemType Directory -Force (Join-Path $ModuleOut 'Dependencies')
    # The client's XML docs go beside its DLL, where editors look for them.
    Get-ChildItem $ModuleOut -File | Where-Object { $_.Name -in 'IvsChat.Client.dll', 'IvsChat.Client.xml' -or $_.Name -like 'AWSSDK.*.dll' } |
        Move-Item -Destination $dependencies
    Invoke-CoreBuild
    $version = Get-ModuleVersion
    Write-IvsChatModuleManifest -SourcePath (Join-Path $Root 'IvsChat.psd1') -Destination (Join-Path $ModuleOut 'IvsChat.psd1') `
        -Version $version -ReleaseNotes (Get-IvsChatReleaseNotes -ChangelogPath (Join-Path $Root 'CHANGELOG.md') -Version $version)
    Copy-Item (Join-Path $Root 'LICENSE'), (Join-Path $Root 'README.md') $ModuleOut
    Invoke-Docs
    Write-Host "Module assembled in $ModuleOut"
}

function Invoke-Package {
    # Packages what Invoke-Build assembled (no second build).
    if (Test-Path $PackagesOut) { Remove-Item $PackagesOut -Recurse -Force }
    $module = New-IvsChatModulePackage -ModuleFolder $ModuleOut -Destination $PackagesOut
    Invoke-Native dotnet @('pack', (Join-Path $Root 'src/IvsChat.Emulator/IvsChat.Emulator.csproj'), '-c', $Configuration, '--no-build',
        '-o', $PackagesOut, '-nologo', '-v', 'q')
    Write-Host "Packages in ${PackagesOut}: $($module.Name), $((Get-ChildItem $PackagesOut -Filter 'IvsChat.Emulator.*.nupkg').Name)"
}

function Invoke-CoreBuild {
    # PowerShell 7 imports core/ (the manifest picks it by $PSEdition): the net8.0 build, precompiled to native
    # code for pwsh 7.6 on linux-x64 by build/ReadyToRun; elsewhere the same files run as IL.
    $r2r = Join-Path $Out 'r2r'
    Invoke-Native dotnet @('publish', (Join-Path $Root 'build/ReadyToRun/IvsChat.ReadyToRun.csproj'), '-c', $Configuration, '-o', $r2r,
        '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    $coreDependencies = New-Item -ItemType Directory -Force (Join-Path $ModuleOut 'core/Dependencies')
    Copy-Item (Join-Path $r2r 'IvsChat.dll') (Join-Path $ModuleOut 'core')
    Copy-Item (Join-Path $r2r 'IvsChat.Client.dll'), (Join-Path $r2r 'AWSSDK.*.dll'), (Join-Path $ModuleOut 'Dependencies/IvsChat.Client.xml') $coreDependencies
}

function Invoke-Docs {
    # Build the compiler (incremental: a no-op when unchanged), then run its DLL: faster than `dotnet run`, and the
    # help tests use the same DLL. A malformed doc fails here with file:line.
    $compiler = Join-Path $Root 'build/HelpCompiler/HelpCompiler.csproj'
    if (-not (Test-Path $compiler)) { return }
    Invoke-Native dotnet @('build', $compiler, '-c', $Configuration, '-nologo', '-v', 'q', '-clp:ErrorsOnly')
    $dll = Join-Path $Root "build/HelpCompiler/bin/$Configuration/net10.0/HelpCompiler.dll"
    Invoke-Native dotnet @($dll, (Join-Path $Root 'docs'), (Join-Path $ModuleOut 'en-US'))
}

function Get-PesterModulePath {
    $path = Join-Path (Get-NuGetPackagesFolder) "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $path)) {
        # Out-Host: restore's progress lines must not become part of this function's output (the module path).
        Invoke-Native dotnet @('restore', (Join-Path $Root 'build/TestTools.csproj'), '-nologo') | Out-Host
    }
    if (-not (Test-Path $path)) { throw "Pester $PesterVersion was restored but $path is missing." }
    $path
}

function Set-TestEnvironment {
    # Tests never read this machine's AWS setup.
    Set-IsolatedAwsEnvironment -Directory (Join-Path $Out 'aws-empty')
    $env:IVSCHAT_EMULATOR_DLL = $EmulatorDll
    $env:IVSCHAT_MODULE_PATH = Join-Path $ModuleOut 'IvsChat.psd1'
    $env:IVSCHAT_PACKAGES_DIR = $PackagesOut
}

function Read-TrxCounts([string] $Path) {
    $trx = [xml](Get-Content $Path -Raw)
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout; Skipped = [int]$c.total - [int]$c.executed }
}

function Invoke-XunitSuites {
    $counts = @()
    foreach ($project in Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj') {
        $trx = "$($project.BaseName).trx"
        Write-Host "`n=== xunit: $($project.BaseName)" -ForegroundColor Cyan
        & dotnet test $project.FullName -c $Configuration --no-build --nologo `
            --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal' --results-directory $ResultsDir | Out-Host
        $path = Join-Path $ResultsDir $trx
        if (Test-Path $path) { $counts += Read-TrxCounts $path }
        else { $counts += [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }; Write-Warning "$($project.BaseName) produced no results." }
    }
    $counts
}

function Invoke-ConformanceSuite {
    $dir = Join-Path $Root 'tests/conformance'
    $tests = @(Get-ChildItem $dir -Filter '*.test.mjs' -ErrorAction SilentlyContinue)
    if ($tests.Count -eq 0) { return }
    Write-Host "`n=== conformance (AWS's official JS SDKs)" -ForegroundColor Cyan
    Push-Location $dir
    try {
        if (-not (Test-Path 'node_modules/.package-lock.json') -or
            (Get-Item 'package-lock.json').LastWriteTimeUtc -gt (Get-Item -Force 'node_modules/.package-lock.json').LastWriteTimeUtc) {
            Invoke-Native npm @('ci', '--no-audit', '--no-fund', '--loglevel=error') | Out-Host
        }
        $tap = Join-Path $ResultsDir 'conformance.tap'
        & node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout `
            --test-reporter=tap "--test-reporter-destination=$tap" @($tests.FullName) | Out-Host
        if (-not (Test-Path $tap)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
        $text = Get-Content $tap -Raw
        $n = { param($name) if ($text -match "(?m)^# $name (\d+)") { [int]$Matches[1] } else { 0 } }
        [pscustomobject]@{ Passed = & $n 'pass'; Failed = (& $n 'fail') + (& $n 'cancelled'); Skipped = (& $n 'skipped') + (& $n 'todo') }
    }
    finally { Pop-Location }
}

function Invoke-PesterSuite {
    $tests = @(Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter '*.Tests.ps1' -ErrorAction SilentlyContinue)
    if ($tests.Count -eq 0) { return }
    $runPaths = if ($PesterPath) { @($PesterPath | ForEach-Object { (Resolve-Path $_).Path }) } else { @(Join-Path $Root 'tests/Pester') }
    Write-Host "`n=== Pester (the built module in a fresh pwsh)" -ForegroundColor Cyan
    $summary = Join-Path $ResultsDir 'pester.json'
    $pester = Get-PesterModulePath
    # A fresh process, so the module is imported exactly as a user imports it.
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester' -RequiredVersion $PesterVersion
`$c = New-PesterConfiguration
`$c.Run.Path = @($(($runPaths | ForEach-Object { "'$_'" }) -join ', '))
`$c.Run.PassThru = `$true
`$c.Output.Verbosity = 'Detailed'
`$r = Invoke-Pester -Configuration `$c
@{ Passed = `$r.PassedCount; Failed = `$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount; Skipped = `$r.SkippedCount + `$r.NotRunCount } |
    ConvertTo-Json | Set-Content '$summary'
"@
    $pwshArgs = @($PwshCommand | Select-Object -Skip 1)
    & $PwshCommand[0] @pwshArgs -NoProfile -NonInteractive -Command $script | Out-Host
    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    $r = Get-Content $summary -Raw | ConvertFrom-Json
    [pscustomobject]@{ Passed = [int]$r.Passed; Failed = [int]$r.Failed; Skipped = [int]$r.Skipped }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Package
    if (Test-Path $ResultsDir) { Remove-Item $ResultsDir -Recurse -Force }
    New-Item -ItemType Directory -Force $ResultsDir | Out-Null
    Set-TestEnvironment
    $all = @()
    if ($Suite -contains 'Xunit') { $all += Invoke-XunitSuites }
    if ($Suite -contains 'Conformance') { $all += Invoke-ConformanceSuite }
    if ($Suite -contains 'Pester') { $all += Invoke-PesterSuite }
    $passed = ($all | Measure-Object Passed -Sum).Sum
    $failed = ($all | Measure-Object Failed -Sum).Sum
    $skipped = ($all | Measure-Object Skipped -Sum).Sum
    Write-Host ''
    Write-Output "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    & (Join-Path $Root 'build/Demo.ps1') -ModulePath (Join-Path $ModuleOut 'IvsChat.psd1') -EmulatorDll $EmulatorDll
    if (-not $?) { exit 1 }
}

function Invoke-Emulator {
    Invoke-Native dotnet @('build', (Join-Path $Root 'src/IvsChat.Emulator/IvsChat.Emulator.csproj'), '-c', $Configuration, '-nologo', '-clp:ErrorsOnly')
    & dotnet $EmulatorDll @EmulatorArgs
}

function Invoke-Bench {
    Invoke-Build
    & (Join-Path $Root 'build/Bench.ps1') -ModulePath (Join-Path $ModuleOut 'IvsChat.psd1') -EmulatorDll $EmulatorDll -OutDir $Out
    if (-not $?) { exit 1 }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Package' { Invoke-Build; Invoke-Package }
    'Test' { Invoke-Test }
    'Docs' { Invoke-Docs }
    'Demo' { Invoke-Demo }
    'Emulator' { Invoke-Emulator }
    'Bench' { Invoke-Bench }
    'Clean' { if (Test-Path $Out) { Remove-Item $Out -Recurse -Force } }
}
