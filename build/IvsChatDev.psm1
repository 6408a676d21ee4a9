# Developer helpers shared by build.ps1, build/Demo.ps1, the benchmarks (build/bench) and the Pester suites
# (tests/Pester/TestHelpers.psm1): start and stop the local IVS Chat service, point a session at it, keep this
# machine's AWS setup out of the way, and start a fresh pwsh like the current one.

function Get-PwshCommand {
    # The command line that starts a pwsh like this one: under `dotnet pwsh` the process is dotnet running pwsh.dll.
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll'))
    }
    else { @([Environment]::ProcessPath) }
}

function Get-NuGetPackagesFolder {
    # Where restore puts packages: NUGET_PACKAGES when set (CI points it at an empty folder), else the user's cache.
    if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES }
    else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
}

function Invoke-FreshPwsh {
    # Runs a command in a new, non-interactive pwsh; stderr is merged into the output.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Command)
    $pwsh = @(Get-PwshCommand)
    $rest = @($pwsh | Select-Object -Skip 1)
    & $pwsh[0] @rest -NoProfile -NonInteractive -Command $Command 2>&1
}

function Set-IsolatedAwsEnvironment {
    # Never this machine's AWS setup: no AWS_* variables, empty config and credentials files (in -Directory),
    # no instance metadata.
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Directory)
    Get-ChildItem env: | Where-Object Name -like 'AWS_*' | ForEach-Object { Remove-Item "env:$($_.Name)" }
    New-Item -ItemType Directory -Force $Directory | Out-Null
    Set-Content (Join-Path $Directory 'config') ''
    Set-Content (Join-Path $Directory 'credentials') ''
    $env:AWS_CONFIG_FILE = Join-Path $Directory 'config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $Directory 'credentials'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
}

function Start-LocalIvsChatService {
    # `dotnet IvsChat.Emulator.dll --port 0` on a free port; returns the settings it prints once it listens.
    [CmdletBinding()]
    param([string[]] $ArgumentList = @(), [string] $EmulatorDll = $env:IVSCHAT_EMULATOR_DLL)
    if (-not $EmulatorDll -or -not (Test-Path $EmulatorDll)) {
        throw "The local IVS Chat service is not built ('$EmulatorDll'): run build.ps1 Build, or set IVSCHAT_EMULATOR_DLL."
    }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($EmulatorDll, '--port', '0') + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $settings = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not ($settings.IVSCHAT_ENDPOINT -and $settings.AWS_REGION -and $settings.AWS_ACCESS_KEY_ID -and $settings.AWS_SECRET_ACCESS_KEY)) {
        if ([DateTime]::UtcNow -gt $deadline -or $process.HasExited) {
            $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
            try { $process.Kill() } catch { }
            throw "The local IVS Chat service did not start: $err"
        }
        $line = $process.StandardOutput.ReadLine()
        if ($null -ne $line -and $line -match '^([A-Z_]+)=(.*)$') { $settings[$Matches[1]] = $Matches[2] }
    }
    # Keep draining both streams so the service never blocks on a full pipe.
    $process.BeginErrorReadLine()
    $null = [System.Threading.Tasks.Task]::Run([Action] { while ($null -ne $process.StandardOutput.ReadLine()) { } }.GetNewClosure())
    [pscustomobject]@{
        PSTypeName        = 'IvsChatDev.LocalService'
        Endpoint          = $settings.IVSCHAT_ENDPOINT
        MessagingEndpoint = $settings.IVSCHAT_MESSAGING_ENDPOINT
        Region            = $settings.AWS_REGION
        AccessKey         = $settings.AWS_ACCESS_KEY_ID
        SecretKey         = $settings.AWS_SECRET_ACCESS_KEY
        Process           = $process
    }
}

function Stop-LocalIvsChatService {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(5000)
        }
    }
}

function Use-LocalIvsChatService {
    # Points this session (the module, AWS's SDKs, child processes) at the service through the environment, as a
    # user does with the lines the service prints. -Messaging also sets IVSCHAT_MESSAGING_ENDPOINT (otherwise the
    # module derives it from the control-plane endpoint).
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [switch] $Messaging)
    $env:AWS_ACCESS_KEY_ID = $Emulator.AccessKey
    $env:AWS_SECRET_ACCESS_KEY = $Emulator.SecretKey
    $env:AWS_REGION = $Emulator.Region
    $env:AWS_ENDPOINT_URL_IVSCHAT = $Emulator.Endpoint
    $env:IVSCHAT_ENDPOINT = $Emulator.Endpoint
    if ($Messaging -and $Emulator.MessagingEndpoint) { $env:IVSCHAT_MESSAGING_ENDPOINT = $Emulator.MessagingEndpoint }
    Remove-Item env:AWS_SESSION_TOKEN, env:AWS_PROFILE -ErrorAction SilentlyContinue
}

function Invoke-EmulatorControl {
    # Calls the emulator's unsigned control surface (fault injection, request counts, reset) under /_emulator/.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)][string] $Path, [string] $Method = 'GET', $Body)
    $uri = "$($Emulator.Endpoint)/_emulator/$($Path.TrimStart('/'))"
    if ($PSBoundParameters.ContainsKey('Body')) {
        Invoke-RestMethod -Uri $uri -Method $Method -Body ($Body | ConvertTo-Json -Depth 5) -ContentType 'application/json'
    }
    else { Invoke-RestMethod -Uri $uri -Method $Method }
}

Export-ModuleMember -Function Get-PwshCommand, Get-NuGetPackagesFolder, Invoke-FreshPwsh, Set-IsolatedAwsEnvironment, Start-LocalIvsChatService,
    Stop-LocalIvsChatService, Use-LocalIvsChatService, Invoke-EmulatorControl
