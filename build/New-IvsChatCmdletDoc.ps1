#Requires -Version 7.4
<#
.SYNOPSIS
    Starts (or re-syncs) a cmdlet's platyPS 0.14 markdown doc from the cmdlet's own metadata.
.DESCRIPTION
    Reads Get-Command's view of each cmdlet (parameter sets, types, mandatory flags, positions, aliases,
    pipeline input, wildcards, OutputType) and writes docs/<Cmdlet>.md in platyPS schema 2.0.0, with
    {{ placeholders }} for the prose. The help compiler rejects placeholders, so a new doc cannot ship unfinished.

    -Update rewrites SYNTAX, the parameter metadata blocks, INPUTS and OUTPUTS of an existing doc from the code
    and keeps every description, example and note already written (new parameters get placeholders, removed
    ones are dropped). -Metadata returns the metadata objects instead of writing: the help tests compare
    them with the docs, so this script is the one place that decides how a cmdlet is described.
.EXAMPLE
    ./build/New-IvsChatCmdletDoc.ps1 -ModulePath out/IvsChat/IvsChat.psd1 -Name New-IvsChatRoom
.EXAMPLE
    ./build/New-IvsChatCmdletDoc.ps1 -ModulePath out/IvsChat/IvsChat.psd1 -Update   # every exported cmdlet that has a doc
#>
[CmdletBinding(DefaultParameterSetName = 'Write')]
param(
    # The module manifest to import (the built one, out/IvsChat/IvsChat.psd1). Omit to use commands already loaded.
    [string] $ModulePath,
    # Cmdlets to describe; default: every cmdlet the module exports.
    [string[]] $Name,
    [Parameter(ParameterSetName = 'Write')][Parameter(ParameterSetName = 'Update')]
    [string] $OutputFolder = (Join-Path $PSScriptRoot '../docs'),
    # Overwrite existing docs (new mode).
    [Parameter(ParameterSetName = 'Write')][switch] $Force,
    # Re-sync existing docs with the code, keeping their prose.
    [Parameter(ParameterSetName = 'Update', Mandatory)][switch] $Update,
    # Return metadata objects; write nothing.
    [Parameter(ParameterSetName = 'Metadata', Mandatory)][switch] $Metadata,
    [string] $ModuleName = 'IvsChat'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, ' +
    '-InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. ' +
    'For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

# Parameters every IvsChat cmdlet shares (IvsChatCmdlet): described once, here. -Update keeps what a doc says.
$SharedParameterDescriptions = @{
    WhatIf          = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm         = 'Prompts you for confirmation before running the cmdlet.'
    Region          = 'The AWS region to call, for example us-west-2. When absent: the region in the ARN of the resource acted on, ' +
        'then $StoredAWSRegion, then the AWS_REGION or AWS_DEFAULT_REGION environment variable, then the region of the profile. See about_IvsChat.'
    ProfileName     = 'The name of a profile in the shared AWS credentials and config files (or in the file given by -ProfileLocation) ' +
        'whose credentials, region and endpoint_url to use. SSO and assume-role profiles work.'
    ProfileLocation = 'The path of a credentials file to read -ProfileName from, instead of the default shared credentials file (~/.aws/credentials).'
    AccessKey       = 'The AWS access key id to sign requests with; use with -SecretKey (and -SessionToken for temporary credentials). ' +
        'Explicit keys take precedence over every other source of credentials.'
    SecretKey       = 'The AWS secret access key that goes with -AccessKey. It is never written to any output stream.'
    SessionToken    = 'The session token of temporary credentials, with -AccessKey and -SecretKey. It is never written to any output stream.'
    Credential      = 'Credentials to sign requests with: an Amazon.Runtime.AWSCredentials object, an AWS.Tools credential object ' +
        '(as from Get-AWSCredential), or a PSCredential whose user name is the access key id and whose password is the secret access key.'
    First             = 'Gets only the first N items. The cmdlet stops requesting pages from the service once it has them.'
    Skip              = 'Ignores the first N items, then gets the rest.'
    IncludeTotalCount = 'Writes, after the items, the number of items the cmdlet saw (those skipped plus those returned). ' +
        'The service reports no total, so PowerShell shows the count as an estimate.'
    EndpointUrl     = 'The URL of the IVS Chat control-plane endpoint, for example the local IVS Chat service (http://127.0.0.1:<port>). ' +
        'When absent: AWS_ENDPOINT_URL_IVSCHAT, AWS_ENDPOINT_URL, the profile''s endpoint_url, then https://ivschat.<region>.amazonaws.com.'
}

function Get-DocTypeName([type] $Type) {
    # Short names as platyPS writes them; Nullable<T> is an implementation detail, shown as T.
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return Get-DocTypeName $Type.GetGenericArguments()[0] }
    if ($Type.IsArray) { return (Get-DocTypeName $Type.GetElementType()) + '[]' }
    if ($Type.IsGenericType) {
        $arguments = ($Type.GetGenericArguments() | ForEach-Object { Get-DocTypeName $_ }) -join ','
        return ($Type.Name -replace '`\d+$') + "[$arguments]"
    }
    $Type.Name
}

function Get-CmdletDocMetadata([System.Management.Automation.CommandInfo] $Command) {
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $sets = @($Command.ParameterSets)
    $parameters = foreach ($parameter in $Command.Parameters.Values) {
        if ($common -contains $parameter.Name) { continue }
        $perSet = foreach ($set in $sets) {
            $p = $set.Parameters | Where-Object Name -eq $parameter.Name
            if (-not $p) { continue }
            [pscustomobject]@{
                SetName        = $set.Name
                Required       = [bool]$p.IsMandatory
                Position       = if ($p.Position -lt 0) { 'Named' } else { [string]$p.Position }
                ByValue        = [bool]$p.ValueFromPipeline
                ByPropertyName = [bool]$p.ValueFromPipelineByPropertyName
            }
        }
        [pscustomobject]@{
            Name     = $parameter.Name
            Type     = Get-DocTypeName $parameter.ParameterType
            FullType = $parameter.ParameterType
            Aliases  = @($parameter.Aliases)
            Wildcard = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
            InAllSets = @($perSet).Count -eq $sets.Count
            PerSet   = @($perSet)
        }
    }
    $inputs = @($parameters | Where-Object { $_.PerSet | Where-Object ByValue } | ForEach-Object { $_.FullType.FullName } | Select-Object -Unique)
    [pscustomobject]@{
        Name          = $Command.Name
        ParameterSets = @($sets | ForEach-Object { [pscustomobject]@{ Name = $_.Name; IsDefault = $_.IsDefault } })
        Parameters    = @($parameters)
        Inputs        = if ($inputs.Count) { $inputs } else { @('None') }
        Outputs       = @($Command.OutputType | ForEach-Object { $_.Name } | Select-Object -Unique)
    }
}

function Format-SyntaxLine($Meta, [string] $SetName) {
    $inSet = foreach ($p in $Meta.Parameters) {
        $s = $p.PerSet | Where-Object SetName -eq $SetName
        if ($s) { [pscustomobject]@{ P = $p; S = $s } }
    }
    $positional = $inSet | Where-Object { $_.S.Position -ne 'Named' } | Sort-Object { [int]$_.S.Position }
    $last = 'WhatIf', 'Confirm'
    $named = @($inSet | Where-Object { $_.S.Position -eq 'Named' -and $_.S.Required }) +
        @($inSet | Where-Object { $_.S.Position -eq 'Named' -and -not $_.S.Required -and $last -notcontains $_.P.Name }) +
        @($last | ForEach-Object { $n = $_; $inSet | Where-Object { $_.P.Name -eq $n } })
    $parts = foreach ($x in @($positional) + $named) {
        if (-not $x) { continue }
        $isSwitch = $x.P.FullType -eq [switch]
        $nameText = if ($x.S.Position -ne 'Named') { "[-$($x.P.Name)]" } else { "-$($x.P.Name)" }
        $text = if ($isSwitch) { "-$($x.P.Name)" } else { "$nameText <$($x.P.Type)>" }
        if ($x.S.Required) { $text } else { "[$text]" }
    }
    (@($Meta.Name) + @($parts) + '[<CommonParameters>]') -join ' '
}

function Format-SyntaxSection($Meta) {
    $lines = foreach ($set in $Meta.ParameterSets) {
        $default = if ($set.IsDefault -and $Meta.ParameterSets.Count -gt 1) { ' (Default)' } else { '' }
        "### $($set.Name)$default", '```', (Format-SyntaxLine $Meta $set.Name), '```', ''
    }
    $lines -join "`n"
}

function Format-ParameterMetadata($Meta, $Parameter) {
    # One yaml block per group of sets whose metadata is equal, as platyPS writes; '(All)' when one group covers every set.
    $groups = @($Parameter.PerSet | Group-Object { "$($_.Required)|$($_.Position)|$($_.ByValue)|$($_.ByPropertyName)" })
    foreach ($group in $groups) {
        $first = $group.Group[0]
        $sets = if ($Parameter.InAllSets -and $groups.Count -eq 1) { '(All)' } else { ($group.Group.SetName) -join ', ' }
        $pipeline = if ($first.ByValue -and $first.ByPropertyName) { 'True (ByPropertyName, ByValue)' }
            elseif ($first.ByValue) { 'True (ByValue)' } elseif ($first.ByPropertyName) { 'True (ByPropertyName)' } else { 'False' }
        $default = if ($Parameter.FullType -eq [switch]) { 'False' } else { 'None' }
        @(
            '```yaml'
            "Type: $($Parameter.Type)"
            "Parameter Sets: $sets"
            "Aliases: $($Parameter.Aliases -join ', ')".TrimEnd()
            ''
            "Required: $($first.Required)"
            "Position: $($first.Position)"
            "Default value: $default"
            "Accept pipeline input: $pipeline"
            "Accept wildcard characters: $($Parameter.Wildcard)"
            '```'
            ''
        ) -join "`n"
    }
}

function Format-ParametersSection($Meta, [hashtable] $Descriptions = @{}) {
    # platyPS order: alphabetical, WhatIf/Confirm included, CommonParameters last.
    $text = foreach ($p in $Meta.Parameters | Sort-Object Name) {
        $description = $Descriptions[$p.Name]
        if (-not $description) {
            $description = $SharedParameterDescriptions[$p.Name]
            if (-not $description) { $description = "{{ Fill $($p.Name) Description }}" }
        }
        "### -$($p.Name)`n$($description.Trim())`n`n" + ((Format-ParameterMetadata $Meta $p) -join "`n")
    }
    (@($text) + "### CommonParameters`n$CommonParametersText`n") -join "`n"
}

function Format-TypesSection([string[]] $Names, [hashtable] $Descriptions = @{}) {
    $text = foreach ($n in $Names) {
        $d = $Descriptions[$n]
        if ($d) { "### $n`n$($d.Trim())`n" } else { "### $n`n" }
    }
    $text -join "`n"
}

function New-DocText($Meta) {
    $related = "[about_IvsChat](about_IvsChat.md)`n"
    @"
---
external help file: IvsChat.dll-Help.xml
Module Name: $ModuleName
online version:
schema: 2.0.0
---

# $($Meta.Name)

## SYNOPSIS
{{ Fill in the Synopsis }}

## SYNTAX

$(Format-SyntaxSection $Meta)
## DESCRIPTION
{{ Fill in the Description }}

## EXAMPLES

### Example 1: {{ Add example title }}
``````powershell
{{ Add example code }}
``````

{{ Add example description here }}

## PARAMETERS

$(Format-ParametersSection $Meta)
## INPUTS

$(Format-TypesSection $Meta.Inputs)
## OUTPUTS

$(Format-TypesSection $Meta.Outputs)
## NOTES

## RELATED LINKS

$related
"@
}

function Split-Sections([string] $Text, [string] $Level) {
    # Returns an ordered map heading -> body, with the text before the first heading under ''.
    $map = [ordered]@{}
    $parts = [regex]::Split($Text, "(?m)^(?=$Level )")
    foreach ($part in $parts) {
        if ($part -match "^$Level (.+?)\s*\n") { $map[$Matches[1].Trim()] = $part.Substring($Matches[0].Length) }
        else { $map[''] = $part }
    }
    $map
}

function Update-DocText([string] $Text, $Meta) {
    $Text = $Text -replace "`r`n", "`n"
    $sections = Split-Sections $Text '##'
    $descriptions = @{}
    foreach ($entry in (Split-Sections $sections['PARAMETERS'] '###').GetEnumerator()) {
        if ($entry.Key -notmatch '^-(\w+)$') { continue }
        $prose = ($entry.Value -split '(?m)^```yaml')[0].Trim()
        if ($prose) { $descriptions[$Matches[1]] = $prose }
    }
    $typeDescriptions = foreach ($key in 'INPUTS', 'OUTPUTS') {
        $d = @{}
        foreach ($entry in (Split-Sections $sections[$key] '###').GetEnumerator()) {
            if ($entry.Key -and $entry.Value.Trim()) { $d[$entry.Key] = $entry.Value.Trim() }
        }
        , $d
    }
    $sections['SYNTAX'] = "`n" + (Format-SyntaxSection $Meta)
    $sections['PARAMETERS'] = "`n" + (Format-ParametersSection $Meta $descriptions)
    $sections['INPUTS'] = "`n" + (Format-TypesSection $Meta.Inputs $typeDescriptions[0]) + "`n"
    $sections['OUTPUTS'] = "`n" + (Format-TypesSection $Meta.Outputs $typeDescriptions[1]) + "`n"
    $out = $sections[''] + (($sections.GetEnumerator() | Where-Object Key | ForEach-Object { "## $($_.Key)`n$($_.Value)" }) -join '')
    # A blank line before every ##/### heading, as platyPS writes and as New-DocText does.
    ($out -replace '([^\n])\n(#{2,3} )', "`$1`n`n`$2").TrimEnd() + "`n"
}

if ($ModulePath) { Import-Module $ModulePath -Force -ErrorAction Stop }
$commands = if ($Name) { Get-Command -Name $Name -CommandType Cmdlet, Function }
    else { Get-Command -Module $ModuleName -CommandType Cmdlet, Function }

foreach ($command in $commands) {
    $meta = Get-CmdletDocMetadata $command
    if ($Metadata) { $meta; continue }
    $path = Join-Path $OutputFolder "$($command.Name).md"
    if ($Update) {
        if (-not (Test-Path $path)) { Write-Warning "$($command.Name): no doc at $path; run without -Update to start one."; continue }
        $old = Get-Content $path -Raw
        $new = Update-DocText $old $meta
        if ($new -ne ($old -replace "`r`n", "`n")) { Set-Content -Path $path -Value $new -NoNewline; Write-Host "Updated $(Resolve-Path $path -Relative)" }
        continue
    }
    if ((Test-Path $path) -and -not $Force) { Write-Warning "$path exists; use -Update to re-sync it or -Force to start over."; continue }
    New-Item -ItemType Directory -Force $OutputFolder | Out-Null
    Set-Content -Path $path -Value ((New-DocText $meta).TrimEnd() + "`n") -NoNewline
    Write-Host "Wrote $(Resolve-Path $path -Relative)"
}
