# Versioning and packaging of the IvsChat module: used by build.ps1 (Build, Package) and by the install tests,
# which build a second, higher version the same way.

function Get-IvsChatReleaseNotes {
    # The CHANGELOG.md section of one version (`## <version>` up to the next `## `).
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ChangelogPath, [Parameter(Mandatory)][string] $Version)
    $text = Get-Content $ChangelogPath -Raw
    $section = [regex]::Match($text, "(?ms)^## $([regex]::Escape($Version))[ \t]*\r?\n(.*?)(?=^## |\z)")
    if (-not $section.Success) { throw "$ChangelogPath has no '## $Version' section: add one for the version being built." }
    $section.Groups[1].Value.Trim()
}

function Split-IvsChatVersion {
    # '0.2.0-preview1' -> 0.2.0 and 'preview1': ModuleVersion takes no label; the Gallery reads it from PSData.Prerelease.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Version)
    if ($Version -notmatch '^(\d+\.\d+\.\d+)(?:-([0-9A-Za-z]+))?$') {
        throw "Version '$Version' must be Major.Minor.Patch with an optional -label of letters and digits (e.g. 0.2.0-preview1)."
    }
    [pscustomobject]@{ ModuleVersion = $Matches[1]; Prerelease = $Matches[2] }
}

function Write-IvsChatModuleManifest {
    # Stamps the source manifest with the version, prerelease label and release notes, and writes it to -Destination.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $SourcePath,
        [Parameter(Mandatory)][string] $Destination,
        [Parameter(Mandatory)][string] $Version,
        [Parameter(Mandatory)][string] $ReleaseNotes
    )
    $v = Split-IvsChatVersion $Version
    $manifest = Get-Content $SourcePath -Raw
    $manifest = $manifest -replace "(?m)^(\s*)ModuleVersion(\s*)=\s*'[^']*'", "`${1}ModuleVersion`${2}= '$($v.ModuleVersion)'"
    $notes = $ReleaseNotes -replace "'", "''"
    $manifest = $manifest -replace "(?m)^(\s*)ReleaseNotes(\s*)=\s*''", { "$($_.Groups[1].Value)ReleaseNotes$($_.Groups[2].Value)= '$notes'" }
    $manifest = if ($v.Prerelease) {
        $manifest -replace "(?m)^(\s*)Prerelease(\s*)=\s*''", "`${1}Prerelease`${2}= '$($v.Prerelease)'"
    } else { $manifest -replace "(?m)^\s*Prerelease\s*=\s*''\s*\r?\n", '' }
    Set-Content -Path $Destination -Value $manifest -NoNewline
}

# RootModule picks the build by $PSEdition, which Import-Module and Install-PSResource read, but Compress-PSResource
# and Import-PowerShellDataFile cannot (the first silently writes nothing). Tools that only read data get a copy
# whose RootModule is a plain string.
function ConvertTo-DataOnlyManifest([string] $Text) { $Text -replace "(?m)^(\s*RootModule\s*=\s*)if\b.*$", "`${1}'IvsChat.dll'" }

function Read-IvsChatModuleManifest {
    # The manifest's data (as Import-PowerShellDataFile gives it) of a built or source manifest.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)
    $copy = Join-Path ([IO.Path]::GetTempPath()) "ivschat-manifest-$([guid]::NewGuid().ToString('N')).psd1"
    try {
        Set-Content $copy (ConvertTo-DataOnlyManifest (Get-Content $Path -Raw)) -NoNewline
        Import-PowerShellDataFile $copy
    }
    finally { Remove-Item $copy -ErrorAction SilentlyContinue }
}

function New-IvsChatModulePackage {
    # The module folder as a PowerShell Gallery package (IvsChat.<version>.nupkg) in -Destination.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ModuleFolder, [Parameter(Mandatory)][string] $Destination)
    $manifestPath = Join-Path $ModuleFolder 'IvsChat.psd1'
    # Packed from a data-only copy of the manifest; the real one then goes into the package.
    $staging = Join-Path ([IO.Path]::GetTempPath()) "ivschat-pack-$([guid]::NewGuid().ToString('N'))/IvsChat"
    try {
        $null = New-Item -ItemType Directory -Force $staging
        Copy-Item "$ModuleFolder/*" $staging -Recurse
        Set-Content (Join-Path $staging 'IvsChat.psd1') (ConvertTo-DataOnlyManifest (Get-Content $manifestPath -Raw)) -NoNewline
        $manifest = Import-PowerShellDataFile (Join-Path $staging 'IvsChat.psd1')
        $destinationPath = (New-Item -ItemType Directory -Force $Destination).FullName
        Compress-PSResource -Path $staging -DestinationPath $destinationPath
    }
    finally { Remove-Item (Split-Path $staging) -Recurse -Force -ErrorAction SilentlyContinue }
    $label = $manifest.PrivateData.PSData['Prerelease']
    $package = Join-Path $destinationPath "IvsChat.$($manifest.ModuleVersion)$(if ($label) { "-$label" }).nupkg"
    if (-not (Test-Path $package)) { throw "Compress-PSResource did not write $package." }
    $zip = [IO.Compression.ZipFile]::Open($package, [IO.Compression.ZipArchiveMode]::Update)
    try {
        $zip.GetEntry('IvsChat.psd1').Delete()
        $null = [IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $manifestPath, 'IvsChat.psd1')
    }
    finally { $zip.Dispose() }
    Get-Item $package
}

Export-ModuleMember -Function Get-IvsChatReleaseNotes, Split-IvsChatVersion, Write-IvsChatModuleManifest, Read-IvsChatModuleManifest,
    New-IvsChatModulePackage
