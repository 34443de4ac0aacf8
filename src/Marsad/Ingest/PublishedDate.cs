using System.Globalization;
using System.Text.RegularExpressions;

namespace Marsad.Ingest;

/// <summary>Reads a publication timestamp as the calendar date it was written with.</summary>
public static partial class PublishedDate
{
    // The time part (and any zone) is checked for shape but dropped: the date as the outlet wrote it
    // is what relative expressions ("yesterday") are resolved against, so no zone conversion.
    [GeneratedRegex(@"^\s*(\d{4}-\d{2}-\d{2})(?:[Tt ]([01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?\s*(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Accepts <c>YYYY-MM-DD</c>, optionally followed by a time (<c>10:00:00</c>, <c>T10:00:00Z</c>, …).</summary>
    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        if (value is null)
            return false;
        var m = Shape().Match(value);
        return m.Success &&
            DateOnly.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
