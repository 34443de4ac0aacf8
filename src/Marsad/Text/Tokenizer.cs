namespace Marsad.Text;

/// <summary>Cuts a span of folded text into word, number, punctuation and symbol tokens.</summary>
/// <remarks>
/// Arabic words keep their diacritics, tatweel and joiners inside the token; a word written straight after
/// digits (2015م) or before them (بـ20) is a separate token. A number token takes digits in either script with
/// inner separators (1,000 3.5 ٣٫٥ ١٬٠٠٠), digit dates and times (2015/07/24 24-7-2015 9:00) and a glued
/// percent sign (50% ٥٠٪). A run of dots is one token; every other punctuation mark is its own token.
/// </remarks>
public static class Tokenizer
{
    private static readonly string[] SingleCharCache = BuildCache();

    /// <summary>Tokens of the whole text, indexed from 0.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens;
    }

    /// <summary>Appends the tokens inside <paramref name="span"/> to <paramref name="output"/>; Token.Index is the position in the list.</summary>
    public static void Tokenize(string text, TextSpan span, List<Token> output)
    {
        int i = span.Start;
        int end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (c == ' ' || TextFolder.IsFoldable(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (IsArabicWordChar(c))
            {
                while (i < end && IsArabicWordChar(text[i])) i++;
                output.Add(ArabicToken(text, start, i, output.Count));
            }
            else if (IsDigit(c))
            {
                i = ScanNumber(text, i, end);
                output.Add(Simple(text, start, i, output.Count, TokenKind.Number));
            }
            else if (char.IsLetter(c) || char.IsSurrogate(c) && char.IsLetter(text, i))
            {
                i = ScanLatin(text, i, end);
                var surface = text.Substring(start, i - start);
                var norm = NormalizeFast(surface);
                output.Add(Single(output.Count, TextSpan.FromBounds(start, i), surface, norm, TokenKind.Word));
            }
            else if (c == '.')
            {
                while (i < end && text[i] == '.') i++;
                output.Add(Simple(text, start, i, output.Count, TokenKind.Punctuation));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var kind = char.IsPunctuation(c) || c == '\u0640' ? TokenKind.Punctuation : TokenKind.Symbol;
                output.Add(Simple(text, start, i, output.Count, kind));
            }
        }
    }

    /// <summary>True for Western, Arabic-Indic and Eastern Arabic-Indic digits.</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9';

    private static bool IsArabicWordChar(char c) =>
        ArabicNormalizer.IsArabicLetter(c) || ArabicNormalizer.IsArabicDiacritic(c) || c is '\u200C' or '\u200D';

    private static Token ArabicToken(string text, int start, int end, int index)
    {
        var span = TextSpan.FromBounds(start, end);
        var surface = text.Substring(start, end - start);
        var a = CliticSegmenter.Segment(text, span);
        if (a.Normalized.Length == 0)
        {
            // A lone tatweel or stray marks: Arabic writers use "ـ" as a dash.
            return Single(index, span, surface, a.Normalized, TokenKind.Punctuation);
        }
        return new Token(index, span, surface, a.Normalized, TokenKind.Word)
        {
            Segments = a.Segments,
            Stem = a.Stem,
            MatchForms = a.MatchForms,
        };
    }

    private static int ScanNumber(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (IsDigit(c))
            {
                i++;
                continue;
            }
            // A separator stays inside the number only when a digit follows it.
            if (c is '.' or ',' or '٫' or '٬' or '/' or ':' or '-' && i + 1 < end && IsDigit(text[i + 1]))
            {
                i += 2;
                continue;
            }
            if (c is '%' or '٪')
                i++;
            break;
        }
        return i;
    }

    private static int ScanLatin(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) && !ArabicNormalizer.IsArabicLetter(c) && !(c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9'))
            {
                i++;
            }
            else if (char.IsSurrogate(c) && i + 1 < end && char.IsLetter(text, i))
            {
                i += 2;
            }
            else if (c is '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1]) && !ArabicNormalizer.IsArabicLetter(text[i + 1]))
            {
                i += 2; // Alice’s, O'Brien
            }
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    // Most Latin words, numbers and marks are already in match form; skip the copy for them.
    private static string NormalizeFast(string surface)
    {
        foreach (char c in surface)
            if (ArabicNormalizer.Map(c) != c)
                return ArabicNormalizer.Normalize(surface);
        return surface;
    }

    private static Token Simple(string text, int start, int end, int index, TokenKind kind)
    {
        string surface = end - start == 1 && text[start] < SingleCharCache.Length
            ? SingleCharCache[text[start]]
            : text.Substring(start, end - start);
        string norm = NormalizeFast(surface);
        return Single(index, TextSpan.FromBounds(start, end), surface, norm, kind);
    }

    private static Token Single(int index, TextSpan span, string surface, string norm, TokenKind kind) =>
        new(index, span, surface, norm, kind)
        {
            Segments = [new Segment(span, SegmentRole.Stem, norm)],
            Stem = norm,
            MatchForms = [norm],
        };

    private static string[] BuildCache()
    {
        var cache = new string[0x0700];
        for (int c = 0; c < cache.Length; c++)
            cache[c] = ((char)c).ToString();
        return cache;
    }
}
