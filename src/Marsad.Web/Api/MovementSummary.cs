using System.Globalization;
using System.Text;
using Marsad.Analysis;
using Marsad.Entities;
using Marsad.Events;

namespace Marsad.Web.Api;

/// <summary>A short account of a movement report in English or Arabic: the period, the regions rising and falling, and where the moves go.</summary>
public static class MovementSummary
{
    // One account, two sets of words: the sentences differ by language, the choice of what to say does not.
    private sealed record Words(
        Func<string, string> NoEvents,
        Func<string, int, string> Head,
        Func<DateOnly, DateOnly, string> Period,
        Func<string, RegionTrend, string> Change,
        string Separator,
        string Rising,
        string Falling,
        string Steady,
        Func<int, string> Moves,
        string Towards,
        string DeparturesAfterTowards,
        string DeparturesAlone,
        Func<ActorDictionary?, string, string> Region,
        Func<string, string> Certainty);

    private static readonly Dictionary<string, string> ArabicCertainty = new(StringComparer.Ordinal)
    {
        ["confirmed"] = "مؤكد",
        ["reported"] = "منقول",
        ["unconfirmed"] = "غير مؤكد",
        ["speculative"] = "مرجّح",
        ["planned"] = "مخطط له",
        ["denied"] = "منفي",
    };

    private static readonly Words English = new(
        actor => $"No located events of {actor} in this period.",
        (actor, n) => string.Create(CultureInfo.InvariantCulture, $"{actor}: {n} located events"),
        (f, t) => string.Create(CultureInfo.InvariantCulture, $" from {f:yyyy-MM-dd} to {t:yyyy-MM-dd}"),
        (region, r) => string.Create(CultureInfo.InvariantCulture, $"{region} ({r.Earlier}→{r.Later})"),
        ", ",
        " Rising in ",
        " Falling in ",
        " No region changed markedly between the two halves of the period.",
        n => string.Create(CultureInfo.InvariantCulture, $" {n} reported movements"),
        ", towards ",
        "; departures from ",
        ", departures from ",
        (actors, code) => actors?.CountriesByCode.GetValueOrDefault(code)?.Name ?? code,
        c => c);

    private static readonly Words Arabic = new(
        actor => $"لا أحداث محددة المكان لـ{actor} في هذه الفترة.",
        (actor, n) => string.Create(CultureInfo.InvariantCulture, $"{actor}: عدد الأحداث محددة المكان {n}"),
        (f, t) => string.Create(CultureInfo.InvariantCulture, $"، من {f:yyyy-MM-dd} إلى {t:yyyy-MM-dd}"),
        (region, r) => string.Create(CultureInfo.InvariantCulture, $"{region} (من {r.Earlier} إلى {r.Later})"),
        "، ",
        " تصاعد في: ",
        " تراجع في: ",
        " لم يتغير النشاط كثيرا في أي منطقة بين نصفي الفترة.",
        n => string.Create(CultureInfo.InvariantCulture, $" تحركات منقولة: {n}"),
        "، باتجاه ",
        "، ومغادرة من ",
        "، ومغادرة من ",
        (actors, code) => actors?.ArabicCountryNames.GetValueOrDefault(code) ?? code,
        c => ArabicCertainty.GetValueOrDefault(c, c));

    /// <summary>The account in <paramref name="lang"/> ("ar" or "en"); country names come from the actor dictionary, place names as the gazetteer writes them.</summary>
    public static string Write(MovementReport report, ActorDictionary? actors, string lang)
    {
        var w = lang == "ar" ? Arabic : English;
        if (report.Track.Count == 0 && report.Moves.Count == 0)
            return w.NoEvents(report.Actor);
        var sb = new StringBuilder(w.Head(report.Actor, report.Track.Count));
        if (report.From is { } f && report.To is { } t)
            sb.Append(w.Period(f, t));
        sb.Append('.');
        var rising = report.Regions.Where(r => r.Trend is "rising" or "new").Take(3).ToList();
        var falling = report.Regions.Where(r => r.Trend is "falling" or "gone").Take(3).ToList();
        string Change(RegionTrend r) => w.Change(w.Region(actors, r.Region), r);
        if (rising.Count > 0)
            sb.Append(w.Rising).AppendJoin(w.Separator, rising.Select(Change)).Append('.');
        if (falling.Count > 0)
            sb.Append(w.Falling).AppendJoin(w.Separator, falling.Select(Change)).Append('.');
        if (rising.Count == 0 && falling.Count == 0 && report.Regions.Count > 0)
            sb.Append(w.Steady);
        if (report.Moves.Count > 0)
        {
            sb.Append(w.Moves(report.Moves.Count));
            var towards = Ends(report.Moves, m => m.Destination, w.Certainty);
            var from = Ends(report.Moves.Where(m => m.Destination is null), m => m.Origin, w.Certainty);
            if (towards.Count > 0)
                sb.Append(w.Towards).AppendJoin(w.Separator, towards);
            if (from.Count > 0)
                sb.Append(towards.Count > 0 ? w.DeparturesAfterTowards : w.DeparturesAlone).AppendJoin(w.Separator, from);
            sb.Append('.');
        }
        return sb.ToString();
    }

    // The three places most moves go to (or leave), each with the certainties the texts give.
    private static List<string> Ends(IEnumerable<Move> moves, Func<Move, PlaceRef?> end, Func<string, string> certainty) =>
        moves.Where(m => end(m) is not null).GroupBy(m => end(m)!.Name).OrderByDescending(g => g.Count()).Take(3)
            .Select(g => $"{g.Key} ({string.Join("/", g.Select(m => certainty(m.Certainty)).Distinct())})").ToList();
}
