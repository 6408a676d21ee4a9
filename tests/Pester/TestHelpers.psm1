# Shared by every Pester file: starts the local IVS Chat service and points the module at it.
# Tests run in the fresh pwsh that build.ps1 Test starts; IVSCHAT_EMULATOR_DLL and IVSCHAT_MODULE_PATH come from it.

function Start-TestEmulator {
    [CmdletBinding()]
    param([string[]] $ArgumentList = @())
    $dll = $env:IVSCHAT_EMULATOR_DLL
    if (-not $dll -or -not (Test-Path $dll)) { throw 'IVSCHAT_EMULATOR_DLL is not set or missing: run the tests through build.ps1 Test.' }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--port', '0') + $ArgumentList) { $psi.ArgumentList.Add($a) }
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
        if ($null -eq $line) { continue }
        if ($line -match '^([A-Z_]+)=(.*)$') { $settings[$Matches[1]] = $Matches[2] }
    }
    # Keep draining both streams so the service never blocks on a full pipe.
    $process.BeginErrorReadLine()
    $null = [System.Threading.Tasks.Task]::Run([Action]{ while ($null -ne $process.StandardOutput.ReadLine()) { } }.GetNewClosure())
    [pscustomobject]@{
        PSTypeName        = 'IvsChatTest.Emulator'
        Endpoint          = $settings.IVSCHAT_ENDPOINT
        MessagingEndpoint = $settings.IVSCHAT_MESSAGING_ENDPOINT
        Region            = $settings.AWS_REGION
        AccessKey         = $settings.AWS_ACCESS_KEY_ID
        SecretKey         = $settings.AWS_SECRET_ACCESS_KEY
        Process           = $process
    }
}

function Stop-TestEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(5000)
        }
    }
}

function Use-TestEmulator {
    # Points the module (in this process) at the emulator through the environment, as a user would.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $env:AWS_ACCESS_KEY_ID = $Emulator.AccessKey
    $env:AWS_SECRET_ACCESS_KEY = $Emulator.SecretKey
    $env:AWS_REGION = $Emulator.Region
    $env:AWS_ENDPOINT_URL_IVSCHAT = $Emulator.Endpoint
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

function Reset-TestEmulator {
    # Clears the service's state, injected faults and request counts.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Path reset -Method POST
}

function Get-EmulatorRequestCount {
    # How many requests of one operation the service answered since the last reset / count clearing.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)][string] $Operation)
    $counts = (Invoke-EmulatorControl -Emulator $Emulator -Path requests).counts
    $value = $counts.PSObject.Properties[$Operation]
    if ($value) { [int]$value.Value } else { 0 }
}

function Clear-EmulatorRequestCount {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Path requests -Method DELETE
}

function Add-EmulatorFault {
    # The next -Count calls of -Operation ('*' = any) fail with -ErrorCode (e.g. AccessDeniedException).
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)][string] $Operation, [Parameter(Mandatory)][string] $ErrorCode, [int] $Count = 1)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Path faults -Method POST -Body @{ operation = $Operation; error = $ErrorCode; count = $Count }
}

function Invoke-FreshPwsh {
    # Runs a command in a new, non-interactive pwsh (same version as this one, also when it runs as `dotnet pwsh`).
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Command)
    $self = (Get-Process -Id $PID).Path
    [string[]] $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    & $self @prefix -NoProfile -NonInteractive -Command $Command 2>&1
}

function Wait-Until {
    # True once -Condition holds (polled every 50 ms), false after -Seconds.
    [CmdletBinding()]
    param([Parameter(Mandatory)][scriptblock] $Condition, [double] $Seconds = 5)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { return $false }
        Start-Sleep -Milliseconds 50
    }
    $true
}

function Invoke-FreshPwshWithoutInput {
    # As Invoke-FreshPwsh, with standard input closed (as in a scheduled runbook): any prompt fails at once.
    # Returns ExitCode, Output and Error (text).
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Command, [int] $TimeoutSeconds = 120)
    $self = (Get-Process -Id $PID).Path
    $psi = [System.Diagnostics.ProcessStartInfo]::new($self)
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $Command) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill(); throw "pwsh did not finish within $TimeoutSeconds s: $Command" }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

Export-ModuleMember -Function Invoke-FreshPwsh, Invoke-FreshPwshWithoutInput, Wait-Until, Start-TestEmulator, Stop-TestEmulator, Use-TestEmulator, Invoke-EmulatorControl,
    Reset-TestEmulator, Get-EmulatorRequestCount, Clear-EmulatorRequestCount, Add-EmulatorFault
