@{
    # Stamped by build.ps1 (build/Packaging.psm1): ModuleVersion and Prerelease from IvsChatModuleVersion in
    # Directory.Build.props (the one place for the version), ReleaseNotes from that version's CHANGELOG.md section.
    # PowerShell 7.4+ loads core/ (net8.0, precompiled where it can be); Windows PowerShell 5.1 the netstandard2.0 build.
    RootModule           = if ($PSEdition -eq 'Core') { 'core/IvsChat.dll' } else { 'IvsChat.dll' }
    ModuleVersion        = '0.0.0'
    GUID                 = 'a6f0e3b2-5c1d-4f7e-9d3a-2b8c4e6f1a07'
    Author               = 'IvsChatPS contributors'
    CompanyName          = 'IvsChatPS'
    Copyright            = '(c) IvsChatPS contributors. Apache-2.0.'
    Description          = 'Manage Amazon IVS Chat rooms, chat tokens, tags, logging configurations and moderation, and chat in real time, from PowerShell.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # Explicit lists: import loads the assembly and nothing else.
    CmdletsToExport      = @(
        'New-IvsChatRoom', 'Get-IvsChatRoom', 'Set-IvsChatRoom', 'Remove-IvsChatRoom',
        'New-IvsChatToken',
        'Add-IvsChatTag', 'Get-IvsChatTag', 'Remove-IvsChatTag',
        'New-IvsChatLoggingConfiguration', 'Get-IvsChatLoggingConfiguration', 'Set-IvsChatLoggingConfiguration', 'Remove-IvsChatLoggingConfiguration',
        'Send-IvsChatEvent', 'Remove-IvsChatMessage', 'Disconnect-IvsChatUser',
        'Connect-IvsChatRoom', 'Send-IvsChatMessage', 'Receive-IvsChatMessage', 'Disconnect-IvsChatRoom',
        'Export-IvsChatConfiguration', 'Compare-IvsChatConfiguration', 'Sync-IvsChatConfiguration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    FormatsToProcess     = @('IvsChat.Format.ps1xml')
    # Timestamps stay DateTime but print as ISO 8601 with Z in Format-List * and Export-Csv (IvsChat.Internal.UtcTimes).
    TypesToProcess       = @('IvsChat.Types.ps1xml')
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'IVS', 'IVSChat', 'Chat', 'Streaming', 'Cloud', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/IvsChatPS/IvsChatPS'
            ReleaseNotes = ''
            Prerelease   = ''
        }
    }
}
