using Marsad.Entities;
using Marsad.Events.Learning;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: the trained choice of who acted and on whom among the mentions around a trigger.</summary>
public sealed partial class EventExtractor
{
    /// <summary>
    /// The mentions that may fill actor1 or actor2: actors, state bodies, nationalities and countries in the sentence
    /// and the one before, and, once each, every other actor the article names (the mention nearest the trigger).
    /// </summary>
    private static List<EntityMention> RoleMentions(Document doc, Candidate c)
    {
        var sent = doc.Sentences[c.SentenceIndex];
        int from = c.SentenceIndex > 0 ? doc.Sentences[c.SentenceIndex - 1].FirstToken : sent.FirstToken;
        int end = sent.FirstToken + sent.TokenCount;
        bool Eligible(EntityMention e) => e.IsActor || e.Kind == EntityKind.Actor;
        var list = doc.Entities.Where(e => e.FirstToken >= from && e.FirstToken < end && Eligible(e)).ToList();
        var named = list.Select(e => e.ActorName).ToHashSet(StringComparer.Ordinal);
        foreach (var g in doc.Entities.Where(e => Eligible(e) && !named.Contains(e.ActorName)).GroupBy(e => e.ActorName))
            list.Add(g.MinBy(e => Math.Abs(e.FirstToken - c.TriggerToken))!);
        // The rules may have carried a doer over from further back ("وكانت قد انتزعت ..."): it stays a choice.
        foreach (var r in new[] { c.Actor1, c.Actor2 })
            if (r is not null && !list.Contains(r))
                list.Add(r);
        return list;
    }

    // What the role model reads of one (event, mention) pair: where the mention sits from the trigger, what
    // kind of actor it is, the words that introduce it, and what the rules chose.
    private static string[] RoleFeatures(Document doc, Candidate c, EntityMention e, RoleContext ctx)
    {
        var tokens = doc.Tokens;
        var sent = doc.Sentences[c.SentenceIndex];
        int trig = c.TriggerToken;
        int eSent = SentenceOf(doc, e.FirstToken);
        bool earlier = eSent < c.SentenceIndex;
        string pos = eSent == c.SentenceIndex - 1 ? "prev" : eSent < c.SentenceIndex ? (eSent < 2 ? "lede" : "earlier")
            : eSent > c.SentenceIndex ? "later" : e.LastToken < trig ? "before" : e.FirstToken > trig ? "after" : "in";
        int dist = eSent != c.SentenceIndex ? 99 : Math.Max(0, e.LastToken < trig ? trig - e.LastToken : e.FirstToken - trig);
        string db = dist <= 1 ? "1" : dist <= 3 ? "3" : dist <= 6 ? "6" : dist <= 12 ? "12" : "far";
        string cat = e.Kind == EntityKind.Actor ? "a_" + e.Actor!.Category : e.Kind == EntityKind.Place ? "country" : e.Kind.ToString().ToLowerInvariant();
        string type = c.Type;
        var f = new List<string>(32)
        {
            "pos:" + pos, "pd:" + pos + db, "cat:" + cat, "cat_pos:" + cat + "|" + pos, "type_pos:" + type + "|" + pos,
            "type_cat:" + type + "|" + cat, "type_pd:" + type + "|" + pos + db, "verb:" + c.IsVerb + "|" + pos,
            "rule1:" + Same(c.Actor1, e), "rule2:" + Same(c.Actor2, e),
            "rule1_t:" + Same(c.Actor1, e) + "|" + type, "rule2_t:" + Same(c.Actor2, e) + "|" + type,
        };
        if (c.Source is { } src && src.Span.Overlaps(e.Span)) f.Add("source");
        f.Add("freq:" + Math.Min(4, ctx.Mentions.GetValueOrDefault(e.ActorName)) + "|" + pos);
        // The nearest mentions on each side are the usual subject and object.
        int ai = ctx.After.IndexOf(e), bi = ctx.Before.IndexOf(e);
        if (ai >= 0) f.Add("after_rank:" + Math.Min(ai, 3) + "|" + type);
        if (bi >= 0) f.Add("before_rank:" + Math.Min(bi, 3) + "|" + type);
        // The word that introduces the mention (ضد، على، بين، مع، من قبل) and a preposition on it (لداعش، بالحوثيين).
        if (e.FirstToken > 0)
        {
            var prev = tokens[e.FirstToken - 1];
            f.Add("pw:" + prev.Normalized);
            f.Add("pw_t:" + prev.Normalized + "|" + type);
            if (e.FirstToken > 1) f.Add("pw2:" + tokens[e.FirstToken - 2].Normalized + "_" + prev.Normalized);
        }
        var head = tokens[e.FirstToken];
        if (head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition)
            f.Add("clitic:" + head.Segments[0].Normalized + "|" + pos);
        // Words between the trigger and a mention after it tell subject from object (قصف طيران التحالف مواقع ...).
        if (pos == "after" && dist <= 8)
            for (int k = trig + 1; k < e.FirstToken; k++)
            {
                f.Add("btw:" + tokens[k].Normalized);
                if (tokens[k].Kind == TokenKind.Punctuation) f.Add("btw_punct");
            }
        if (pos == "before" && dist <= 8)
            for (int k = e.LastToken + 1; k < trig; k++)
                if (tokens[k].Kind == TokenKind.Punctuation) f.Add("btw_punct_before");
        f.Add("trig_pos:" + tokens[trig].Stem + "|" + pos);
        return [.. f];
    }

    private static bool Same(EntityMention? a, EntityMention b) => a is not null && a.Span == b.Span;

    // What every mention's features share, computed once per event: how often the article names each actor, and
    // the mentions after and before the trigger in its sentence, nearest first.
    private sealed record RoleContext(Dictionary<string, int> Mentions, List<EntityMention> After, List<EntityMention> Before);

    /// <summary>Each role mention of a candidate with its features.</summary>
    private static List<(EntityMention Mention, string[] Features)> RoleChoices(Document doc, Candidate c)
    {
        var all = RoleMentions(doc, c);
        var sent = doc.Sentences[c.SentenceIndex];
        int trig = c.TriggerToken;
        var ctx = new RoleContext(
            doc.Entities.GroupBy(o => o.ActorName).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            all.Where(o => o.FirstToken > trig && o.LastToken < sent.FirstToken + sent.TokenCount).OrderBy(o => o.FirstToken).ToList(),
            all.Where(o => o.LastToken < trig && o.FirstToken >= sent.FirstToken).OrderByDescending(o => o.FirstToken).ToList());
        return all.Select(e => (e, RoleFeatures(doc, c, e, ctx))).ToList();
    }

    // The trained choice: the pair (actor1, actor2) of distinct parties whose probabilities together are highest, a
    // role left empty scoring the threshold, so that in a battle the likelier doer is chosen knowing who else is there.
    private static Candidate AssignRoles(Document doc, Candidate c, ChoiceModel model)
    {
        var choices = RoleChoices(doc, c);
        if (choices.Count == 0)
            return c with { Actor1 = null, Actor2 = null };
        var scored = choices.Select(x => (x.Mention, P: model.Probabilities(x.Features))).ToList();
        double t = model.Threshold;
        var ones = scored.Where(x => x.P[1] >= t).Select(x => ((EntityMention?)x.Mention, x.P[1])).Append((null, t)).ToList();
        var twos = scored.Where(x => x.P[2] >= t).Select(x => ((EntityMention?)x.Mention, x.P[2])).Append((null, t)).ToList();
        (EntityMention? A1, EntityMention? A2, double Score) best = (null, null, -1);
        foreach (var (m1, p1) in ones)
            foreach (var (m2, p2) in twos)
                if ((m1 is null || m2 is null || m1.ActorName != m2.ActorName) && p1 * p2 > best.Score)
                    best = (m1, m2, p1 * p2);
        return c with { Actor1 = best.A1, Actor2 = best.A2 };
    }
}

/// <summary>The event extractor: the trained choice of the event's place among the places the article names.</summary>
public sealed partial class EventExtractor
{
    /// <summary>Places that may be the event's: every place the article names, the mention nearest the trigger for each.</summary>
    private static List<EntityMention> PlaceMentions(Document doc, Candidate c)
    {
        int trig = c.TriggerToken;
        var list = doc.Entities.Where(e => e.Kind == EntityKind.Place && e.Place is not null)
            .GroupBy(e => e.Place!.Id)
            .Select(g => g.MinBy(e => Math.Abs(e.FirstToken - trig))!)
            .ToList();
        if (c.Place is { Place: not null } rule && !list.Any(e => e.Place!.Id == rule.Place!.Id))
            list.Add(rule);
        return list;
    }

    private static string[] PlaceFeatures(Document doc, Candidate c, EntityMention e, PlaceContext ctx)
    {
        var tokens = doc.Tokens;
        var sent = doc.Sentences[c.SentenceIndex];
        int trig = c.TriggerToken, sentEnd = sent.FirstToken + sent.TokenCount;
        int eSent = SentenceOf(doc, e.FirstToken);
        int gap = eSent - c.SentenceIndex;
        string where = gap == 0 ? (e.LastToken < trig ? "before" : "after") : gap == -1 ? "prev" : gap == 1 ? "next" : gap < 0 ? (eSent < 2 ? "lede" : "earlier") : "later";
        int dist = gap != 0 ? 99 : Math.Max(0, e.LastToken < trig ? trig - e.LastToken : e.FirstToken - trig);
        string db = dist <= 2 ? "2" : dist <= 5 ? "5" : dist <= 10 ? "10" : dist <= 20 ? "20" : "far";
        var p = e.Place!;
        string prec = p.Precision;
        int mentions = ctx.Mentions.GetValueOrDefault(p.Id);
        var f = new List<string>(32)
        {
            "w:" + where, "wd:" + where + db, "prec:" + prec, "w_prec:" + where + "|" + prec, "t_w:" + c.Type + "|" + where,
            "t_prec:" + c.Type + "|" + prec, "rule:" + (c.Place?.Place?.Id == p.Id), "rule_prec:" + (c.Place?.Place?.Id == p.Id) + "|" + prec,
            "freq:" + Math.Min(mentions, 4), "curated:" + p.Curated,
        };
        // A town in the same sentence is more specific than a country or region there.
        bool pointHere = ctx.TownsHere.Any(o => o != e);
        f.Add("point_here:" + pointHere + "|" + prec);
        // Within the country of the sentence's other places, or of the rule's place.
        if (c.Place?.Place is { } rp) f.Add("same_country_as_rule:" + (rp.Country == p.Country));
        if (ctx.DominantCountry is { } dc) f.Add("dominant_country:" + (dc == p.Country));
        if (e.FirstToken > 0)
        {
            var prev = tokens[e.FirstToken - 1];
            f.Add("pw:" + prev.Normalized);
            f.Add("pw_w:" + prev.Normalized + "|" + where);
        }
        var head = tokens[e.FirstToken];
        if (head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition)
            f.Add("clitic:" + head.Segments[0].Normalized + "|" + where);
        if (c.Actor1?.Span.Overlaps(e.Span) == true || c.Actor2?.Span.Overlaps(e.Span) == true) f.Add("is_actor");
        if (sentEnd > 0 && gap == 0) f.Add("same_clause:" + (ClauseIndex(tokens, sent, e.FirstToken) == ClauseIndex(tokens, sent, trig)));
        return [.. f];
    }

    private static int SentenceOf(Document doc, int token)
    {
        int lo = 0, hi = doc.Sentences.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (doc.Sentences[mid].FirstToken <= token) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    // Clauses are counted by the commas and semicolons before the token in its sentence.
    private static int ClauseIndex(List<Token> tokens, Sentence s, int token)
    {
        int n = 0;
        for (int k = s.FirstToken; k < token && k < tokens.Count; k++)
            if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Surface is "،" or "," or "؛" or ";" or ":") n++;
        return n;
    }

    // What every place's features share, computed once per event: how often the article names each place, the
    // country most of its places are in, and the towns of the event's sentence.
    private sealed record PlaceContext(Dictionary<string, int> Mentions, string? DominantCountry, List<EntityMention> TownsHere);

    private static List<(EntityMention Mention, string[] Features)> PlaceChoices(Document doc, Candidate c)
    {
        var all = PlaceMentions(doc, c);
        var ctx = new PlaceContext(
            doc.Entities.Where(o => o.Place is not null).GroupBy(o => o.Place!.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            DominantCountry(doc),
            all.Where(o => SentenceOf(doc, o.FirstToken) == c.SentenceIndex && o.Place!.Precision is "point" or "admin2").ToList());
        return all.Select(e => (e, PlaceFeatures(doc, c, e, ctx))).ToList();
    }

    // The trained choice of place: the likeliest when likely enough, else what the rules chose.
    private static Candidate AssignPlace(Document doc, Candidate c, ChoiceModel model)
    {
        if (c.SplitFromList)
            return c;
        var choices = PlaceChoices(doc, c);
        if (choices.Count == 0)
            return c;
        var best = choices.Select(x => (x.Mention, P: model.Probability(x.Features))).MaxBy(x => x.P);
        return best.P >= model.Threshold ? c with { Place = best.Mention } : c;
    }
}
