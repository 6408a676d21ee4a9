# In a fresh pwsh (host start excluded): what any module's first call pays on this host before any work of its own.
# Import-Module of an empty manifest module (Import-Module's first use), then one unsigned HttpClient POST to the
# local service and a JSON parse of its answer (.NET's HTTP stack and JSON on first use, and PowerShell's binder
# for the .NET calls a script makes). The service answers 403 with a JSON body: a full round trip. One JSON line.
param([Parameter(Mandatory)][string] $EmptyModulePath, [Parameter(Mandatory)][string] $Endpoint)
$ErrorActionPreference = 'Stop'
$t = [Diagnostics.Stopwatch]::StartNew()
Import-Module $EmptyModulePath
$importMs = $t.Elapsed.TotalMilliseconds
$t.Restart()
$http = [System.Net.Http.HttpClient]::new()
$content = [System.Net.Http.StringContent]::new('{}', [System.Text.Encoding]::UTF8, 'application/json')
$response = $http.PostAsync("$Endpoint/GetRoom", $content).GetAwaiter().GetResult()
$null = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStringAsync().GetAwaiter().GetResult())
$firstMs = $t.Elapsed.TotalMilliseconds
@{ importMs = $importMs; firstMs = $firstMs; status = [int]$response.StatusCode } | ConvertTo-Json -Compress
