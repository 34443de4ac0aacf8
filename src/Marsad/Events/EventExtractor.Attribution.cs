using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>The event extractor: who a sentence credits for what it says.</summary>
public sealed partial class EventExtractor
{
    // --- attribution -----------------------------------------------------------------------------

    // Every source the sentence credits, in order, with the token of the cue that introduces it.
    private List<(int Cue, Attribution Source)> FindSources(Document doc, SentenceContext ctx, Attribution? previous)
    {
        // English names its source its own way (EventExtractor.English.cs): one per sentence.
        if (SubjectFirst)
            return SubjectFirstSource(doc, ctx, previous) is { } en ? [(ctx.First, en)] : [];
        var found = new List<(int, Attribution)>();
        foreach (var cue in ctx.Cues.Where(c => c.Class.StartsWith("attr_", StringComparison.Ordinal)).OrderBy(c => c.FirstToken))
        {
            switch (cue.Class)
            {
                case "attr_speech":
                case "attr_relay":
                case "attr_according":
                {
                    // Subject before the verb (SVO): an entity ending right before the cue.
                    var before = ctx.Entities.LastOrDefault(m => m.LastToken < cue.FirstToken && m.LastToken >= cue.FirstToken - 2 && m.Kind != EntityKind.Place);
                    if (cue.Class == "attr_speech" && before is not null)
                    {
                        found.Add((cue.FirstToken, MakeSource(doc, ctx, before.Span, before) with { Cue = cue.Class }));
                        break;
                    }
                    var np = NounPhraseAfter(doc, ctx, cue.LastToken + 1);
                    if (np is { } span)
                    {
                        var ent = ctx.Entities.FirstOrDefault(m => span.Contains(m.Span) && m.Kind != EntityKind.Place);
                        // "تمكنت من كشف مخزنين للسلاح": without a name or a word for a source, the words after a verb of
                        // telling are its object unless a complementizer or a colon shows them to be its subject.
                        if (ent is null && !ctx.Cues.Any(c => c.Class == "attr_anonymous" && span.Contains(c.Span)) && !IntroducesSpeech(doc, ctx, span))
                            break;
                        found.Add((cue.FirstToken, MakeSource(doc, ctx, span, ent) with { Cue = cue.Class }));
                    }
                    break;
                }
                case "attr_continue":
                    if (previous is not null && NounPhraseAfter(doc, ctx, cue.LastToken + 1) is null)
                        found.Add((cue.FirstToken, previous));
                    break;
            }
        }
        return found;
    }

    // "أعلنت السلطات الجزائرية ضبط ...، وفي تونس قالت وزارة الداخلية إنها تمكنت ...": an act is credited to the
    // last source named before it in its sentence; one told before any source takes the sentence's first
    // ("..., حسبما أفادت الوكالة").
    private static Attribution? SourceFor(SentenceContext ctx, int triggerToken)
    {
        if (ctx.Sources.Count == 0)
            return null;
        var before = ctx.Sources.LastOrDefault(s => s.Cue < triggerToken);
        return before.Source ?? ctx.Sources[0].Source;
    }

    private Attribution MakeSource(Document doc, SentenceContext ctx, TextSpan span, EntityMention? ent)
    {
        bool anonymous = ctx.HasCue(ctx.First, ctx.End, "attr_anonymous") && ctx.Cues.Any(c => c.Class == "attr_anonymous" && span.Contains(c.Span));
        bool third = anonymous || ent?.Actor?.Category is "outlet" or "observer";
        int first = doc.Tokens.FindIndex(ctx.First, ctx.Sentence.TokenCount, t => t.Start >= span.Start);
        string name = ent is not null && ent.Span == span && ent.Kind == EntityKind.Actor ? ent.Name
            : (first >= 0 ? EntityRecognizer.CleanName(doc, span, first) : doc.Slice(span)).Trim('"', '«', '»', ' ');
        return new Attribution(name, span, third, ent);
    }

    // The source phrase after a verb of saying: up to the complementizer, a date word or punctuation.
    private TextSpan? NounPhraseAfter(Document doc, SentenceContext ctx, int i)
    {
        var tokens = doc.Tokens;
        int start = -1, last = -1;
        for (int k = i; k < ctx.End && k < i + 8; k++)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation)
            {
                if (t.Surface is "\"" or "«" or "»" or "“" or "”" && start >= 0 && k + 1 < ctx.End && tokens[k + 1].Kind != TokenKind.Punctuation && !IsStopper(tokens[k + 1]))
                    continue; // quoted outlet names: صحيفة "واشنطن بوست"
                if (t.Surface is "\"" or "«" && start < 0)
                    continue;
                break;
            }
            // The source ends where the reported act begins ("أعلنت وزارة الداخلية اعتقال ...").
            if (IsStopper(t) || t.Kind == TokenKind.Number || (start >= 0 && _lex.Triggers.MatchesAt(tokens, k, ctx.End).Count > 0))
                break;
            if (start < 0) start = k;
            last = k;
        }
        if (start < 0)
            return null;
        var span = TextSpan.FromBounds(tokens[start].Start, tokens[last].End);
        return span;
    }

    // What follows a source: "إن"/"أن" (or with a pronoun), a colon, or the day it spoke ("قال المتحدث أمس إن").
    private static bool IntroducesSpeech(Document doc, SentenceContext ctx, TextSpan source)
    {
        var tokens = doc.Tokens;
        int k = tokens.FindIndex(ctx.First, ctx.Sentence.TokenCount, t => t.Start >= source.End);
        if (k < 0)
            return false;
        if (tokens[k].Normalized is "اليوم" or "امس" && k + 1 < ctx.End)
            k++;
        return tokens[k].Normalized is "ان" or "انه" or "انها" or "انهم" or "بان" || tokens[k].Surface is ":" or "«" or "\"";
    }

    private bool IsStopper(Token t) => _speechStoppers.Contains(t.Normalized) || _speechStoppers.Contains(t.Stem);
}
