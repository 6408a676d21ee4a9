namespace IvsChat.Cmdlets;

/// <summary>Parameter-set names shared by the cmdlets.</summary>
/// <remarks>A target cmdlet (one that acts on a room, logging configuration or tagged resource) has three sets.
/// PowerShell binds positional arguments before pipeline input and prefers the default set, so the pipeline set
/// (<see cref="InputObject"/>, the default) gives position 0 to the cmdlet's second parameter:
/// <c>Get-IvsChatRoom lobby | New-IvsChatToken alice</c>. <see cref="InputObjectByPosition"/> takes the object at
/// position 0 (<c>New-IvsChatToken $room alice</c>), <see cref="Identifier"/> an ARN, id or name
/// (<c>New-IvsChatToken -Identifier lobby alice</c>, or strings and objects with an Arn piped in). Settable
/// parameters bind by property name in the Identifier set only: a piped resource object is the target, not a
/// source of settings.</remarks>
public static class ParameterSets
{
    public const string InputObject = "InputObject";
    public const string InputObjectByPosition = "InputObjectByPosition";
    public const string Identifier = "Identifier";
    public const string Name = "Name";
    public const string S3 = "S3";
    public const string CloudWatchLogs = "CloudWatchLogs";
    public const string Firehose = "Firehose";
}
