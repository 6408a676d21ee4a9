using System;
using System.Collections.Generic;
using System.Management.Automation;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>A cmdlet that acts on resources given as objects (piped or at position 0) or as ARNs, ids or names.
/// The derived bases declare the InputObject/Identifier pair for one kind of resource.</summary>
public abstract class TargetCmdlet : IvsChatCmdlet
{
    /// <summary>The resource given as an object, if any.</summary>
    private protected abstract IvsChatResource? TargetObject { get; }

    /// <summary>The resources given as ARNs, ids or names, if any.</summary>
    private protected abstract string[]? TargetIdentifiers { get; set; }

    /// <summary>The one resource an ARN, id or name stands for.</summary>
    private protected abstract ResolvedTarget Resolve(string identifier);

    /// <summary>What the user calls this kind of resource in messages, e.g. "room".</summary>
    private protected abstract string TargetKind { get; }

    /// <summary>The cmdlet's second parameter, which takes position 0 when the target is piped (e.g. "UserId").</summary>
    private protected virtual string? SecondParameter => null;

    /// <summary>Called when the default (pipeline) set was chosen but nothing is piped: true if the cmdlet
    /// moved a lone positional value to <see cref="TargetIdentifiers"/>.</summary>
    private protected virtual bool TakeLoneValueAsTarget() => false;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // The pipeline set's object is not mandatory, so that a missing target gets this error rather than a prompt.
        if (ParameterSetName != ParameterSets.InputObject || MyInvocation.ExpectingInput || TargetObject != null || TakeLoneValueAsTarget()) return;
        var example = MyInvocation.MyCommand.Name + " -Identifier <ARN, id or name>" + (SecondParameter != null ? " -" + SecondParameter + " <value>" : "");
        ThrowTerminatingError(new ErrorRecord(
            new PSArgumentException("Give the " + TargetKind + " with -Identifier, or pipe it in" +
                (SecondParameter != null ? " (with a piped " + TargetKind + ", the first positional argument is -" + SecondParameter + ")" : "") +
                ": " + example + "."),
            "TargetMissing", ErrorCategory.InvalidArgument, null));
    }

    /// <summary>Runs <paramref name="act"/> for each target (the object, or each ARN/id/name resolved to exactly one
    /// resource); every failure is reported against its own input item.</summary>
    /// <param name="act">Receives the ARN, the name when known, and the input item.</param>
    protected void ForEachTarget(Action<string, string?, object> act)
    {
        var target = TargetObject;
        if (target != null) ForItem(target, () => WithProfileOf(target, () => act(target.Arn, target.Name, target)));
        foreach (var id in TargetIdentifiers ?? Array.Empty<string>())
            ForItem(id, () =>
            {
                var resolved = Resolve(id);
                act(resolved.Arn, resolved.Name, id);
            });
    }
}
