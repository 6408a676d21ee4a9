using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using IvsChat.Client;
using IvsChat.Internal;

namespace IvsChat.Cmdlets;

/// <summary>
/// Base of the listing cmdlets: -Region and -ProfileName take several values, and a listing then runs in every
/// region of every profile at once (MultiRegionListing). One value behaves exactly as on every other cmdlet.
/// </summary>
public abstract class ListingCmdlet : IvsChatCmdlet
{
    public const string ListingFailedErrorId = "RegionListingFailed";

    private string[]? _regions;
    private string[]? _profileNames;

    /// <summary>AWS regions, e.g. us-east-1,eu-west-1: a listing covers all of them, concurrently.</summary>
    [Parameter]
    [ValidatePattern("^[a-z0-9-]+$")]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public new string[]? Region
    {
        get => _regions;
        set { _regions = value; base.Region = value?.Length == 1 ? value[0] : null; }
    }

    /// <summary>Profiles (accounts): a listing covers all of them, concurrently; each object carries its ProfileName.</summary>
    [Parameter]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ArgumentCompleter(typeof(ProfileCompleter))]
    public new string[]? ProfileName
    {
        get => _profileNames;
        set { _profileNames = value; base.ProfileName = value?.Length == 1 ? value[0] : null; }
    }

    // -Skip/-First/-IncludeTotalCount state of this run (both listing cmdlets support paging).
    private ulong _skipped;
    private ulong _written;
    private ulong _total;

    /// <summary>True once enough items were written; with -IncludeTotalCount the listing goes on to the end,
    /// counting, so that the total is exact.</summary>
    protected bool Done => _written >= PagingParameters.First && !PagingParameters.IncludeTotalCount;

    /// <summary>The page size that -First and -Skip need (null: the service's default, e.g. when names are
    /// matched here or every item is counted).</summary>
    protected int? PageSize(bool matchedHere) =>
        PagingParameters.First == ulong.MaxValue || matchedHere || PagingParameters.IncludeTotalCount
            ? (int?)null
            : (int)Math.Max(1, Math.Min(50UL, PagingParameters.First + Math.Min(PagingParameters.Skip, 50UL)));

    /// <summary>Applies -Skip/-First to one listed item; false once nothing more is needed (stop requesting pages).
    /// <paramref name="fetchFull"/>, when given, replaces the summary by the full object (one Get call by ARN); a
    /// failure there is an error of its own and the listing goes on. An item listed from one of several targets
    /// carries its profile (<paramref name="from"/>).</summary>
    private protected bool Emit(IvsChatResource item, Func<string, object>? fetchFull, ListingTarget? from = null)
    {
        _total++;
        if (_skipped < PagingParameters.Skip) { _skipped++; return true; }
        if (_written < PagingParameters.First)
        {
            if (fetchFull != null) ForItem(item, () => { Write(fetchFull(item.Arn), from); _written++; });
            else { Write(item, from); _written++; }
        }
        return !Done;
    }

    private void Write(object item, ListingTarget? from) => WriteObject(from == null ? item : WithProfile(item, from));

    protected override void EndProcessing()
    {
        // The service reports no total: the count is of every match listed (see Done).
        if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(_total, 1.0));
    }

    /// <summary>True when the listing must cover several regions or profiles.</summary>
    protected bool IsMultiTarget => Region?.Length > 1 || ProfileName?.Length > 1;

    /// <summary>Lists every region of every profile concurrently and hands each item to <paramref name="emit"/> on
    /// the pipeline thread as it arrives (false stops everything). A target that fails is one non-terminating
    /// error naming its region; the others complete. Ctrl+C stops every worker.</summary>
    internal void ListEveryTarget<T>(string operation, Func<IIvsChatClient, CancellationToken, IAsyncEnumerable<T>> list,
        Func<T, ListingTarget, bool> emit)
    {
        var targets = ListingTarget.Combine(Region, ProfileName);
        WriteVerbose("Calling " + operation + " in " + string.Join(", ", targets) + ", concurrently.");
        using (var listing = new MultiRegionListing<T>(targets, SettingsFor, list, CancellationToken))
        {
            try
            {
                foreach (var result in listing.Results(WriteDebug))
                {
                    if (result.Error != null) WriteError(TargetError(result.Target, result.Error, operation));
                    else if (!emit(result.Item, result.Target)) return;
                }
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested) { throw new PipelineStoppedException(); }
        }
    }

    /// <summary>Several regions apply to listings only: <paramref name="parameters"/> name resources of one region.</summary>
    protected void ThrowSeveralRegionsNeedListing(string parameters) =>
        ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
            "-Region and -ProfileName take several values only when listing (with or without -Name), not with " +
            parameters + ", which name resources of one region."), "SeveralRegionsNeedListing", ErrorCategory.InvalidArgument, null));

    private Func<string?, ClientSettingsInput> SettingsFor(ListingTarget target) => arnRegion =>
    {
        var input = SettingsInput(arnRegion);
        input.Region = target.Region ?? input.Region;
        input.ProfileName = target.ProfileName ?? input.ProfileName;
        return input;
    };

    /// <summary>An object that came from a profile carries it, so that the next cmdlet can use the same one.</summary>
    internal static PSObject WithProfile(object item, ListingTarget target)
    {
        var o = PSObject.AsPSObject(item);
        if (target.ProfileName != null) o.Properties.Add(new PSNoteProperty("ProfileName", target.ProfileName));
        return o;
    }

    private static ErrorRecord TargetError(ListingTarget target, Exception error, string operation)
    {
        var record = ErrorMapping.ToRecord(error, target.ToString(), operation)
                     ?? new ErrorRecord(error, error is IvsChatConfigurationException ? IvsChatErrorIds.Configuration : ListingFailedErrorId,
                         ErrorCategory.InvalidOperation, target.ToString());
        record.ErrorDetails = new ErrorDetails("Listing " + target + " failed: " + (record.ErrorDetails?.Message ?? error.Message))
        {
            RecommendedAction = "The other regions were listed. Check that " + target + " is enabled for the account and reachable.",
        };
        return record;
    }
}
