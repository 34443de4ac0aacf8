using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>A cue phrase found in a sentence, with its class from the lexicon.</summary>
public sealed record Cue(string Class, int FirstToken, int LastToken, TextSpan Span);

/// <summary>Who a sentence credits for what it says, and whether that source is a third party.</summary>
public sealed record Attribution(string Name, TextSpan Span, bool ThirdParty, EntityMention? Entity)
{
    /// <summary>The attribution cue class that introduced the source (attr_speech, attr_according, …).</summary>
    public string Cue { get; init; } = "";
}

/// <summary>Everything the extractor knows about one sentence: its clauses, cues, entities and source.</summary>
public sealed class SentenceContext
{
    public required Sentence Sentence { get; init; }
    public required List<Cue> Cues { get; init; }
    public required List<EntityMention> Entities { get; init; }
    public required List<(int Start, int End)> Clauses { get; init; }
    /// <summary>The source credited for the act being built (see <c>SourceFor</c>); the sentence's first one between acts.</summary>
    public Attribution? Source { get; set; }

    /// <summary>Every source the sentence names, with the token of the cue that introduces it.</summary>
    public List<(int Cue, Attribution Source)> Sources { get; set; } = [];
    public bool IsQuestion { get; init; }

    /// <summary>Armed parties named before this sentence, most recent last: what "الطرفين" refers back to.</summary>
    public IReadOnlyList<EntityMention> EarlierParties { get; set; } = [];

    /// <summary>The two parties of the last fight told with both sides named: who "الطرفين" most often means.</summary>
    public (EntityMention A, EntityMention B)? LastOpposed { get; set; }

    /// <summary>Every mention of an armed party before this sentence, repeats included (who the article keeps naming).</summary>
    public IReadOnlyList<EntityMention> EarlierPartyMentions { get; set; } = [];

    public int First => Sentence.FirstToken;
    public int End => Sentence.FirstToken + Sentence.TokenCount;

    public (int Start, int End) ClauseOf(int token)
    {
        foreach (var c in Clauses)
            if (token >= c.Start && token < c.End)
                return c;
        return (First, End);
    }

    public IEnumerable<Cue> CuesIn(int start, int end, string cls) =>
        Cues.Where(c => c.Class == cls && c.FirstToken >= start && c.LastToken < end);

    public bool HasCue(int start, int end, string cls) => CuesIn(start, end, cls).Any();

    /// <summary>A cue of the class that is not part of a place's or an actor's name ("عقوبة" in بعقوبة).</summary>
    public bool HasCueOutsideNames(int start, int end, string cls) =>
        CuesIn(start, end, cls).Any(c => !Entities.Any(e => e.Kind is EntityKind.Place or EntityKind.Actor
            && e.FirstToken <= c.FirstToken && e.LastToken >= c.LastToken));
}
