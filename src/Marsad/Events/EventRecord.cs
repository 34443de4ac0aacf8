using Marsad.Text;

namespace Marsad.Events;

/// <summary>A place as an event argument: what the text names and, when resolved, where it is.</summary>
public sealed record PlaceRef(
    string Name,
    string? Country,
    double? Lat,
    double? Lon,
    string Precision,
    string? GazetteerId,
    TextSpan? Span = null);

/// <summary>
/// One coded event, the row an analyst exports (FORMAT.md predictions). Every argument that
/// came from the text keeps its span in <see cref="ArgumentSpans"/> so the coding can be explained.
/// </summary>
public sealed record EventRecord
{
    public required string ArticleId { get; init; }
    public required string Type { get; init; }
    public required string Subtype { get; init; }
    public string? Actor1 { get; init; }
    public string? Actor2 { get; init; }
    public PlaceRef? Place { get; init; }
    public PlaceRef? Origin { get; init; }
    public DateValue? Date { get; init; }
    public IReadOnlyDictionary<string, long> Quantities { get; init; } = new Dictionary<string, long>();
    public long? Fatalities { get; init; }
    public required string Certainty { get; init; }
    public string? ReportedBy { get; init; }
    public required TextSpan Evidence { get; init; }
    public required string EvidenceText { get; init; }

    /// <summary>The span of the trigger word or phrase that raised the event.</summary>
    public TextSpan Trigger { get; init; }

    /// <summary>Spans supporting each argument, keyed by argument name (actor1, place, date, certainty, …).</summary>
    public IReadOnlyDictionary<string, TextSpan> ArgumentSpans { get; init; } = new Dictionary<string, TextSpan>();
}
