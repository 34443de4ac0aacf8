using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: what the trained filter sees of a candidate.</summary>
public sealed partial class EventExtractor
{
    // What the filter model sees of a candidate: the trigger and its neighbours, the arguments found,
    // the cue classes of its clause and the words of its sentence.
    private static string[] Features(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, TriggerSpec spec, (int Start, int End) clause,
        string type, string subtype, EntityMention? actor1, EntityMention? actor2, EntityMention? place, TimeMention? time,
        Dictionary<string, long> quantities, string certainty)
    {
        var tokens = doc.Tokens;
        var f = new List<string>(64)
        {
            "t:" + type, "st:" + subtype, "pos:" + (spec.Noun ? "noun" : "verb"),
            "trig:" + string.Join('_', m.Entry.Words.Select(w => w.Form)),
            "time:" + (time is null ? "none" : time.Kind), "place:" + (place?.Place?.Precision ?? "none"),
            "a1:" + Category(actor1), "a2:" + Category(actor2), "cert:" + certainty,
            "src:" + (ctx.Source is null ? "none" : ctx.Source.ThirdParty ? "third" : "named"),
            "num:" + (quantities.Count > 0), "fat:" + quantities.ContainsKey("fatalities"),
            "len:" + (ctx.Sentence.TokenCount switch { < 15 => "s", < 30 => "m", < 50 => "l", _ => "xl" }),
            "at:" + (m.FirstToken - ctx.First < 3 ? "start" : "inside"),
        };
        // How the act is told: a definite noun or one inside a prepositional phrase ("في الهجوم"، "بعد الهجوم")
        // is usually known already; a verb or an indefinite noun in the first clause is usually the news.
        var head = tokens[m.FirstToken];
        f.Add("def:" + head.Segments.Any(g => g.Role == SegmentRole.Article));
        f.Add("prep:" + AfterPreposition(tokens, ctx, m.FirstToken));
        f.Add("clause:" + (ctx.Clauses.Count > 0 && ctx.Clauses[0] == clause ? "first" : "later"));
        var trig = tokens[m.FirstToken].Normalized;
        if (!spec.Noun)
            f.Add("tense:" + (trig.Length > 3 && trig[0] == 'س' && trig[1] is 'ي' or 'ت' or 'ن' ? "future" : trig[0] is 'ي' or 'ت' or 'ن' ? "present" : "past"));
        for (int k = 1; k <= 2; k++)
        {
            if (m.FirstToken - k >= ctx.First) f.Add($"p{k}:" + tokens[m.FirstToken - k].Stem);
            if (m.LastToken + k < ctx.End) f.Add($"n{k}:" + tokens[m.LastToken + k].Stem);
        }
        foreach (var c in ctx.Cues)
        {
            if (c.FirstToken >= clause.Start && c.LastToken < clause.End) f.Add("cue:" + c.Class);
            if (c.LastToken < m.FirstToken && c.LastToken >= m.FirstToken - 3) f.Add("cueb:" + c.Class);
        }
        for (int k = ctx.First; k < ctx.End; k++)
            if (tokens[k].Kind == TokenKind.Word && tokens[k].Stem.Length >= 3)
                f.Add("w:" + tokens[k].Stem);
        return f.Distinct().ToArray();
    }

    private static string Category(EntityMention? e) => e is null ? "none"
        : e.Kind == EntityKind.Actor ? e.Actor!.Category : e.Kind.ToString().ToLowerInvariant();
}
