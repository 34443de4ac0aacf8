using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: counts the text gives for an event.</summary>
public sealed partial class EventExtractor
{
    private Dictionary<string, long> Quantities(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, TriggerSpec spec,
        (int Start, int End) clause, out List<TextSpan> spans)
    {
        var tokens = doc.Tokens;
        var result = new Dictionary<string, long>();
        spans = [];
        int from = clause.Start;
        // Casualty counts often sit in the clause after the trigger: "..., أسفر عن مقتل أربعة".
        int to = clause.End;
        var next = ctx.Clauses.FirstOrDefault(c => c.Start >= clause.End);
        if (next != default) to = next.End;
        int fromChar = tokens[from].Start, toChar = tokens[to - 1].End;
        foreach (var n in doc.Numbers)
        {
            if (n.Span.Start < fromChar || n.Span.End > toChar || !n.IsExact)
                continue;
            int ti = TokenAt(tokens, n.Span.End - 1, from, to);
            if (ti < 0) continue;
            string? key = null;
            // A killing word right before the number makes it a death toll: "مقتل أربعة مدنيين"، "قتل 5 مدنيين".
            int tb = TokenAt(tokens, n.Span.Start, from, to);
            if (tb > from && (ctx.CuesIn(tb - 1, tb, "fatality").Any()
                || Longest(_lex.QuantityNouns.MatchesAt(tokens, tb - 1, to)) is { Entry.Value.Key: "fatalities" }))
                key = "fatalities";
            // Otherwise the noun after the number says what it counts: "17 صاروخا", "48 مروحية", "297 شخصا".
            if (key is null && ti + 1 < to && Longest(_lex.QuantityNouns.MatchesAt(tokens, ti + 1, to)) is { } after)
                key = after.Entry.Value.Key;
            // English puts adjectives between the count and its noun: "17 anti-aircraft missiles", "two Italian engineers".
            for (int k = ti + 2; key is null && SubjectFirst && k < Math.Min(to, ti + 5); k++)
            {
                if (tokens[k - 1].Kind == TokenKind.Number || tokens[k - 1].Kind == TokenKind.Punctuation && tokens[k - 1].Surface != "-")
                    break;
                // "anti-aircraft": a noun glued after a hyphen qualifies the next one.
                if (tokens[k - 1].Surface == "-")
                    continue;
                if (Longest(_lex.QuantityNouns.MatchesAt(tokens, k, to)) is { } later)
                    key = later.Entry.Value.Key;
            }
            if (key is null) continue;
            // People counted by an arrest are arrests, whatever noun counts them ("8 عناصر"، "297 شخصا").
            if (key is "people" or "fighters" && spec.Subtype == EventSubtype.Arrests) key = "arrests";
            if (key is "people" && ctx.CuesIn(from, to, "fatality").Any(c => c.LastToken == tb - 1 || c.FirstToken == ti + 2)) key = "fatalities";
            // "five soldiers were (later) killed": in English the killing word follows the counted people.
            if (SubjectFirst && key is "people" or "fighters" && ctx.CuesIn(ti + 2, Math.Min(to, ti + 5), "fatality").Any()) key = "fatalities";
            if (!result.ContainsKey(key))
            {
                result[key] = n.Min;
                spans.Add(n.Span);
            }
        }
        // Dual nouns count two: "مخزنين للسلاح".
        for (int i = from; i < to; i++)
            foreach (var f in tokens[i].MatchForms.Count > 0 ? tokens[i].MatchForms : [tokens[i].Normalized])
                if (_lex.Duals.TryGetValue(f, out var key) && !result.ContainsKey(key))
                {
                    result[key] = 2;
                    spans.Add(tokens[i].Span);
                }
        // One person killed, told without a number: "لقي شرطي مصرعه"، "مقتل جندي وإصابة ثلاثة"، "قتل مسلح".
        if (!result.ContainsKey("fatalities") && spec.Consequence
            && (ctx.CuesIn(m.LastToken + 1, Math.Min(to, m.LastToken + 2), "single_person").FirstOrDefault()
                ?? ctx.CuesIn(Math.Max(from, m.FirstToken - 1), m.FirstToken, "single_person").FirstOrDefault()) is { } one
            && !(one.LastToken + 1 < tokens.Count && tokens[one.LastToken + 1].Kind == TokenKind.Number))
        {
            result["fatalities"] = 1;
            spans.Add(one.Span);
        }
        // A killing of one named person: "قتل «طلال السعيدي» زعيم ...".
        if (!result.ContainsKey("fatalities") && m.Entry.Words.Any(w => w.Form.StartsWith("قتل", StringComparison.Ordinal)))
        {
            int k = m.LastToken + 1;
            if (k < to && tokens[k].Surface is "\"" or "«" or "“")
                result["fatalities"] = 1;
        }
        return result;
    }

    private static PhraseMatch<T>? Longest<T>(List<PhraseMatch<T>> matches) => matches.Count == 0 ? null : matches[0];

    private static int TokenAt(List<Token> tokens, int charOffset, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (tokens[i].Start <= charOffset && charOffset < tokens[i].End)
                return i;
        return -1;
    }
}
