namespace Marsad.Text;

/// <summary>Splits folded text into sentence spans at full stops, question and exclamation marks.</summary>
/// <remarks>
/// Choices, with the reason for each:
/// <list type="bullet">
/// <item>؛ and ، never end a sentence: Arabic news uses ؛ to chain clauses of one statement.</item>
/// <item>An ellipsis (.. ... …) alone does not end a sentence: scraped Arabic uses it as a pause mid-clause.</item>
/// <item>".," "!," "؟," (a paragraph join in scraped text) always ends the sentence, even without a following space;
/// the comma stays with the first sentence.</item>
/// <item>Closing quotes and brackets after the stop belong to the sentence they close.</item>
/// <item>A dot needs white space (or the end) after it, so 3.5, U.S, د.ب.أ and URLs never split.</item>
/// <item>A lone letter before the dot (د. م. J.) is an abbreviation or initial, not an end; "2015م." is an end,
/// because writers do not put an abbreviation dot after the era letter of a year.</item>
/// </list>
/// </remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> LatinAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "gen", "col",
        "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "maj", "adm", "cmdr", "etc", "e.g", "i.e", "dept",
    };

    // Latin letter names written in Arabic, used for initials (جي. كيه. رولينغ).
    private static readonly HashSet<string> ArabicInitials = new(StringComparer.Ordinal)
    {
        "جي", "كيه", "دي", "إس", "إف", "بي", "سي", "إم", "إل", "تي", "يو", "إتش", "أو", "آر", "إن", "كي", "في",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ArabicInitialLookup =
        ArabicInitials.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        LatinAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    // Abbreviations only English reports write often (month names, ranks): kept apart so that Arabic
    // splitting stays exactly what it was.
    private static readonly HashSet<string> EnglishAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "brig", "cpl", "pvt", "mt", "ft",
        "approx", "est", "fig", "al", "cf", "pp", "vol",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishAbbreviationLookup =
        EnglishAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Sentence spans of the whole text.</summary>
    public static List<TextSpan> Split(string text)
    {
        var result = new List<TextSpan>();
        Split(text, new TextSpan(0, text.Length), result);
        return result;
    }

    /// <summary>Appends the sentence spans found inside <paramref name="within"/> to <paramref name="output"/>.</summary>
    public static void Split(string text, TextSpan within, List<TextSpan> output) => Split(text, within, output, english: false);

    /// <summary>As <see cref="Split(string, TextSpan, List{TextSpan})"/>; <paramref name="english"/> also knows English abbreviations (Jan., Brig.).</summary>
    public static void Split(string text, TextSpan within, List<TextSpan> output, bool english)
    {
        int end = within.End;
        int sentenceStart = within.Start;
        int i = within.Start;
        while (i < end)
        {
            char c = text[i];
            if (!IsTerminal(c))
            {
                i++;
                continue;
            }

            int runEnd = ScanRun(text, i, end, out bool strong, out bool singleDot, out bool join);
            bool followedBySpace = runEnd >= end || text[runEnd] == ' ';
            bool boundary;
            if (join)
                boundary = true;
            else if (!followedBySpace || !strong)
                boundary = false;
            else if (singleDot)
                boundary = !IsAbbreviation(text, within.Start, i, english);
            else
                boundary = true;

            if (boundary)
            {
                Emit(text, sentenceStart, runEnd, output);
                sentenceStart = runEnd;
            }
            i = runEnd;
        }
        Emit(text, sentenceStart, end, output);
    }

    // A run of terminals and closers, then an optional comma join. strong: contains ? ! ؟ or a dot that is not
    // part of an ellipsis; singleDot: the only terminals are single dots (so the abbreviation check applies).
    private static int ScanRun(string text, int i, int end, out bool strong, out bool singleDot, out bool join)
    {
        strong = false;
        join = false;
        bool anyMark = false;
        bool anyEllipsis = false;
        int j = i;
        while (j < end && (IsTerminal(text[j]) || IsCloser(text[j])))
        {
            char c = text[j];
            if (c == '.')
            {
                int k = j;
                while (k < end && text[k] == '.') k++;
                if (k - j == 1) strong = true;
                else anyEllipsis = true;
                j = k;
                continue;
            }
            if (c == '…') anyEllipsis = true;
            else if (IsTerminal(c)) { strong = true; anyMark = true; }
            j++;
        }
        singleDot = strong && !anyMark;
        if (j < end && (text[j] == ',' || (text[j] == '،' && strong)))
        {
            // "..," is a join too, but "..،" is an ellipsis followed by an ordinary Arabic comma.
            join = strong || anyEllipsis;
            while (j < end && (text[j] == ',' || text[j] == '،')) j++;
        }
        return j;
    }

    private static bool IsAbbreviation(string text, int lowerBound, int dot, bool english)
    {
        int w = dot;
        while (w > lowerBound && IsWordChar(text[w - 1])) w--;
        if (w == dot)
            return false;
        var word = text.AsSpan(w, dot - w);
        int letters = 0;
        bool latin = false;
        bool digitBefore = w > lowerBound && char.IsDigit(text[w - 1]);
        foreach (char ch in word)
        {
            if (ch == '\u0640' || ArabicNormalizer.IsArabicDiacritic(ch)) continue;
            letters++;
            if (ch < 0x0250) latin = true;
        }
        if (letters == 1)
            return !digitBefore; // د. م. هـ. J. — but 2015م. ends a sentence
        return latin ? AbbreviationLookup.Contains(word) || (english && EnglishAbbreviationLookup.Contains(word)) : ArabicInitialLookup.Contains(word);
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || ArabicNormalizer.IsArabicDiacritic(c);

    private static void Emit(string text, int start, int end, List<TextSpan> output)
    {
        while (start < end && text[start] == ' ') start++;
        while (end > start && text[end - 1] == ' ') end--;
        if (end <= start)
            return;
        bool hasContent = false;
        for (int k = start; k < end && !hasContent; k++)
            hasContent = char.IsLetterOrDigit(text[k]);
        if (!hasContent && output.Count > 0)
        {
            // Stray punctuation between stops (a lone "»." or "...") belongs to the sentence before it.
            var prev = output[^1];
            output[^1] = TextSpan.FromBounds(prev.Start, end);
            return;
        }
        output.Add(TextSpan.FromBounds(start, end));
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '؟' or '…' or '\u06D4';

    private static bool IsCloser(char c) => c is '»' or '"' or '”' or '’' or '\'' or ')' or ']' or '}' or '›';
}
