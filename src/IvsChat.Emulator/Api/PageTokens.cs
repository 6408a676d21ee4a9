using System.Globalization;
using System.Text;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Tokens;

namespace IvsChat.Emulator.Api;

/// <summary>
/// Opaque, HMAC-protected list cursors: "after the item with this (updateTime, sequence)". A valid token stays
/// valid even if its item is gone; a forged or malformed one is a ValidationException.
/// </summary>
public sealed class PageTokens
{
    public readonly record struct Cursor(long UpdateTicks, long Sequence);

    private readonly SignedText _signer = new("ivschat-page-token");

    public string Issue(string listing, DateTimeOffset updateTime, long sequence) =>
        _signer.Sign(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{listing}|{updateTime.UtcTicks}|{sequence}")));

    /// <summary>Null token or "" means the first page.</summary>
    public Cursor? Read(string listing, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        if (_signer.TryVerify(token, out byte[] payload))
        {
            string[] parts = Encoding.UTF8.GetString(payload).Split('|');
            if (parts.Length == 3 && parts[0] == listing
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long seq))
                return new Cursor(ticks, seq);
        }
        throw ApiException.Validation("nextToken", "Value at 'nextToken' failed to satisfy constraint: The pagination token is invalid or expired");
    }

    /// <summary>Items (sorted newest first) after the cursor, filtered, at most max; plus the next token.</summary>
    public (List<T> Page, string? Next) Page<T>(string listing, IReadOnlyList<T> sorted, Cursor? after, int max,
        Func<T, bool> filter, Func<T, DateTimeOffset> updateTime, Func<T, long> sequence)
    {
        int start = 0;
        if (after is { } c)
        {
            // First index whose (updateTime, sequence) sorts strictly after the cursor (descending order).
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                long t = updateTime(sorted[mid]).UtcTicks, s = sequence(sorted[mid]);
                bool afterCursor = t < c.UpdateTicks || (t == c.UpdateTicks && s < c.Sequence);
                if (afterCursor) hi = mid; else lo = mid + 1;
            }
            start = lo;
        }
        var page = new List<T>();
        for (int i = start; i < sorted.Count; i++)
        {
            if (!filter(sorted[i])) continue;
            if (page.Count == max)
            {
                var last = page[^1];
                return (page, Issue(listing, updateTime(last), sequence(last)));
            }
            page.Add(sorted[i]);
        }
        return (page, null);
    }
}
