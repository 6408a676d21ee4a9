# Every limit a cmdlet validates matches AWS's service model (reference/model): each validated parameter is
# mapped to the model shape it sends, or listed as the module's own rule.

BeforeDiscovery {
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $script:commands = @(Get-Command -Module IvsChat -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module $env:IVSCHAT_MODULE_PATH -Force
    $modelPath = Join-Path $PSScriptRoot '../../reference/model/ivschat-2020-07-14.service-2.json'
    $script:shapes = (Get-Content $modelPath -Raw | ConvertFrom-Json -AsHashtable).shapes

    # Parameter -> the model shape its value is sent as ('Cmdlet/Parameter' first, then '*/Parameter').
    $script:shapeOf = @{
        'New-IvsChatRoom/Name'                       = 'RoomName'
        'Set-IvsChatRoom/Name'                       = 'RoomName'
        'New-IvsChatLoggingConfiguration/Name'       = 'LoggingConfigurationName'
        'Set-IvsChatLoggingConfiguration/Name'       = 'LoggingConfigurationName'
        '*/MaximumMessageRatePerSecond'              = 'RoomMaxMessageRatePerSecond'
        '*/MaximumMessageLength'                     = 'RoomMaxMessageLength'
        '*/MessageReviewHandlerUri'                  = 'LambdaArn'
        '*/FallbackResult'                           = 'FallbackResult'
        '*/LoggingConfiguration'                     = 'LoggingConfigurationIdentifierList'
        '*/BucketName'                               = 'BucketName'
        '*/LogGroupName'                             = 'LogGroupName'
        '*/DeliveryStreamName'                       = 'DeliveryStreamName'
        '*/UserId'                                   = 'UserID'
        '*/SessionDurationInMinutes'                 = 'SessionDurationInMinutes'
        '*/Capability'                               = 'ChatTokenCapabilities'
        '*/EventName'                                = 'EventName'
        '*/Reason'                                   = 'Reason'
        '*/MessageId'                                = 'MessageID'
        '*/Tag'                                      = 'Tags'
        'Remove-IvsChatTag/Key'                      = 'TagKeyList'
    }
    # Rules that are the module's own (no model shape), and why.
    $script:ownRules = @{
        Region            = 'a region name, checked before any AWS call'
        EndpointUrl       = 'an http(s) URL'
        MessagingEndpoint = 'a ws(s) URL'
        BufferCapacity    = 'the module''s receive buffer'
        Count             = 'how many messages Receive-IvsChatMessage waits for'
        Timeout           = 'how long Receive-IvsChatMessage waits'
        Type              = 'which received items Receive-IvsChatMessage writes (Message, Event)'
        Attribute         = 'the documented 1 KB quota on token and event attributes (the model has no limit)'
    }
    # Stricter than the model, on purpose.
    $script:stricter = @{
        'Remove-IvsChatTag/Key/MinCount' = 'UntagResource with no keys would change nothing'
    }

    function script:Get-ModelProblem([string] $Command, [System.Management.Automation.ParameterMetadata] $Parameter) {
        $rules = @($Parameter.Attributes | Where-Object {
                $_ -is [System.Management.Automation.ValidateRangeAttribute] -or $_ -is [System.Management.Automation.ValidateLengthAttribute] -or
                $_ -is [System.Management.Automation.ValidateCountAttribute] -or $_ -is [System.Management.Automation.ValidatePatternAttribute] -or
                $_ -is [System.Management.Automation.ValidateSetAttribute] -or
                $_.GetType().Name -in 'ValidateModelStringAttribute', 'ValidateModelRangeAttribute', 'ValidateModelEnumAttribute', 'ValidateTagsAttribute' })
        if ($rules.Count -eq 0) { return }
        $name = $Parameter.Name
        $shapeName = $shapeOf["$Command/$name"] ?? $shapeOf["*/$name"]
        if (-not $shapeName) {
            if (-not $ownRules.ContainsKey($name)) { "$Command -$name validates but is neither mapped to a model shape nor listed as the module's own rule" }
            return
        }
        $shape = $shapes[$shapeName]
        if (-not $shape) { "$Command -$name is mapped to $shapeName, which the model does not have"; return }
        $member = if ($shape.type -eq 'list') { $shapes[$shape.member.shape] } else { $shape }
        $where = "$Command -$name ($shapeName)"
        foreach ($rule in $rules) {
            switch ($rule.GetType().Name) {
                { $_ -in 'ValidateRangeAttribute', 'ValidateModelRangeAttribute' } {
                    if ($rule.MinRange -ne $shape.min -or $rule.MaxRange -ne $shape.max) {
                        "$where range $($rule.MinRange)-$($rule.MaxRange), model $($shape.min)-$($shape.max)"
                    }
                }
                'ValidateLengthAttribute' {
                    if ($rule.MinLength -ne $member.min -or $rule.MaxLength -ne $member.max) {
                        "$where length $($rule.MinLength)-$($rule.MaxLength), model $($member.min)-$($member.max)"
                    }
                }
                'ValidateCountAttribute' {
                    $minOk = $rule.MinLength -eq $shape.min -or ($stricter.ContainsKey("$Command/$name/MinCount") -and $rule.MinLength -gt $shape.min)
                    if (-not $minOk -or $rule.MaxLength -ne $shape.max) {
                        "$where count $($rule.MinLength)-$($rule.MaxLength), model $($shape.min)-$($shape.max)"
                    }
                }
                'ValidatePatternAttribute' {
                    if ($rule.RegexPattern -ne "^(?:$($member.pattern))`$") { "$where pattern $($rule.RegexPattern), model $($member.pattern)" }
                }
                { $_ -in 'ValidateSetAttribute', 'ValidateModelEnumAttribute' } {
                    foreach ($value in $member.enum) { if ($value -notin $rule.ValidValues) { "$where does not accept the model's value $value" } }
                }
                'ValidateModelStringAttribute' {
                    if ($rule.Pattern -ne $member.pattern) { "$where pattern $($rule.Pattern), model $($member.pattern)" }
                    if ($rule.MinLength -ne $member.min -or $rule.MaxLength -ne $member.max) {
                        "$where length $($rule.MinLength)-$($rule.MaxLength), model $($member.min)-$($member.max)"
                    }
                }
                'ValidateTagsAttribute' {
                    $key = $shapes[$shape.key.shape]; $value = $shapes[$shape.value.shape]
                    if ($rule.MaxCount -ne $shape.max) { "$where at most $($rule.MaxCount) tags, model $($shape.max)" }
                    if ($rule.KeyMinLength -ne $key.min -or $rule.KeyMaxLength -ne $key.max) {
                        "$where key length $($rule.KeyMinLength)-$($rule.KeyMaxLength), model $($key.min)-$($key.max)"
                    }
                    if ($rule.ValueMaxLength -ne $value.max) { "$where value length up to $($rule.ValueMaxLength), model $($value.max)" }
                }
            }
        }
    }
}

Describe 'Limits from the service model' {
    It '<Name> validates every parameter as the model says' -ForEach $commands {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $problems = foreach ($p in (Get-Command $Name).Parameters.Values | Where-Object Name -notin $common) { Get-ModelProblem $Name $p }
        $problems | Should -BeNullOrEmpty
    }

    It 'notices a range, length, count or pattern that differs from the model' {
        function Test-Drift {
            param(
                [ValidateRange(1, 501)] [int] $MaximumMessageLength,
                [ValidateLength(1, 129)] [string] $UserId,
                [ValidateCount(0, 4)] [string[]] $LoggingConfiguration,
                [ValidatePattern('^[a-z]+$')] [string] $BucketName,
                [ValidateRange(1, 2)] [int] $Unmapped
            )
        }
        $problems = foreach ($p in (Get-Command Test-Drift).Parameters.Values) { Get-ModelProblem 'Test-Drift' $p }
        $problems.Count | Should -Be 5
        $problems -join "`n" | Should -BeLike '*range 1-501, model 1-500*'
    }

    It 'the committed model is the one the local service and the client were written against' {
        $readme = Get-Content (Join-Path $PSScriptRoot '../../reference/model/README.md') -Raw
        $readme | Should -BeLike '*Apache License 2.0*'
        $shapes.RoomMaxMessageLength.max | Should -Be 500
    }
}
