using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: how the text presents the event (confirmed, reported, hedged, planned, denied).</summary>
public sealed partial class EventExtractor
{
    private (string Code, TextSpan? Span) Certainty(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, (int Start, int End) clause, EntityMention? actor1)
    {
        var tokens = doc.Tokens;
        int windowStart = Math.Max(clause.Start, m.FirstToken - 8);
        // Hedges and plans govern what follows them closely ("تعد خططا ... تفيد بفرار" is a plan about a report, not a planned flight).
        int nearStart = Math.Max(clause.Start, m.FirstToken - 4);
        Cue? Near(string cls) => ctx.CuesIn(windowStart, Math.Min(clause.End, m.LastToken + 3), cls).LastOrDefault();
        Cue? Close(string cls) => ctx.CuesIn(nearStart, Math.Min(clause.End, m.LastToken + 3), cls).LastOrDefault();

        if (Near("certainty_denied") is { } d) return ("denied", d.Span);
        if (ctx.CuesIn(m.LastToken + 1, clause.End, "certainty_denied_after").FirstOrDefault() is { } da) return ("denied", da.Span);
        if (ctx.CuesIn(ctx.First, ctx.End, "certainty_unconfirmed").FirstOrDefault() is { } u) return ("unconfirmed", u.Span);
        var trig = tokens[m.FirstToken];
        bool future = trig.Segments.Any(s => s.Role == SegmentRole.Future)
            || (trig.Normalized.Length > 3 && trig.Normalized[0] == 'س' && trig.Normalized[1] is 'ي' or 'ت' or 'ن' && trig.MatchForms.Contains(trig.Normalized[1..]));
        if (future) return ("planned", trig.Span);
        if (Close("certainty_planned") is { } p) return ("planned", p.Span);
        if (Close("future_particle") is { } fp) return ("planned", fp.Span);
        // A noun of action whose own verb is future: "الشروع في تركيز المراقبة ... سيبدأ قريبا".
        var nouns = m.Entry.Value.Noun;
        if (nouns && ctx.CuesIn(m.LastToken + 1, clause.End, "certainty_planned").FirstOrDefault() is { } later) return ("planned", later.Span);
        if (Near("certainty_speculative") is { } s) return ("speculative", s.Span);
        // قد before an imperfect verb is "may"; before a past verb it only stresses the fact.
        foreach (var q in ctx.CuesIn(windowStart, m.FirstToken, "may_particle"))
        {
            // Past forms that happen to start like an imperfect (نفذت، نقلوا) end in ت or وا.
            if (q.LastToken + 1 < tokens.Count && tokens[q.LastToken + 1].Normalized is { Length: > 2 } next && next[0] is 'ي' or 'ت' or 'ن'
                && !next.EndsWith('ت') && !next.EndsWith("وا", StringComparison.Ordinal))
                return ("speculative", q.Span);
        }
        // "reportedly": the outlet passes the act on without naming whom from.
        if (Near("certainty_reported") is { } rep) return ("reported", rep.Span);
        if (ctx.Source is { } src && Governs(doc, ctx, src, m, clause)
            && (src.ThirdParty || (src.Entity is not null && actor1 is not null && !SameParty(src, actor1))))
            return ("reported", src.Span);
        return ("confirmed", null);
    }

    // A source credited before the act governs it; one named after it only when it is a tag
    // ("بحسب المرصد") or set off by a comma, not when a verb of saying introduces something else.
    private static bool Governs(Document doc, SentenceContext ctx, Attribution src, PhraseMatch<TriggerSpec> m, (int Start, int End) clause)
    {
        if (src.Span.Start < m.Span.Start || src.Span.Start < doc.Tokens[ctx.First].Start || src.Cue == "attr_according")
            return true;
        int srcToken = doc.Tokens.FindIndex(ctx.First, ctx.Sentence.TokenCount, t => t.Start >= src.Span.Start);
        return srcToken < 0 || srcToken >= clause.End;
    }

    // A source speaks for the actor when it names the same actor or belongs to the same state.
    private static bool SameParty(Attribution src, EntityMention actor)
    {
        if (src.Entity is { } e)
        {
            if (e.Name == actor.Name) return true;
            if (e.Country is not null && actor.Country is not null && e.Country.Code == actor.Country.Code) return true;
            if (e.Actor?.Country is not null && actor.Country?.Code == e.Actor.Country) return true;
        }
        return ArabicNormalizer.Normalize(src.Name).Contains(ArabicNormalizer.Normalize(actor.Name), StringComparison.Ordinal);
    }
}
