using Marsad.Geo;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Entities;

/// <summary>
/// Finds actors, places and nationalities in English text without a trained tagger: the actor dictionary's
/// English aliases, state bodies built from a nationality and a head ("Tunisian security forces", "Libya's
/// army", "the army of Tunisia"), gazetteer names written with a capital, titles before names ("Defence
/// Minister Farhat Horchani") and other capitalized sequences as names of people or organisations.
/// </summary>
public sealed class EnglishEntityRecognizer : IDocumentStage
{
    // Heads that name a state body even without a nationality ("police said", "troops advanced").
    private static readonly HashSet<string> StandaloneHeads = new(StringComparer.Ordinal)
    {
        "army", "police", "security forces", "troops", "soldiers", "military", "border guards", "national guard", "interior ministry",
        "defence ministry", "defense ministry", "armed forces", "special forces", "coast guard", "gendarmerie", "policemen", "authorities",
        "ministry of interior", "ministry of defence", "ministry of defense", "government",
    };

    // Nouns after which a nationality names people of that country, not the state acting ("two Italian engineers").
    private static readonly HashSet<string> PeopleNouns = new(StringComparer.Ordinal)
    {
        "engineers", "engineer", "workers", "worker", "nationals", "national", "citizens", "citizen", "tourists", "tourist", "journalists",
        "journalist", "migrants", "civilians", "man", "men", "woman", "women", "children", "nurses", "doctors", "students", "teachers",
        "hostages", "hostage", "businessman", "family", "families", "pilgrims", "fishermen", "truck", "drivers", "aid", "volunteers",
        "national", "people", "youths", "youth", "refugees", "prisoners", "detainees",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "minister", "spokesman", "spokeswoman", "spokesperson", "commander", "general", "gen", "colonel", "col", "brigadier", "brig",
        "major", "maj", "captain", "capt", "lieutenant", "lt", "president", "premier", "governor", "mayor", "leader", "chief", "sheikh",
        "prime", "mr", "mrs", "ms", "dr", "emir", "prince", "king", "sergeant", "sgt",
    };

    // Words that start a capitalized run in English without being names (sentence openers, calendar words).
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "in", "on", "at", "on", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and",
        "meanwhile", "earlier", "later", "also", "after", "before", "during", "since", "according", "there", "some", "no", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several", "last", "yesterday",
        "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "his", "her", "its", "their", "our", "if",
        "when", "while", "as", "however", "separately", "elsewhere", "residents", "witnesses", "officials", "sources", "local",
        // capitalized adjectives of faith and people, which qualify a noun ("a Coptic Christian teacher") rather than name someone
        "christian", "christians", "coptic", "copt", "copts", "muslim", "muslims", "sunni", "shiite", "shia", "kurdish", "arab", "islamist",
        "jihadist", "western", "european", "african", "amazigh", "berber", "yazidi", "alawite", "druze", "tuareg", "jewish",
    };

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "square", "street", "road", "bridge", "hospital", "mosque", "church", "market", "hotel", "stadium", "university", "school",
        "airport", "port", "prison", "camp", "district", "neighbourhood", "neighborhood", "avenue", "highway", "base", "mall", "beach",
    };

    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "ministry", "army", "front", "brigade", "brigades", "council", "party", "agency", "organization", "organisation", "movement",
        "committee", "observatory", "news", "radio", "tv", "television", "union", "forces", "battalion", "group", "office", "guard",
        "company", "association", "league", "network", "authority", "commission", "court",
    };

    private readonly ActorDictionary _actors;
    private readonly Gazetteer _gazetteer;
    private readonly PlaceCues _cues;

    public EnglishEntityRecognizer(ActorDictionary actors, Gazetteer gazetteer, PlaceCues? cues = null)
    {
        _actors = actors;
        _gazetteer = gazetteer;
        _cues = cues ?? PlaceCues.Load(LexiconFiles.DefaultDirectory, "en");
    }

    /// <summary>A recognizer whose place cues come from <paramref name="lexiconDir"/>/en.</summary>
    public static EnglishEntityRecognizer Create(ActorDictionary actors, Gazetteer gazetteer, string lexiconDir) =>
        new(actors, gazetteer, PlaceCues.Load(lexiconDir, "en"));

    public void Process(Document document)
    {
        // Bare heads found (entity index → head kind), given a country once the whole article is read.
        var bareHeads = new Dictionary<int, string>();
        var pending = new List<PendingPlace>();
        var confirmed = new HashSet<ToponymName>();
        foreach (var s in document.Sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            int i = s.FirstToken;
            while (i < end)
            {
                int next = TryAt(document, i, s, end, pending, confirmed, bareHeads);
                i = next > i ? next : i + 1;
            }
        }
        // Resolution may drop places, which shifts indices: remember the bare heads by mention instead.
        var bare = bareHeads.ToDictionary(kv => document.Entities[kv.Key], kv => kv.Value);
        PlaceResolver.Resolve(document, pending, _gazetteer, code => _actors.CountriesByCode.GetValueOrDefault(code));
        GiveBareHeadsACountry(document, bare);
        JoinAffiliations(document);
        AddNames(document);
    }

    private int TryAt(Document doc, int i, Sentence s, int end, List<PendingPlace> pending, HashSet<ToponymName> confirmed, Dictionary<int, string> bareHeads)
    {
        var t = doc.Tokens;
        if (t[i].Kind != TokenKind.Word)
            return i;
        var actor = Longest(_actors.Actors.MatchesAt(t, i, end));
        var nat = Longest(_actors.Nationalities.MatchesAt(t, i, end));
        var head = Longest(_actors.Heads.MatchesAt(t, i, end));
        // "government-held", "rebel-held", "army-backed": a name glued to a hyphen qualifies the next word.
        if (Compound(t, actor, end)) actor = null;
        if (Compound(t, head, end)) head = null;
        var place = EnglishForms.IsCapitalized(t[i]) ? _gazetteer.MatchAt(t, i, end) : null;
        if (place is not null && !IsPlaceHere(doc, place, s, confirmed))
            place = null;

        // "Tunisian (security) forces", "Turkish fighter jets": a nationality, at most one word, then a head.
        if (nat is not null)
        {
            int from = nat.LastToken + 1;
            // "U.S. forces": the abbreviation's last dot stands between the nationality and the head.
            while (from < end && t[from].Surface == ".") from++;
            for (int gap = 0; gap <= 1; gap++)
            {
                int h = from + gap;
                if (h >= end || t[h].Kind != TokenKind.Word)
                    break;
                if (Longest(_actors.Heads.MatchesAt(t, h, end)) is { } hd && (actor is null || hd.LastToken >= actor.LastToken))
                {
                    var country = nat.Entry.Value;
                    var span = TextSpan.FromBounds(t[i].Start, t[hd.LastToken].End);
                    doc.Entities.Add(new EntityMention(span, i, hd.LastToken, EntityKind.StateActor,
                        ActorDictionary.StateActorName(hd.Entry.Value.Kind, country), Country: country) { Surface = doc.Slice(span) });
                    return hd.LastToken + 1;
                }
            }
        }
        // "Libya's army": a country in the possessive, then a head.
        if (place is not null && EnglishForms.IsPossessive(t[place.LastToken])
            && place.Name.Candidates.FirstOrDefault(c => c.Precision == "country") is { } ctry
            && _actors.CountriesByCode.TryGetValue(ctry.Country, out var pc)
            && place.LastToken + 1 < end && Longest(_actors.Heads.MatchesAt(t, place.LastToken + 1, end)) is { } ph)
        {
            var span = TextSpan.FromBounds(t[i].Start, t[ph.LastToken].End);
            doc.Entities.Add(new EntityMention(span, i, ph.LastToken, EntityKind.StateActor, ActorDictionary.StateActorName(ph.Entry.Value.Kind, pc), Country: pc)
            { Surface = doc.Slice(span) });
            return ph.LastToken + 1;
        }
        if (head is not null && (actor is null || head.TokenCount > actor.TokenCount))
        {
            // "the army of Tunisia"
            int of = head.LastToken + 1;
            if (of + 1 < end && t[of].Normalized == "of" && EnglishForms.IsCapitalized(t[of + 1])
                && Longest(_actors.CountryNames.MatchesAt(t, of + 1, end)) is { } cn)
            {
                var span = TextSpan.FromBounds(t[i].Start, t[cn.LastToken].End);
                doc.Entities.Add(new EntityMention(span, i, cn.LastToken, EntityKind.StateActor,
                    ActorDictionary.StateActorName(head.Entry.Value.Kind, cn.Entry.Value), Country: cn.Entry.Value) { Surface = doc.Slice(span) });
                return cn.LastToken + 1;
            }
            var form = string.Join(' ', head.Entry.Words.Select(w => w.Form));
            if (StandaloneHeads.Contains(form))
            {
                var name = doc.Slice(head.Span);
                bareHeads[doc.Entities.Count] = head.Entry.Value.Kind;
                doc.Entities.Add(new EntityMention(head.Span, i, head.LastToken, EntityKind.StateActor, name) { Surface = name });
                return head.LastToken + 1;
            }
        }

        int best = Math.Max(actor?.TokenCount ?? 0, Math.Max(place?.TokenCount ?? 0, nat?.TokenCount ?? 0));
        if (best == 0)
            return i;
        if (actor is not null && actor.TokenCount == best)
        {
            // Generic actors (gunmen, civilians) are written in lower case; names of groups are capitalized,
            // so a capitalized-only alias met in lower case ("observatory") is a common word.
            var span = actor.Span;
            int last = actor.LastToken;
            // "Haftar's air force", "the group's fighters": a named party's forces are that party.
            if (EnglishForms.IsPossessive(t[last]) && last + 1 < end && Longest(_actors.Heads.MatchesAt(t, last + 1, end)) is { } own)
            {
                last = own.LastToken;
                span = TextSpan.FromBounds(span.Start, own.Span.End);
            }
            doc.Entities.Add(new EntityMention(span, i, last, EntityKind.Actor, actor.Entry.Value.Canonical, Actor: actor.Entry.Value)
            { Surface = doc.Slice(span) });
            return last + 1;
        }
        if (place is not null && place.TokenCount == best)
        {
            int last = place.LastToken;
            string? precision = null;
            // "Kasserine province", "Idlib governorate": the unit, named after the name in English.
            if (last + 1 < end && _cues.ClassOf(t[last + 1]) is { } lvl && lvl is "admin1" or "admin2")
            {
                precision = lvl;
                last++;
            }
            else if (i >= 2 && t[i - 1].Normalized == "of" && _cues.ClassOf(t[i - 2]) is { } lvl2 && lvl2 is "admin1" or "admin2")
            {
                precision = lvl2;
            }
            var candidates = place.Name.Candidates;
            var provisional = candidates.MaxBy(c => PlaceResolver.Prior(c, precision))!;
            pending.Add(new PendingPlace(doc.Entities.Count, s.Index, candidates, precision));
            doc.Entities.Add(new EntityMention(TextSpan.FromBounds(t[i].Start, t[last].End), i, last, EntityKind.Place, provisional.Name, Place: provisional,
                Country: provisional.Precision == "country" ? _actors.CountriesByCode.GetValueOrDefault(provisional.Country) : null));
            confirmed.Add(place.Name);
            return last + 1;
        }
        var n = nat!;
        if (n.LastToken + 1 < end && PeopleNouns.Contains(t[n.LastToken + 1].Stem))
            return n.LastToken + 1;
        doc.Entities.Add(new EntityMention(n.Span, i, n.LastToken, EntityKind.Nationality, n.Entry.Value.Name, Country: n.Entry.Value));
        return n.LastToken + 1;
    }

    private static readonly string[][] Affiliations =
    [
        ["linked", "to"], ["loyal", "to"], ["affiliated", "with"], ["affiliated", "to"], ["belonging", "to"], ["allied", "with"], ["allied", "to"],
        ["from"], ["of"], ["with"],
    ];

    // "militants linked to al-Qaeda", "gunmen from the Islamic State group": unnamed fighters said to belong to a
    // named group are that group, not a second party; so are "GNA fighters" and "Hamas gunmen".
    private static void JoinAffiliations(Document doc)
    {
        var t = doc.Tokens;
        for (int k = 0; k < doc.Entities.Count - 1; k++)
        {
            var named = doc.Entities[k];
            var generic = doc.Entities[k + 1];
            if (named.Kind is EntityKind.Actor or EntityKind.StateActor && named.Actor?.Category is not ("unidentified" or "civilians" or "protesters" or "outlet" or "observer")
                && generic.Actor?.Category == "unidentified" && generic.FirstToken == named.LastToken + 1)
            {
                doc.Entities[k] = named with { Span = TextSpan.FromBounds(named.Span.Start, generic.Span.End), LastToken = generic.LastToken };
                doc.Entities.RemoveAt(k + 1);
            }
        }
        for (int k = 0; k < doc.Entities.Count - 1; k++)
        {
            var member = doc.Entities[k];
            if (member.Kind != EntityKind.Actor || member.Actor?.Category != "unidentified")
                continue;
            int at = member.LastToken + 1;
            var link = Affiliations.FirstOrDefault(a => at + a.Length <= t.Count && a.Select((w, x) => t[at + x].Normalized == w).All(b => b));
            if (link is null)
                continue;
            int from = at + link.Length;
            if (from < t.Count && t[from].Normalized == "the") from++;
            var group = doc.Entities[k + 1];
            if (group.FirstToken != from || group.Kind != EntityKind.Actor || group.Actor?.Category is not ("islamist" or "rebel" or "militia"))
                continue;
            doc.Entities[k] = group with { Span = TextSpan.FromBounds(member.Span.Start, group.Span.End), FirstToken = member.FirstToken, Surface = null };
            doc.Entities.RemoveAt(k + 1);
        }
    }

    // "the army", "police", "the interior ministry": English names the state once ("Tunisian security forces") and
    // then drops the adjective.
    private void GiveBareHeadsACountry(Document doc, Dictionary<EntityMention, string> bare)
    {
        if (bare.Count == 0)
            return;
        for (int k = 0; k < doc.Entities.Count; k++)
        {
            var e = doc.Entities[k];
            if (bare.TryGetValue(e, out var kind) && CountryFor(doc, e) is { } country)
                doc.Entities[k] = e with { Name = ActorDictionary.StateActorName(kind, country), Country = country };
        }
    }

    // The state a bare head or a title belongs to: the one named last before it in its sentence, else the country
    // of a place in its sentence ("police in Tripoli"), else of most of the article's places, else the state named
    // last in the article.
    private CountryEntry? CountryFor(Document doc, EntityMention e)
    {
        var sentence = doc.SentenceAt(e.Span.Start);
        int from = sentence?.Span.Start ?? 0, to = sentence?.Span.End ?? doc.Text.Length;
        var inSentence = doc.Entities.Where(x => x != e && x.Span.Start >= from && x.Span.End <= to).ToList();
        if (inSentence.LastOrDefault(x => x.Span.End <= e.Span.Start && x.Kind is EntityKind.StateActor or EntityKind.Nationality && x.Country is not null) is { } state)
            return state.Country;
        // "along the border with Libya", "fled from Libya": the other side is not whose forces these are.
        bool OtherSide(EntityMention x) => x.FirstToken > 0 && doc.Tokens[x.FirstToken - 1].Normalized is "with" or "from" or "against" or "into" or "to";
        if (inSentence.FirstOrDefault(x => x.Kind == EntityKind.Place && x.Place is { Country.Length: > 0 } && !OtherSide(x)) is { Place: { } p }
            && _actors.CountriesByCode.GetValueOrDefault(p.Country) is { } local)
            return local;
        var dominant = doc.Entities.Where(x => x.Kind == EntityKind.Place && x.Place is { Country.Length: > 0 })
            .GroupBy(x => x.Place!.Country).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (dominant is not null && _actors.CountriesByCode.GetValueOrDefault(dominant) is { } home)
            return home;
        return doc.Entities.LastOrDefault(x => x.Span.End <= e.Span.Start && x.Kind is EntityKind.StateActor or EntityKind.Nationality && x.Country is not null)?.Country;
    }

    // A capitalized gazetteer name is a place unless the lexicon says the name needs more context.
    private bool IsPlaceHere(Document doc, ToponymMatch m, Sentence s, HashSet<ToponymName> confirmed)
    {
        var evidence = _cues.EvidenceFor(m.Name.Phrase);
        if (evidence == PlaceEvidence.Never)
            return false;
        if (confirmed.Contains(m.Name))
            return true;
        var t = doc.Tokens;
        string? before = m.FirstToken > s.FirstToken ? _cues.ClassOf(t[m.FirstToken - 1]) : null;
        if (before is null && m.FirstToken > s.FirstToken + 1 && t[m.FirstToken - 1].Normalized == "the")
            before = _cues.ClassOf(t[m.FirstToken - 2]);
        string? after = m.LastToken + 1 < s.FirstToken + s.TokenCount ? _cues.ClassOf(t[m.LastToken + 1]) : null;
        bool noun = before is "noun" or "admin1" or "admin2" || after is "noun" or "admin1" or "admin2";
        if (before == "name_of")
            return false;
        if (evidence == PlaceEvidence.Noun)
            return noun;
        bool prep = before == "prep";
        if (evidence == PlaceEvidence.Preposition)
            return noun || prep;
        // Sentence-initial capitals say nothing: a small namesake there needs a preposition or a noun.
        bool initial = m.FirstToken == s.FirstToken;
        return m.Name.Candidates.Any(PlaceResolver.IsProminent) || noun || prep || (m.TokenCount > 1 && !initial);
    }

    // Titles before names and other capitalized runs the dictionaries do not know become actors under the
    // text's own name, as the Arabic side does with the tagger's names.
    private void AddNames(Document doc)
    {
        var t = doc.Tokens;
        var taken = doc.Entities.Select(e => (e.FirstToken, e.LastToken)).ToList();
        bool Taken(int k) => taken.Any(x => k >= x.FirstToken && k <= x.LastToken);
        var added = new List<EntityMention>();
        foreach (var s in doc.Sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            for (int i = s.FirstToken; i < end; i++)
            {
                if (Taken(i) || t[i].Kind != TokenKind.Word || !EnglishForms.IsCapitalized(t[i]) || NotNames.Contains(t[i].Stem))
                    continue;
                if (Titles.Contains(t[i].Stem) && i + 1 < end && t[i + 1].Surface == ".")
                    continue;
                int j = i;
                while (j + 1 < end && !Taken(j + 1))
                {
                    if (IsNameWord(t[j + 1]))
                        j++;
                    else if (t[j + 1].Normalized is "of" or "al" or "bin" or "ben" or "el" or "abu" && j + 2 < end && IsNameWord(t[j + 2]))
                        j += 2;
                    // "al-Sisi", "el-Keib": the article glued by a hyphen to the name.
                    else if (t[j + 1].Normalized is "al" or "el" && j + 3 < end && t[j + 2].Surface == "-" && IsNameWord(t[j + 3]))
                        j += 3;
                    else
                        break;
                }
                // "Tayaran Square", "Al-Shifa Hospital": a run ending in a place noun names a site, not a party.
                if (PlaceWords.Contains(t[j].Stem))
                {
                    i = j;
                    continue;
                }
                // A title run ("Defence Minister Farhat Horchani"): the name is what follows the last title word.
                int nameStart = i;
                for (int k = i; k <= j; k++)
                    if (Titles.Contains(t[k].Stem) || _actors.Heads.MatchesAt(t, k, k + 1).Count > 0)
                        nameStart = k + 1;
                bool titled = nameStart > i || (i > s.FirstToken && (Titles.Contains(t[i - 1].Stem) || t[i - 1].Surface == "." && i > s.FirstToken + 1 && Titles.Contains(t[i - 2].Stem))
                    || doc.Entities.Any(e => e.Kind == EntityKind.StateActor && e.LastToken == i - 1));
                if (nameStart > j)
                {
                    i = j;
                    continue;
                }
                int count = j - nameStart + 1;
                // "in Bir al-Abed", "near Wadi Zamzam": after a locative preposition an unknown name is a place the
                // gazetteer lacks, not a party.
                if (!titled && nameStart > s.FirstToken && _cues.ClassOf(t[nameStart - 1]) == "prep" && t[nameStart - 1].Normalized is not ("of" or "from" or "to"))
                {
                    i = j;
                    continue;
                }
                bool sentenceStart = nameStart == s.FirstToken;
                // A single capitalized word is a name only after a title; a run of two or more is one anywhere
                // but at the start of a sentence, where any word is capitalized.
                // "Farhat Horchani said ...": two capitalized words opening a sentence are a name when a verb of saying follows.
                bool speaker = j + 1 < end && t[j + 1].Normalized is "said" or "says" or "told" or "added" or "announced" or "stated" or "warned" or "vowed" or "denied";
                if (!(titled || count >= 2 && (!sentenceStart || speaker) || count >= 3))
                {
                    i = j;
                    continue;
                }
                var span = TextSpan.FromBounds(t[nameStart].Start, t[j].End);
                var name = doc.Slice(span);
                if (name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal))
                    name = name[..^2];
                bool org = Enumerable.Range(nameStart, count).Any(k => OrgWords.Contains(t[k].Stem));
                var entry = new ActorEntry(name, org ? "organization" : "person", null);
                var title = doc.Entities.LastOrDefault(e => e.Kind is EntityKind.StateActor or EntityKind.Nationality && e.LastToken >= i - 3 && e.LastToken < nameStart);
                var mention = new EntityMention(span, nameStart, j, EntityKind.Actor, name, Actor: entry, Country: title?.Country) { Surface = name };
                // "Defence Minister Farhat Horchani": an office of state speaks for the state the article is about.
                bool office = Enumerable.Range(i, nameStart - i).Any(k => _actors.Heads.MatchesAt(t, k, nameStart).Count > 0 || t[k].Stem is "minister" or "president" or "premier");
                if (mention.Country is null && office)
                    mention = mention with { Country = CountryFor(doc, mention) };
                added.Add(mention);
                taken.Add((nameStart, j));
                i = j;
            }
        }
        if (added.Count == 0)
            return;
        doc.Entities.AddRange(added);
        doc.Entities.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    private static bool Compound<T>(List<Token> t, PhraseMatch<T>? m, int end) =>
        m is not null && m.LastToken + 1 < end && t[m.LastToken + 1].Surface == "-" && t[m.LastToken + 1].Start == t[m.LastToken].End;

    private static bool IsNameWord(Token t) =>
        t.Kind == TokenKind.Word && EnglishForms.IsCapitalized(t) && !NotNames.Contains(t.Stem);

    private static PhraseMatch<T>? Longest<T>(List<PhraseMatch<T>> matches) => matches.Count == 0 ? null : matches[0];
}
