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
        var places = new PlaceState();
        foreach (var sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            int i = sentence.FirstToken;
            places.Sentence = sentence.Index;
            places.SentenceStart = sentence.FirstToken;
            while (i < end)
            {
                int next = TryAt(document, i, end, places);
                i = next > i ? next : i + 1;
            }
        }
        // Places are resolved once the whole article is read: its countries and other places decide between namesakes.
        PlaceResolver.Resolve(document, places.Pending, _gazetteer, code => _actors.CountriesByCode.GetValueOrDefault(code));
        // A capital stands for its government when it acts ("أنقرة وافقت"): remember whose capital it is.
        for (int k = 0; k < document.Entities.Count; k++)
        {
            var e = document.Entities[k];
            if (e.Kind == EntityKind.Place && e.Country is null
                && _actors.Capitals.MatchesAt(document.Tokens, e.FirstToken, e.LastToken + 1) is { Count: > 0 } caps
                && caps[0].LastToken == e.LastToken)
                document.Entities[k] = e with { Country = caps[0].Entry.Value };
        }
        ResolveCoalitions(document);
        JoinMembers(document);
        DropBaseAsGroup(document);
        // After resolution: pending places point at entity positions, which adding entities would shift.
        AddNamedActors(document);
    }

    // A country named with "في" at most one word before token i, in the same sentence: "وفي تونس [قالت] ...".
    private static CountryEntry? SceneCountry(Document doc, int i)
    {
        var tokens = doc.Tokens;
        if (doc.Entities.Count == 0 || doc.Entities[^1] is not { Kind: EntityKind.Place, Country: { } country, Place.Precision: "country" } place
            || place.LastToken < i - 2 || place.LastToken >= i)
            return null;
        for (int k = place.LastToken + 1; k < i; k++)
            if (tokens[k].Kind == TokenKind.Punctuation)
                return null;
        var first = tokens[place.FirstToken];
        bool fi = first.Segments.Any(g => g.Role == SegmentRole.Preposition && g.Normalized == "في")
            || (place.FirstToken > 0 && tokens[place.FirstToken - 1].MatchForms.Contains("في"));
        return fi ? country : null;
    }

    // Returns the index after the mention found at i, or i when none starts there.
    private int TryAt(Document doc, int i, int end, PlaceState places)
    {
        var tokens = doc.Tokens;
        if (tokens[i].Kind != TokenKind.Word)
            return i;
        var actor = Longest(_actors.Actors.MatchesAt(tokens, i, end));
        if (actor is not null && IsPlaceNounHere(doc, actor, end, places))
            actor = null;
        var head = Longest(_actors.Heads.MatchesAt(tokens, i, end));
        var place = _gazetteer.MatchAt(tokens, i, end);
        if (place is not null && !IsPlaceHere(doc, place, places))
            place = null;
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
                // "وفي تونس قالت وزارة الداخلية": a country the sentence has just set the scene in is whose body it is.
                if (SceneCountry(doc, i) is { } scene)
                    doc.Entities.Add(new EntityMention(head.Span, i, head.LastToken, EntityKind.StateActor,
                        ActorDictionary.StateActorName(head.Entry.Value.Kind, scene), Country: scene));
                else
                    doc.Entities.Add(new EntityMention(head.Span, i, head.LastToken, EntityKind.StateActor, CleanName(doc, head.Span, i)));
                return head.LastToken + 1;
            }
        }

        int best = Math.Max(actor?.TokenCount ?? 0, Math.Max(place?.TokenCount ?? 0, nat?.TokenCount ?? 0));
        if (best == 0)
            return TryCountryReference(doc, i, places);
        if (actor is not null && actor.TokenCount == best)
        {
            doc.Entities.Add(new EntityMention(actor.Span, i, actor.LastToken, EntityKind.Actor, actor.Entry.Value.Canonical, Actor: actor.Entry.Value)
            { Surface = CleanName(doc, actor.Span, i) });
            return actor.LastToken + 1;
        }
        // "الحدود السورية": after a definite noun a word that is both a country and an adjective is the adjective.
        if (place is not null && nat is not null && nat.TokenCount == place.TokenCount && place.Name.Candidates.Any(c => c.Precision == "country")
            && i > 0 && tokens[i - 1].Kind == TokenKind.Word && tokens[i - 1].Normalized.StartsWith("ال", StringComparison.Ordinal)
            && tokens[i].Normalized.StartsWith("ال", StringComparison.Ordinal))
            place = null;
        // A nationality adjective is not a namesake town abroad (السوري is not Surrey).
        if (place is not null && nat is not null && nat.TokenCount >= place.TokenCount && !place.Name.Candidates.Any(c => c.Curated))
            place = null;
        if (place is not null && place.TokenCount == best)
        {
            AddPlace(doc, place.Span, i, place.LastToken, place.Name.Candidates, AdministrativeLevel(doc, i, places), places);
            places.Confirmed.Add(place.Name);
            return place.LastToken + 1;
        }
        var n = nat!;
        // A nationality right after a place qualifies it (مدينة ميلانو الإيطالية): not an actor of its own.
        if (doc.Entities.Count > 0 && doc.Entities[^1] is { Kind: EntityKind.Place } prev && prev.LastToken == i - 1)
            return n.LastToken + 1;
        doc.Entities.Add(new EntityMention(n.Span, i, n.LastToken, EntityKind.Nationality, n.Entry.Value.Name, Country: n.Entry.Value));
        return n.LastToken + 1;
    }

    // Per-document state of place recognition.
    private sealed class PlaceState
    {
        public List<PendingPlace> Pending { get; } = [];

        // Names already read as places in this article: a later bare use of the same name is the same place.
        public HashSet<ToponymName> Confirmed { get; } = [];

        public int Sentence { get; set; }

        public int SentenceStart { get; set; }
    }

    // A provisional mention (the likeliest candidate) that PlaceResolver replaces once the article is read.
    private void AddPlace(Document doc, TextSpan span, int first, int last, IReadOnlyList<GazetteerEntry> candidates, string? precision, PlaceState places)
    {
        var provisional = candidates.Count > 0 ? candidates.MaxBy(c => PlaceResolver.Prior(c, precision))! : CountryReference;
        places.Pending.Add(new PendingPlace(doc.Entities.Count, places.Sentence, candidates, precision));
        doc.Entities.Add(new EntityMention(span, first, last, EntityKind.Place, provisional.Name, Place: provisional,
            Country: provisional.Precision == "country" ? _actors.CountriesByCode.GetValueOrDefault(provisional.Country) : null));
    }

    private static readonly GazetteerEntry CountryReference = new("country:?", "the country", "", 0, 0, "country");

    // Whether a name found at this point of the text is used as a place. Names that are also common words
    // (ambiguous in place-cues.tsv) need a place noun or a preposition before them; so do small places known
    // only from an imported gazetteer, whose Arabic names are often ordinary words (السوق، الجمعة).
    private bool IsPlaceHere(Document doc, ToponymMatch m, PlaceState places)
    {
        var cues = _gazetteer.Cues;
        var evidence = cues.EvidenceFor(m.Name.Phrase);
        if (evidence == PlaceEvidence.Never)
            return false;
        // A place noun that is also a name (مدينة: Medina) names the place only with the article (المدينة):
        // "مدينة عدن"، "سيطرتهم على مدينة" use the noun, whatever an earlier mention confirmed.
        if (m.TokenCount == 1 && cues.IsPlaceNoun(m.Name.Phrase) && !Definite(doc.Tokens[m.FirstToken], m.Name.Words[0]))
            return false;
        if (places.Confirmed.Contains(m.Name))
            return true;
        var before = Before(doc, m.FirstToken, places);
        string? cls = before is null ? null : cues.ClassOf(before);
        // عملية "صوفيا"، صحيفة "واشنطن بوست": the name of an operation or an outlet, not the city.
        if (cls == "name_of")
            return false;
        bool noun = cls is "noun" or "admin1" or "admin2";
        if (evidence == PlaceEvidence.Noun)
            return noun;
        bool prep = cls == "prep" || HasPrepositionClitic(doc.Tokens[m.FirstToken], m.Name.Words[0]) || Coordinated(doc, m, places);
        if (evidence == PlaceEvidence.Preposition)
            return noun || prep;
        return m.Name.Candidates.Any(PlaceResolver.IsProminent) || m.TokenCount > 1 || noun || prep;
    }

    // Words after القاعدة that make it a military base, not al-Qaeda.
    private static readonly HashSet<string> BaseAdjectives = new(
        new[] { "الجوية", "العسكرية", "البحرية", "الجوي", "الأمريكية", "الأميركية", "الروسية", "التركية", "الفرنسية", "البريطانية" }
            .SelectMany(w => new[] { ArabicNormalizer.NormalizePhrase(w), ArabicNormalizer.Normalize(w), ArabicNormalizer.NormalizePhrase(w)[2..] }), StringComparer.Ordinal);

    // A one-word actor name that is also a place noun (القاعدة: the base) is the noun when a place name or a
    // military adjective follows it: "قاعدة العند"، "القاعدة الجوية".
    private bool IsPlaceNounHere(Document doc, PhraseMatch<ActorEntry> actor, int end, PlaceState places)
    {
        if (actor.TokenCount != 1)
            return false;
        var form = actor.Entry.Words[0].Form;
        if (!_gazetteer.Cues.IsPlaceNoun(form) && !(form.StartsWith("ال", StringComparison.Ordinal) && _gazetteer.Cues.IsPlaceNoun(form[2..])))
            return false;
        int next = actor.LastToken + 1;
        if (next >= end || doc.Tokens[next].Kind != TokenKind.Word)
            return false;
        var following = doc.Tokens[next];
        if (BaseAdjectives.Contains(following.Normalized) || following.MatchForms.Any(BaseAdjectives.Contains))
            return true;
        return _gazetteer.MatchAt(doc.Tokens, next, end) is { } place && IsPlaceHere(doc, place, places);
    }

    // Whether the token carries the article before the matched form: المدينة، بالمدينة، للمدينة.
    private static bool Definite(Token t, string form)
    {
        var prefix = t.Normalized.Length > form.Length && t.Normalized.EndsWith(form, StringComparison.Ordinal)
            ? t.Normalized[..^form.Length]
            : "";
        if (form.StartsWith("ال", StringComparison.Ordinal))
            return true;
        return prefix.EndsWith("ال", StringComparison.Ordinal) || prefix.EndsWith("لل", StringComparison.Ordinal);
    }

    // The word before a token within its sentence, skipping quotes and brackets.
    private static Token? Before(Document doc, int i, PlaceState places)
    {
        for (int k = i - 1; k >= places.SentenceStart; k--)
        {
            var t = doc.Tokens[k];
            if (t.Kind == TokenKind.Word)
                return t;
            if (t.Surface is not ("\"" or "«" or "»" or "'" or "(" or "“" or "”"))
                return null;
        }
        return null;
    }

    // ب or ل attached before the name (بسرت، لليبيا، وبمدينة): the surface is longer than the matched form and starts with one.
    private static bool HasPrepositionClitic(Token t, string form)
    {
        int extra = t.Normalized.Length - form.Length;
        if (extra <= 0)
            return false;
        var prefix = t.Normalized.AsSpan(0, Math.Min(extra + 1, t.Normalized.Length));
        return prefix.IndexOfAny('ب', 'ل') >= 0 && prefix[0] is 'ب' or 'ل' or 'و' or 'ف';
    }

    // "طرابلس وسرت": joined by و (or a comma) to a place just before it.
    private static bool Coordinated(Document doc, ToponymMatch m, PlaceState places)
    {
        if (places.Pending.Count == 0 || doc.Entities.Count == 0 || doc.Entities[^1].Kind != EntityKind.Place)
            return false;
        var prev = doc.Entities[^1];
        int gap = m.FirstToken - prev.LastToken;
        return (gap == 1 && doc.Tokens[m.FirstToken].Normalized.StartsWith('و'))
            || (gap == 2 && doc.Tokens[m.FirstToken - 1].Surface is "،" or "," or "و");
    }

    // محافظة/ولاية X names the province; مديرية/معتمدية X a district.
    private string? AdministrativeLevel(Document doc, int i, PlaceState places) =>
        Before(doc, i, places) is { } t ? _gazetteer.Cues.ClassOf(t) switch { "admin1" => "admin1", "admin2" => "admin2", _ => null } : null;

    // "في أنحاء مختلفة من البلاد": the country the article is about, decided once it is read.
    private int TryCountryReference(Document doc, int i, PlaceState places)
    {
        var t = doc.Tokens[i];
        if (_gazetteer.Cues.ClassOf(t) != "country_ref")
            return i;
        var before = Before(doc, i, places);
        if (before is null || _gazetteer.Cues.ClassOf(before) is not ("prep" or "noun") && !HasPrepositionClitic(t, "البلاد"))
            return i;
        AddPlace(doc, t.Span, i, i, [], null, places);
        return i + 1;
    }

    private static readonly HashSet<string> BareCoalition = new(StringComparer.Ordinal)
    {
        "التحالف", "قوات التحالف", "طيران التحالف", "غارات التحالف", "طايرات التحالف", "مقاتلات التحالف",
    };

    // "التحالف" alone is the Saudi-led coalition in news about Yemen and the US-led one in news about
    // Iraq and Syria: the article's countries decide.
    private void ResolveCoalitions(Document doc)
    {
        if (!_actors.ByCanonical.TryGetValue("Saudi-led coalition", out var saudi) || !_actors.ByCanonical.TryGetValue("US-led coalition", out var us))
            return;
        int yemen = 0, levant = 0;
        foreach (var e in doc.Entities)
        {
            var code = e.Country?.Code ?? e.Place?.Country;
            if (code is "YE") yemen++;
            else if (code is "IQ" or "SY") levant++;
        }
        if (levant <= yemen)
            return;
        for (int k = 0; k < doc.Entities.Count; k++)
        {
            var e = doc.Entities[k];
            if (e.Actor == saudi && BareCoalition.Contains(ArabicNormalizer.Normalize(CleanName(doc, e.Span, e.FirstToken))))
                doc.Entities[k] = e with { Actor = us, Name = us.Canonical };
        }
    }

    // An article about a base (قاعدة العند) calls it "القاعدة" again: there the bare word is the base, and only
    // a fuller name (تنظيم القاعدة) is al-Qaeda.
    private static readonly string BaseNoun = ArabicNormalizer.Normalize("قاعدة");

    private static void DropBaseAsGroup(Document doc)
    {
        var tokens = doc.Tokens;
        bool namesABase = doc.Entities.Any(e => e.Kind == EntityKind.Place && e.LastToken > e.FirstToken
            && tokens[e.FirstToken].MatchForms.Append(tokens[e.FirstToken].Normalized).Any(f => f.EndsWith(BaseNoun, StringComparison.Ordinal)));
        if (!namesABase)
            return;
        doc.Entities.RemoveAll(e => e.Kind == EntityKind.Actor && e.FirstToken == e.LastToken && e.Actor is { } a
            && a.Canonical == "Al-Qaeda");
    }

    // Words between "من" and a group's name that name what the group is (مسلحون من تنظيم داعش).
    private static readonly HashSet<string> GroupNouns = new(
        new[] { "تنظيم", "جماعة", "حركة", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "عناصر", "قوات", "فصائل", "كتائب" }.Select(ArabicNormalizer.Normalize),
        StringComparer.Ordinal);

    // "مسلحون من تنظيم داعش"، "متشددين من حركة طالبان": unnamed fighters said to belong to a named group are
    // that group, the doer, not a second party to the act.
    private static void JoinMembers(Document doc)
    {
        var tokens = doc.Tokens;
        for (int k = 0; k < doc.Entities.Count; k++)
        {
            var member = doc.Entities[k];
            if (member.Kind != EntityKind.Actor || member.Actor?.Category != "unidentified")
                continue;
            int t = member.LastToken + 1;
            if (t >= tokens.Count || tokens[t].Normalized != "من")
                continue;
            int from = t + 1, to = from;
            while (to < tokens.Count && to <= member.LastToken + 4 && (GroupNouns.Contains(tokens[to].Normalized) || tokens[to].Kind == TokenKind.Punctuation))
                to++;
            // The group's name may start at a group noun (تنظيم داعش is one alias) or after it.
            int g = doc.Entities.FindIndex(e => e.FirstToken >= from && e.FirstToken <= to && e.Kind is EntityKind.Actor or EntityKind.StateActor
                && e.Actor?.Category is not ("unidentified" or "outlet" or "observer" or "civilians" or "protesters" or "person"));
            if (g < 0)
                continue;
            var group = doc.Entities[g];
            doc.Entities[k] = group with { Span = TextSpan.FromBounds(member.Span.Start, group.Span.End), FirstToken = member.FirstToken, Surface = null };
            doc.Entities.RemoveAt(g);
            if (g < k)
                k--;
        }
    }

    // People and organisations the statistical tagger found where the dictionary found nothing become
    // actors under the text's own name; a title with a nationality before a person (وزير الدفاع التونسي
    // فرحات الحرشاني) gives the person that country.
    private static void AddNamedActors(Document doc)
    {
        var taken = doc.Entities.Select(e => e.Span).ToList();
        var added = new List<EntityMention>();
        foreach (var ne in doc.NamedEntities.Concat(PatternNames(doc)).OrderBy(n => n.Span.Start))
        {
            if (ne.Type is not ("PER" or "ORG" or "PER-marked") || taken.Any(t => t.Overlaps(ne.Span)))
                continue;
            // Single-word names from the tagger are too often places or common words it mistook
            // (سوروتش as an organisation); a name of two words or more, or a marked one, is kept.
            if (ne.TokenCount < 2 && !ne.Type.Equals("PER-marked", StringComparison.Ordinal)
                && !(ne.Type == "PER" && ne.FirstToken > 0 && SpeechVerbs.Contains(doc.Tokens[ne.FirstToken - 1].Stem)))
                continue;
            int last = ne.FirstToken + ne.TokenCount - 1;
            // A single quoted word is emphasis («قريبا»), not a name.
            if (ne.TokenCount == 1 && ne.FirstToken > 0 && doc.Tokens[ne.FirstToken - 1].Kind == TokenKind.Punctuation
                && doc.Tokens[ne.FirstToken - 1].Surface is "«" or "\"" or "“")
                continue;
            var name = CleanName(doc, ne.Span, ne.FirstToken).Trim('"', '«', '»', '“', '”', ' ');
            if (ArabicNormalizer.Normalize(name).Length < 3)
                continue;
            var entry = new ActorEntry(name, ne.Type == "ORG" ? "organization" : "person", null);
            var title = doc.Entities.LastOrDefault(e => e.Kind == EntityKind.StateActor && e.LastToken == ne.FirstToken - 1);
            added.Add(new EntityMention(ne.Span, ne.FirstToken, last, EntityKind.Actor, name, Actor: entry, Country: title?.Country) { Surface = name });
            taken.Add(ne.Span);
        }
        if (added.Count == 0)
            return;
        doc.Entities.AddRange(added);
        doc.Entities.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    // A single word right after a verb of saying is its speaker's name ("وقال أردوغان").
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "قال", "قالت", "اعلن", "اعلنت", "اكد", "اكدت", "اضاف", "اضافت", "صرح", "صرحت", "اوضح", "اوضحت", "تابع", "تابعت", "دعا", "حذر", "هدد", "توعد",
    };

    private static readonly HashSet<string> NameIntroducers = new(StringComparer.Ordinal)
    {
        "يدعي", "المدعو", "الملقب", "يلقب", "زعيم", "قائد", "القيادي", "امير", "المتحدث", "الناطق",
    };

    // Names the tagger may miss but the text marks plainly: a kunya (أبو نسيم، أبونسيم) and a quoted
    // name after "يدعى/المدعو/زعيم" («طلال السعيدي»).
    private static IEnumerable<Ner.NamedEntity> PatternNames(Document doc)
    {
        var t = doc.Tokens;
        for (int i = 0; i < t.Count; i++)
        {
            var n = t[i].Normalized;
            if (n.StartsWith("ابو", StringComparison.Ordinal) && t[i].Kind == TokenKind.Word)
            {
                if (n.Length > 5)
                    yield return new Ner.NamedEntity(t[i].Span, "PER-marked", i, 1);
                else if (n == "ابو" && i + 1 < t.Count && t[i + 1].Kind == TokenKind.Word)
                {
                    int len = i + 2 < t.Count && t[i + 2].Kind == TokenKind.Word && t[i + 2].Normalized.StartsWith("ال", StringComparison.Ordinal) ? 3 : 2;
                    yield return new Ner.NamedEntity(TextSpan.FromBounds(t[i].Start, t[i + len - 1].End), "PER", i, len);
                }
            }
            if (t[i].Surface is "\"" or "«" or "“" && i > 0 && (NameIntroducers.Contains(t[i - 1].Normalized) || NameIntroducers.Contains(t[i - 1].Stem)))
            {
                int j = i + 1;
                while (j < t.Count && j <= i + 4 && t[j].Kind == TokenKind.Word) j++;
                if (j > i + 1 && j < t.Count && t[j].Surface is "\"" or "»" or "”")
                    yield return new Ner.NamedEntity(TextSpan.FromBounds(t[i + 1].Start, t[j - 1].End), "PER", i + 1, j - i - 1);
            }
        }
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
