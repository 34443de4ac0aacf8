using Marsad.Geo;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Entities;

/// <summary>
/// Finds actors, places and nationality adjectives by dictionary, sentence by sentence, taking the
/// longest phrase at each point. State bodies are built from a head and a nationality
/// (الجيش التونسي، القوات التركية), including coordinated adjectives (الجيش التونسي والجزائري).
/// </summary>
public sealed class EntityRecognizer : IDocumentStage
{
    private static readonly HashSet<string> StandaloneHeads = new(StringComparer.Ordinal)
    {
        "الجيش", "الشرطه", "قوات الامن", "الاجهزه الامنيه", "حرس الحدود", "وزاره الداخليه", "وزاره الدفاع", "الحرس الوطني",
    };

    private readonly ActorDictionary _actors;
    private readonly Gazetteer _gazetteer;

    public EntityRecognizer(ActorDictionary actors, Gazetteer gazetteer)
    {
        _actors = actors;
        _gazetteer = gazetteer;
    }

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        foreach (var sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            int i = sentence.FirstToken;
            while (i < end)
            {
                int next = TryAt(document, i, end);
                i = next > i ? next : i + 1;
            }
        }
    }

    // Returns the index after the mention found at i, or i when none starts there.
    private int TryAt(Document doc, int i, int end)
    {
        var tokens = doc.Tokens;
        if (tokens[i].Kind != TokenKind.Word)
            return i;
        var actor = Longest(_actors.Actors.MatchesAt(tokens, i, end));
        var head = Longest(_actors.Heads.MatchesAt(tokens, i, end));
        var place = Longest(_gazetteer.Names.MatchesAt(tokens, i, end));
        var nat = Longest(_actors.Nationalities.MatchesAt(tokens, i, end));

        // A head followed by a nationality (possibly after one more word: وزير الدفاع التونسي) is a state body.
        if (head is not null && (actor is null || head.TokenCount >= actor.TokenCount))
        {
            int after = head.LastToken + 1;
            for (int gap = 0; gap <= 1 && after + gap < end; gap++)
            {
                var adj = Longest(_actors.Nationalities.MatchesAt(tokens, after + gap, end));
                if (adj is null)
                    continue;
                var country = adj.Entry.Value;
                var span = TextSpan.FromBounds(tokens[i].Start, tokens[adj.LastToken].End);
                doc.Entities.Add(new EntityMention(span, i, adj.LastToken, EntityKind.StateActor,
                    ActorDictionary.StateActorName(head.Entry.Value.Kind, country), Country: country));
                int k = adj.LastToken + 1;
                // Coordinated nationality: الجيش التونسي والجزائري → a second state body of the same kind.
                while (k < end && tokens[k].Surface.StartsWith('و'))
                {
                    var adj2 = Longest(_actors.Nationalities.MatchesAt(tokens, k, end));
                    if (adj2 is null)
                        break;
                    doc.Entities.Add(new EntityMention(adj2.Span, k, adj2.LastToken, EntityKind.StateActor,
                        ActorDictionary.StateActorName(head.Entry.Value.Kind, adj2.Entry.Value), Country: adj2.Entry.Value));
                    k = adj2.LastToken + 1;
                }
                return k;
            }
            // A head followed by a dictionary actor (قوات «داعش») is that actor.
            if (after < end)
            {
                int a = after;
                while (a < end && tokens[a].Kind == TokenKind.Punctuation) a++;
                if (a < end && Longest(_actors.Actors.MatchesAt(tokens, a, end)) is { } inner)
                {
                    doc.Entities.Add(new EntityMention(TextSpan.FromBounds(tokens[i].Start, inner.Span.End), i, inner.LastToken,
                        EntityKind.Actor, inner.Entry.Value.Canonical, Actor: inner.Entry.Value));
                    return inner.LastToken + 1;
                }
            }
            if (StandaloneHeads.Contains(PhraseForm(tokens, head)) && (actor is null || head.TokenCount > actor.TokenCount))
            {
                doc.Entities.Add(new EntityMention(head.Span, i, head.LastToken, EntityKind.StateActor, CleanName(doc, head.Span, i)));
                return head.LastToken + 1;
            }
        }

        int best = Math.Max(actor?.TokenCount ?? 0, Math.Max(place?.TokenCount ?? 0, nat?.TokenCount ?? 0));
        if (best == 0)
            return i;
        if (actor is not null && actor.TokenCount == best)
        {
            doc.Entities.Add(new EntityMention(actor.Span, i, actor.LastToken, EntityKind.Actor, actor.Entry.Value.Canonical, Actor: actor.Entry.Value));
            return actor.LastToken + 1;
        }
        // "الحدود السورية": after a definite noun a word that is both a country and an adjective is the adjective.
        if (place is not null && nat is not null && nat.TokenCount == place.TokenCount && place.Entry.Value.Precision == "country"
            && i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Normalized.StartsWith("ال", StringComparison.Ordinal)
            && tokens[i].Normalized.StartsWith("ال", StringComparison.Ordinal))
            place = null;
        if (place is not null && place.TokenCount == best)
        {
            var p = place.Entry.Value;
            var country = p.Precision == "country" ? _actors.CountriesByCode.GetValueOrDefault(p.Country)
                : Longest(_actors.Capitals.MatchesAt(tokens, i, end)) is { } cap && cap.TokenCount == place.TokenCount ? cap.Entry.Value : null;
            doc.Entities.Add(new EntityMention(place.Span, i, place.LastToken, EntityKind.Place, p.Name, Place: p, Country: country));
            return place.LastToken + 1;
        }
        var n = nat!;
        // A nationality right after a place qualifies it (مدينة ميلانو الإيطالية): not an actor of its own.
        if (doc.Entities.Count > 0 && doc.Entities[^1] is { Kind: EntityKind.Place } prev && prev.LastToken == i - 1)
            return n.LastToken + 1;
        doc.Entities.Add(new EntityMention(n.Span, i, n.LastToken, EntityKind.Nationality, n.Entry.Value.Name, Country: n.Entry.Value));
        return n.LastToken + 1;
    }

    /// <summary>The phrase as a name: conjunctions and prepositions clinging to its first word removed (وقوات الأمن → قوات الأمن, للجيش → الجيش).</summary>
    public static string CleanName(Document doc, TextSpan span, int firstToken)
    {
        var t = doc.Tokens[firstToken];
        int stemStart = span.Start;
        bool article = false;
        foreach (var seg in t.Segments)
        {
            if (seg.Role == SegmentRole.Article) { article = true; continue; }
            if (seg.Role == SegmentRole.Stem) { stemStart = seg.Span.Start; break; }
        }
        if (stemStart <= span.Start || stemStart >= span.End)
            return doc.Slice(span);
        var rest = doc.Text[stemStart..span.End];
        return article ? "ال" + rest : rest;
    }

    private static PhraseMatch<T>? Longest<T>(List<PhraseMatch<T>> matches) => matches.Count == 0 ? null : matches[0];

    private static string PhraseForm<T>(List<Token> tokens, PhraseMatch<T> m) =>
        string.Join(' ', m.Entry.Words.Select(w => w.Form));
}
