# -Debug and -Verbose never prompt and never change behaviour: runbooks run with -NonInteractive and no stdin.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:emu = Start-TestEmulator
    Use-TestEmulator $emu
    $script:room = New-IvsChatRoom -Name 'runbook'
}

AfterAll {
    $emu | Stop-TestEmulator
}

Describe '-Debug under -NonInteractive with standard input closed' {
    It '<Name> completes without a prompt, writing its debug lines' -ForEach @(
        @{ Name = 'Get-IvsChatRoom by ARN'; Script = 'Get-IvsChatRoom -Identifier "{0}" -Debug | ForEach-Object {{ "RESULT " + $_.Name }}' }
        @{ Name = 'Get-IvsChatRoom listing'; Script = 'Get-IvsChatRoom -Debug | ForEach-Object {{ "RESULT " + $_.Name }}' }
        @{ Name = 'New- and Remove-IvsChatRoom -Force'
            Script = '$r = New-IvsChatRoom -Name tmp -Debug; Remove-IvsChatRoom $r -Force -Debug; "RESULT " + $r.Name' }
        @{ Name = 'Connect-, Receive- and Disconnect-IvsChatRoom'
            Script = '$c = Connect-IvsChatRoom -Identifier "{0}" -UserId u -Debug; Receive-IvsChatMessage $c -Timeout 0 -Debug; ' +
                'Disconnect-IvsChatRoom $c -Debug; "RESULT " + $c.State' }
    ) {
        $command = "Import-Module '$env:IVSCHAT_MODULE_PATH'; " + ($Script -f $room.Arn)
        $run = Invoke-FreshPwshWithoutInput $command
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Match 'RESULT \S+'
        $run.Output | Should -Match 'DEBUG: '
        $run.Output | Should -Not -Match 'Continue with this operation'
    }

    It 'an error under -Debug is still just the error' {
        $missing = $room.Arn -replace '/[A-Za-z0-9]{12}$', '/AAAAAAAAAAAA'
        $run = Invoke-FreshPwshWithoutInput "Import-Module '$env:IVSCHAT_MODULE_PATH'; Get-IvsChatRoom -Identifier '$missing' -Debug; 'AFTER'"
        $run.Error | Should -Match 'ResourceNotFound|No room|not found'
        $run.Error | Should -Not -Match 'NonInteractive'
        $run.Output | Should -Match 'AFTER'
    }

    It 'writes the same objects with and without -Debug' {
        $plain = Get-IvsChatRoom -Identifier $room.Arn
        $debug = & { $DebugPreference = 'SilentlyContinue'; Get-IvsChatRoom -Identifier $room.Arn -Debug 5>$null 4>$null }
        ($debug | ConvertTo-Json -Compress) | Should -Be ($plain | ConvertTo-Json -Compress)
    }
}
