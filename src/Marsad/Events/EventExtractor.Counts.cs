using Marsad.Events.Learning;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: the trained choice of which counts in and around the trigger's sentence belong to the event.</summary>
public sealed partial class EventExtractor
{
    /// <summary>A number in the candidate's sentence that could be one of its counts, with what it would count.</summary>
    private readonly record struct CountChoice(string Key, long Value, string[] Features);

    private List<CountChoice> CountChoices(Document doc, Candidate c)
    {
        var tokens = doc.Tokens;
        // Tolls told in the sentence after the act were tried as choices too: they cost more than they gained in cross-validation.
        var first = doc.Sentences[c.SentenceIndex];
        var last = first;
        var list = new List<CountChoice>();
        foreach (var n in doc.Numbers)
        {
            if (n.Span.Start < first.Span.Start || n.Span.End > last.Span.End || n.Min != n.Max)
                continue;
            int si = SentenceOf(doc, TokenAt(tokens, n.Span.Start, first.FirstToken, last.FirstToken + last.TokenCount) is var t0 and >= 0 ? t0 : first.FirstToken);
            var sent = doc.Sentences[si];
            int from = sent.FirstToken, to = sent.FirstToken + sent.TokenCount;
            string where = si < c.SentenceIndex ? "prev" : si > c.SentenceIndex ? "next" : "same";
            int tb = TokenAt(tokens, n.Span.Start, from, to), ti = TokenAt(tokens, n.Span.End - 1, from, to);
            if (tb < 0 || ti < 0)
                continue;
            var (key, how) = CountKey(doc, c, tb, ti, from, to);
            // A number whose noun says nothing countable ("أربعة عراقيين") counts the dead when a killing word follows it.
            if (key is null && how != "wounded" && _lex.Cues.FindAll(tokens, ti + 1, Math.Min(to, ti + 5)).Any(m => m.Entry.Value == "fatality"))
                (key, how) = ("fatalities", "killing_after_any");
            if (key is null)
                continue;
            int dist = ti < c.TriggerToken ? c.TriggerToken - ti : tb - c.TriggerToken;
            string side = where != "same" ? where : ti < c.TriggerToken ? "before" : "after";
            string db = dist <= 2 ? "2" : dist <= 5 ? "5" : dist <= 10 ? "10" : dist <= 20 ? "20" : "far";
            bool rule = c.Quantities.TryGetValue(key, out var rv) && rv == n.Min;
            var f = new List<string>
            {
                "key:" + key, "how:" + how, "t_key:" + c.Type + "|" + key, "side:" + side + db, "key_side:" + key + "|" + side + db,
                "rule:" + rule, "rule_key:" + rule + "|" + key, "approx:" + n.Approximate, "comma:" + CommaBetween(tokens, Math.Min(ti, c.TriggerToken), Math.Max(tb, c.TriggerToken)),
            };
            if (tb > from) f.Add("pw:" + tokens[tb - 1].Normalized);
            if (ti + 1 < to) f.Add("nw:" + tokens[ti + 1].Stem);
            if (ti + 2 < to) f.Add("nw2:" + tokens[ti + 2].Stem);
            // A wounded count ("إصابة 29") is no toll, whatever noun follows.
            if (CuesNear(tokens, from, to, tb, ti, "wounded")) f.Add("near_wounded");
            if (CuesNear(tokens, from, to, tb, ti, "fatality")) f.Add("near_fatality");
            list.Add(new CountChoice(key, n.Min, [.. f]));
        }
        // One person killed or arrested, told without a number ("استشهد رضيع"، "لقي جندي مصرعه"، "القبض على قيادي"):
        // a singular noun of a person beside a killing word, or in an arrest, may count one.
        var sentence = doc.Sentences[c.SentenceIndex];
        int sFrom = sentence.FirstToken, sTo = sentence.FirstToken + sentence.TokenCount;
        foreach (var one in _lex.Cues.FindAll(tokens, sFrom, sTo).Where(m => m.Entry.Value == "single_person"))
        {
            if (one.LastToken + 1 < sTo && tokens[one.LastToken + 1].Kind == TokenKind.Number
                || one.FirstToken > sFrom && tokens[one.FirstToken - 1].Kind == TokenKind.Number)
                continue;
            bool killed = CuesNear(tokens, sFrom, sTo, one.FirstToken, one.LastToken, "fatality");
            string? key = killed ? "fatalities" : c.Subtype == EventSubtype.Arrests ? "arrests" : null;
            if (key is null)
                continue;
            int dist = Math.Abs(one.FirstToken - c.TriggerToken);
            string db = dist <= 2 ? "2" : dist <= 5 ? "5" : dist <= 10 ? "10" : "far";
            bool rule = c.Quantities.TryGetValue(key, out var rv) && rv == 1;
            list.Add(new CountChoice(key, 1, ["key:" + key, "how:single", "t_key:" + c.Type + "|" + key, "single_d:" + db, "rule:" + rule,
                "rule_key:" + rule + "|" + key, "nw:" + (one.LastToken + 1 < sTo ? tokens[one.LastToken + 1].Stem : "")]));
        }
        return list;
    }

    // What a number counts: a killing word before it makes a toll ("مقتل 5")، otherwise the noun after it ("17 صاروخا").
    private (string? Key, string How) CountKey(Document doc, Candidate c, int tb, int ti, int from, int to)
    {
        var tokens = doc.Tokens;
        string? key = null, how = "noun";
        var before = _lex.Cues.FindAll(tokens, Math.Max(from, tb - 2), tb);
        // "مصرعه وأصيب 15": the word right before the number says what it counts, the wounded included.
        var nearest = before.Where(m => m.Entry.Value is "fatality" or "wounded").MaxBy(m => m.LastToken);
        if (nearest?.Entry.Value == "wounded")
            return (null, "wounded");
        if (nearest is not null || (tb > from && Longest(_lex.QuantityNouns.MatchesAt(tokens, tb - 1, to)) is { Entry.Value.Key: "fatalities" }))
            (key, how) = ("fatalities", "killing_before");
        if (key is null && ti + 1 < to && Longest(_lex.QuantityNouns.MatchesAt(tokens, ti + 1, to)) is { } after)
            key = after.Entry.Value.Key;
        for (int k = ti + 2; key is null && SubjectFirst && k < Math.Min(to, ti + 5); k++)
            if (Longest(_lex.QuantityNouns.MatchesAt(tokens, k, to)) is { } later)
                key = later.Entry.Value.Key;
        if (key is null)
            return (null, how);
        if (key is "people" or "fighters" && c.Subtype == EventSubtype.Arrests) (key, how) = ("arrests", "arrest_people");
        if (key is "people" or "fighters" && _lex.Cues.FindAll(tokens, ti + 1, Math.Min(to, ti + 5)).Any(m => m.Entry.Value == "fatality"))
            (key, how) = ("fatalities", "killing_after");
        return (key, how);
    }

    private bool CuesNear(List<Token> tokens, int from, int to, int tb, int ti, string cls) =>
        _lex.Cues.FindAll(tokens, Math.Max(from, tb - 3), Math.Min(to, ti + 4)).Any(m => m.Entry.Value == cls);

    private static bool CommaBetween(List<Token> tokens, int a, int b)
    {
        for (int k = a + 1; k < b && k < tokens.Count; k++)
            if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Surface is "،" or "," or "؛" or ";" or ".")
                return true;
        return false;
    }

    // The trained choice: for each kind of count, the likeliest number when likely enough. Counts the rules read
    // without a number (a dual noun, "قتل مسلح") stay when the model chose none of that kind.
    private Candidate AssignCounts(Document doc, Candidate c, ChoiceModel model)
    {
        var choices = CountChoices(doc, c);
        var q = new Dictionary<string, long>();
        foreach (var g in choices.GroupBy(x => x.Key))
        {
            var best = g.Select(x => (x.Value, P: model.Probability(x.Features))).MaxBy(x => x.P);
            if (best.P >= model.Threshold) q[g.Key] = best.Value;
        }
        var considered = choices.Select(x => x.Key).ToHashSet();
        foreach (var (k, v) in c.Quantities)
            if (!considered.Contains(k)) q.TryAdd(k, v);
        return c with { Quantities = q };
    }
}
