using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Geo;

/// <summary>A place name found in a document, waiting for the whole article to be read before it is resolved.</summary>
/// <param name="EntityIndex">Position of its provisional mention in <see cref="Document.Entities"/>.</param>
/// <param name="Candidates">Entries the name can stand for; empty for a reference to "the country" (البلاد).</param>
/// <param name="Precision">Precision forced by the words before it (محافظة X → admin1), or null.</param>
public sealed record PendingPlace(int EntityIndex, int Sentence, IReadOnlyList<GazetteerEntry> Candidates, string? Precision);

/// <summary>
/// Chooses one gazetteer entry for each place name of a document, the way a reader does: a big or curated place
/// before a hamlet of the same name, places in the countries the sentence and the article talk about, places near
/// the other places of the sentence (بن قردان في ولاية مدنين), administrative units after an administrative noun.
/// </summary>
public static class PlaceResolver
{
    /// <summary>
    /// Countries whose places carry native Arabic names in GeoNames (the Arab League, Western Sahara and the
    /// neighbours Arabic news covers most). Elsewhere an Arabic alternate name is a transliteration that often
    /// collides with an Arabic word (Caen كان، Ely الي، Van وان), so those places are kept only when large.
    /// </summary>
    public static readonly IReadOnlySet<string> ArabicNamedCountries = new HashSet<string>(StringComparer.Ordinal)
    {
        "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY",
        "TN", "AE", "YE", "EH", "TR", "IR", "IL", "TD", "NE", "ML", "ER", "SS",
    };

    /// <summary>True for places a reader knows without being told they are places: curated entries, countries, provinces, big cities.</summary>
    public static bool IsProminent(GazetteerEntry c) =>
        c.Curated || c.Precision is "country" or "admin1" || c.Population >= 1_000_000
        || (ArabicNamedCountries.Contains(c.Country) && (c.Population >= 100_000 || (c.FeatureCode is "PPLC" or "PPLA" && c.Population >= 20_000)));

    /// <summary>How likely an entry is before any context: curated entries (written for news, worth a city of a million), countries, population, capitals.</summary>
    public static double Prior(GazetteerEntry c, string? precisionHint)
    {
        double s = (c.Curated ? 4.5 : 0) + (c.Precision == "country" ? 2.5 : 0) + 0.5 * Math.Log10(c.Population + 1.0);
        s += c.FeatureCode switch { "PPLC" => 1.5, "PPLA" => 1.0, "PPLA2" => 0.5, "ADM1" => 0.5, _ => 0 };
        if (precisionHint is not null && c.Precision == precisionHint)
            s += 1.5;
        return s;
    }

    /// <summary>Resolves every pending place of <paramref name="doc"/> in place; mentions that cannot be resolved are removed.</summary>
    public static void Resolve(Document doc, IReadOnlyList<PendingPlace> pending, Gazetteer gazetteer, Func<string, CountryEntry?> countryOf)
    {
        if (pending.Count == 0)
            return;
        var pendingByEntity = pending.ToDictionary(p => p.EntityIndex);
        // Country votes: which countries the article and each sentence talk about.
        var votes = new List<(int Sentence, int Entity, string Country)>();
        for (int k = 0; k < doc.Entities.Count; k++)
        {
            var e = doc.Entities[k];
            string? code = e.Kind is EntityKind.Nationality or EntityKind.StateActor ? e.Country?.Code : null;
            if (pendingByEntity.TryGetValue(k, out var pp) && pp.Candidates.Count > 0
                && pp.Candidates.All(c => c.Country == pp.Candidates[0].Country))
                code = pp.Candidates[0].Country;
            if (code is not null)
                votes.Add((SentenceOf(doc, e.FirstToken), k, code));
        }
        var docVotes = votes.GroupBy(v => v.Country).ToDictionary(g => g.Key, g => (double)g.Count());
        double total = Math.Max(1, docVotes.Values.Sum());
        string? dominant = docVotes.Count == 0 ? null : docVotes.MaxBy(kv => kv.Value).Key;

        // Unambiguous places first: they are the anchors that ambiguous ones are judged by.
        var chosen = new Dictionary<int, GazetteerEntry>();
        var candidatesOf = pending.ToDictionary(p => p.EntityIndex, p => UnitOrTowns(p.Candidates, p.Precision));
        foreach (var p in pending)
            if (candidatesOf[p.EntityIndex] is { Count: 1 } single)
                chosen[p.EntityIndex] = single[0];
        foreach (var p in pending)
        {
            if (chosen.ContainsKey(p.EntityIndex))
                continue;
            var candidates = candidatesOf[p.EntityIndex];
            if (candidates.Count == 0)
            {
                if (dominant is not null && gazetteer.Country(dominant) is { } home)
                    chosen[p.EntityIndex] = home;
                continue;
            }
            var sentenceCountries = votes.Where(v => v.Sentence == p.Sentence && v.Entity != p.EntityIndex).Select(v => v.Country).ToHashSet(StringComparer.Ordinal);
            var anchors = chosen.Where(kv => kv.Key != p.EntityIndex && kv.Value.Precision is "point" or "admin2" or "admin1")
                .Select(kv => (Same: SentenceOf(doc, doc.Entities[kv.Key].FirstToken) == p.Sentence, Entry: kv.Value)).ToList();
            GazetteerEntry? best = null;
            double bestScore = double.NegativeInfinity;
            foreach (var c in candidates)
            {
                double s = Prior(c, p.Precision);
                if (sentenceCountries.Contains(c.Country))
                    s += 3;
                s += 3 * docVotes.GetValueOrDefault(c.Country) / total;
                if (c.Country == dominant)
                    s += 1;
                // Regions too: "بن قردان المتاخمة للحدود الليبية" is the Tunisian side of the border.
                if (c.Precision is "point" or "admin2" or "admin1" or "region")
                {
                    double near = double.MaxValue, nearDoc = double.MaxValue;
                    foreach (var a in anchors)
                    {
                        double km = GeoMath.Km(a.Entry, c);
                        if (a.Same) near = Math.Min(near, km);
                        nearDoc = Math.Min(nearDoc, km);
                    }
                    double scale = c.Precision == "region" ? 2 : 1;
                    s += near < 100 * scale ? 2.5 : near < 300 * scale ? 1.2 : 0;
                    s += nearDoc < 100 ? 1 : 0;
                }
                if (s > bestScore)
                    (best, bestScore) = (c, s);
            }
            chosen[p.EntityIndex] = best!;
        }

        // Replace provisional mentions from the end, so earlier indices stay valid when one is dropped.
        foreach (var p in pending.OrderByDescending(p => p.EntityIndex))
        {
            var mention = doc.Entities[p.EntityIndex];
            if (!chosen.TryGetValue(p.EntityIndex, out var entry))
            {
                doc.Entities.RemoveAt(p.EntityIndex);
                continue;
            }
            // An administrative noun before a town (ولاية مدنين) names the unit the town is the seat of.
            if (p.Precision is { } forced && entry.Precision == "point")
                entry = entry with { Precision = forced };
            doc.Entities[p.EntityIndex] = mention with
            {
                Name = entry.Name,
                Place = entry,
                Country = entry.Precision == "country" ? countryOf(entry.Country) : null,
            };
        }
    }

    // "محافظة تعز" names the governorate, not the city it is named after: when the unit the noun asks for is
    // among the namesakes, the towns of its country step aside (namesakes abroad still compete on context).
    // Without the noun the town keeps its lead on population, and within 100 km it is right at admin1 too.
    internal static IReadOnlyList<GazetteerEntry> UnitOrTowns(IReadOnlyList<GazetteerEntry> candidates, string? unit)
    {
        if (unit is null || !candidates.Any(c => c.Precision == unit))
            return candidates;
        var unitCountries = candidates.Where(c => c.Precision == unit).Select(c => c.Country).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(c => c.Precision != "point" || !unitCountries.Contains(c.Country)).ToList();
    }

    private static int SentenceOf(Document doc, int token)
    {
        var sentences = doc.Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var s = sentences[mid];
            if (token < s.FirstToken) hi = mid - 1;
            else if (token >= s.FirstToken + s.TokenCount) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
