namespace Marsad.Text;

/// <summary>Finds numbers written in digits or words and adds them to <see cref="Document.Numbers"/>.</summary>
/// <remarks>
/// Works on the tokens of each sentence, so it needs <see cref="TextAnalyzer"/> first. Choices:
/// <list type="bullet">
/// <item>Vague amounts are ranges with Approximate set: عشرات 20–99, مئات 200–999, آلاف 2000–9999, بضع 3–9;
/// a vague plural before a scale keeps its open top (عشرات الآلاف 20000–99999), a بضع count does not (بضع مئات 300–900).</item>
/// <item>A hedge (نحو، حوالي، قرابة، ما يقارب، أكثر من، أقل من …) widens the span to include it and sets Approximate but
/// leaves Min and Max at the stated value: "more than 50" gives no upper bound to invent, so consumers that need one
/// decide it themselves.</item>
/// <item>Percentages (50%، 50 في المئة، بالمئة) are not counts of anything and are skipped.</item>
/// <item>Digit dates and times (2015/07/24، 9:00) are skipped; plain digit years are kept as numbers, since only the
/// time stage knows they are years. A digit range "10-15" is Min 10, Max 15, approximate; "2-1" (a score) is skipped.</item>
/// <item>Ordinals are not in the word list; a "عشر" after an ordinal (الثالث عشر) is skipped too.</item>
/// <item>Decimals give Min = floor and Max = ceiling unless a scale makes them whole (2.5 مليون).</item>
/// <item>The span starts after a leading conjunction or preposition (وخمسة، بثلاثة) so it covers the number only;
/// an article stays in it (العشرات).</item>
/// <item>Not handled: "30.300" written with a dot for thousands reads as a decimal; fractions (نصف مليون); ordinals
/// written in digits (الـ28 is recorded as 28).</item>
/// </list>
/// </remarks>
public sealed class NumberRecognizer : Pipeline.IDocumentStage
{
    private enum Kind
    {
        None,
        Digit,
        Unit,        // 1–9
        TeenPrefix,  // أحد/إحدى/اثنا/اثنتا: only before عشر
        Ten,         // عشر/عشرة: ten alone, or the teen suffix
        Tens,        // 20–90
        Hundred,     // 100–900
        Scale,       // ألف، مليون، مليار (and duals)
        Plural,      // عشرات، مئات، آلاف، ملايين: a scale after a count, a vague amount alone
        Few,         // بضع، بضعة، عدة
    }

    private readonly record struct Word(Kind Kind, decimal Value, decimal Lo = 0, decimal Hi = 0, bool NoArticle = false);

    private static readonly Dictionary<string, Word> Words = BuildWords();
    private static readonly Dictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[][] Hedges =
    [
        ["ما", "يزيد", "عن"], ["فيما", "يزيد", "عن"], ["فيما", "يزيد", "علي"], ["ما", "يزيد", "علي"], ["ما", "يربو", "علي"], ["ما", "لا", "يقل", "عن"], ["لا", "يقل", "عن"],
        ["ما", "يقارب"], ["ما", "يقرب", "من"], ["ما", "يناهز"], ["اكثر", "من"], ["اقل", "من"], ["ازيد", "من"],
        ["نحو"], ["حوالي"], ["قرابه"], ["زهاء"], ["يقارب"], ["يناهز"],
    ];

    private static readonly HashSet<string> Ordinals = new(StringComparer.Ordinal)
    {
        "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع",
        "حاديه", "ثانيه", "ثالثه", "رابعه", "خامسه", "سادسه", "سابعه", "ثامنه", "تاسعه",
    };

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        foreach (var sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            int i = sentence.FirstToken;
            while (i < end)
            {
                int next = TryParse(document, i, end, sentence.FirstToken);
                i = next > i ? next : i + 1;
            }
        }
    }

    /// <summary>Parses a number starting at token <paramref name="i"/>; returns the index after it, or <paramref name="i"/> when none starts there.</summary>
    private static int TryParse(Document doc, int i, int end, int sentenceStart)
    {
        var tokens = doc.Tokens;
        if (!Classify(tokens[i], out var w, out _, out int startOffset))
            return i;
        if (w.Kind is Kind.Unit or Kind.Ten or Kind.Tens && i > sentenceStart && IsOrdinal(tokens[i - 1].Normalized))
            return i + 1; // الحادي عشر، الحادي والعشرين

        if (w.Kind == Kind.TeenPrefix && !(i + 1 < end && Classify(tokens[i + 1], out var t, out bool c0, out _) && t.Kind == Kind.Ten && !c0))
            return i;
        if (w.Kind is Kind.Tens or Kind.Hundred && i > sentenceStart && tokens[i - 1].Normalized is "القرن" or "قرن")
            return i + 1; // القرن العشرين is an ordinal use
        if (w.Kind == Kind.Digit && IsClockTime(tokens, i, sentenceStart, end))
            return i + 1;

        decimal totalLo = 0, totalHi = 0;
        decimal curLo, curHi;
        bool open = false, approx = false;
        Kind last;
        decimal limit = decimal.MaxValue;

        if (w.Kind == Kind.Digit)
        {
            var digit = ParseDigits(tokens[i].Normalized, out curLo, out curHi, out bool isRange);
            if (!digit || IsModelNumber(tokens, i, sentenceStart, end))
                return i + 1;
            approx = isRange;
        }
        else if (w.Kind is Kind.Plural or Kind.Few)
        {
            curLo = w.Lo;
            curHi = w.Hi;
            open = w.Kind == Kind.Plural;
            approx = true;
        }
        else
        {
            curLo = curHi = w.Value;
        }
        last = w.Kind;
        if (w.Kind == Kind.Scale)
        {
            totalLo = totalHi = w.Value;
            curLo = curHi = 0;
            limit = IsDual(w) ? w.Value / 2 : w.Value;
        }

        int lastTok = i;
        int j = i + 1;
        bool pendingConj = false;
        while (j < end)
        {
            var tok = tokens[j];
            if (tok.Kind == TokenKind.Word && tok.Normalized == "و" && !pendingConj)
            {
                pendingConj = true;
                j++;
                continue;
            }
            if (!Classify(tok, out var x, out bool conj, out _))
                break;
            conj |= pendingConj;
            pendingConj = false;
            decimal xLo = x.Value, xHi = x.Value;
            if (x.Kind == Kind.Digit && (!ParseDigits(tok.Normalized, out xLo, out xHi, out bool range) || range || decimal.Floor(xLo) != xLo))
                break;

            if (!conj)
            {
                if (x.Kind == Kind.Ten && last is Kind.Unit or Kind.TeenPrefix)
                {
                    curLo += 10;
                    curHi += 10;
                    last = Kind.Ten; // a teen: only a scale may follow
                }
                else if (x.Kind == Kind.Ten && last == Kind.Few)
                {
                    curLo = 13;
                    curHi = 19;
                    last = Kind.Ten;
                }
                else if (x.Kind == Kind.Hundred && x.Value == 100 && last == Kind.Unit)
                {
                    curLo *= 100;
                    curHi *= 100;
                    last = Kind.Hundred;
                    limit = 100;
                }
                else if ((x.Kind == Kind.Scale && !IsDual(x) || x.Kind == Kind.Plural) && last is not (Kind.Scale or Kind.TeenPrefix) && (curHi > 0 || last == Kind.Plural))
                {
                    decimal scale = x.Value;
                    totalLo += curLo * scale;
                    totalHi += open ? (curHi + 1) * scale - 1 : curHi * scale;
                    curLo = curHi = 0;
                    open = false;
                    last = Kind.Scale;
                    limit = scale;
                }
                else
                {
                    break;
                }
            }
            else
            {
                // "خمسة وعشرين"، "مئة وخمسون"، "ألف و500"، "ثلاثة آلاف وخمسمائة"
                bool ok = x.Kind switch
                {
                    Kind.Tens => last == Kind.Unit && curHi % 100 < 10 || last is Kind.Hundred or Kind.Scale && 20 < limit,
                    Kind.Unit or Kind.Ten => last is Kind.Hundred or Kind.Scale && x.Value < limit,
                    Kind.TeenPrefix => last is Kind.Hundred or Kind.Scale && limit > 19 && j + 1 < end && Classify(tokens[j + 1], out var tt, out bool cc, out _) && tt.Kind == Kind.Ten && !cc,
                    Kind.Hundred => last == Kind.Scale && x.Value < limit,
                    Kind.Digit => last is Kind.Hundred or Kind.Scale && xHi < limit,
                    _ => false,
                };
                if (!ok || approx)
                    break;
                curLo += xLo;
                curHi += xHi;
                last = x.Kind;
                if (x.Kind == Kind.Hundred)
                    limit = 100;
                else if (x.Kind is Kind.Tens or Kind.Digit)
                    last = x.Kind == Kind.Tens && curHi % 10 != 0 ? Kind.Ten : x.Kind; // 25 is complete
            }
            lastTok = j;
            j++;
        }

        int after = lastTok + 1;
        if (IsPercentAt(tokens, after, end, out int percentEnd))
            return percentEnd;

        decimal lo = totalLo + curLo;
        decimal hi = totalHi + curHi;
        if (hi <= 0 || hi > long.MaxValue)
            return after;

        int spanStart = startOffset;
        int spanEnd = tokens[lastTok].End;
        int hedgeStart = FindHedgeBefore(tokens, i, sentenceStart);
        if (hedgeStart >= 0)
        {
            approx = true;
            spanStart = tokens[hedgeStart].Start;
        }
        // "300 تقريبا" or, after the counted noun, "300 شخص تقريبا"
        int approxAt = after < end && tokens[after].Normalized == "تقريبا" ? after
            : after + 1 < end && tokens[after].Kind == TokenKind.Word && tokens[after + 1].Normalized == "تقريبا" ? after + 1 : -1;
        if (approxAt >= 0)
        {
            approx = true;
            spanEnd = tokens[approxAt].End;
            after = approxAt + 1;
        }
        doc.Numbers.Add(new NumberMention(TextSpan.FromBounds(spanStart, spanEnd), (long)decimal.Floor(lo), (long)decimal.Ceiling(hi), approx));
        return after;
    }

    private static bool IsDual(Word w) => w.Kind == Kind.Scale && w.Lo == 2;

    private static bool Classify(Token token, out Word word, out bool conj, out int startOffset) =>
        ClassifyCore(token, out word, out conj, out startOffset) && HundredSpellingOk(token, word);

    private static bool ClassifyCore(Token token, out Word word, out bool conj, out int startOffset)
    {
        conj = false;
        startOffset = token.Start;
        word = default;
        if (token.Kind == TokenKind.Number)
        {
            word = new Word(Kind.Digit, 0);
            return true;
        }
        if (token.Kind != TokenKind.Word)
            return false;
        var n = token.Normalized.AsSpan();
        if (n.Length < 2 || n.Length > 14 || IsPercentWord(n))
            return false;
        int k = 0;
        if (Lookup(n, false, out word))
            return true;
        if (n[0] is 'و' or 'ف')
        {
            k = 1;
            conj = true;
            if (Lookup(n[1..], false, out word))
                return Found(token, k, out startOffset);
        }
        if (n.Length - k >= 4 && n[k] is 'ب' or 'ل' or 'ك')
        {
            k++;
            if (Lookup(n[k..], false, out word))
                return Found(token, k, out startOffset);
            if (n[k - 1] == 'ل' && n[k] == 'ل' && Lookup(n[(k + 1)..], true, out word))
                return Found(token, k + 1, out startOffset);
        }
        if (n.Length - k >= 4 && n[k] == 'ا' && n[k + 1] == 'ل' && Lookup(n[(k + 2)..], true, out word))
            return Found(token, k, out startOffset); // the article stays in the span: العشرات
        return false;
    }

    private static bool Lookup(ReadOnlySpan<char> s, bool withArticle, out Word word) =>
        WordLookup.TryGetValue(s, out word) && !(withArticle && word.NoArticle);

    // The normalized مئة forms (ميه، ميات) also spell كمية/كميات with a clitic ك: the original must have the hamza.
    private static bool HundredSpellingOk(Token token, Word word) =>
        word.Kind is not (Kind.Hundred or Kind.Plural) || !token.Normalized.Contains("مي", StringComparison.Ordinal)
        || token.Surface.Contains('ئ', StringComparison.Ordinal);

    private static bool Found(Token token, int strippedLetters, out int startOffset)
    {
        // Offset of the first kept letter after the stripped ones (diacritics are not counted).
        var surface = token.Surface;
        int seen = 0;
        int p = 0;
        for (; p < surface.Length; p++)
        {
            if (ArabicNormalizer.Map(surface[p]) == '\0')
                continue;
            if (seen == strippedLetters)
                break;
            seen++;
        }
        startOffset = token.Start + p;
        return true;
    }

    private static bool IsOrdinal(string normalized)
    {
        var s = normalized.AsSpan();
        if (s.StartsWith("ال"))
            s = s[2..];
        return Ordinals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s);
    }

    // Digits glued to Latin letters are model names (F-16, MD90s), not counts.
    private static bool IsModelNumber(List<Token> tokens, int i, int sentenceStart, int end)
    {
        var t = tokens[i];
        if (i > sentenceStart)
        {
            var p = tokens[i - 1];
            if (p.End == t.Start && IsLatinWord(p))
                return true;
            if (p.End == t.Start && p.Surface == "-" && i - 1 > sentenceStart && tokens[i - 2].End == p.Start && IsLatinWord(tokens[i - 2]))
                return true;
        }
        return i + 1 < end && tokens[i + 1].Start == t.End && IsLatinWord(tokens[i + 1]);
    }

    // "الساعة 0800" and "0711 بتوقيت جرينتش" are clock times, not counts.
    private static bool IsClockTime(List<Token> tokens, int i, int sentenceStart, int end) =>
        i > sentenceStart && tokens[i - 1].Normalized is "الساعه" or "ساعه"
        || i + 1 < end && tokens[i + 1].Normalized is "بتوقيت" or "gmt";

    private static bool IsLatinWord(Token t) => t.Kind == TokenKind.Word && t.Surface[0] < 0x0250;

    private static bool IsPercentWord(ReadOnlySpan<char> n) =>
        n.EndsWith("الميه") || n.EndsWith("المايه") || n.EndsWith("بالمئه");

    private static bool IsPercentAt(List<Token> tokens, int i, int end, out int after)
    {
        after = i;
        if (i >= end)
            return false;
        var n = tokens[i].Normalized;
        if (n is "%" or "٪" or "بالميه" or "بالمايه" or "بالمئه")
        {
            after = i + 1;
            return true;
        }
        if (n == "في" && i + 1 < end && tokens[i + 1].Normalized is "الميه" or "المايه")
        {
            after = i + 2;
            return true;
        }
        return false;
    }

    private static int FindHedgeBefore(List<Token> tokens, int i, int sentenceStart)
    {
        foreach (var hedge in Hedges)
        {
            int first = i - hedge.Length;
            if (first < sentenceStart)
                continue;
            bool match = true;
            for (int k = 0; k < hedge.Length && match; k++)
            {
                var n = tokens[first + k].Normalized.AsSpan();
                if (k == 0 && n.Length > hedge[0].Length && n[0] is 'و' or 'ب' or 'ل' && n[1..].SequenceEqual(hedge[0]))
                    continue; // وأكثر من، بنحو، لحوالي
                match = n.SequenceEqual(hedge[k]);
            }
            if (match)
                return first;
        }
        return -1;
    }

    /// <summary>Value of a digit token (normalized to Western digits); false when it is no count at all.</summary>
    private static bool ParseDigits(string s, out decimal lo, out decimal hi, out bool isRange)
    {
        lo = hi = 0;
        isRange = false;
        if (s.EndsWith('%') || s.EndsWith('٪'))
            return false; // a percentage
        int dashes = 0;
        foreach (char c in s)
        {
            if (c is '/' or ':')
                return false; // a date or a time of day
            if (c == '-')
                dashes++;
        }
        if (dashes > 1)
            return false;
        if (dashes == 1)
        {
            int d = s.IndexOf('-');
            if (!ParseNumber(s.AsSpan(0, d), out lo) || !ParseNumber(s.AsSpan(d + 1), out hi) || hi <= lo)
                return false;
            isRange = true;
            return true;
        }
        if (!ParseNumber(s, out lo))
            return false;
        hi = lo; // keep the fraction: a following scale may make it whole (2.5 مليون)
        return true;
    }

    private static bool ParseNumber(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 24)
            return false;
        decimal intPart = 0, frac = 0, scale = 1;
        bool inFraction = false;
        int digits = 0;
        for (int k = 0; k < s.Length; k++)
        {
            char c = s[k];
            if (c is >= '0' and <= '9')
            {
                if (inFraction)
                {
                    scale /= 10;
                    frac += (c - '0') * scale;
                }
                else
                {
                    intPart = intPart * 10 + (c - '0');
                    if (++digits > 15)
                        return false; // phone or account numbers
                }
                continue;
            }
            if (inFraction)
                return false;
            bool group = IsThousandsGroup(s, k);
            if (c is ',' or '٬' && group || c == '.' && group && IsRepeatedDotGroups(s))
                continue;
            if (c is '.' or '٫' or ',')
            {
                inFraction = true;
                continue;
            }
            return false;
        }
        value = intPart + frac;
        return true;
    }

    // Exactly three digits after the separator, then the end or another separator.
    private static bool IsThousandsGroup(ReadOnlySpan<char> s, int sep)
    {
        int k = sep + 1;
        int n = 0;
        while (k < s.Length && char.IsAsciiDigit(s[k])) { k++; n++; }
        return n == 3;
    }

    private static bool IsRepeatedDotGroups(ReadOnlySpan<char> s) => s.Count('.') > 1;

    private static Dictionary<string, Word> BuildWords()
    {
        var d = new Dictionary<string, Word>(StringComparer.Ordinal);
        void Unit(decimal v, params string[] forms)
        {
            foreach (var f in forms) d[f] = new Word(Kind.Unit, v);
        }
        Unit(1, "واحد", "واحده");
        d["اثنان"] = d["اثنين"] = d["اثنتان"] = d["اثنتين"] = new Word(Kind.Unit, 2, NoArticle: true); // الاثنين is Monday
        Unit(3, "ثلاث", "ثلاثه");
        Unit(4, "اربع", "اربعه");
        Unit(5, "خمس", "خمسه");
        Unit(6, "ست", "سته");
        Unit(7, "سبع", "سبعه");
        Unit(8, "ثماني", "ثمان", "ثمانيه");
        Unit(9, "تسع", "تسعه");
        foreach (var f in new[] { "احد", "احدي" }) d[f] = new Word(Kind.TeenPrefix, 1);
        foreach (var f in new[] { "اثنا", "اثني", "اثنتا", "اثنتي" }) d[f] = new Word(Kind.TeenPrefix, 2);
        d["عشر"] = d["عشره"] = new Word(Kind.Ten, 10);
        string[] tens = ["عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"];
        for (int k = 0; k < tens.Length; k++)
        {
            decimal v = (k + 2) * 10;
            d[tens[k] + "ون"] = new Word(Kind.Tens, v);
            d[tens[k] + "ين"] = new Word(Kind.Tens, v);
        }
        d["ميه"] = d["مايه"] = new Word(Kind.Hundred, 100);
        foreach (var f in new[] { "ميتان", "ميتين", "مايتان", "مايتين", "ميتا", "ميتي", "مايتا", "مايتي" })
            d[f] = new Word(Kind.Hundred, 200);
        string[] hundreds = ["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"];
        for (int k = 0; k < hundreds.Length; k++)
        {
            decimal v = (k + 3) * 100;
            d[hundreds[k] + "ميه"] = d[hundreds[k] + "مايه"] = new Word(Kind.Hundred, v);
        }
        d["ثمانيميه"] = d["ثمانيمايه"] = new Word(Kind.Hundred, 800);
        void Scale(decimal v, bool dual, params string[] forms)
        {
            foreach (var f in forms) d[f] = new Word(Kind.Scale, dual ? 2 * v : v, dual ? 2 : 1);
        }
        Scale(1000, false, "الف", "الفا");
        Scale(1000, true, "الفان", "الفين", "الفي");
        Scale(1_000_000, false, "مليون", "مليونا");
        Scale(1_000_000, true, "مليونان", "مليونين", "مليوني");
        Scale(1_000_000_000, false, "مليار", "مليارا", "بليون", "بليونا");
        Scale(1_000_000_000, true, "ملياران", "مليارين", "ملياري");
        d["عشرات"] = new Word(Kind.Plural, 10, 20, 99);
        d["ميات"] = d["مايات"] = new Word(Kind.Plural, 100, 200, 999);
        d["الاف"] = d["الوف"] = new Word(Kind.Plural, 1000, 2000, 9999);
        d["ملايين"] = new Word(Kind.Plural, 1_000_000, 2_000_000, 9_999_999);
        d["مليارات"] = new Word(Kind.Plural, 1_000_000_000, 2_000_000_000, 9_999_999_999);
        d["بضع"] = d["بضعه"] = new Word(Kind.Few, 0, 3, 9);
        return d;
    }
}
