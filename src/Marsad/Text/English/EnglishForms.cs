namespace Marsad.Text;

/// <summary>Match forms of English tokens: lower case (the tokenizer's), one apostrophe, and the word without its possessive.</summary>
/// <remarks>
/// Inflection is left to the lexicons (a trailing * accepts any ending: kill* → killed, killing); only the
/// possessive is stripped here, because it attaches to names the dictionaries list bare ("Libya's army",
/// "the group's fighters") and no lexicon can list every name with it.
/// </remarks>
public static class EnglishForms
{
    /// <summary>The token with English match forms; non-word tokens are returned as they are.</summary>
    public static Token Apply(Token t)
    {
        if (t.Kind != TokenKind.Word)
            return t;
        var n = t.Normalized;
        if (n.Contains('’'))
            n = n.Replace('’', '\'');
        string bare = n;
        if (bare.EndsWith("'s", StringComparison.Ordinal) && bare.Length > 2)
            bare = bare[..^2];
        else if (bare.EndsWith('\'') && bare.Length > 1)
            bare = bare[..^1];
        if (ReferenceEquals(n, t.Normalized) && bare == n)
            return t;
        // The bare word is the normalized form: gazetteer and dictionary lookups key on it ("Tunisia's" → tunisia).
        return t with
        {
            Normalized = bare,
            Stem = bare,
            MatchForms = bare == n ? [n] : [bare, n],
            Segments = [new Segment(t.Span, SegmentRole.Stem, bare)],
        };
    }

    /// <summary>True when the token is written with a possessive ending ("Libya's", "rebels'").</summary>
    public static bool IsPossessive(Token t) =>
        t.Kind == TokenKind.Word && (t.Surface.EndsWith("'s", StringComparison.Ordinal) || t.Surface.EndsWith("’s", StringComparison.Ordinal)
            || t.Surface.EndsWith('\'') || t.Surface.EndsWith('’'));

    /// <summary>True when the token's text starts with a capital letter: English writes names so.</summary>
    public static bool IsCapitalized(Token t) => t.Surface.Length > 0 && char.IsUpper(t.Surface[0]);
}
