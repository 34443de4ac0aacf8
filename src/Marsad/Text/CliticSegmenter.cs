namespace Marsad.Text;

/// <summary>The clitic analysis of one Arabic word: best-guess segments, stem and every lookup form.</summary>
public sealed record CliticAnalysis(string Normalized, IReadOnlyList<Segment> Segments, string Stem, IReadOnlyList<string> MatchForms);

/// <summary>
/// Dictionary-free clitic segmentation of Arabic words: conjunction (و ف), preposition (ب ل ك) or future (س),
/// article (ال and the لل contraction), stem, attached pronoun.
/// </summary>
/// <remarks>
/// Without a lexicon the split is a guess, so there are two outputs. The best guess (Segments, Stem) is
/// conservative: it keeps stems of at least three letters, needs four after a lone preposition, never strips
/// words in a small list of common words whose first or last letter only looks like a clitic, and leaves
/// the ambiguous pronouns ك/كم/كما/كن/ي/ني alone. MatchForms is generous: every analysis that leaves at least
/// two letters, so a matcher can keep whichever form its dictionary knows. The original letters decide two
/// things the normalized form hides: a final ة is never a pronoun, and أ/إ/آ never starts an article.
/// </remarks>
public static class CliticSegmenter
{
    private const int MinBestStem = 3;
    private const int MinFormLength = 2;

    private static readonly string[] Pronouns = ["هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"];

    // Pronouns the best guess strips; the others collide with too many word endings (ملك، عربي، وطني).
    private static readonly string[] SafePronouns = ["هما", "هم", "هن", "ها", "نا", "ه"];

    // Normalized words whose first or last letter looks like a clitic but belongs to the word.
    private static readonly HashSet<string> Protected = new(StringComparer.Ordinal)
    {
        // و
        "وزير", "وزيره", "وزراء", "وزاره", "وزارات", "وطن", "وطني", "وطنيه", "وفد", "وفاه", "وفيات", "وكاله", "وكالات",
        "ولايه", "ولايات", "وحده", "وحدات", "واحد", "واحده", "وجود", "واقع", "واقعه", "ورقه", "وسيله", "وسائل", "وسايل",
        "وصول", "وضع", "وقت", "وقف", "وقود", "ولي", "ولد", "والد", "والده", "والي", "وادي", "واشنطن", "وثيقه", "وثائق",
        "وثايق", "وظيفه", "وظائف", "وظايف", "وعد", "وعود", "وصف", "وسط", "وجه", "وجهه", "وراء", "وراي", "ورشه", "وليد",
        "وليام", "وائل", "وايل", "وهران", "وارسو",
        // ف
        "فرنسا", "فرنسي", "فرنسيه", "فلسطين", "فلسطيني", "فلسطينيه", "فلسطينيين", "فريق", "فرقه", "فتره", "فصائل",
        "فصايل", "فكره", "فيلم", "فندق", "فجر", "فوز", "فقط", "فرع", "فرص", "فرصه", "فيها", "فيه", "فيهم", "فيما",
        "فنزويلا", "فيينا", "فيصل", "فهد", "فارس", "فيروس", "فعل", "فعلا", "فعاليات", "فوق", "فقد", "فان", "فاطمه",
        "فتح", "فيسبوك", "فريد", "فلوجه", "فالح",
        // ب
        "بريطانيا", "بريطاني", "بريطانيه", "بغداد", "بيان", "بيانات", "بلاد", "بلد", "بلده", "بلدان", "بلديه", "بنك",
        "بيت", "باب", "بنت", "بين", "بعد", "بعض", "بحر", "برلمان", "برلماني", "برنامج", "برامج", "بيروت", "بكين",
        "برلين", "بلجيكا", "باريس", "باكستان", "بنغازي", "بوكو", "بشار", "بكر", "بدر", "بدايه", "بطوله", "بعثه",
        "بيئه", "بييه", "بورصه", "بترول", "بضع", "بضعه", "بشكل", "بسبب", "بحث", "بناء", "بنايه", "بيع", "بوتين",
        "باراك", "باسم", "بلال", "بحرين", "براميل", "برميل", "بطل", "بنود", "بند", "بطاقه", "بديل", "بلغ", "بقي",
        // ل
        "ليبيا", "ليبي", "ليبيه", "ليبيين", "لبنان", "لبناني", "لبنانيه", "لندن", "لجنه", "لجان", "لقاء", "لقاءات",
        "ليله", "لواء", "لاجئ", "لاجي", "لاجئين", "لاجيين", "لكن", "لدي", "لحظه", "لعبه", "لاعب", "لاعبين", "لغه",
        "لهجه", "لقب", "لوحه", "ليست", "ليس", "لبيد", "لحم", "لاهاي", "لوس", "لوزان", "ليلي", "لتر",
        // ك
        "كانت", "كبير", "كبيره", "كبار", "كتاب", "كتب", "كتيبه", "كتائب", "كتايب", "كلمه", "كلمات", "كثير", "كثيره",
        "كيلو", "كيلومتر", "كيلومترا", "كوريا", "كندا", "كينيا", "كرديه", "كردي", "كركوك", "كويت", "كاميرون", "كيري",
        "كأس", "كاس", "كرسي", "كليه", "كلها", "كله", "كلهم", "كمال", "كريم", "كامل", "كامله", "كافه", "كبري",
        // س (future look-alikes)
        "ستوكهولم",
        // ال that is not an article, and pronoun look-alikes
        "الله", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "اللذان", "اللتان",
        "اتجاه", "مياه", "انتباه", "اشتباه", "شبه", "تنبيه", "فقه", "نزيه", "كره", "رفاه", "تجاه", "وجيه",
        "اثينا", "كورونا", "غانا", "استانا", "هافانا", "اريزونا", "مساهم", "مراهم", "دراهم", "ابراهيم", "ابراهام",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ProtectedLookup =
        Protected.GetAlternateLookup<ReadOnlySpan<char>>();

    // Stems after a future س that are really words beginning with س (سيطرة، سياسة، سنوات…).
    private static readonly string[] FutureLookalikes = ["سيطر", "سياس", "سيار", "سينا", "سيول", "سيري", "سيرا", "ستوك", "ستاد", "ستال", "سنو", "سنغ", "سترا", "ستر", "سنا", "سيد"];

    [ThreadStatic] private static char[]? t_norm;
    [ThreadStatic] private static char[]? t_orig;
    [ThreadStatic] private static int[]? t_origin;
    [ThreadStatic] private static List<string>? t_forms;
    [ThreadStatic] private static char[]? t_formBuffer;

    /// <summary>Segments a standalone word (offsets relative to the word).</summary>
    public static CliticAnalysis Segment(string word) => Segment(word, new TextSpan(0, word.Length));

    /// <summary>Segments the word at <paramref name="span"/> in <paramref name="text"/>; segment spans are over the text.</summary>
    public static CliticAnalysis Segment(string text, TextSpan span)
    {
        int cap = span.Length + 1;
        var n = t_norm is { Length: var l1 } && l1 >= cap ? t_norm : t_norm = new char[Math.Max(cap, 64)];
        var o = t_orig is { Length: var l2 } && l2 >= cap ? t_orig : t_orig = new char[Math.Max(cap, 64)];
        var origin = t_origin is { Length: var l3 } && l3 >= cap ? t_origin : t_origin = new int[Math.Max(cap, 64)];

        int len = 0;
        for (int i = span.Start; i < span.End; i++)
        {
            char ch = text[i];
            char m = ArabicNormalizer.Map(ch);
            if (m == '\0')
                continue;
            n[len] = m;
            o[len] = ch;
            origin[len] = i;
            len++;
        }
        origin[len] = span.End;
        origin[0] = span.Start; // leading tatweel or marks go with the first segment
        string normalized = new(n, 0, len);

        var forms = t_forms ??= new List<string>(16);
        forms.Clear();
        CollectForms(n, o, len, normalized, forms);
        var formArray = forms.ToArray();

        var best = BestGuess(n, o, len);
        return new CliticAnalysis(normalized, BuildSegments(n, o, origin, len, normalized, best, out string stem), stem, formArray);
    }

    private readonly record struct Guess(int ConjEnd, int PrepEnd, SegmentRole PrepRole, int ArticleEnd, int StemEnd, bool RestoreTaMarbuta);

    private static Guess BestGuess(char[] n, char[] o, int len)
    {
        int pos = 0;
        var span = new ReadOnlySpan<char>(n, 0, len);
        if (len - 1 >= 2 && (n[0] == 'و' || n[0] == 'ف') && !IsProtected(span) && (len - 1 >= MinBestStem || IsProtected(span[1..])))
            pos = 1;
        int conjEnd = pos;

        var prepRole = SegmentRole.Preposition;
        int articleEnd;
        var rest = span[pos..];
        if (!IsProtected(rest) && len - pos >= 3)
        {
            char c = n[pos];
            if (c is 'ب' or 'ك' or 'ل')
            {
                var after = span[(pos + 1)..];
                if (IsProtected(after))
                {
                    pos++; // a known word after the preposition (لليبيا، للجنة، باتجاه)
                }
                else if (c == 'ل' && n[pos + 1] == 'ل' && len - pos - 2 >= 2)
                {
                    // لل: preposition ل + article with its alif dropped
                    return WithEnclitic(n, o, len, new Guess(conjEnd, pos + 1, prepRole, pos + 2, len, false));
                }
                else if (IsArticleAt(n, o, pos + 1, len) && len - pos - 3 >= 2)
                {
                    return WithEnclitic(n, o, len, new Guess(conjEnd, pos + 1, prepRole, pos + 3, len, false));
                }
                else if (after.Length >= 4)
                {
                    pos++; // a bare preposition needs a longer stem: بسرت stays whole, بمدينة splits
                }
            }
            else if (c == 'س' && IsFutureAt(n, o, pos, len) && len - pos - 1 >= 4)
            {
                prepRole = SegmentRole.Future;
                pos++;
            }
        }
        int prepEnd = pos;
        articleEnd = pos;
        if (prepEnd == conjEnd && IsArticleAt(n, o, pos, len) && len - pos - 2 >= 2 && !IsProtected(span[pos..]))
            articleEnd = pos + 2;
        return WithEnclitic(n, o, len, new Guess(conjEnd, prepEnd, prepRole, articleEnd, len, false));
    }

    private static Guess WithEnclitic(char[] n, char[] o, int len, Guess g)
    {
        if (g.ArticleEnd > g.PrepEnd)
            return g; // an article and an attached pronoun never occur together
        var word = new ReadOnlySpan<char>(n, g.ArticleEnd, len - g.ArticleEnd);
        if (IsProtected(word))
            return g;
        foreach (var p in SafePronouns)
        {
            if (word.Length - p.Length < MinBestStem || !word.EndsWith(p) || !PronounLettersOk(o, len, p.Length))
                continue;
            int stemEnd = len - p.Length;
            bool restore = n[stemEnd - 1] == 'ت' && n[stemEnd - 2] != 'ا';
            return g with { StemEnd = stemEnd, RestoreTaMarbuta = restore };
        }
        return g;
    }

    private static IReadOnlyList<Segment> BuildSegments(char[] n, char[] o, int[] origin, int len, string normalized, Guess g, out string stem)
    {
        if (len == 0)
        {
            stem = normalized;
            return [new Segment(TextSpan.FromBounds(origin[0], origin[0]), SegmentRole.Stem, normalized)];
        }
        int count = (g.ConjEnd > 0 ? 1 : 0) + (g.PrepEnd > g.ConjEnd ? 1 : 0) + (g.ArticleEnd > g.PrepEnd ? 1 : 0) + 1 + (g.StemEnd < len ? 1 : 0);
        if (count == 1)
        {
            stem = normalized;
            return [new Segment(TextSpan.FromBounds(origin[0], origin[len]), SegmentRole.Stem, normalized)];
        }
        var segs = new Segment[count];
        int k = 0;
        if (g.ConjEnd > 0)
            segs[k++] = Seg(n, origin, 0, g.ConjEnd, SegmentRole.Conjunction);
        if (g.PrepEnd > g.ConjEnd)
            segs[k++] = Seg(n, origin, g.ConjEnd, g.PrepEnd, g.PrepRole);
        if (g.ArticleEnd > g.PrepEnd)
            segs[k++] = Seg(n, origin, g.PrepEnd, g.ArticleEnd, SegmentRole.Article);
        if (g.RestoreTaMarbuta)
        {
            var buf = new char[g.StemEnd - g.ArticleEnd];
            Array.Copy(n, g.ArticleEnd, buf, 0, buf.Length);
            buf[^1] = 'ه';
            stem = new string(buf);
        }
        else if (g.StemEnd < len && g.StemEnd - g.ArticleEnd >= 3 && n[g.StemEnd - 2] == 'ا' && o[g.StemEnd - 1] is 'ؤ' or 'ئ')
        {
            // ابناؤهم / ابنائهم: the hamza seat changes before a pronoun; the stem is ابناء
            var buf = new char[g.StemEnd - g.ArticleEnd];
            Array.Copy(n, g.ArticleEnd, buf, 0, buf.Length);
            buf[^1] = 'ء';
            stem = new string(buf);
        }
        else
        {
            stem = g.ArticleEnd == 0 && g.StemEnd == len ? normalized : new string(n, g.ArticleEnd, g.StemEnd - g.ArticleEnd);
        }
        segs[k++] = new Segment(TextSpan.FromBounds(origin[g.ArticleEnd], origin[g.StemEnd]), SegmentRole.Stem, stem);
        if (g.StemEnd < len)
            segs[k] = Seg(n, origin, g.StemEnd, len, SegmentRole.Pronoun);
        return segs;
    }

    private static Segment Seg(char[] n, int[] origin, int a, int b, SegmentRole role) =>
        new(TextSpan.FromBounds(origin[a], origin[b]), role, new string(n, a, b - a));

    // Every analysis, ordered whole word first and then by how much is stripped from the front.
    private static void CollectForms(char[] n, char[] o, int len, string normalized, List<string> forms)
    {
        if (len == 0)
        {
            forms.Add(normalized);
            return;
        }
        forms.Add(normalized);
        if (ProtectedLookup.Contains(normalized))
            return; // a listed word: its look-alike clitics are letters of the word
        AddEncliticForms(n, o, 0, len, forms);
        int maxConj = len >= 3 && (n[0] == 'و' || n[0] == 'ف') ? 1 : 0;
        for (int c = 0; c <= maxConj; c++)
        {
            if (c == 1)
            {
                AddForm(forms, n, 1, len);
                if (ProtectedLookup.Contains(new ReadOnlySpan<char>(n, 1, len - 1)))
                    return;
                AddEncliticForms(n, o, 1, len, forms);
            }
            // article directly after the conjunction (or at the start)
            if (IsArticleAt(n, o, c, len) && len - c - 2 >= MinFormLength)
                AddForm(forms, n, c + 2, len);
            if (len - c < 3)
                continue;
            char p = n[c];
            if (p is 'ب' or 'ك' or 'ل')
            {
                AddForm(forms, n, c + 1, len);
                if (ProtectedLookup.Contains(new ReadOnlySpan<char>(n, c + 1, len - c - 1)))
                    continue;
                AddEncliticForms(n, o, c + 1, len, forms);
                if (IsArticleAt(n, o, c + 1, len) && len - c - 3 >= MinFormLength)
                    AddForm(forms, n, c + 3, len);
                if (p == 'ل' && n[c + 1] == 'ل' && len - c - 2 >= MinFormLength)
                {
                    AddPrefixedForm(forms, "ال", n, c + 2, len);
                    AddForm(forms, n, c + 2, len);
                }
            }
            else if (p == 'س' && IsFutureAt(n, o, c, len))
            {
                AddForm(forms, n, c + 1, len);
            }
        }
    }

    private static void AddEncliticForms(char[] n, char[] o, int start, int len, List<string> forms)
    {
        int wordLen = len - start;
        foreach (var p in Pronouns)
        {
            int stemLen = wordLen - p.Length;
            if (stemLen < MinFormLength || !new ReadOnlySpan<char>(n, start, wordLen).EndsWith(p) || !PronounLettersOk(o, len, p.Length))
                continue;
            int stemEnd = len - p.Length;
            char last = n[stemEnd - 1];
            if (last == 'ت' && stemLen >= 3 && n[stemEnd - 2] != 'ا')
                AddReplacedLast(forms, n, start, stemEnd, "ه"); // مدينته → مدينه
            AddForm(forms, n, start, stemEnd);
            if ((last == 'ي' || last == 'و') && stemLen >= 4)
                AddPrefixedForm(forms, null, n, start, stemEnd, 'ن'); // مقاتلي → مقاتلين
            else if (last == 'ا' && stemLen >= 3)
                AddReplacedLast(forms, n, start, stemEnd, "ي"); // مستواه → مستوي
            if (stemLen >= 3 && (o[stemEnd - 1] is 'ؤ' or 'ئ') && n[stemEnd - 2] == 'ا')
                AddReplacedLast(forms, n, start, stemEnd, "ء"); // ابناوهم → ابناء
        }
    }

    private static bool PronounLettersOk(char[] o, int len, int pronounLength)
    {
        // A final ة (or ى/ئ) is part of the word, not a pronoun written with the same match letter.
        char first = o[len - pronounLength];
        char last = o[len - 1];
        return first is not ('ة' or 'ى' or 'ئ' or 'ؤ') && last is not ('ة' or 'ى' or 'ئ' or 'ۀ');
    }

    private static bool IsArticleAt(char[] n, char[] o, int pos, int len) =>
        pos + 2 < len && n[pos] == 'ا' && n[pos + 1] == 'ل' && o[pos] is 'ا' or 'ٱ';

    private static bool IsFutureAt(char[] n, char[] o, int pos, int len)
    {
        if (pos + 2 >= len)
            return false;
        char next = n[pos + 1];
        if (!(next is 'ي' or 'ت' or 'ن' || o[pos + 1] == 'أ'))
            return false;
        var rest = new ReadOnlySpan<char>(n, pos, len - pos);
        foreach (var f in FutureLookalikes)
            if (rest.StartsWith(f))
                return false;
        return !IsProtected(rest);
    }

    // A listed word, possibly with a safe pronoun attached (بلاده is بلاد+ه, so its ب is not a preposition).
    private static bool IsProtected(ReadOnlySpan<char> word)
    {
        if (ProtectedLookup.Contains(word))
            return true;
        foreach (var p in SafePronouns)
        {
            if (word.Length - p.Length >= 2 && word.EndsWith(p) && ProtectedLookup.Contains(word[..^p.Length]))
                return true;
        }
        return false;
    }

    private static void AddForm(List<string> forms, char[] n, int start, int end)
    {
        if (end - start < MinFormLength)
            return;
        var span = new ReadOnlySpan<char>(n, start, end - start);
        foreach (var f in forms)
            if (span.SequenceEqual(f))
                return;
        forms.Add(span.ToString());
    }

    private static void AddReplacedLast(List<string> forms, char[] n, int start, int end, string last)
    {
        var buf = FormBuffer(end - start);
        Array.Copy(n, start, buf, 0, end - start - 1);
        buf[end - start - 1] = last[0];
        AddSpan(forms, new ReadOnlySpan<char>(buf, 0, end - start));
    }

    private static void AddPrefixedForm(List<string> forms, string? prefix, char[] n, int start, int end, char suffix = '\0')
    {
        int pl = prefix?.Length ?? 0;
        int total = pl + end - start + (suffix == '\0' ? 0 : 1);
        var buf = FormBuffer(total);
        prefix?.CopyTo(0, buf, 0, pl);
        Array.Copy(n, start, buf, pl, end - start);
        if (suffix != '\0')
            buf[total - 1] = suffix;
        AddSpan(forms, new ReadOnlySpan<char>(buf, 0, total));
    }

    private static void AddSpan(List<string> forms, ReadOnlySpan<char> span)
    {
        if (span.Length < MinFormLength)
            return;
        foreach (var f in forms)
            if (span.SequenceEqual(f))
                return;
        forms.Add(span.ToString());
    }

    private static char[] FormBuffer(int length) =>
        t_formBuffer is { Length: var l } && l >= length ? t_formBuffer : t_formBuffer = new char[Math.Max(length, 64)];
}
