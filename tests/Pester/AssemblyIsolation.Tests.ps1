# Another module (e.g. AWS.Tools.Common) may load its own AWSSDK.Core before ours. The module must still work
# (its AWSSDK copy is private on .NET Core) and must leave the other copy alone.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu

    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    function script:Get-OtherAwsCore([string] $Version) {
        $dll = Join-Path $packages "awssdk.core/$Version/lib/netstandard2.0/AWSSDK.Core.dll"
        if (-not (Test-Path $dll)) {
            # build/TestTools.csproj downloads the copies these tests load first.
            & dotnet restore (Join-Path $PSScriptRoot '../../build/TestTools.csproj') -nologo | Out-Null
        }
        if (-not (Test-Path $dll)) { throw "AWSSDK.Core $Version was not restored to $dll." }
        $dll
    }

    # In a fresh pwsh: load the other AWSSDK.Core, import the module, run a room's life cycle, then report
    # (as JSON on the last line) what happened and which AWSSDK.Core copies the process holds.
    function script:Invoke-AfterOtherAwsCore([string] $OtherDll) {
        $command = @"
`$ErrorActionPreference = 'Stop'
`$other = [Reflection.Assembly]::LoadFrom('$OtherDll')
# Credentials only as the other copy's objects, as AWS.Tools would hold them: the module must read them.
`$otherCredentials = [Activator]::CreateInstance(`$other.GetType('Amazon.Runtime.BasicAWSCredentials'), @(`$env:AWS_ACCESS_KEY_ID, `$env:AWS_SECRET_ACCESS_KEY))
Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
Import-Module '$env:IVSCHAT_MODULE_PATH'
`$result = [ordered]@{ Error = `$null }
try {
    `$room = New-IvsChatRoom -Name 'isolated' -Credential `$otherCredentials
    `$result.Created = `$room.Arn
    `$StoredAWSCredentials = `$otherCredentials
    `$result.Got = (Get-IvsChatRoom -Identifier `$room.Arn).Arn
    Remove-IvsChatRoom -Identifier `$room.Arn -Confirm:`$false
    `$result.Remaining = @(Get-IvsChatRoom | Where-Object Arn -eq `$room.Arn).Count
}
catch { `$result.Error = `$_.Exception.ToString() }
`$result.Cores = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' } |
    ForEach-Object { [ordered]@{ Version = `$_.GetName().Version.ToString(); Location = `$_.Location } })
`$result | ConvertTo-Json -Compress -Depth 4
"@
        $out = @(Invoke-FreshPwsh -Command $command)
        $json = $out | Where-Object { "$_" -like '{*' } | Select-Object -Last 1
        if (-not $json) { throw "The fresh pwsh printed no result: $($out -join "`n")" }
        $json | ConvertFrom-Json
    }
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe 'Another AWSSDK.Core loaded first' {
    It 'works next to AWSSDK.Core <Version> (assembly version <AssemblyVersion>) and leaves that copy loaded' -ForEach @(
        @{ Version = '3.7.402'; AssemblyVersion = '3.3.0.0' }
        @{ Version = '4.0.3.3'; AssemblyVersion = '4.0.0.0' }
    ) {
        $otherDll = Get-OtherAwsCore $Version
        $r = Invoke-AfterOtherAwsCore $otherDll

        $r.Error | Should -BeNullOrEmpty
        $r.Created | Should -Match '^arn:aws:ivschat:[a-z0-9-]+:\d{12}:room/'
        $r.Got | Should -Be $r.Created
        $r.Remaining | Should -Be 0

        # Both copies live in the process: the other module's, and ours (the version the module was built against).
        $ours = [Reflection.AssemblyName]::GetAssemblyName((Join-Path (Split-Path $env:IVSCHAT_MODULE_PATH) 'Dependencies/AWSSDK.Core.dll'))
        $r.Cores.Count | Should -Be 2
        $r.Cores.Location | Should -Contain ([IO.Path]::GetFullPath($otherDll))
        ($r.Cores | Where-Object Location -ne ([IO.Path]::GetFullPath($otherDll))).Version | Should -Be $ours.Version.ToString()
        $r.Cores.Version | Should -Contain $AssemblyVersion
    }
}

Describe 'Module layout' {
    It 'keeps the cmdlet assembly free of AWSSDK references and AWSSDK out of the module root' {
        $moduleDir = Split-Path $env:IVSCHAT_MODULE_PATH
        $references = [Reflection.Assembly]::LoadFile((Join-Path $moduleDir 'IvsChat.dll')).GetReferencedAssemblies().Name
        $references | Should -Contain 'IvsChat.Client'
        $references | Where-Object { $_ -like 'AWSSDK*' } | Should -BeNullOrEmpty
        @(Get-ChildItem $moduleDir -Filter 'AWSSDK*.dll').Count | Should -Be 0
        @(Get-ChildItem $moduleDir -Filter 'IvsChat.Client.*').Name | Should -BeNullOrEmpty
        foreach ($folder in 'Dependencies', 'core/Dependencies') {
            Join-Path $moduleDir "$folder/IvsChat.Client.xml" | Should -Exist -Because 'the API docs sit beside the DLL they document'
        }
        @(Get-ChildItem (Join-Path $moduleDir 'Dependencies') -Filter 'AWSSDK*.dll').Name | Should -Contain 'AWSSDK.Core.dll'
    }

    It 'loads neither IvsChat.Client nor AWSSDK on the importing thread, and warms the client up on another' {
        # PowerShell reflects over every public type's constructors at import: one naming a client type made
        # the import itself load IvsChat.Client.
        # The child's wait loop, kept out of the here-string only to keep lines short: the command is the same text.
        $waitForCore = "while (-not ([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'AWSSDK.Core') -and " +
            '[DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }'
        $command = @"
Add-Type -TypeDefinition 'using System; using System.Collections.Generic;
public static class ImportLoads {
    public static readonly List<string> OnImportThread = new List<string>(), Elsewhere = new List<string>();
    public static void Watch() {
        int importThread = Environment.CurrentManagedThreadId;
        AppDomain.CurrentDomain.AssemblyLoad += (s, e) => {
            var list = Environment.CurrentManagedThreadId == importThread ? OnImportThread : Elsewhere;
            lock (list) list.Add(e.LoadedAssembly.GetName().Name);
        };
    }
}'
[ImportLoads]::Watch()
Import-Module '$env:IVSCHAT_MODULE_PATH'
`$importThread = @([ImportLoads]::OnImportThread)
`$deadline = [DateTime]::UtcNow.AddSeconds(20)
$waitForCore
[ordered]@{ ImportThread = `$importThread; Elsewhere = @([ImportLoads]::Elsewhere) } | ConvertTo-Json -Compress
"@
        $json = @(Invoke-FreshPwsh -Command $command) | Where-Object { "$_" -like '{*' } | Select-Object -Last 1
        $loads = $json | ConvertFrom-Json
        $loads.ImportThread | Should -Contain 'IvsChat'
        $loads.ImportThread | Where-Object { $_ -eq 'IvsChat.Client' -or $_ -like 'AWSSDK*' } | Should -BeNullOrEmpty
        $loads.Elsewhere | Should -Contain 'IvsChat.Client' -Because 'the warm-up runs on a pool thread'
        $loads.Elsewhere | Should -Contain 'AWSSDK.Core'
    }

    It 'gives PowerShell 7 the net8.0 build from core/, precompiled to native code on linux-x64' {
        $moduleDir = Split-Path $env:IVSCHAT_MODULE_PATH
        $out = @(Invoke-FreshPwsh -Command "Import-Module '$env:IVSCHAT_MODULE_PATH'; (Get-Command Get-IvsChatRoom).ImplementingType.Assembly.Location")
        $out[-1] | Should -Be (Join-Path $moduleDir 'core/IvsChat.dll')
        $framework = [Reflection.Assembly]::LoadFile((Join-Path $moduleDir 'core/IvsChat.dll')).GetCustomAttributes(
            [Runtime.Versioning.TargetFrameworkAttribute], $false).FrameworkName
        $framework | Should -Be '.NETCoreApp,Version=v8.0' -Because 'PowerShell 7.4 (.NET 8) loads the same files'
        foreach ($file in 'core/IvsChat.dll', 'core/Dependencies/IvsChat.Client.dll', 'core/Dependencies/AWSSDK.Core.dll') {
            $stream = [IO.File]::OpenRead((Join-Path $moduleDir $file))
            try { $native = [Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size }
            finally { $stream.Dispose() }
            if ($IsLinux -and [Runtime.InteropServices.RuntimeInformation]::OSArchitecture -eq 'X64') {
                $native | Should -BeGreaterThan 0 -Because "$file is ReadyToRun-compiled for linux-x64"
            }
        }
    }
}
