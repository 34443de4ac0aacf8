using System.Text;

namespace Marsad.Text;

/// <summary>
/// Normalization for matching Arabic text against lexicons and names: one letter form per
/// letter family, no diacritics or tatweel, Western digits, lower-case Latin. Never applied
/// to the document text itself, only to copies used for lookup.
/// </summary>
public static class ArabicNormalizer
{
    // Arabic presentation forms (ﻣ ﺍ ﻟ ...: text copied from PDFs and old web pages) stand for the letters they draw;
    // each single-letter form maps to its letter. Ligatures of two letters (ﻻ) keep their own code: a match form
    // has one character per character of the text.
    private static readonly char[] Presentation = BuildPresentation();

    // The letters of U+FE80..U+FEF4 in code order, each with its number of shapes (isolated, final, initial, medial):
    // the Unicode chart, written out because invariant globalization has no compatibility normalization.
    private const string PresentationLetters = "ء1آ2أ2ؤ2إ2ئ4ا2ب4ة2ت4ث4ج4ح4خ4د2ذ2ر2ز2س4ش4ص4ض4ط4ظ4ع4غ4ف4ق4ك4ل4م4ن4ه4و2ى2ي4";

    private static char[] BuildPresentation()
    {
        var table = new char[0xFEFF - 0xFB50 + 1];
        for (int c = 0xFB50; c <= 0xFEFF; c++)
            table[c - 0xFB50] = (char)c;
        // U+FE70..U+FE7F are the harakat's shapes: dropped like the harakat.
        for (int c = 0xFE70; c <= 0xFE7F; c++)
            table[c - 0xFB50] = '\u064B';
        int code = 0xFE80;
        for (int i = 0; i < PresentationLetters.Length; i += 2)
            for (int k = 0; k < PresentationLetters[i + 1] - '0'; k++)
                table[code++ - 0xFB50] = PresentationLetters[i];
        return table;
    }

    /// <summary>Returns the match form of one character, or '\0' when the character is dropped.</summary>
    public static char Map(char c)
    {
        if (c is >= '\uFB50' and <= '\uFEFE')
            c = Presentation[c - 0xFB50];
        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ' or 'ٵ': return 'ا';
            case 'ى' or 'ی' or 'ې' or 'ۍ' or 'ئ': return 'ي';
            case 'ة' or 'ۀ' or 'ہ' or 'ھ' or 'ە' or 'ۃ': return 'ه';
            case 'ؤ' or 'ۄ' or 'ۅ': return 'و';
            case 'ڤ' or 'ڨ' or 'گ' or 'ڧ': return 'ق';
            case 'ک' or 'ڪ' or 'ڭ': return 'ك';
            case 'پ': return 'ب';
            case 'چ': return 'ج';
            case 'ژ': return 'ز';
            case 'ۏ': return 'و';
        }
        if (c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u0610' and <= '\u061A' or >= '\u06D6' and <= '\u06ED')
            return '\0'; // harakat, Quranic marks
        if (c is '\u0640' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\uFEFF')
            return '\0'; // tatweel, joiners, direction marks
        if (c is >= '\u0660' and <= '\u0669') return (char)('0' + (c - '\u0660'));
        if (c is >= '\u06F0' and <= '\u06F9') return (char)('0' + (c - '\u06F0'));
        if (c is >= 'A' and <= 'Z') return (char)(c + 32);
        if (c > 127 && char.IsUpper(c)) return char.ToLowerInvariant(c);
        return c;
    }

    /// <summary>The match form of a string.</summary>
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            char m = Map(c);
            if (m != '\0')
                sb.Append(m);
        }
        return sb.ToString();
    }

    /// <summary>Normalizes and folds white space: the form lexicon phrases and names are compared in.</summary>
    public static string NormalizePhrase(string s) => TextFolder.Fold(Normalize(s));

    public static bool IsArabicLetter(char c) =>
        c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or '\u06D5' or >= '\u06FA' and <= '\u06FF'
        || (c is >= '\uFB50' and <= '\uFEFE' && Presentation[c - 0xFB50] != c);

    public static bool IsArabicDiacritic(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u0610' and <= '\u061A' or '\u0640';
}

/// <summary>
/// A normalized copy of a text span with a map back to the original offsets, so that a match
/// found in normalized text can be reported as a span over the document.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[] _origin; // normalized index -> original offset (length + 1, last = end)

    public NormalizedText(string original, TextSpan within)
    {
        var sb = new StringBuilder(within.Length);
        var map = new List<int>(within.Length + 1);
        for (int i = within.Start; i < within.End; i++)
        {
            char m = ArabicNormalizer.Map(original[i]);
            if (m == '\0')
                continue;
            sb.Append(m);
            map.Add(i);
        }
        map.Add(within.End);
        Text = sb.ToString();
        _origin = map.ToArray();
    }

    public NormalizedText(string original) : this(original, new TextSpan(0, original.Length)) { }

    public string Text { get; }

    /// <summary>Original span of a normalized range [start, start+length).</summary>
    public TextSpan ToOriginal(int start, int length)
    {
        int s = _origin[start];
        // The next kept character's offset, so dropped marks trailing the match stay inside the span.
        int e = length == 0 ? s : _origin[start + length];
        return TextSpan.FromBounds(s, e);
    }

    public int OriginalOffset(int normalizedIndex) => _origin[normalizedIndex];
}
