namespace Marsad.Text;

/// <summary>The role a piece of a token plays after clitic segmentation.</summary>
public enum SegmentRole
{
    Conjunction,   // و ف
    Preposition,   // ب ل ك
    Future,        // س
    Article,       // ال (and the لل contraction)
    Stem,
    Pronoun,       // attached pronouns: ه ها هم هما هن ك كم نا ي
}

/// <summary>A clitic or stem inside a token, as a span over the document text.</summary>
public readonly record struct Segment(TextSpan Span, SegmentRole Role, string Normalized);

/// <summary>Broad class of a token, decided from its characters.</summary>
public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>A token: a span of the folded text with its match form and clitic segmentation.</summary>
public sealed record Token(int Index, TextSpan Span, string Surface, string Normalized, TokenKind Kind)
{
    /// <summary>Best clitic segmentation (proclitics, stem, enclitics); a single Stem segment when nothing was split.</summary>
    public IReadOnlyList<Segment> Segments { get; init; } = [];

    /// <summary>Normalized stem after removing the segmented clitics.</summary>
    public string Stem { get; init; } = "";

    /// <summary>
    /// Every plausible normalized form of the token for dictionary lookups (the whole word first,
    /// then with proclitics and/or enclitics removed). Segmentation without a dictionary is ambiguous
    /// (وزير is not و+زير), so matchers try all forms and keep the one their dictionary knows.
    /// </summary>
    public IReadOnlyList<string> MatchForms { get; init; } = [];

    public int Start => Span.Start;
    public int End => Span.End;
}

/// <summary>A sentence: a span of the folded text and the range of its tokens.</summary>
public sealed record Sentence(int Index, TextSpan Span, int FirstToken, int TokenCount);
