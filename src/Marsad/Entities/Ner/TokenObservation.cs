using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>What the features see of one token: surface, normalized form, best-guess stem and clitics, every match form.</summary>
public sealed record TokenObservation(string Surface, string Normalized, string Stem, IReadOnlyList<string> Forms, string Proclitics, string Enclitic)
{
    /// <summary>Observes a token given as a string (a CoNLL file's token), segmenting Arabic words with <see cref="CliticSegmenter"/>.</summary>
    public static TokenObservation Of(string word)
    {
        if (!HasArabicLetter(word))
        {
            string norm = ArabicNormalizer.Normalize(word);
            return new TokenObservation(word, norm, norm, [norm], "", "");
        }
        var a = CliticSegmenter.Segment(word);
        var (pro, enc) = Clitics(a.Segments);
        return new TokenObservation(word, a.Normalized, a.Stem, a.MatchForms, pro, enc);
    }

    /// <summary>Observes a token of an analyzed <see cref="Document"/> (its segmentation is already done).</summary>
    public static TokenObservation Of(Token token)
    {
        if (token.MatchForms.Count == 0)
            return new TokenObservation(token.Surface, token.Normalized, token.Normalized, [token.Normalized], "", "");
        var (pro, enc) = Clitics(token.Segments);
        return new TokenObservation(token.Surface, token.Normalized, token.Stem.Length > 0 ? token.Stem : token.Normalized, token.MatchForms, pro, enc);
    }

    private static (string Proclitics, string Enclitic) Clitics(IReadOnlyList<Segment> segments)
    {
        string pro = "", enc = "";
        foreach (var s in segments)
        {
            switch (s.Role)
            {
                case SegmentRole.Conjunction or SegmentRole.Preposition or SegmentRole.Future or SegmentRole.Article:
                    pro = pro.Length == 0 ? s.Normalized : pro + "+" + s.Normalized;
                    break;
                case SegmentRole.Pronoun:
                    enc = s.Normalized;
                    break;
            }
        }
        return (pro, enc);
    }

    private static bool HasArabicLetter(string s)
    {
        foreach (char c in s)
            if (ArabicNormalizer.IsArabicLetter(c))
                return true;
        return false;
    }
}
