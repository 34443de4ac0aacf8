using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: actor roles and sources in subject-first languages (English).</summary>
public sealed partial class EventExtractor
{
    private static readonly ActorEntry GenericProtesters = new("Protesters", "protesters", null);

    private static readonly HashSet<string> PassiveAux = new(StringComparer.Ordinal) { "was", "were", "been", "being", "be", "is", "are", "got" };

    // Adverbs that may stand between the auxiliary and the participle ("were reportedly killed").
    private static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "reportedly", "allegedly", "also", "later", "then", "apparently", "subsequently", "all", "both", "not", "eventually",
    };

    // Actor roles in English: the subject stands before the verb, the object after it; a passive verb
    // ("were killed by gunmen") puts the doer after "by" and the one acted on before; a noun of violence takes
    // its doer before it ("Turkish air strikes", "coalition warplanes"), after "by", or as the subject of the
    // verb that carries it ("the army launched air strikes"), and its target after on/against.
    private (EntityMention? Actor1, EntityMention? Actor2) SubjectFirstRoles(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, TriggerSpec spec,
        (int Start, int End) clause, List<EntityMention> actors, bool hasTarget, Func<EntityMention, bool> victimOnly, EntityMention? previousSubject)
    {
        var tokens = doc.Tokens;
        var g = _grammar!;
        EntityMention? actor1 = null, actor2 = null;
        bool MarkedTarget(EntityMention e)
        {
            for (int k = e.FirstToken - 1; k >= Math.Max(ctx.First, e.FirstToken - 2); k--)
            {
                var t = tokens[k];
                if (t.Kind == TokenKind.Punctuation || t.Normalized is "the" or "a" or "an" or "its" or "their") continue;
                if (k >= m.FirstToken && k <= m.LastToken) return false;
                return g.TargetMarkers.Contains(t.Normalized) || t.Normalized is "with" && spec.Type == EventType.Battles;
            }
            return false;
        }
        bool PrecededByWord(EntityMention e, string w, int reach = 3)
        {
            for (int k = e.FirstToken - 1; k >= Math.Max(ctx.First, e.FirstToken - reach); k--)
            {
                if (tokens[k].Normalized == w) return true;
                if (tokens[k].Kind == TokenKind.Punctuation) return false;
            }
            return false;
        }

        var after = actors.Where(e => e.FirstToken > m.LastToken && e.FirstToken < clause.End).OrderBy(e => e.FirstToken).ToList();
        var before = actors.Where(e => e.LastToken < m.FirstToken && e.FirstToken >= clause.Start).OrderByDescending(e => e.FirstToken).ToList();

        // "clashes between X and Y"
        int between = -1;
        for (int k = m.LastToken + 1; k < Math.Min(clause.End, m.LastToken + 4); k++)
            if (tokens[k].Normalized == "between") { between = k; break; }
        if (between >= 0)
        {
            var sides = after.Where(e => e.FirstToken > between).Take(2).ToList();
            if (sides.Count > 0) actor1 = sides[0];
            if (sides.Count > 1) actor2 = sides[1];
        }

        // Passive: an auxiliary (and perhaps an adverb) before a verb trigger; "are attacking" is progressive, not passive.
        bool passive = false;
        if (!spec.Noun && !tokens[m.FirstToken].Normalized.EndsWith("ing", StringComparison.Ordinal))
        {
            for (int k = m.FirstToken - 1; k >= Math.Max(clause.Start, m.FirstToken - 3); k--)
            {
                var w = tokens[k].Normalized;
                if (PassiveAux.Contains(w)) { passive = true; break; }
                if (!Adverbs.Contains(w)) break;
            }
            // The trigger phrase may hold the auxiliary itself ("were wounded").
            passive |= PassiveAux.Contains(m.Entry.Words[0].Form);
            // "the town fell to X": what follows "to" took it.
            passive |= m.Entry.Words.Count > 1 && m.Entry.Words[^1].Form == "to" && spec.Territory;
        }
        var byAgent = after.FirstOrDefault(e => PrecededByWord(e, "by", 3) || (spec.Territory && PrecededByWord(e, "to", 1)));

        if (actor1 is null && passive)
        {
            actor1 = byAgent;
            if (hasTarget)
                actor2 = before.FirstOrDefault(e => e != actor1);
        }
        else if (actor1 is null && spec.Noun)
        {
            // "an attack by X", "air strikes carried out by X"
            actor1 = byAgent;
            // "Turkish air strikes", "coalition warplanes' raids": a doer written right before the noun.
            actor1 ??= before.FirstOrDefault(e => e.LastToken >= m.FirstToken - 2 && !MarkedTarget(e) && !victimOnly(e));
            // "the army launched air strikes": the subject of the clause's verb.
            actor1 ??= before.FirstOrDefault(e => !MarkedTarget(e) && !victimOnly(e));
            if (hasTarget)
                actor2 = after.FirstOrDefault(e => e != actor1 && !SameActor(e, actor1) && MarkedTarget(e))
                    ?? after.FirstOrDefault(e => e != actor1 && !SameActor(e, actor1) && e != byAgent && (spec.Type != EventType.StrategicDevelopments));
        }
        else if (actor1 is null)
        {
            actor1 = before.FirstOrDefault(e => !MarkedTarget(e) && !victimOnly(e));
            if (hasTarget)
                actor2 = after.FirstOrDefault(e => e != actor1 && !SameActor(e, actor1));
            // Movement, protests and threats have no object: whoever follows the verb is the doer when none precedes.
            if (actor1 is null && !hasTarget)
                actor1 = after.FirstOrDefault();
        }

        // Subject earlier in the sentence, before a comma: "Security forces, backed by aircraft, stormed ...".
        if (actor1 is null && !passive)
            actor1 = actors.Where(e => e.LastToken < clause.Start && !MarkedTarget(e) && !victimOnly(e) && e.Kind is EntityKind.Actor or EntityKind.StateActor
                    && (ctx.Source is not { } src || !src.Span.Overlaps(e.Span)))
                .OrderByDescending(e => e.FirstToken).FirstOrDefault();
        // A verb with no subject of its own continues the previous sentence's ("They also seized ...").
        if (actor1 is null && !passive && !spec.Noun && !spec.Consequence && !spec.NoAgent && previousSubject is not null
            && m.FirstToken > clause.Start && tokens[m.FirstToken - 1].Normalized is "they" or "it" or "he" or "also" or "then" or "later")
            actor1 = previousSubject;
        if (hasTarget && actor2 is null)
            actor2 = after.FirstOrDefault(e => e != actor1 && !SameActor(e, actor1) && MarkedTarget(e));
        // ", killing 23 Egyptian soldiers": the participle clause after the act names its victims.
        if (hasTarget && actor2 is null && ctx.Clauses.FirstOrDefault(c => c.Start >= clause.End) is var next && next != default
            && ctx.CuesIn(next.Start, Math.Min(next.End, next.Start + 1), "fatality").Any())
            actor2 = actors.FirstOrDefault(e => e.FirstToken >= next.Start && e.LastToken < next.End && e != actor1 && !SameActor(e, actor1));
        // "its fighters", "their gunmen": a generic doer owned by a named party is that party.
        if (actor1 is { Actor.Category: "unidentified" } generic && generic.FirstToken > ctx.First
            && tokens[generic.FirstToken - 1].Normalized is "its" or "their"
            && ctx.Entities.LastOrDefault(e => e.LastToken < generic.FirstToken && IsArmedParty(e) && e.Actor?.Category != "unidentified") is { } owner)
        {
            actor1 = owner;
            if (actor2 == owner) actor2 = null;
        }
        // A country that opens the clause is its subject: "Tunisia has completed a barrier", "Egypt deployed troops".
        if (actor1 is null && ctx.Entities.FirstOrDefault(e => e.Kind == EntityKind.Place && e.Country is not null && e.LastToken < m.FirstToken
                && e.FirstToken >= clause.Start && (e.FirstToken == clause.Start || tokens[e.FirstToken - 1].Normalized is "the" or "and" or "but" or "while")) is { } state)
            actor1 = state;
        // Security measures and purchases are a state's: the country named before the act.
        if (actor1 is null && spec.Type == EventType.SecurityMeasure)
            actor1 = ctx.Entities.LastOrDefault(e => e.Kind == EntityKind.Place && e.Place?.Precision == "country" && e.LastToken < m.FirstToken);
        // Protests are coded with the protesters first and the force that met them second, whichever the sentence puts first.
        if (spec.Type is EventType.Protests or EventType.Riots)
        {
            var crowd = ctx.Entities.FirstOrDefault(e => e.Actor?.Category == "protesters");
            var force = ctx.Entities.FirstOrDefault(e => e != crowd && IsArmed(e));
            if (crowd is not null)
            {
                actor1 = crowd;
                actor2 = spec.Subtype is EventSubtype.ProtestWithIntervention or EventSubtype.ExcessiveForceAgainstProtesters ? force : null;
            }
            else if (spec.Type == EventType.Protests && (actor1 is null || IsArmed(actor1)))
            {
                // "Several hundred people demonstrated": a protest always has protesters, named or not (ACLED's "Protesters").
                actor2 = spec.Subtype is EventSubtype.ProtestWithIntervention or EventSubtype.ExcessiveForceAgainstProtesters ? actor1 ?? force : null;
                actor1 = new EntityMention(m.Span, m.FirstToken, m.LastToken, EntityKind.Actor, GenericProtesters.Canonical, Actor: GenericProtesters);
            }
        }
        if (actor2 is not null && SameActor(actor2, actor1))
            actor2 = null;

        // As in Arabic: a threat is its speaker's; a battle or strike with no named enemy is against the party
        // the article keeps naming (here only when named at least twice: English names the enemy when it has
        // one); civilians named in the clause are the victims.
        if (spec.Type == EventType.Threat && ctx.Source?.Entity is { } speaker && speaker.Kind is EntityKind.Actor or EntityKind.StateActor)
        {
            if (actor1 is not null && actor1 != speaker) actor2 ??= actor1;
            actor1 = speaker;
        }
        if (actor2 is null && actor1 is not null && spec.Type is EventType.Battles or EventType.ExplosionsRemoteViolence)
            actor2 = MainOpponent(ctx, actor1, minMentions: 2);
        if (hasTarget && spec.Type != EventType.StrategicDevelopments && actor2 is null)
            actor2 = ctx.Entities.FirstOrDefault(e => e.Actor?.Category == "civilians" && e.FirstToken >= clause.Start && e.LastToken < clause.End && e != actor1);
        return (actor1, actor2);
    }

    // "Islamic State claimed responsibility for the bombing": the claimant is the doer of the unattributed attack
    // told just before (in its sentence or the three before it).
    private static void CreditClaims(List<SentenceContext> contexts, List<Candidate> candidates)
    {
        foreach (var ctx in contexts)
            foreach (var cue in ctx.Cues.Where(c => c.Class == "claim"))
            {
                var claimant = ctx.Entities.LastOrDefault(e => e.LastToken < cue.FirstToken && IsArmedParty(e));
                if (claimant is null)
                    continue;
                for (int k = 0; k < candidates.Count; k++)
                {
                    var c = candidates[k];
                    bool before = c.SentenceIndex < ctx.Sentence.Index || (c.SentenceIndex == ctx.Sentence.Index && c.TriggerToken < cue.FirstToken);
                    if (before && c.SentenceIndex >= ctx.Sentence.Index - 3 && Violent(c.Type) && c.Actor1 is null && !SameActor(claimant, c.Actor2))
                        candidates[k] = c with { Actor1 = claimant };
                }
            }
    }

    // English places an event by what earlier sentences told when its own names none, and reads "the border
    // with Libya" as the border between the acting state and Libya.
    private EntityMention? SubjectFirstPlace(Document doc, SentenceContext ctx, EntityMention? place, EntityMention? actor1, PhraseMatch<TriggerSpec> m)
    {
        var tokens = doc.Tokens;
        if (place is { Place.Precision: "country", Country: { } other } && actor1?.Country is { } own && own.Code != other.Code
            && Enumerable.Range(Math.Max(0, place.FirstToken - 4), Math.Min(4, place.FirstToken)).Any(k => tokens[k].Normalized is "border" or "borders" or "frontier")
            && _gazetteer is { } gz && (gz.CuratedByName($"{own.Name}–{other.Name} border") ?? gz.CuratedByName($"{other.Name}–{own.Name} border")) is { } entry)
            return place with { Place = entry, Name = entry.Name, Country = null };
        if (place is not null)
            return place;
        // One town told before and no other: "the attackers killed seven civilians" happened there too.
        var earlier = doc.Entities.Where(e => e.Kind == EntityKind.Place && e.Span.End <= m.Span.Start && e.Place?.Precision is "point" or "admin1" or "admin2")
            .GroupBy(e => e.Place!.Id).ToList();
        return earlier.Count == 1 ? earlier[0].Last() : null;
    }

    // Who an English sentence credits: "according to X", "X said/told/reported", "..., said X", "citing X".
    private Attribution? SubjectFirstSource(Document doc, SentenceContext ctx, Attribution? previous)
    {
        var tokens = doc.Tokens;
        foreach (var cue in ctx.Cues.Where(c => c.Class.StartsWith("attr_", StringComparison.Ordinal)).OrderBy(c => c.FirstToken))
        {
            switch (cue.Class)
            {
                case "attr_according":
                {
                    if (NounPhraseAfter(doc, ctx, cue.LastToken + 1) is { } span)
                        return EnglishSource(doc, ctx, span, cue.Class);
                    break;
                }
                case "attr_speech":
                {
                    // "X said": the noun phrase right before the verb (back to punctuation or a function word).
                    int last = cue.FirstToken - 1;
                    int first = last;
                    while (first >= ctx.First && first > last - 7 && (tokens[first].Kind == TokenKind.Word || Glued(tokens, first))
                        && !IsStopper(tokens[first]) && tokens[first].Normalized is not ("he" or "she" or "they" or "it" or "we" or "i"))
                        first--;
                    first++;
                    if (first <= last)
                    {
                        var span = TextSpan.FromBounds(tokens[first].Start, tokens[last].End);
                        return EnglishSource(doc, ctx, span, cue.Class);
                    }
                    // "he said", "they said": the speaker named before.
                    if (last >= ctx.First && tokens[last].Normalized is "he" or "she" or "they" && previous is not null)
                        return previous;
                    // "..., said a police spokesman": the phrase after.
                    if (NounPhraseAfter(doc, ctx, cue.LastToken + 1) is { } after && (last < ctx.First || tokens[last].Kind == TokenKind.Punctuation))
                        return EnglishSource(doc, ctx, after, cue.Class);
                    break;
                }
                case "attr_continue":
                    if (previous is not null)
                        return previous;
                    break;
            }
        }
        return null;
    }

    // A hyphen written inside a word ("Houthi-run") is part of the phrase.
    private static bool Glued(List<Token> tokens, int k) =>
        tokens[k].Surface == "-" && k > 0 && k + 1 < tokens.Count && tokens[k - 1].End == tokens[k].Start && tokens[k].End == tokens[k + 1].Start;

    private Attribution EnglishSource(Document doc, SentenceContext ctx, TextSpan span, string cue)
    {
        var ent = ctx.Entities.FirstOrDefault(e => span.Contains(e.Span) && e.Kind != EntityKind.Place);
        bool anonymous = ctx.Cues.Any(c => c.Class == "attr_anonymous" && span.Contains(c.Span));
        bool third = anonymous || ent?.Actor?.Category is "outlet" or "observer";
        var text = doc.Slice(span);
        foreach (var article in new[] { "the ", "The ", "a ", "A ", "an ", "An " })
            if (text.StartsWith(article, StringComparison.Ordinal))
            {
                text = text[article.Length..];
                break;
            }
        // A named source keeps its canonical name; generic words (residents, officials) keep the text's own.
        string name = ent is not null && ent.Span == span && ent.Kind == EntityKind.Actor && ent.Actor?.Category is not ("civilians" or "unidentified" or "protesters")
            ? ent.Name : text.Trim('"', '“', '”', ' ');
        return new Attribution(name, span, third, ent) { Cue = cue };
    }
}
