using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: token and mention tests used to place actors, places and targets.</summary>
public sealed partial class EventExtractor
{
    // The country most of the article's places are in.
    private static string? DominantCountry(Document doc) =>
        doc.Entities.Where(e => e.Kind == EntityKind.Place && e.Place is not null)
            .GroupBy(e => e.Place!.Country).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    // Pluperfect "كان/كانت قد" before the trigger tells an earlier event, not the news of the day.
    private static bool IsBackground(SentenceContext ctx, PhraseMatch<TriggerSpec> m) =>
        ctx.CuesIn(ctx.First, m.FirstToken, "past_aux").Any();

    // Places joined to the event's place by "و" in the same clause: "الضالع وقاعدة العند".
    private static IEnumerable<EntityMention> CoordinatedPlaces(Document doc, SentenceContext ctx, EntityMention place, (int Start, int End) clause, bool english = false)
    {
        var last = place;
        foreach (var e in ctx.Entities.Where(e => e.Kind == EntityKind.Place && e.FirstToken > place.LastToken && e.FirstToken < clause.End).OrderBy(e => e.FirstToken))
        {
            if (e.FirstToken > last.LastToken + 2 || e.Place?.Id == place.Place?.Id)
                yield break;
            var head = doc.Tokens[e.FirstToken];
            bool joined = head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Conjunction
                || (e.FirstToken - 1 > last.LastToken && doc.Tokens[e.FirstToken - 1] is var prev
                    && (prev.Normalized == "و" || prev.Segments.Count > 1 && prev.Segments[0].Role == SegmentRole.Conjunction
                        || (english && prev.Normalized == "and")));
            if (!joined || e.Place?.Precision == "country" != (place.Place?.Precision == "country"))
                yield break;
            yield return e;
            last = e;
        }
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "من", "في", "علي", "الي", "عن", "مع", "بعد", "قبل", "حول", "منذ", "خلال", "ضد", "عبر", "نحو", "اثر", "عقب", "لدي",
    };

    // A word inside a prepositional phrase: a preposition clitic on it (بالهجوم) or one standing before it (في قصف).
    private static bool AfterPreposition(List<Token> tokens, SentenceContext ctx, int i) =>
        tokens[i].Segments.Any(g => g.Role == SegmentRole.Preposition) || (i > ctx.First && Prepositions.Contains(tokens[i - 1].Normalized));

    // ل of purpose on a verbal noun (لشن، لنقل، لتنفيذ): the segmenter keeps short words whole, so look at the forms too.
    private static bool IsPurposeLam(Token t)
    {
        var n = t.Normalized;
        if (n.Length < 3 || n[0] != 'ل' || n.StartsWith("ال", StringComparison.Ordinal) || n.StartsWith("لل", StringComparison.Ordinal))
            return false;
        if (t.Segments.Any(s => s.Role == SegmentRole.Article))
            return false;
        return t.Segments.Any(s => s.Role == SegmentRole.Preposition && s.Normalized == "ل") || t.MatchForms.Contains(n[1..]);
    }

    // سيطرته read as سيطرت+ه: a verb form ending in ت that is really a noun's ta marbuta before a pronoun.
    private static bool NounWithPronoun(Token t, PatternWord w)
    {
        if (w.IsPrefix || w.Form.Length < 3 || w.Form[^1] != 'ت')
            return false;
        var n = t.Normalized;
        return !n.EndsWith(w.Form, StringComparison.Ordinal) && n.Contains(w.Form, StringComparison.Ordinal)
            && (n.EndsWith('ه') || n.EndsWith("ها", StringComparison.Ordinal) || n.EndsWith("هم", StringComparison.Ordinal)
                || n.EndsWith("هما", StringComparison.Ordinal) || n.EndsWith("هن", StringComparison.Ordinal) || n.EndsWith("نا", StringComparison.Ordinal));
    }

    private static bool HasPrepositionClitic(Token t, PatternWord w)
    {
        var n = t.Normalized;
        if (n.Length == 0 || n.StartsWith(w.Form, StringComparison.Ordinal))
            return false;
        int i = n[0] is 'و' or 'ف' ? 1 : 0;
        return i < n.Length && n[i] is 'ب' or 'ل' or 'ك' && !n[i..].StartsWith(w.Form, StringComparison.Ordinal) && n[(i + 1)..].StartsWith(w.Form, StringComparison.Ordinal);
    }

    // A mention introduced by a preposition or a targeting word (ضد داعش، لداعش، مواقع داعش) is no one's subject.
    private static bool ObjectLike(List<Token> tokens, EntityMention e, int sentenceStart, IReadOnlySet<string> targetMarkers, IReadOnlySet<string> prepositions)
    {
        var head = tokens[e.FirstToken];
        if (head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition)
            return true;
        for (int k = e.FirstToken - 1; k >= Math.Max(sentenceStart, e.FirstToken - 2); k--)
        {
            if (tokens[k].Kind == TokenKind.Punctuation) continue;
            return targetMarkers.Contains(tokens[k].Normalized) || targetMarkers.Contains(tokens[k].Stem) || prepositions.Contains(tokens[k].Normalized);
        }
        return false;
    }

    // The non-state armed party named most often so far (earlier sentences and this one), other than the doer.
    private static EntityMention? MainOpponent(SentenceContext ctx, EntityMention doer, int minMentions = 1)
    {
        var key = PartyKey(doer);
        // Ties go to the party named most recently.
        return ctx.EarlierPartyMentions.Concat(ctx.Entities.Where(IsArmed))
            .Select((e, i) => (e, i))
            // State forces and coalitions fight insurgents, not the militias that side with them.
            .Where(x => x.e.Kind == EntityKind.Actor && x.e.Actor!.Category is "rebel" or "islamist" or "militia" && PartyKey(x.e) != key
                && !(x.e.Actor.Category == "militia" && (doer.IsStateSide || doer.Actor?.Category is "coalition" or "international")))
            .GroupBy(x => PartyKey(x.e)).Where(g => g.Count() >= minMentions).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(x => x.i))
            .Select(g => g.Last().e).FirstOrDefault();
    }

    private static bool IsArmed(EntityMention e) =>
        e.Kind is EntityKind.StateActor || e.Kind == EntityKind.Actor && e.Actor!.Category is "state" or "rebel" or "islamist" or "militia" or "coalition" or "international" or "unidentified";

    private static bool IsLamAgent(List<Token> tokens, EntityMention e)
    {
        var head = tokens[e.FirstToken];
        return head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition && head.Segments[0].Normalized == "ل";
    }

    // A name in quotes beyond the event's clause is usually a title (حصلت "الرياض" على نسخة: the newspaper).
    private static bool Quoted(List<Token> tokens, EntityMention e) =>
        e.FirstToken > 0 && e.LastToken + 1 < tokens.Count
        && tokens[e.FirstToken - 1].Surface is "\"" or "«" or "“" && tokens[e.LastToken + 1].Surface is "\"" or "»" or "”";

    private static bool HasPreposition(List<Token> tokens, EntityMention e)
    {
        var head = tokens[e.FirstToken];
        if (head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition)
            return true;
        // "في العاصمة صنعاء": a preposition before the place noun that introduces the name.
        for (int k = e.FirstToken - 1; k >= Math.Max(0, e.FirstToken - 2); k--)
        {
            if (tokens[k].MatchForms.Any(f => f is "في" or "من" or "الي" or "علي" or "مع" or "عن" or "داخل" or "نحو" or "باتجاه" or "حدود" or "قرب"))
                return true;
            if (k < e.FirstToken - 1 || tokens[k].Stem is not ("عاصمه" or "مدينه" or "محافظه" or "ولايه" or "بلده"))
                break;
        }
        return false;
    }

    private static bool PluralPeople(List<Token> tokens, EntityMention e)
    {
        var n = tokens[e.LastToken].Normalized;
        return n.EndsWith("يين", StringComparison.Ordinal) || n.EndsWith("يون", StringComparison.Ordinal);
    }

    private static bool SameActor(EntityMention a, EntityMention? b) => b is not null && a.Name == b.Name;

    // A country named as the actor ("تركيا" as subject) is not also the event's place.
    private static bool IsActorUse(List<Token> tokens, EntityMention p, EntityMention? a1, EntityMention? a2) => p == a1 || p == a2;

    private static bool PrecededBy(List<Token> tokens, EntityMention e, string word)
    {
        var head = tokens[e.FirstToken];
        if (head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition && head.Segments[0].Normalized == word)
            return true;
        for (int k = e.FirstToken - 1; k >= Math.Max(0, e.FirstToken - 3); k--)
        {
            if (tokens[k].Normalized == word) return true;
            if (tokens[k].Kind == TokenKind.Punctuation) break;
        }
        return false;
    }
}
