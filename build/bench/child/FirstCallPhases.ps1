# In a fresh pwsh: where the first call's time goes. Loading IvsChat.Client and resolving settings (loads
# AWSSDK.Core), the client's first request, then the first cmdlet call once those are warm; with the JIT work of
# the whole process across those phases. Prints one JSON line.
param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $Arn, [Parameter(Mandatory)][string] $ClientDll)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$jit0 = [System.Runtime.JitInfo]::GetCompilationTime($false); $methods0 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
$t = [Diagnostics.Stopwatch]::StartNew()
$null = [Reflection.Assembly]::LoadFrom($ClientDll)
$s = [IvsChat.Client.ClientSettingsResolver]::Resolve([IvsChat.Client.ClientSettingsInput]::new())
$resolveMs = $t.Elapsed.TotalMilliseconds
$t.Restart()
$client = [IvsChat.Client.IvsChatClient]::new($s, $null)
$null = $client.GetRoomAsync([IvsChat.Client.Model.GetRoomRequest]@{ Identifier = $Arn }, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
$clientMs = $t.Elapsed.TotalMilliseconds
$t.Restart()
$null = Get-IvsChatRoom -Arn $Arn
$cmdletMs = $t.Elapsed.TotalMilliseconds
@{
    jitMs = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $jit0).TotalMilliseconds
    jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $methods0
    resolveMs = $resolveMs; clientFirstRequestMs = $clientMs; cmdletAfterThoseMs = $cmdletMs
} | ConvertTo-Json -Compress
