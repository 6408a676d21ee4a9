# The module as admins get it: the package that `build.ps1 Package` writes, installed by name from a
# PSResource repository (a folder feed), imported by name in a fresh pwsh, updated and uninstalled.
# Every child pwsh has a temporary HOME, so its repository store, modules and caches stay in a temporary folder.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/../../build/Packaging.psm1" -Force
    $script:repoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    $script:builtModule = Split-Path $env:IVSCHAT_MODULE_PATH
    $script:modulePackage = Get-ChildItem $env:IVSCHAT_PACKAGES_DIR -Filter 'IvsChat.*.nupkg' | Where-Object Name -match '^IvsChat\.\d' | Select-Object -First 1
    $script:manifest = Read-IvsChatModuleManifest $env:IVSCHAT_MODULE_PATH
    $script:sandbox = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "ivschat-install-$([guid]::NewGuid().ToString('N'))")).FullName
    $script:feed = (New-Item -ItemType Directory (Join-Path $sandbox 'feed')).FullName
    Copy-Item $modulePackage.FullName $feed

    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:savedEnv = @{}
    foreach ($name in 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath') {
        $savedEnv[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    # PSResourceGet's CurrentUser scope and repository store follow HOME on Linux and macOS (not XDG_*).
    $env:HOME = (New-Item -ItemType Directory (Join-Path $sandbox 'home')).FullName
    $script:userModules = Join-Path $env:HOME '.local/share/powershell/Modules'
    # .NET gives '' for the local application data folder while it does not exist, and PSResourceGet (also in this
    # process, packaging) would then write its repository store relative to the working folder: the repository.
    $null = New-Item -ItemType Directory -Force (Join-Path $env:HOME '.local/share')
    $env:PSModulePath = $userModules + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')

    function script:Invoke-Sandboxed([string] $Command) {
        $output = Invoke-FreshPwsh -Command "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'; $Command"
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh failed ($LASTEXITCODE): $($output -join [Environment]::NewLine)" }
        $output
    }
    function script:New-HigherVersionPackage {
        # The built module under a higher patch version, packaged the way build.ps1 Package does it.
        $current = [version]$manifest.ModuleVersion
        $version = "$($current.Major).$($current.Minor).$($current.Build + 1)"
        $folder = Join-Path $sandbox "build/$version/IvsChat"
        $null = New-Item -ItemType Directory -Force $folder
        Copy-Item "$builtModule/*" $folder -Recurse
        Write-IvsChatModuleManifest -SourcePath "$repoRoot/IvsChat.psd1" -Destination "$folder/IvsChat.psd1" -Version $version `
            -ReleaseNotes "Test build $version."
        $null = New-IvsChatModulePackage -ModuleFolder $folder -Destination $feed
        $version
    }
}

AfterAll {
    foreach ($name in $savedEnv.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnv[$name]) }
    $emu | Stop-TestEmulator
    Remove-Item $sandbox -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The module package' {
    It 'holds the manifest, the cmdlet assembly, its private dependencies, format files, help, LICENSE and README' {
        $zip = [IO.Compression.ZipFile]::OpenRead($modulePackage.FullName)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'IvsChat.psd1', 'IvsChat.dll', 'Dependencies/IvsChat.Client.dll', 'Dependencies/AWSSDK.Core.dll', 'core/IvsChat.dll',
            'en-US/IvsChat.dll-Help.xml', 'en-US/about_IvsChat.help.txt', 'LICENSE', 'README.md') {
            $entries | Should -Contain $file
        }
        foreach ($format in $manifest.FormatsToProcess) { $entries | Should -Contain $format }
        $entries | Where-Object { $_ -like '*.pdb' -or $_ -like '*.deps.json' } | Should -BeNullOrEmpty
    }

    It 'has a manifest complete for a gallery: Test-ModuleManifest passes, release notes come from CHANGELOG.md' {
        $tested = Test-ModuleManifest $env:IVSCHAT_MODULE_PATH -ErrorAction Stop
        $props = [xml](Get-Content "$repoRoot/Directory.Build.props" -Raw)
        $version = @($props.Project.PropertyGroup.IvsChatModuleVersion | Where-Object { $_ })[0]
        $tested.Version | Should -Be ([version](Split-IvsChatVersion $version).ModuleVersion)
        $tested.Description | Should -Not -BeNullOrEmpty
        $tested.ProjectUri | Should -Not -BeNullOrEmpty
        $tested.LicenseUri | Should -Not -BeNullOrEmpty
        $tested.Tags | Should -Contain 'IVSChat'
        $tested.ReleaseNotes | Should -Be (Get-IvsChatReleaseNotes -ChangelogPath "$repoRoot/CHANGELOG.md" -Version $version)
        $tested.ReleaseNotes | Should -Not -BeNullOrEmpty
        "$repoRoot/LICENSE" | Should -FileContentMatch 'Apache License'
    }


    It 'turns a prerelease version into ModuleVersion plus PSData.Prerelease, and packages it under the full version' {
        $folder = Join-Path $sandbox 'prerelease/IvsChat'
        $null = New-Item -ItemType Directory -Force $folder
        Copy-Item "$builtModule/*" $folder -Recurse
        Write-IvsChatModuleManifest -SourcePath "$repoRoot/IvsChat.psd1" -Destination "$folder/IvsChat.psd1" -Version '0.9.0-preview1' `
            -ReleaseNotes "It's a 'test'."
        $data = Read-IvsChatModuleManifest "$folder/IvsChat.psd1"
        $data.ModuleVersion | Should -Be '0.9.0'
        $data.PrivateData.PSData.Prerelease | Should -Be 'preview1'
        $data.PrivateData.PSData.ReleaseNotes | Should -Be "It's a 'test'."
        (New-IvsChatModulePackage -ModuleFolder $folder -Destination (Join-Path $sandbox 'prerelease-feed')).Name | Should -Be 'IvsChat.0.9.0-preview1.nupkg'
    }

    It 'refuses a version the Gallery cannot take, naming the rule' {
        { Split-IvsChatVersion '1.0' } | Should -Throw '*Major.Minor.Patch*'
        { Split-IvsChatVersion '1.0.0-pre.1' } | Should -Throw '*letters and digits*'
    }
}

Describe 'Install, import by name, update and uninstall from a PSResource repository' {
    It 'Install-PSResource IvsChat installs the package by name from the repository' {
        $installed = Invoke-Sandboxed @"
Register-PSResourceRepository -Name IvsChatTest -Uri '$feed' -Trusted
Install-PSResource -Name IvsChat -Repository IvsChatTest -Scope CurrentUser -TrustRepository -Quiet
(Get-InstalledPSResource -Name IvsChat).Version.ToString()
"@
        $installed | Select-Object -Last 1 | Should -Be $manifest.ModuleVersion
        Join-Path $userModules "IvsChat/$($manifest.ModuleVersion)/IvsChat.psd1" | Should -Exist
        Join-Path $env:HOME '.local/share/PSResourceGet/PSResourceRepository.xml' | Should -FileContentMatch 'IvsChatTest' # stayed in the sandbox
    }

    It 'a fresh pwsh imports IvsChat by name, lists every cmdlet, shows help examples and calls the service' {
        $json = Invoke-Sandboxed @"
Import-Module IvsChat
`$room = New-IvsChatRoom -Name installed-module
[pscustomobject]@{
    ModuleBase = (Get-Module IvsChat).ModuleBase
    Commands   = @((Get-Command -Module IvsChat).Name)
    Examples   = @((Get-Help New-IvsChatRoom -Examples).examples.example).Count
    Room       = (Get-IvsChatRoom -Identifier `$room.Arn).Name
} | ConvertTo-Json -Compress
"@
        $result = $json | Select-Object -Last 1 | ConvertFrom-Json
        $result.ModuleBase | Should -BeLike "$userModules*"
        $result.Commands | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $result.Examples | Should -BeGreaterThan 0
        $result.Room | Should -Be 'installed-module'
    }

    It 'Update-PSResource moves to a higher version published later, and Import-Module loads it' {
        $higher = New-HigherVersionPackage
        $versions = Invoke-Sandboxed @"
Update-PSResource -Name IvsChat -Repository IvsChatTest -TrustRepository -Quiet
Import-Module IvsChat
(Get-Module IvsChat).Version.ToString()
"@
        $versions | Select-Object -Last 1 | Should -Be $higher
        Join-Path $userModules "IvsChat/$higher/IvsChat.psd1" | Should -Exist
    }

    It 'Uninstall-PSResource removes every installed version and leaves nothing behind' {
        @(Get-ChildItem (Join-Path $userModules 'IvsChat') -Directory).Count | Should -Be 2 # the original and the update
        $null = Invoke-Sandboxed @"
Uninstall-PSResource -Name IvsChat -Version '*' -Scope CurrentUser
if (Get-InstalledPSResource -Name IvsChat -ErrorAction SilentlyContinue) { throw 'still installed' }
"@
        Join-Path $userModules 'IvsChat' | Should -Not -Exist
        Join-Path $repoRoot 'PSResourceGet' | Should -Not -Exist -Because 'nothing outside temporary folders is touched'
    }
}
