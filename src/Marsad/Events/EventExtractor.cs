using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>
/// Turns an analysed document into coded events: lexicon triggers, filtered for negation,
/// questions, conditions and purposes, with actors, place, date, quantities, certainty and
/// attribution attached from the same clause or sentence.
/// </summary>
public sealed partial class EventExtractor
{
    private static readonly HashSet<string> TargetMarkers = new(StringComparer.Ordinal)
    {
        "ضد", "علي", "مواقع", "موقع", "قواعد", "معاقل", "معقل", "اهداف", "عناصر", "مقاتلي", "صفوف", "دوريه", "استهدف", "استهدفت",
        "تستهدف", "يستهدف", "مراكز", "مقرات", "ل", "تجمعات", "قياده", "مخازن", "التابعين", "التابعه", "تابعه", "تابعين", "تحاصر",
    };

    private static readonly HashSet<string> SpeechStoppers = new(StringComparer.Ordinal)
    {
        "ان", "انه", "انها", "انهم", "اليوم", "امس", "في", "عن", "خلال", "لـ", "بان", "الي", "ل", "يوم", "صباح", "مساء", "حيث", "الذي", "التي", "اثناء", "قائلا",
    };

    private readonly EventLexicons _lex;
    private readonly ExtractorGrammar? _grammar;
    private readonly IReadOnlySet<string> _targetMarkers;
    private readonly IReadOnlySet<string> _speechStoppers;

    private readonly Geo.Gazetteer? _gazetteer;

    /// <summary>
    /// An extractor with these lexicons; <paramref name="grammar"/> null means Arabic, whose word classes are built in.
    /// The gazetteer, when given, lets a subject-first language name border strips ("its border with Libya").
    /// </summary>
    public EventExtractor(EventLexicons lexicons, ExtractorGrammar? grammar = null, Geo.Gazetteer? gazetteer = null)
    {
        _lex = lexicons;
        _grammar = grammar;
        _gazetteer = gazetteer;
        _targetMarkers = grammar?.TargetMarkers ?? TargetMarkers;
        _speechStoppers = grammar?.SpeechStoppers ?? SpeechStoppers;
    }

    // English and other subject-first languages place actors by their own rules (EventExtractor.English.cs).
    private bool SubjectFirst => _grammar?.SubjectFirst == true;

    /// <summary>
    /// The trained stages; when set, the rules raise every candidate they find (marking the ones a rule would
    /// drop) and the models decide which are events, of which type, which are one act, and their arguments.
    /// </summary>
    public Learning.EventModels? Models { get; init; }

    // The rules' vetoes that stay vetoes in broad mode: in the coded articles almost nothing they drop is an
    // event (negation 5%, figurative 4%, sport 2%, ...), and cross-validation scores typed F1 0.567 with them hard
    // against 0.558 with every gate a feature. The other gates (needs, anchored, purpose, habit, ...) drop a
    // fifth to a third real events, so the model weighs them instead.
    private static readonly HashSet<string> HardGates = new(StringComparer.Ordinal)
    {
        "negation", "conditional", "irrealis", "reference", "any", "figurative", "sport", "non_political", "crime",
        "verb_article", "not_territory", "sports_report", "property", "not_threat", "prize", "speech_venue", "unrest",
        "not_crowd", "animal", "threatened",
    };

    /// <summary>This extractor with other trained stages (null: the rules alone).</summary>
    public EventExtractor WithModels(Learning.EventModels? models) => new(_lex, _grammar, _gazetteer) { Models = models };

    public IReadOnlyList<EventRecord> Extract(Document doc)
    {
        var lede = LedeDate(doc);
        if (Models is not { } models)
            return Merge(FindAll(doc)).Select(c => c.ToRecord(doc, c.Time is null && !c.Background ? lede : null)).ToList();
        // Restatements are merged on what the rules read of each, then the trained stages fill the arguments of what is left.
        var decided = Decide(models.Types, FindAll(doc, broad: true));
        var events = Merge(decided);
        if (models.Roles is { } roles)
            events = events.Select(c => AssignRoles(doc, c, roles)).ToList();
        if (models.Places is { } places)
            events = events.Select(c => AssignPlace(doc, c, places)).ToList();
        if (models.Counts is { } counts)
            events = events.Select(c => AssignCounts(doc, c, counts)).ToList();
        return events.Select(c => c.ToRecord(doc, c.Time is null && !c.Background ? lede : null)).ToList();
    }

    /// <summary>Every candidate of the broad mode with what the trained stages read of it (for training them).</summary>
    public IReadOnlyList<Learning.TrainingCandidate> BroadCandidates(Document doc)
    {
        var lede = LedeDate(doc);
        var cands = FindAll(doc, broad: true);
        return cands
            .Select(c => new Learning.TrainingCandidate(c.ToRecord(doc, c.Time is null && !c.Background ? lede : null),
                Learning.EventTypeModel.FeaturesOf(c.Features, c.Gate, c.Type), c.Gate)
            {
                Mentions = RoleChoices(doc, c).Select(x => (x.Mention.ActorName, x.Features)).ToList(),
                Places = PlaceChoices(doc, c).Select(x => (x.Mention.Place!, x.Features)).ToList(),
                Counts = CountChoices(doc, c).Select(x => (x.Key, x.Value, x.Features)).ToList(),
            })
            .ToList();
    }

    // The model's verdict on each candidate; of two kept candidates that tell one act the likelier stays and takes
    // what only the other told. One act: the same clause (a killing and the strike that caused it, "قتل ... في غارة",
    // are one event; CV typed F1 0.556 -> 0.572 at one threshold, better at every threshold of the grid), or the
    // same type with close triggers; places must agree.
    private static List<Candidate> Decide(Learning.EventTypeModel model, List<Candidate> cands)
    {
        var kept = new List<(Candidate C, double Score, int Order)>();
        for (int i = 0; i < cands.Count; i++)
        {
            var c = cands[i];
            var (type, score) = model.Decide(Learning.EventTypeModel.FeaturesOf(c.Features, c.Gate, c.Type));
            if (type is null)
                continue;
            kept.Add((type == c.Type ? c : c with { Type = type, Subtype = model.SubtypeFor(type) }, score, i));
        }
        var chosen = new List<(Candidate C, double Score, int Order)>();
        foreach (var k in kept.OrderByDescending(x => x.Score).ThenBy(x => x.Order))
        {
            int same = chosen.FindIndex(o => (o.C.Type == k.C.Type || o.C.Clause == k.C.Clause)
                && o.C.SentenceIndex == k.C.SentenceIndex
                && (o.C.Clause == k.C.Clause || Math.Abs(o.C.TriggerToken - k.C.TriggerToken) <= 8) && Compatible(o.C.Place, k.C.Place)
                && !(o.C.SplitFromList || k.C.SplitFromList));
            if (same < 0)
                chosen.Add(k);
            else
                chosen[same] = (chosen[same].C.Absorb(k.C), chosen[same].Score, chosen[same].Order);
        }
        return chosen.OrderBy(x => x.C.TriggerToken).ThenBy(x => x.Order).Select(x => x.C).ToList();
    }

    private List<Candidate> FindAll(Document doc, bool broad = false)
    {
        var contexts = BuildContexts(doc);
        var candidates = new List<Candidate>();
        // A sports report uses the words of war for games (مواجهات، معركة، خطف بطاقة التأهل): in one, only an
        // event with an armed party is kept.
        // A digest with a short sports item is not one: the words must also be dense (one per 200 tokens).
        int sportWords = contexts.Sum(c => c.Cues.Count(q => q.Class == "sport"));
        bool sportsReport = sportWords >= SportsReportCues && sportWords * 200 >= doc.Tokens.Count;
        Attribution? previousSource = null;
        EntityMention? previousSubject = null;
        var parties = new List<EntityMention>();
        var mentions = new List<EntityMention>();
        (EntityMention, EntityMention)? lastOpposed = null;
        foreach (var ctx in contexts)
        {
            ctx.EarlierParties = parties.ToList();
            ctx.EarlierPartyMentions = mentions.ToList();
            ctx.LastOpposed = lastOpposed;
            foreach (var e in ctx.Entities.Where(IsArmedParty))
            {
                parties.RemoveAll(p => p.ActorName == e.ActorName);
                parties.Add(e);
                mentions.Add(e);
            }
            ctx.Sources = FindSources(doc, ctx, previousSource);
            ctx.Source = ctx.Sources.Count > 0 ? ctx.Sources[0].Source : null;
            if (ctx.Source is not null)
                previousSource = ctx.Source;
            if (ctx.IsQuestion || ctx.HasCue(ctx.First, ctx.End, "boilerplate"))
                continue;
            var found = FindEvents(doc, ctx, previousSubject, broad).ToList();
            if (found.LastOrDefault(f => f.Gate is null && f.Type == EventType.Battles && f.Actor1 is not null && f.Actor2 is not null && IsArmedParty(f.Actor1) && IsArmedParty(f.Actor2)) is { } fight)
                lastOpposed = (fight.Actor1!, fight.Actor2!);
            previousSubject = found.Where(f => f.Gate is null).Select(f => f.Actor1).FirstOrDefault(a => a is not null)
                ?? ctx.Entities.FirstOrDefault(e => e.Kind is EntityKind.Actor or EntityKind.StateActor && e.Actor?.Category is not ("outlet" or "observer" or "civilians")
                    && !ObjectLike(doc.Tokens, e, ctx.First, _targetMarkers, _grammar?.Prepositions ?? Prepositions))
                ?? previousSubject;
            // An event with no doer, no target, no place and no count says nothing an analyst can code:
            // it is a word for violence in passing ("خطف", "الاتفاق"), not a report.
            // A bombing told by its own verb ("فجرا نفسيهما قرب القوة المداهمة") is a report even when the sentence
            // names nothing else; a noun of bombing alone is not (opinion columns are full of them).
            bool Bare(Candidate c) => c.Actor1 is null && c.Actor2 is null && c.Place is null && c.Quantities.Count == 0
                && !(c.IsVerb && Bombing(c.Subtype));
            bool Unarmed(Candidate c) => sportsReport && !(c.Actor1 is { } a1 && IsArmedParty(a1)) && !(c.Actor2 is { } a2 && IsArmedParty(a2));
            if (broad)
            {
                for (int i = 0; i < found.Count; i++)
                    if (found[i].Gate is null && (Bare(found[i]) || Unarmed(found[i])))
                        found[i] = found[i] with { Gate = Bare(found[i]) ? "bare" : "sports_report" };
            }
            else
                found.RemoveAll(c => Bare(c) || Unarmed(c));
            candidates.AddRange(found);
        }
        if (SubjectFirst)
            CreditClaims(contexts, candidates);
        return candidates;
    }

    private List<SentenceContext> BuildContexts(Document doc)
    {
        var list = new List<SentenceContext>(doc.Sentences.Count);
        int e = 0;
        foreach (var s in doc.Sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            var cues = _lex.Cues.FindAll(doc.Tokens, s.FirstToken, end)
                .Select(m => new Cue(m.Entry.Value, m.FirstToken, m.LastToken, m.Span))
                .Concat(_lex.Attribution.FindAll(doc.Tokens, s.FirstToken, end)
                    .Select(m => new Cue("attr_" + m.Entry.Value, m.FirstToken, m.LastToken, m.Span)))
                .ToList();
            var ents = new List<EntityMention>();
            while (e < doc.Entities.Count && doc.Entities[e].FirstToken < s.FirstToken) e++;
            int k = e;
            while (k < doc.Entities.Count && doc.Entities[k].FirstToken < end) ents.Add(doc.Entities[k++]);
            var clauses = new List<(int, int)>();
            int start = s.FirstToken;
            for (int i = s.FirstToken; i < end; i++)
            {
                var t = doc.Tokens[i];
                // A dot inside an English sentence belongs to an abbreviation (U.S., Gen.): the splitter already ended sentences.
                // ", who fled": an English relative clause belongs with the noun it follows (its subject).
                if (t.Kind == TokenKind.Punctuation && t.Surface is "،" or "؛" or "," or ";" or ":" or "." or "؟" && !(SubjectFirst && t.Surface == ".")
                    && !(SubjectFirst && t.Surface == "," && i + 1 < end && doc.Tokens[i + 1].Normalized is "who" or "which"))
                {
                    if (i > start) clauses.Add((start, i));
                    start = i + 1;
                }
            }
            if (end > start) clauses.Add((start, end));
            bool question = doc.Text.AsSpan(s.Span.Start, s.Span.Length).TrimEnd().EndsWith("؟".AsSpan())
                || (SubjectFirst && doc.Text.AsSpan(s.Span.Start, s.Span.Length).TrimEnd().TrimEnd("\"”'".AsSpan()).EndsWith("?".AsSpan()))
                || doc.Text.AsSpan(s.Span.Start, s.Span.Length).Contains("؟".AsSpan(), StringComparison.Ordinal);
            list.Add(new SentenceContext { Sentence = s, Cues = cues, Entities = ents, Clauses = clauses, IsQuestion = question });
        }
        return list;
    }

    // The news day of the report: the first day-precise date in its opening sentences. An event whose
    // sentence names no time is dated to it, unless the sentence is told as background (كانت قد).
    private static TimeMention? LedeDate(Document doc)
    {
        if (doc.Sentences.Count == 0) return null;
        int limit = doc.Sentences[Math.Min(1, doc.Sentences.Count - 1)].Span.End;
        return doc.Times.FirstOrDefault(t => t.Span.End <= limit && t.Value is { Precision: DatePrecision.Day });
    }

    // --- events ------------------------------------------------------------------------------------

    private IEnumerable<Candidate> FindEvents(Document doc, SentenceContext ctx, EntityMention? previousSubject, bool broad)
    {
        var tokens = doc.Tokens;
        var found = new List<Candidate>();
        var matches = _lex.Triggers.FindAll(tokens, ctx.First, ctx.End);
        var usedTokens = new HashSet<int>();
        // In broad mode (a trained model decides) what a rule would drop is kept, marked with the rule's name.
        var gated = new List<Candidate>();
        void Reject(Candidate c, string gate)
        {
            if (broad && !HardGates.Contains(gate)) gated.Add(c with { Gate = gate });
        }
        foreach (var m in matches)
        {
            if (usedTokens.Contains(m.FirstToken))
                continue;
            var spec = m.Entry.Value;
            var clause = ctx.ClauseOf(m.FirstToken);
            ctx.Source = SourceFor(ctx, m.FirstToken);
            if (Gate(doc, ctx, m, spec, clause) is { } gate)
            {
                if (broad && !HardGates.Contains(gate))
                    gated.Add(Build(doc, ctx, m, spec, clause, previousSubject) with { Gate = gate });
                continue;
            }
            usedTokens.Add(m.FirstToken);
            var cand = Build(doc, ctx, m, spec, clause, previousSubject);
            // An act dated a decade or more before the report is history recalled ("مجزرة حماة عام 1982"),
            // not news to code.
            if (doc.Published is { } pub && cand.Time?.Value is { } when && when.End < pub.AddYears(-10))
                { Reject(cand, "history"); continue; }
            // "ويشن التحالف غارات على العراق وسوريا منذ أغسطس 2014": dated by when it began weeks or more before
            // the report, the act is a campaign going on, not an occurrence; one begun "منذ الجمعة" or "منذ صباح
            // أمس" is the news. (منذ before a count, "منذ يومين", means "ago".)
            if (doc.Published is { } pub2 && cand.Time is { Kind: not ("ago" or "vague_past"), Value: { } began } since
                && began.Start < pub2.AddDays(-7) && SinceBefore(doc, ctx, since))
                { Reject(cand, "campaign"); continue; }
            // "قتل ثلاثة آلاف شخص منذ عام 2003": since a year or a month, whatever the report's date, a count is a
            // tally of a campaign, not one occurrence.
            if (cand.Time is { Kind: not ("ago" or "vague_past"), Value.Precision: DatePrecision.Year or DatePrecision.Month } tally
                && SinceBefore(doc, ctx, tally))
                { Reject(cand, "tally"); continue; }
            // An agreement is coded between parties (ACLED: a ceasefire, a deal between conflict actors); one
            // that names none (الاتفاق النووي، اتفاقية تعاون) is a topic of the news, not an event in it.
            if (spec.Subtype == EventSubtype.Agreement && cand.Actor1 is null)
                { Reject(cand, "agreement_unnamed"); continue; }
            // What arrives right after the verb is the mover: an aircraft, aid, a delegation or an official
            // (وصلت أول طائرة، وصول المساعدات، وصل وزير الدفاع) is not forces moving, whoever sent it.
            if (spec.Type == EventType.Movement && ctx.CuesIn(m.LastToken + 1, Math.Min(ctx.End, m.LastToken + 4), "not_mover").Any())
                { Reject(cand, "not_mover"); continue; }
            // "المنازل التي غادرها أهلها"، "آلاف اللاجئين ... قد فروا من القصف": civilians who leave or flee, named right
            // after the verb or as its subject before it (no armed party or fighters between), are no forces moving.
            if (spec.Type == EventType.Movement && (ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 3), "civilian_mover").Any()
                || ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 8), m.FirstToken, "civilian_mover").Any(c =>
                    !ctx.CuesIn(c.LastToken + 1, m.FirstToken, "fighter").Any()
                    && !ctx.Entities.Any(e => e.FirstToken > c.LastToken && e.LastToken < m.FirstToken && IsArmedParty(e)))))
                { Reject(cand, "civilian_mover"); continue; }
            // "أثناء توجهه إلى عمله"، "وصولهم": the pronoun is the mover, told before; unless fighters are named
            // beside it, whoever the sentence names as a doer did not make this journey.
            if (spec.Type == EventType.Movement && CarriesPronoun(doc.Tokens[m.FirstToken], m.Entry.Words[0])
                && !ctx.CuesIn(Math.Max(ctx.First, m.FirstToken - 3), Math.Min(ctx.End, m.LastToken + 5), "fighter").Any())
                { Reject(cand, "pronoun_mover"); continue; }
            // A relocation is news for where fighters go or leave: one with no place at either end ("انسحبت بعض
            // التشكيلات من برنامج التدريب") cannot be mapped or followed, and is mostly figurative. Deployments
            // keep theirs: forces sent "to the border" are news even where the gazetteer has no name for it.
            if (spec.Subtype == EventSubtype.Relocation && cand.Place is null && cand.Origin is null)
                { Reject(cand, "relocation_unplaced"); continue; }
            // Movement is coded for armed actors: "وصل اللاعب" is not a relocation. The mover must be an
            // armed party or fighters must be named right beside the verb.
            if (spec.Type == EventType.Movement && !(cand.Actor1 is { } mover && IsArmedParty(mover))
                && !ctx.CuesIn(Math.Max(ctx.First, m.FirstToken - 3), Math.Min(ctx.End, m.LastToken + 5), "fighter").Any())
                { Reject(cand, "unarmed_mover"); continue; }
            // One event per type in a clause: a second trigger of the same type restates it.
            var twin = found.FirstOrDefault(f => f.Type == cand.Type && (f.Clause == cand.Clause || Math.Abs(f.TriggerToken - cand.TriggerToken) <= 8)
                && (f.Subtype == cand.Subtype || Generic(f.Subtype) || Generic(cand.Subtype) || (Territorial(f.Subtype) && Territorial(cand.Subtype))
                    || (Bombing(f.Subtype) && Bombing(cand.Subtype))));
            if (twin is not null)
            {
                // Two triggers of one type close together tell one event; the specific subtype wins
                // ("وصول ... متخفين" is an infiltration, "سيطرت ... بعد هجوم" a change of control), and
                // of two accounts of one change of control the one that names who took it.
                // "هجوم انتحاري بسيارة مفخخة" is one suicide bombing, not a suicide attack and a car bomb.
                if ((Generic(twin.Subtype) && !Generic(cand.Subtype)) || (twin.Actor1 is null && cand.Actor1 is not null && !Generic(cand.Subtype))
                    || (cand.Subtype == EventSubtype.SuicideBomb && twin.Subtype != EventSubtype.SuicideBomb))
                    found[found.IndexOf(twin)] = cand.Absorb(twin);
                // Otherwise the first account stays, with the counts only the second told ("فأطلقت النار ... ما أدى إلى
                // مقتل شخص"); its parties stay its own.
                else
                    found[found.IndexOf(twin)] = twin.WithCountsOf(cand);
                continue;
            }
            found.Add(cand);
            // One event per location (ACLED): "استهدفت مواقع منها الضالع وقاعدة العند" is two strikes.
            if (cand.Place is { } p0)
                foreach (var extra in CoordinatedPlaces(doc, ctx, p0, clause, SubjectFirst))
                    found.Add(cand.WithPlace(extra));
        }
        // What a threat threatens ("هدد ... بشن هجمات في روما") has not happened.
        foreach (var threat in found.Where(f => f.Type == EventType.Threat).ToList())
            foreach (var f in found.Where(f => f != threat && Violent(f.Type) && f.Clause == threat.Clause && f.TriggerToken > threat.TriggerToken).ToList())
            {
                found.Remove(f);
                Reject(f, "threatened");
            }
        // Nor has a bomb that was defused or seized ("فككت قوات الأمن سيارة مفخخة"): it is the object of the disruption.
        foreach (var disrupted in found.Where(f => f.Subtype == EventSubtype.DisruptedWeaponsUse).ToList())
            foreach (var f in found.Where(f => f.Type == EventType.ExplosionsRemoteViolence && f.Clause == disrupted.Clause && f.TriggerToken > disrupted.TriggerToken).ToList())
            {
                found.Remove(f);
                Reject(f, "disrupted");
            }
        // A death toll told as the result of a strike or bombing in the same sentence is that event's, not a new one.
        // An attack told in the pluperfect (كانت قد نفذت هجوما) is an earlier event of its own.
        foreach (var toll in found.Where(c => c.Consequence).ToList())
        {
            // A noun of attack carries the consequence option too ("قتل 3 في هجوم"): it can still be the cause of a
            // toll told by a killing or wounding word.
            var cause = found.FirstOrDefault(f => f != toll && (!f.Consequence || (IsToll(ctx, toll) && !IsToll(ctx, f))) && Violent(f.Type) && SameDate(f.Time, toll.Time) && (!toll.Background || f.Background));
            if (cause is null)
                continue;
            // The counts told with the toll ("لقي شرطي مصرعه وأصيب ثلاثة") are the cause's when it has none of its own.
            found[found.IndexOf(cause)] = cause.WithCountsOf(toll);
            found.Remove(toll);
        }
        if (broad)
        {
            // A word the rules turned down but that another trigger at the same place accepted adds nothing.
            var seen = found.Select(f => f.TriggerToken).ToHashSet();
            foreach (var g in gated)
                if (seen.Add(g.TriggerToken))
                    found.Add(g);
        }
        return found;
    }

    // The candidate's trigger is a word of killing or wounding (قتل، مقتل، أصيب): a toll, not an act of its own.
    private static bool IsToll(SentenceContext ctx, Candidate c) =>
        ctx.CuesIn(c.TriggerToken, c.TriggerToken + 1, "fatality").Any() || ctx.CuesIn(c.TriggerToken, c.TriggerToken + 1, "wounded").Any();

    // Sport words an article must hold to be read as a sports report: one is a passing mention (a minister at a match).
    private const int SportsReportCues = 3;

    private static bool IsArmedParty(EntityMention e) =>
        IsArmed(e) || e.Kind == EntityKind.Actor && e.Actor!.Category is "rebel" or "islamist" or "militia";

    // A pronoun on the trigger or the two words before it (ضبطها، قواته أطلقت) refers back to someone named earlier.
    private static bool PointsBack(List<Token> tokens, int from, int to)
    {
        for (int k = Math.Max(0, from); k <= to; k++)
            if (tokens[k].Segments.Any(g => g.Role == SegmentRole.Pronoun))
                return true;
        return false;
    }

    // The time expression is introduced by منذ (since), directly or through a word like بداية (منذ بداية الشهر).
    // An event's time is one of its sentence's, so only the sentence is searched.
    private static bool SinceBefore(Document doc, SentenceContext ctx, TimeMention time)
    {
        int k = doc.Tokens.FindIndex(ctx.First, ctx.Sentence.TokenCount, t => t.Start >= time.Span.Start);
        if (k < 0)
            return false;
        for (int j = k - 1; j >= ctx.First && j >= k - 2; j--)
        {
            if (doc.Tokens[j].Normalized == "منذ")
                return true;
            if (doc.Tokens[j].Kind == TokenKind.Punctuation)
                return false;
        }
        return false;
    }

    // The token is the lexicon word plus an attached pronoun (توجهه، وصولهم), not a word that merely ends in ه (تتجه).
    private static bool CarriesPronoun(Token t, PatternWord w)
    {
        if (w.IsPrefix)
            return false;
        var n = t.Normalized;
        int at = n.LastIndexOf(w.Form, StringComparison.Ordinal);
        return at >= 0 && n[(at + w.Form.Length)..] is "ه" or "ها" or "هم" or "هما" or "هن";
    }

    private static bool Bombing(string subtype) => subtype is EventSubtype.SuicideBomb or EventSubtype.RemoteExplosive;

    private static bool BombingOrAttackOnCivilians(TriggerSpec spec) =>
        Bombing(spec.Subtype) || spec.Type == EventType.ViolenceAgainstCivilians;

    private static bool Territorial(string subtype) => subtype is EventSubtype.GovernmentRegainsTerritory or EventSubtype.NonStateActorOvertakesTerritory;

    private static bool Generic(string subtype) => subtype is EventSubtype.ArmedClash or EventSubtype.Relocation or EventSubtype.Attack or EventSubtype.Other;

    private static bool Violent(string type) => type is EventType.Battles or EventType.ExplosionsRemoteViolence or EventType.ViolenceAgainstCivilians;

    private string? Gate(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, TriggerSpec spec, (int Start, int End) clause)
    {
        var tokens = doc.Tokens;
        // Negation right before the trigger ("لم تسجل أي اشتباكات", "لن يتجه") cancels it.
        int negFrom = Math.Max(clause.Start, m.FirstToken - 3);
        if (ctx.CuesIn(negFrom, m.FirstToken, "negation").Any())
            return "negation";
        if (ctx.CuesIn(clause.Start, m.FirstToken, "conditional").Any())
            return "conditional";
        if (ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 2), m.FirstToken, "purpose").Any())
            return "purpose";
        // Wishes, fears and open questions ("مخاوف من تسرب", "إلى أين فر") are not acts; nor is an event referred back to ("تلك المواجهات").
        if (ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 3), m.FirstToken, "irrealis").Any()
            || ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 3), m.FirstToken, "question_word").Any()
            || ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 1), m.FirstToken, "anaphor").Any())
            return "irrealis";
        // Permission reaches past who is allowed: "السماح للطائرات الأمريكية بشن غارات".
        if (ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 5), m.FirstToken, "permission").Any())
            return "permission";
        // "كان الحوثيون يستخدمونها في إطلاق صواريخ": كان with an imperfect tells a habit, not an occurrence.
        foreach (var aux in ctx.CuesIn(clause.Start, m.FirstToken, "past_aux"))
            for (int k = aux.LastToken + 1; k <= Math.Min(m.FirstToken - 1, aux.LastToken + 3); k++)
                if (tokens[k].Normalized is { Length: > 3 } v && v[0] is 'ي' or 'ت' && tokens[k].Normalized != "تم")
                    return "habit";
        if (ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 3), m.FirstToken, "reference").Any())
            return "reference";
        // "خطف الميدالية الذهبية"، "خطف الأضواء": a prize or the limelight is snatched, nobody is abducted.
        if (spec.Subtype == EventSubtype.Abduction && ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 10), "prize").Any())
            return "prize";
        // "مواد شديدة الانفجار"، "قابلة للانفجار": a property of a substance, not a blast; "أوامر اعتقال"، "مذكرة
        // اعتقال": a paper named after an act, not the act.
        int near = Math.Max(ctx.First, m.FirstToken - 2), past = Math.Min(ctx.End, m.LastToken + 1);
        if (ctx.CuesIn(near, past, "property").Concat(ctx.CuesIn(near, past, "not_act")).Any(c => c.LastToken >= m.FirstToken))
            return "property";
        // "شن في مقابلة تلفزيونية هجوما على السعودية": an attack made in an interview, a speech or a tweet is one
        // of words, unless a reported clause (إن هجوما استهدف) starts between them.
        if (spec.Subtype == EventSubtype.Attack && ctx.CuesIn(Math.Max(clause.Start, m.FirstToken - 6), m.FirstToken, "speech_venue")
                .Any(v => !Enumerable.Range(v.LastToken + 1, m.FirstToken - v.LastToken - 1).Any(k => tokens[k].Normalized is "ان" or "انه" or "انها" or "بان")))
            return "speech_venue";
        // "هدد بالاستقالة"، "هدد بمقاطعة الانتخابات": a political threat, not one of violence.
        if (spec.Type == EventType.Threat && ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 10), "not_threat").Any())
            return "not_threat";
        // "أي ضربة جوية ضد إيران"، "لم تسجل أي اشتباكات"، "ليس من المتوقع عقد أي صفقات": a noun after أي is any such
        // act, hypothetical or denied, not one that happened.
        if (spec.Noun && m.FirstToken > ctx.First && tokens[m.FirstToken - 1].Normalized is "اي" or "ايه" or "لاي" or "باي")
            return "any";
        // "انفجرت مظاهرات"، "انفجر الوضع": what erupts here is unrest, not a bomb.
        if (spec.Type == EventType.ExplosionsRemoteViolence && !spec.Noun && ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 4), "unrest").Any())
            return "unrest";
        // "تجمعت مئات السيارات": vehicles or goods gathered, not people.
        if (spec.Type == EventType.Protests && !spec.Noun && ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 4), "not_crowd").Any())
            return "not_crowd";
        // "معاركها الأدبية"، "المعركة الانتخابية": a battle of ideas, votes or courts.
        if (spec.Noun && ctx.CuesIn(m.LastToken + 1, Math.Min(ctx.End, m.LastToken + 4), "figurative").Any())
            return "figurative";
        // "استعادة الإرث"، "تحرير الرهائن": what is won back or freed is not ground.
        if (spec.Territory && ctx.CuesIn(m.LastToken + 1, Math.Min(ctx.End, m.LastToken + 3), "not_territory").Any())
            return "not_territory";
        // "منذ اعتداءات سبتمبر"، "بعد اعتداءات مومباي"، "قبل وقوع الهجوم": a verbal noun right after a preposition of
        // time is the landmark another fact is dated by; the act itself is told elsewhere, if at all.
        if (spec.Noun && ctx.CuesIn(Math.Max(ctx.First, m.FirstToken - 2), m.FirstToken, "time_anchor")
                .Any(a => a.LastToken == m.FirstToken - 1 || (a.LastToken == m.FirstToken - 2 && ctx.CuesIn(a.LastToken + 1, m.FirstToken, "onset").Any())))
            return "time_anchor";
        // A trigger word inside a group's or a place's name ("منظمة التحرير"، "هيئة تحرير الشام"، "ساحة التحرير") is
        // part of the name; one that leads the name ("غارات التحالف") still tells the act.
        if (ctx.Entities.Any(e => e.Kind is EntityKind.Actor or EntityKind.Place && e.FirstToken < m.FirstToken && e.LastToken >= m.LastToken))
            return "in_name";
        if (spec.Anchored && !Anchored(doc, ctx, m, clause))
            return "unanchored";
        // "Four soldiers were killed in the fighting": a toll that points back to an event already told.
        if (spec.Consequence && ctx.HasCue(clause.Start, clause.End, "refers_back"))
            return "refers_back";
        // "هاجمته سمكة قرش": an animal's attack is no political violence.
        if (Violent(spec.Type) && ctx.HasCueOutsideNames(clause.Start, clause.End, "animal"))
            return "animal";
        // Deaths in floods, road accidents or by court sentence, and family murders, are not political violence.
        if (spec.Type == EventType.ViolenceAgainstCivilians && ctx.HasCueOutsideNames(ctx.First, ctx.End, "non_political"))
            return "non_political";
        // A match or a cup (مواجهات المنتخب) is a game, not a battle; a club signing a player (وقع الاتفاق مع المدافع) no agreement.
        if (spec.Type is EventType.Battles or EventType.StrategicDevelopments && ctx.HasCue(ctx.First, ctx.End, "sport")
            && !ctx.Entities.Any(e => e.FirstToken >= clause.Start && e.LastToken < clause.End && IsArmedParty(e)))
            return "sport";
        // Arrests for drugs, theft or residency violations are police news, not political events,
        // unless an armed or political actor is part of the story.
        if (spec.Subtype == EventSubtype.Arrests && ctx.HasCue(ctx.First, ctx.End, "crime")
            && !ctx.Entities.Any(e => e.Kind == EntityKind.Actor && e.Actor!.Category is "rebel" or "islamist" or "militia" or "unidentified"))
            return "crime";
        // ACLED codes arrests of political and armed figures (militants, a cell, activists, journalists,
        // protesters), not police routine: an arrest needs such people, or such an actor, in its sentence.
        if (spec.Subtype == EventSubtype.Arrests && !ctx.HasCue(ctx.First, ctx.End, "political")
            && !ctx.Entities.Any(e => e.Kind == EntityKind.Actor && e.Actor!.Category is "rebel" or "islamist" or "militia" or "unidentified" or "political" or "protesters"))
            return "not_political";
        // Control changes hands over a place: "تحرير الاقتصاد" is not a battle.
        int reach = Math.Min(ctx.End, m.LastToken + 13);
        if (spec.Territory && !ctx.Entities.Any(e => e.Kind == EntityKind.Place && e.FirstToken > m.LastToken && e.FirstToken < reach)
            && !ctx.CuesIn(m.LastToken + 1, reach, "location").Any()
            && !(SubjectFirst && ctx.Entities.Any(e => e.Kind == EntityKind.Place && e.LastToken < m.FirstToken && e.LastToken >= Math.Max(clause.Start, m.FirstToken - 4))))
            return "no_territory_place";
        // A cue just before the trigger ("خرج آلاف المتظاهرين") or a few words after it: the object of a verb whose
        // subject comes between ("أطلق مسلحون مجهولون النار على"), or the verb of a subject told first
        // ("متظاهرون فلسطينيون قد خرجوا"). A trigger that lists either kind needs one of them.
        if ((spec.After.Count > 0 || spec.Then.Count > 0)
            && !spec.After.Any(a => ctx.CuesIn(Math.Max(ctx.First, m.FirstToken - 3), m.FirstToken, a).Any())
            && !spec.Then.Any(c => ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 6), c).Any()))
            return "no_cue_around";
        // A trigger carrying the purpose lam (لشن هجمات، لملاحقة) is an aim, not an act.
        var first = tokens[m.FirstToken];
        // "تعرضت ... لضربات جوية": lam after a verb of undergoing marks what was suffered, not a purpose.
        bool undergoing = ctx.CuesIn(clause.Start, m.FirstToken, "undergo").Any();
        if (!undergoing && IsPurposeLam(first) && spec.Type != EventType.Threat)
            return "purpose_lam";
        // A verb takes no article: "البائع" folds to "البايع", the seller, not بايع (pledged allegiance).
        if (spec.FiniteVerb && first.Segments.Any(g => g.Role == SegmentRole.Article))
            return "verb_article";
        // A verb takes no preposition: "بسيطرته"، "من سيطرتهم" are the noun with a pronoun, not the verb سيطرت.
        if (!spec.Noun && NounWithPronoun(first, m.Entry.Words[0])
            && (HasPrepositionClitic(first, m.Entry.Words[0]) || (m.FirstToken > ctx.First && Prepositions.Contains(tokens[m.FirstToken - 1].Normalized))))
            return "noun_pronoun";
        if (!undergoing && m.FirstToken > clause.Start && spec.Type != EventType.Threat && IsPurposeLam(tokens[m.FirstToken - 1]))
            return "purpose_lam_before";
        foreach (var need in spec.Needs)
            if (Satisfies(tokens, ctx, need, clause, m))
                goto needsOk;
        if (spec.Needs.Count > 0)
            return "needs";
        needsOk:
        if (spec.Weak && !ctx.Entities.Any(e => e.FirstToken >= clause.Start && e.LastToken < clause.End && (e.IsActor || e.Kind == EntityKind.Place)))
            return "weak";
        return spec.Broad ? "broad" : null;
    }

    // A noun of violence names an occurrence when its clause also gives a date, a count or a verb of
    // happening; an actor or a place alone is not enough ("اغتيال الحريري" in a debate about the
    // tribunal names the deed, it does not report one).
    private static bool Anchored(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, (int Start, int End) clause)
    {
        int from = doc.Tokens[clause.Start].Start, to = doc.Tokens[clause.End - 1].End;
        if (doc.Times.Any(t => t.Span.Start >= from && t.Span.End <= to))
            return true;
        // "12 يوليو 2005: جرح وزير الدفاع في تفجير ...": a chronology entry dates everything after its colon.
        if (ctx.Clauses.Count > 1 && ctx.Clauses[0] != clause && ctx.Clauses[0].End < doc.Tokens.Count
            && doc.Tokens[ctx.Clauses[0].End].Surface == ":"
            && doc.Times.Any(t => t.Span.Start >= doc.Tokens[ctx.Clauses[0].Start].Start && t.Span.End <= doc.Tokens[ctx.Clauses[0].End - 1].End))
            return true;
        if (doc.Numbers.Any(n => n.Span.Start >= from && n.Span.End <= to && n.IsExact))
            return true;
        if (ctx.CuesIn(clause.Start, clause.End, "happen").Any())
            return true;
        // "تم اغتيال"، "تم اغتصابها": the passive auxiliary makes the noun the act told.
        if (m.FirstToken > ctx.First && doc.Tokens[m.FirstToken - 1].Normalized == "تم")
            return true;
        // "قتل جندي في انفجار عبوة"، "أصيب أربعة من جراء انفجار": the cause of a toll told in the same sentence
        // is the occurrence, even when a comma sets it apart from the toll.
        return CausePosition(doc.Tokens, ctx, m.FirstToken) && (ctx.CuesIn(ctx.First, m.FirstToken, "fatality").Any() || ctx.CuesIn(ctx.First, m.FirstToken, "wounded").Any());
    }

    // "الطائرات التابعة للتحالف": words that give the owner of the noun before them.
    private static readonly HashSet<string> OwnerMarkers = new(StringComparer.Ordinal) { "تابع", "تابعه", "التابع", "التابعه", "التابعين" };

    private static readonly HashSet<string> CauseWords = new(StringComparer.Ordinal) { "في", "جراء", "اثر", "بسبب", "نتيجه", "خلال" };

    // The word is introduced as a cause: a cause word right before it ("في انفجار"، "جراء القصف"، "من جراء") or
    // the preposition ب on it ("بانفجار"، "بتفجير").
    private static bool CausePosition(List<Token> tokens, SentenceContext ctx, int i) =>
        tokens[i].Segments.Any(g => g.Role == SegmentRole.Preposition && g.Normalized == "ب")
        || (i > ctx.First && CauseWords.Contains(tokens[i - 1].Normalized));

    private static bool Satisfies(List<Token> tokens, SentenceContext ctx, string need, (int Start, int End) clause, PhraseMatch<TriggerSpec> m) => need switch
    {
        "armed_actor" => ctx.Entities.Any(e => e.FirstToken >= clause.Start && e.LastToken < clause.End
            && (e.Kind == EntityKind.StateActor || (e.Kind == EntityKind.Actor && e.Actor!.Category is not ("outlet" or "observer" or "civilians" or "protesters" or "person" or "organization" or "political")))),
        "nationality" => ctx.Entities.Any(e => e.FirstToken >= clause.Start && e.LastToken < clause.End && e.Kind == EntityKind.Nationality),
        // "قتل 13 عراقيا": people counted by their nationality are victims; a nationality alone (سعودي الجنسية) is not.
        "counted_nationality" => ctx.Entities.Any(e => e.FirstToken > clause.Start && e.LastToken < clause.End && e.Kind == EntityKind.Nationality
            && tokens[e.FirstToken - 1].Kind == TokenKind.Number),
        "origin" => ctx.Entities.Any(e => e.FirstToken > m.LastToken && e.FirstToken < clause.End && e.Kind == EntityKind.Place),
        // "مواد شديدة الانفجار": a substance told by its property is an explosive.
        "explosive" when ctx.CuesIn(clause.Start, clause.End, "property").Any() => true,
        _ => ctx.Cues.Any(c => c.Class == need && c.FirstToken >= clause.Start && c.LastToken < clause.End
            && !(c.FirstToken >= m.FirstToken && c.LastToken <= m.LastToken && need is not "air" and not "aircraft")),
    };

    private Candidate Build(Document doc, SentenceContext ctx, PhraseMatch<TriggerSpec> m, TriggerSpec spec, (int Start, int End) clause, EntityMention? previousSubject)
    {
        var tokens = doc.Tokens;

        EntityMention? actor1 = null, actor2 = null;
        // Movements, measures, threats and protests have no victim: every actor named there is a doer.
        bool hasTarget = spec.Type is EventType.Battles or EventType.ExplosionsRemoteViolence or EventType.ViolenceAgainstCivilians or EventType.StrategicDevelopments;
        // "قصفت الطائرات المقاتلة التابعة للتحالف مواقع ...": the owner of the aircraft named as the verb's subject
        // flies the strike; the lam or التابعة before it marks possession here, not a target.
        var aircraftOwner = spec.Noun || !ctx.Cues.Any(c => c.Class == "aircraft" && c.FirstToken == m.LastToken + 1)
            || ctx.Entities.Any(e => e.FirstToken <= m.LastToken + 1 && e.LastToken > m.LastToken) ? null
            : ctx.Entities.Where(e => e.FirstToken > m.LastToken + 1 && e.FirstToken < Math.Min(clause.End, m.LastToken + 6)).MinBy(e => e.FirstToken);
        if (aircraftOwner is not null && !OwnerMarkers.Contains(tokens[aircraftOwner.FirstToken - 1].Normalized)
            && !OwnerMarkers.Contains(tokens[aircraftOwner.FirstToken - 1].Stem))
            aircraftOwner = null;
        bool IsTarget(EntityMention e)
        {
            if (!hasTarget || e == aircraftOwner) return false;
            for (int k = e.FirstToken - 1; k >= Math.Max(ctx.First, e.FirstToken - 2); k--)
            {
                var t = tokens[k];
                if (t.Kind == TokenKind.Punctuation) continue;
                // The trigger itself (ستستهدف القوات التركية) is followed by its subject, not its target.
                if (k >= m.FirstToken && k <= m.LastToken) break;
                if (TargetMarkers.Contains(t.Normalized) || TargetMarkers.Contains(t.Stem)) return true;
                if (spec.Territory && t.Normalized == "من") return true;
                // "اشتبك مسلحون مع الجيش": the party after مع is the other side.
                if (spec.Type == EventType.Battles && !spec.Territory && t.Normalized == "مع") return true;
                break;
            }
            var head = tokens[e.FirstToken];
            // Lam attached to the mention itself (لداعش، للحوثيين) marks a target or a possessor;
            // min attached (منهم) after a territory verb marks the side that lost ground.
            return head.Segments.Count > 1 && head.Segments[0].Role == SegmentRole.Preposition && head.Segments[0].Normalized is "ل";
        }

        // Countries and bare nationalities act only right beside the trigger (قصفت تركيا، الضربات التركية);
        // elsewhere they are places or qualifiers (الشأن الليبي، في ليبيا).
        bool Adjacent(EntityMention e) =>
            (e.FirstToken > m.LastToken && e.FirstToken <= m.LastToken + 2) || (e.LastToken < m.FirstToken && e.LastToken >= m.FirstToken - 1);
        bool CanAct(EntityMention e)
        {
            // The speaker credited for the report is not, for that, a party to the act.
            if (e.Actor?.Category is "person" or "organization" && ctx.Source is { } src && src.Span.Overlaps(e.Span)) return false;
            // Forces that announce a bombing or an attack on civilians ("أعلن الجيش الأميركي مقتل اثنين من جنوده في
            // هجوم انتحاري") report it; they did it only when the report points back at them (ضبطها، قواته أطلقت).
            if (ctx.Source is { } announcer && announcer.Span.Overlaps(e.Span) && BombingOrAttackOnCivilians(spec)
                && !PointsBack(tokens, Math.Max(e.LastToken + 1, m.FirstToken - 2), m.LastToken))
                return false;
            if (e.Kind == EntityKind.Actor) return e.Actor!.Category is not ("outlet" or "observer");
            if (e.Kind == EntityKind.StateActor) return true;
            // A plural nationality names people (سبعة عراقيين), not a state.
            // "انتحاري سعودي": after the bomber, a nationality says where he came from, not which state acted.
            if (e.Kind == EntityKind.Nationality && spec.Subtype == EventSubtype.SuicideBomb && e.FirstToken == m.LastToken + 1) return false;
            if (e.Kind == EntityKind.Nationality) return Adjacent(e) && !PluralPeople(tokens, e);
            if (e.Kind == EntityKind.Place && e.Country is not null) return Adjacent(e) && !HasPreposition(tokens, e);
            return false;
        }
        var actors = ctx.Entities.Where(e => CanAct(e) && !(e.FirstToken >= m.FirstToken && e.LastToken <= m.LastToken)).ToList();
        // An actor name that contains the trigger ("غارات التحالف") names the doer.
        var containing = ctx.Entities.FirstOrDefault(e => e.Kind == EntityKind.Actor && e.Span.Overlaps(m.Span) && !m.Span.Contains(e.Span));
        // Named people found by the tagger are, in violent and strategic events, far more often the ones
        // acted upon (قتل «طلال السعيدي») than the doers, whose forces ACLED codes instead.
        bool victimOnly(EntityMention e) => hasTarget && e.Actor?.Category is "civilians" or "person";

        // Verb-subject order is the norm in Arabic news: the first untargeted actor right after a verb is its subject.
        var after = actors.Where(e => e.FirstToken > m.LastToken && e.FirstToken < clause.End).OrderBy(e => e.FirstToken).ToList();
        var before = actors.Where(e => e.LastToken < m.FirstToken && e.FirstToken >= clause.Start).OrderByDescending(e => e.FirstToken).ToList();
        var nearAfter = (aircraftOwner is not null && after.Contains(aircraftOwner) ? aircraftOwner : null)
            ?? after.FirstOrDefault(e => e.FirstToken <= m.LastToken + 3 && !IsTarget(e) && !victimOnly(e));
        // "اشتباكات بين X وY": the two sides, in the order named.
        int bayn = -1;
        for (int k = m.LastToken + 1; k < Math.Min(clause.End, m.LastToken + 4); k++)
            if (tokens[k].Normalized == "بين") { bayn = k; break; }
        if (bayn >= 0)
        {
            // "بين الطرفين" refers back, and whoever the clause names after it is someone else ("حيث تسعى المقاومة
            // لتحريرها من قبضة الحوثيين"): the two sides of the last fight told with both named, else the two
            // armed parties named last before the trigger.
            bool referBack = bayn + 1 < clause.End && tokens[bayn + 1].Stem is "طرفين" or "جانبين";
            List<EntityMention> sides;
            if (referBack && ctx.LastOpposed is { } pair)
                sides = [pair.A, pair.B];
            else if (referBack)
                sides = ctx.EarlierParties.Concat(ctx.Entities.Where(e => e.LastToken < m.FirstToken && IsArmed(e)))
                    .GroupBy(e => e.ActorName).Select(g => g.Last()).OrderBy(e => e.Span.Start).TakeLast(2).ToList();
            else
                sides = after.Where(e => e.FirstToken > bayn).Take(2).ToList();
            if (sides.Count > 0) actor1 = sides[0];
            if (sides.Count > 1) actor2 = sides[1];
        }
        if (containing is not null) actor1 ??= containing;
        // After a verbal noun of violence the genitive names the doer (غارات التحالف، الضربات التركية);
        // after other nouns it names what was acted on (اعتقال المتهمين، تحرير المدينة).
        // "سيطرة قوات حكومة الوفاق على ...": the genitive of a noun of control is who took it.
        bool genitiveAgent = spec.Type is EventType.ExplosionsRemoteViolence or EventType.Battles;
        // After a noun of violence, lam marks the doer ("ضربات جوية للتحالف"), not the target it marks elsewhere.
        // قصف is a verb and a verbal noun alike: after a preposition or with the article ("في قصف لقوات النظام")
        // it is the noun.
        bool usedAsNoun = spec.Noun || tokens[m.FirstToken].Segments.Any(g => g.Role == SegmentRole.Article) || AfterPreposition(tokens, ctx, m.FirstToken);
        if (actor1 is null && usedAsNoun && genitiveAgent && !spec.Territory
            && after.FirstOrDefault(e => e.FirstToken <= m.LastToken + 2 && IsLamAgent(tokens, e) && !victimOnly(e)) is { } lamAgent)
            actor1 = lamAgent;
        if (actor1 is null && nearAfter is not null && (!spec.Noun || nearAfter.Kind == EntityKind.Nationality || IsLamAgent(tokens, nearAfter)
            || PrecededBy(tokens, nearAfter, "من") || (genitiveAgent && nearAfter.FirstToken == m.LastToken + 1)
            || ctx.CuesIn(m.LastToken + 1, nearAfter.FirstToken, "happen").Any()))
            actor1 = nearAfter;
        // Movers are named after the movement, a little further off: "فرار مئات المقاتلين التابعين لداعش".
        if (actor1 is null && !hasTarget && spec.Type == EventType.Movement)
            actor1 = after.FirstOrDefault(e => e.FirstToken <= m.LastToken + 6);
        actor1 ??= before.FirstOrDefault(e => !IsTarget(e) && !victimOnly(e));
        // Subject earlier in the sentence, outside the clause: "السلطات الجزائرية أعلنت ... عن ضبطها".
        actor1 ??= actors.Where(e => e.LastToken < clause.Start && !IsTarget(e) && !victimOnly(e) && e.Kind is EntityKind.Actor or EntityKind.StateActor)
            .OrderByDescending(e => e.FirstToken).FirstOrDefault();
        if (!hasTarget && actor1 is null)
            actor1 = after.FirstOrDefault();
        // A finite verb with no subject in its sentence continues the subject of the previous one ("وكانت قد انتزعت ...").
        // "297 شخصا ... اعتقلوا": a count of people before the verb is its (passive) subject, so no doer carries over.
        bool passiveLike = doc.Numbers.Any(n => n.Span.Start >= tokens[clause.Start].Start && n.Span.End <= m.Span.Start)
            && spec.Subtype is EventSubtype.Arrests or EventSubtype.Attack;
        // "بلاده ستبدأ": his country is the speaker's.
        if (actor1 is null && ctx.Source?.Entity?.Country is not null
            && Enumerable.Range(clause.Start, clause.End - clause.Start).Any(k => k < m.FirstToken && tokens[k].Stem == "بلاد" && tokens[k].Segments.Any(g => g.Role == SegmentRole.Pronoun)))
            actor1 = ctx.Source.Entity;
        // Security measures and purchases are a state's: "أما في الجزائر فقد كثفت ..." names it as the topic.
        if (actor1 is null && spec.Type == EventType.SecurityMeasure)
            actor1 = ctx.Entities.LastOrDefault(e => e.Kind == EntityKind.Place && e.Place?.Precision == "country" && e.LastToken < m.FirstToken);
        // Killing and wounding verbs are mostly passive in news ("قتل وأصيب سبعة"): nobody carries over into them.
        if (actor1 is null && !spec.Noun && !passiveLike && !spec.Consequence && !spec.NoAgent && previousSubject is not null)
            actor1 = previousSubject;
        // "على يد مسلحين من داعش"، "برصاص قناصة الحوثيين"، "من قبل الشرطة": whoever these name did it, whatever
        // the word order put first; a party taken for the doer before is then the one it was done to.
        if (hasTarget && actors.FirstOrDefault(e => e.FirstToken > m.LastToken && e.FirstToken < clause.End
                && ctx.CuesIn(Math.Max(m.LastToken + 1, e.FirstToken - 3), e.FirstToken, "agent_marker").Any()) is { } agent)
        {
            if (actor1 is not null && actor1 != agent && !SameActor(actor1, agent))
                actor2 ??= actor1;
            actor1 = agent;
            if (actor2 == agent || SameActor(agent, actor2))
                actor2 = null;
        }
        // "إطلاق النار عليه": a pronoun on the trigger's preposition is the target, told before; a party named
        // further on ("بالتخابر مع قوات النظام") is not who was shot.
        bool targetIsPronoun = spec.Victim && m.LastToken > m.FirstToken && tokens[m.LastToken].Segments.Any(g => g.Role == SegmentRole.Pronoun);
        if (hasTarget && actor2 is null && !targetIsPronoun)
        {
            actor2 = after.FirstOrDefault(e => e != actor1 && !SameActor(e, actor1) && (IsTarget(e) || spec.Type != EventType.StrategicDevelopments) && (spec.Territory || e.FirstToken <= m.LastToken + 8));
            actor2 ??= before.FirstOrDefault(e => e != actor1 && IsTarget(e) && !SameActor(e, actor1));
        }

        // A threat is a statement: whoever is credited with it made it ("قال أردوغان إن على الجماعات المتشددة ...
        // أن تواجه العواقب"), and the party named in it is the one threatened.
        if (spec.Type == EventType.Threat && ctx.Source?.Entity is { } speaker && speaker.Kind is EntityKind.Actor or EntityKind.StateActor)
        {
            if (actor1 is not null && actor1 != speaker) actor2 ??= actor1;
            actor1 = speaker;
        }

        // A battle or strike with its doer named but not its enemy is fought against the armed party the
        // article keeps naming as the other side (Sirte's battles are against ISIS even where unnamed).
        if (actor2 is null && actor1 is not null && spec.Type is EventType.Battles or EventType.ExplosionsRemoteViolence && !targetIsPronoun)
            actor2 = MainOpponent(ctx, actor1);

        // Civilians named in the clause of a violent event are its victims ("قتل 5 مدنيين في غارة").
        if (hasTarget && spec.Type != EventType.StrategicDevelopments && actor2 is null)
            actor2 = ctx.Entities.FirstOrDefault(e => e.Actor?.Category == "civilians" && e.FirstToken >= clause.Start && e.LastToken < clause.End && e != actor1);

        // English word order is subject-verb-object: its own rules replace the roles read above (EventExtractor.English.cs).
        if (SubjectFirst)
            (actor1, actor2) = SubjectFirstRoles(doc, ctx, m, spec, clause, actors, hasTarget, victimOnly, previousSubject);

        // Place: nearest place after the trigger in the clause, else before it, else anywhere in the sentence.
        // "متمردين موالين لروسيا"، "قوات تابعة لإيران": a country after a word of allegiance is a side, not the place.
        var places = ctx.Entities.Where(e => e.Kind == EntityKind.Place
            && !ctx.CuesIn(Math.Max(ctx.First, e.FirstToken - 1), e.FirstToken, "allegiance").Any()).ToList();
        EntityMention? place = null, origin = null;
        var placesAfter = places.Where(p => p.FirstToken > m.LastToken && p.FirstToken < clause.End).OrderBy(p => p.FirstToken).ToList();
        if (spec.Type == EventType.Movement)
        {
            bool Towards(EntityMention p) => _grammar is { } g ? g.Towards.Any(w => PrecededBy(tokens, p, w))
                : PrecededBy(tokens, p, "الي") || PrecededBy(tokens, p, "نحو") || PrecededBy(tokens, p, "باتجاه");
            origin = placesAfter.FirstOrDefault(p => _grammar is { } g ? g.From.Any(w => PrecededBy(tokens, p, w)) : PrecededBy(tokens, p, "من"));
            // غادر takes the place left as its object: "غادروا بلدة تيديرمين ... متجهين إلى أنسونغو".
            if (origin is null && tokens[m.FirstToken].MatchForms.Append(tokens[m.FirstToken].Normalized).Any(f => f.StartsWith("غادر", StringComparison.Ordinal)))
                origin = placesAfter.FirstOrDefault(p => !Towards(p));
            place = placesAfter.FirstOrDefault(Towards)
                ?? placesAfter.FirstOrDefault(p => p != origin) ?? origin;
        }
        place ??= placesAfter.FirstOrDefault(p => !IsActorUse(tokens, p, actor1, actor2))
            ?? places.Where(p => p.LastToken < m.FirstToken && p.FirstToken >= clause.Start && !IsActorUse(tokens, p, actor1, actor2)).OrderByDescending(p => p.FirstToken).FirstOrDefault()
            ?? places.Where(p => !IsActorUse(tokens, p, actor1, actor2) && !Quoted(tokens, p) && (ctx.Source?.Span is not { } src || !src.Overlaps(p.Span)))
                .OrderBy(p => Math.Abs(p.FirstToken - m.FirstToken)).FirstOrDefault();

        // A neighbourhood the gazetteer does not know can resolve to a namesake abroad ("حي الجيزة" in Sirte
        // read as Giza): a district abroad, when the sentence also names a town in the article's country,
        // gives way to that town.
        if (place?.Place is { Precision: not ("country" or "region") } chosen && DominantCountry(doc) is { } homeCountry && chosen.Country != homeCountry
            && place.FirstToken > 0 && tokens[place.FirstToken - 1].Stem is "حي" or "ضاحيه" or "احياء"
            && places.Where(p => p.Place is { Precision: not ("country" or "region") } q && q.Country == homeCountry)
                .OrderBy(p => Math.Abs(p.FirstToken - m.FirstToken)).FirstOrDefault() is { } local)
            place = local;

        if (SubjectFirst)
            place = SubjectFirstPlace(doc, ctx, place, actor1, m);

        // A purchase happens where the buyer is, not at the seller named after من.
        if (spec.Subtype == EventSubtype.Procurement)
        {
            var buyer = actor1?.Country?.Code;
            var home = actor1 is { Kind: EntityKind.Place } ? actor1
                : places.FirstOrDefault(p => buyer is not null && p.Place?.Country == buyer && p.Place.Precision == "country");
            place = home ?? (place is not null && PrecededBy(tokens, place, "من") ? null : place);
            // "أما في الجزائر فقد ... اشترت": the country the sentence is set in.
            place ??= places.Where(p => p.Place?.Precision == "country" && p.LastToken < m.FirstToken && !PrecededBy(tokens, p, "من"))
                .OrderByDescending(p => p.FirstToken).FirstOrDefault();
        }

        // "في المدينة" names again the town told before: the last town or site named in the article.
        if (place is null && ctx.CuesIn(clause.Start, clause.End, "anaphoric_place").Any())
            place = doc.Entities.LastOrDefault(e => e.Kind == EntityKind.Place && e.Place?.Precision is "point" or "admin2" && e.Span.End <= m.Span.Start);

        // Time: the nearest time expression in the clause, else in the sentence.
        var times = doc.Times.Where(t => t.Span.Start >= ctx.Sentence.Span.Start && t.Span.End <= ctx.Sentence.Span.End).ToList();
        int clauseStartChar = tokens[clause.Start].Start, clauseEndChar = tokens[clause.End - 1].End;
        var time = times.Where(t => t.Span.Start >= clauseStartChar && t.Span.End <= clauseEndChar).OrderBy(t => Math.Abs(t.Span.Start - m.Span.Start)).FirstOrDefault()
            ?? times.OrderBy(t => Math.Abs(t.Span.Start - m.Span.Start)).FirstOrDefault();

        var (certainty, certaintySpan) = Certainty(doc, ctx, m, clause, actor1);
        var quantities = Quantities(doc, ctx, m, spec, clause, out var quantitySpans);

        string type = spec.Type, subtype = spec.Subtype;
        // An attack on soldiers, a patrol or a camp (استهدفت طاقما عسكريا) is a battle even where the force is unnamed.
        if (spec.Victim && ((actor2 is not null && IsArmed(actor2))
                || (actor2 is null && !targetIsPronoun && ctx.CuesIn(m.LastToken + 1, Math.Min(clause.End, m.LastToken + 6), "military_target").Any())))
            (type, subtype) = (EventType.Battles, EventSubtype.ArmedClash);
        if (spec.Territory && actor1 is not null)
            subtype = actor1.IsStateSide ? EventSubtype.GovernmentRegainsTerritory : EventSubtype.NonStateActorOvertakesTerritory;

        // Evidence: the trigger, its subject when it stands just before it, and the arguments that follow it in the clause.
        var evidence = m.Span;
        // An English subject far before the trigger ("groups signed a truce after days of fighting") is told with another verb.
        if (actor1 is not null && actor1.LastToken < m.FirstToken && actor1.FirstToken >= clause.Start && !(SubjectFirst && actor1.LastToken < m.FirstToken - 5))
            evidence = evidence.Union(actor1.Span);
        int limitChar = tokens[Math.Min(clause.End - 1, m.LastToken + 12)].End;
        foreach (var sp0 in new[] { actor1?.Span, actor2?.Span, place?.Span, origin?.Span }.Concat(quantitySpans.Select(q => (TextSpan?)q)))
            if (sp0 is { } sp && sp.Start >= m.Span.Start && sp.End <= Math.Min(clauseEndChar, limitChar))
                evidence = evidence.Union(sp);

        return new Candidate
        {
            Type = type,
            Consequence = spec.Consequence,
            Subtype = subtype,
            Trigger = m.Span,
            TriggerToken = m.FirstToken,
            IsVerb = !spec.Noun,
            Clause = (ctx.Sentence.Index, clause.Start),
            SentenceIndex = ctx.Sentence.Index,
            Actor1 = actor1,
            Actor2 = actor2,
            Place = place,
            Origin = origin,
            Time = time,
            Quantities = quantities,
            Certainty = certainty,
            CertaintySpan = certaintySpan,
            Source = ctx.Source,
            Evidence = evidence,
            Background = IsBackground(ctx, m),
            Features = Features(doc, ctx, m, spec, clause, type, subtype, actor1, actor2, place, time, quantities, certainty),
        };
    }
}
