# In a fresh pwsh: Import-Module of an empty manifest module (Import-Module's own first-use cost), then ours, with
# the JIT work and the assemblies our import added. Prints one JSON line.
param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $EmptyModulePath)
$before = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name })
$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module $EmptyModulePath
$emptyMs = $sw.Elapsed.TotalMilliseconds
$jit0 = [System.Runtime.JitInfo]::GetCompilationTime($false); $methods0 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
$sw.Restart()
Import-Module $ModulePath
$importMs = $sw.Elapsed.TotalMilliseconds
$jitMs = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $jit0).TotalMilliseconds
$jitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $methods0
$loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -notin $before })
@{ emptyModuleMs = $emptyMs; importMs = $importMs; jitMs = $jitMs; jitMethods = $jitMethods; loaded = $loaded } | ConvertTo-Json -Compress
