using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: restatements merged, and the candidate record.</summary>
public sealed partial class EventExtractor
{
    // --- merging -------------------------------------------------------------------------------

    // The same occurrence told twice in one article (a verbal noun referring back to the verb, a
    // restatement) becomes one event; the finite-verb statement is kept as the evidence.
    private static List<Candidate> Merge(List<Candidate> cands)
    {
        var kept = new List<Candidate>();
        foreach (var c in cands)
        {
            // ACLED's unit: one type, compatible actors, one place, one day. Restatements sit close together.
            var same = kept.FirstOrDefault(k => k.Type == c.Type && k.Subtype == c.Subtype && !c.SplitFromList
                && Math.Abs(k.SentenceIndex - c.SentenceIndex) <= 6
                && SameParty(k.Actor1, c.Actor1) && SameParty(k.Actor2, c.Actor2)
                && (Compatible(k.Place, c.Place) || (k.Certainty == c.Certainty && WithinCountry(k.Place, c.Place))) && SameDate(k.Time, c.Time)
                // Agreement needs something concrete in common, not only missing values.
                && (k.SentenceIndex == c.SentenceIndex || (k.Place is not null && c.Place is not null) || (k.Time?.Value is not null && c.Time?.Value is not null)));
            if (same is null)
            {
                kept.Add(c);
                continue;
            }
            if (Rank(c) > Rank(same))
                kept[kept.IndexOf(same)] = c.Absorb(same);
            else
                kept[kept.IndexOf(same)] = same.Absorb(c);
        }
        return kept;
    }

    // Places agree when one is missing, they are the same entry, or two towns or sites lie within 30 km
    // (a country and a town in it may well be two events).
    // The statement kept as evidence: one with counts, then a finite verb, then the first told.
    private static int Rank(Candidate c) => (c.Quantities.Count > 0 ? 2 : 0) + (c.IsVerb ? 1 : 0);

    private static string? PartyKey(EntityMention? e) => e is null ? null
        : e.Kind is EntityKind.StateActor or EntityKind.Nationality || e.Kind == EntityKind.Place && e.Country is not null
            ? (e.Country is { } c ? "state:" + c.Code : "name:" + e.Name)
            : e.Actor is { IsState: true, Country: { } code } ? "state:" + code
            : "name:" + e.Name;

    private static bool SameParty(EntityMention? a, EntityMention? b) =>
        a is null || b is null || PartyKey(a) == PartyKey(b);

    private static bool Compatible(EntityMention? a, EntityMention? b) =>
        a is null || b is null || a.Place?.Id == b.Place?.Id
        || (a.Place is { } pa && b.Place is { } pb && pa.Precision is not ("country" or "region") && pb.Precision is not ("country" or "region")
            && Km(pa.Lat, pa.Lon, pb.Lat, pb.Lon) <= 30);

    // A town and its country (or a region of it) may be the same event told loosely, when told alike.
    private static bool WithinCountry(EntityMention? a, EntityMention? b) =>
        a?.Place is { } pa && b?.Place is { } pb && pa.Country == pb.Country
        && (pa.Precision is "country" or "region" || pb.Precision is "country" or "region");

    private static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        double r(double d) => d * Math.PI / 180;
        double h = Math.Pow(Math.Sin(r(lat2 - lat1) / 2), 2) + Math.Cos(r(lat1)) * Math.Cos(r(lat2)) * Math.Pow(Math.Sin(r(lon2 - lon1) / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    private static bool SameDate(TimeMention? a, TimeMention? b) =>
        a?.Value is null || b?.Value is null || (a.Value.Start <= b.Value.End && b.Value.Start <= a.Value.End);

    private sealed record Candidate
    {
        public required string Type { get; init; }
        public required string Subtype { get; init; }
        public required TextSpan Trigger { get; init; }
        public bool IsVerb { get; init; }
        public bool Consequence { get; init; }
        public int TriggerToken { get; init; }
        public (int, int) Clause { get; init; }
        public int SentenceIndex { get; init; }
        public EntityMention? Actor1 { get; init; }
        public EntityMention? Actor2 { get; init; }
        public EntityMention? Place { get; init; }
        public EntityMention? Origin { get; init; }
        public TimeMention? Time { get; init; }
        public required Dictionary<string, long> Quantities { get; init; }
        public required string Certainty { get; init; }
        public TextSpan? CertaintySpan { get; init; }
        public Attribution? Source { get; init; }
        public required TextSpan Evidence { get; init; }
        public bool Background { get; init; }

        // Of two mentions of one party keep the one that names it best (a state body over a bare nationality).
        private static EntityMention? Specific(EntityMention? a, EntityMention? b) =>
            a is null ? b : b is null ? a : a.Kind == EntityKind.Nationality && b.Kind != EntityKind.Nationality ? b : a;

        public Candidate WithPlace(EntityMention place) =>
            this with { Place = place, Evidence = Evidence.Union(place.Span), SplitFromList = true };

        public bool SplitFromList { get; init; }

        /// <summary>The rule that would have dropped this candidate (broad mode only); null when every rule lets it through.</summary>
        public string? Gate { get; init; }
        public string[] Features { get; init; } = [];

        /// <summary>This candidate with the counts only <paramref name="other"/> told added; itself when there are none.</summary>
        public Candidate WithCountsOf(Candidate other)
        {
            if (!other.Quantities.Keys.Any(k => !Quantities.ContainsKey(k)))
                return this;
            var q = new Dictionary<string, long>(Quantities);
            foreach (var (k, v) in other.Quantities)
                q.TryAdd(k, v);
            return this with { Quantities = q };
        }

        public Candidate Absorb(Candidate other) =>
            WithCountsOf(other) with
            {
                Actor1 = Specific(Actor1, other.Actor1), Actor2 = Specific(Actor2, other.Actor2), Place = Place ?? other.Place,
                Origin = Origin ?? other.Origin, Time = Time?.Value is not null ? Time : other.Time ?? Time,
                Source = Source ?? other.Source,
            };

        public EventRecord ToRecord(Document doc, TimeMention? fallbackTime)
        {
            var time = Time ?? fallbackTime;
            var args = new Dictionary<string, TextSpan> { ["trigger"] = Trigger };
            if (Actor1 is not null) args["actor1"] = Actor1.Span;
            if (Actor2 is not null) args["actor2"] = Actor2.Span;
            if (Place is not null) args["place"] = Place.Span;
            if (Origin is not null) args["origin"] = Origin.Span;
            if (time is not null) args["date"] = time.Span;
            if (CertaintySpan is { } cs) args["certainty"] = cs;
            if (Source is not null) args["reported_by"] = Source.Span;
            return new EventRecord
            {
                ArticleId = doc.Id,
                Type = Type,
                Subtype = Subtype,
                Actor1 = Actor1?.ActorName,
                Actor2 = Actor2?.ActorName,
                Place = ToPlace(Place),
                Origin = ToPlace(Origin),
                Date = time?.Value,
                Quantities = Quantities,
                Fatalities = Quantities.TryGetValue("fatalities", out var f) ? f : null,
                Certainty = Certainty,
                ReportedBy = Source?.Name,
                Evidence = Evidence,
                EvidenceText = doc.Slice(Evidence),
                Trigger = Trigger,
                ArgumentSpans = args,
            };
        }

        private static PlaceRef? ToPlace(EntityMention? m) => m?.Place is { } p
            ? new PlaceRef(p.Name, p.Country, p.Lat, p.Lon, p.Precision, p.Id, m.Span)
            : null;
    }
}
