namespace Marsad.Text.Time;

/// <summary>Broad class of a scanner token.</summary>
internal enum TokKind
{
    Word,
    Number,
    Punct,
}

/// <summary>A token of the normalized text (offsets are normalized offsets).</summary>
internal readonly record struct Tok(int Start, int End, string Text, TokKind Kind);

/// <summary>
/// Finds time expressions in one text. It tokenizes the normalized copy itself (letters, digit runs,
/// single punctuation marks) rather than using the document tokens, tries every pattern at each
/// token, keeps the longest match and moves past it.
/// </summary>
internal sealed class TimeScanner
{
    private static readonly string Shahr = TimeLexicon.Norm("شهر");
    private static readonly string Ams = TimeLexicon.Norm("أمس");
    private static readonly string AlAms = TimeLexicon.Norm("الأمس");
    private static readonly string Awwal = TimeLexicon.Norm("أول");
    private static readonly string AlAwwal = TimeLexicon.Norm("الأول");
    private static readonly string Min = TimeLexicon.Norm("من");
    private static readonly string Today = TimeLexicon.Norm("اليوم");
    private static readonly string Tonight = TimeLexicon.Norm("الليلة");
    private static readonly string Ghadan = TimeLexicon.Norm("غدا");
    private static readonly string Ghad = TimeLexicon.Norm("غد");
    private static readonly string AlGhad = TimeLexicon.Norm("الغد");
    private static readonly string Baad = TimeLexicon.Norm("بعد");
    private static readonly string Hadi = TimeLexicon.Norm("الحادي");
    private static readonly string Qabl = TimeLexicon.Norm("قبل");
    private static readonly string Mundhu = TimeLexicon.Norm("منذ");
    private static readonly string Khilal = TimeLexicon.Norm("خلال");
    private static readonly string Qalil = TimeLexicon.Norm("قليل");
    private static readonly string Muakhkharan = TimeLexicon.Norm("مؤخرا");
    private static readonly string Muntasaf = TimeLexicon.Norm("منتصف");
    private static readonly string Wa = TimeLexicon.Norm("و");
    private static readonly string Al = TimeLexicon.Norm("ال");
    private static readonly string Monday = TimeLexicon.Norm("الاثنين");
    private static readonly string Week = TimeLexicon.Norm("الأسبوع");
    private static readonly string AlQarn = TimeLexicon.Norm("القرن");
    private static readonly string AlIshrin = TimeLexicon.Norm("العشرين");
    private static readonly HashSet<string> ThisM = [TimeLexicon.Norm("هذا"), TimeLexicon.Norm("هذه")];
    private static readonly HashSet<string> Night = [TimeLexicon.Norm("ليل"), TimeLexicon.Norm("ليلة")];
    private static readonly HashSet<string> More = [TimeLexicon.Norm("أكثر"), TimeLexicon.Norm("أقل")];
    private static readonly HashSet<string> One = [TimeLexicon.Norm("واحد"), TimeLexicon.Norm("واحدة")];
    private static readonly HashSet<string> Few = [TimeLexicon.Norm("قليلة"), TimeLexicon.Norm("فقط")];
    private static readonly HashSet<string> Anchored = [TimeLexicon.Norm("من"), TimeLexicon.Norm("على"), TimeLexicon.Norm("عن")];
    private static readonly HashSet<string> Lately = [TimeLexicon.Norm("الآونة"), TimeLexicon.Norm("الفترة")];
    private static readonly HashSet<string> LastAdj = [TimeLexicon.Norm("الأخيرة"), TimeLexicon.Norm("الماضية")];
    private static readonly HashSet<string> Few2 = [TimeLexicon.Norm("القليلة")];
    private static readonly HashSet<string> DualYears = [TimeLexicon.Norm("عامي"), TimeLexicon.Norm("سنتي")];
    private static readonly HashSet<string> QabliPair = [TimeLexicon.Norm("قبل"), TimeLexicon.Norm("منذ")];
    private static readonly HashSet<string> Linkers = ["", ",", "،", "-", "(", TimeLexicon.Norm("الموافق")];

    private static readonly Dictionary<string, TimeUnit> PeriodNouns = new()
    {
        [TimeLexicon.Norm("الشهر")] = TimeUnit.Month,
        [TimeLexicon.Norm("الأسبوع")] = TimeUnit.Week,
        [TimeLexicon.Norm("العام")] = TimeUnit.Year,
        [TimeLexicon.Norm("السنة")] = TimeUnit.Year,
    };

    private static readonly Dictionary<string, int> Fractions = new()
    {
        [TimeLexicon.Norm("النصف")] = 2,
        [TimeLexicon.Norm("الربع")] = 4,
        [TimeLexicon.Norm("الثلث")] = 3,
    };

    // 0 stands for "the last" part, whatever the number of parts.
    private static readonly Dictionary<string, int> Ordinals = new()
    {
        [TimeLexicon.Norm("الأول")] = 1,
        [TimeLexicon.Norm("الثاني")] = 2,
        [TimeLexicon.Norm("الثالث")] = 3,
        [TimeLexicon.Norm("الرابع")] = 4,
        [TimeLexicon.Norm("الأخير")] = 0,
    };

    private static readonly (string[] Words, int Month)[] Greg = Split(TimeLexicon.GregorianMonths);
    private static readonly (string[] Words, int Month)[] Hijri = Split(TimeLexicon.HijriMonths);

    private readonly NormalizedText _nt;
    private readonly List<Tok> _t = [];
    private readonly DateOnly? _pub;

    private readonly record struct Hit(int Start, int Next, int End, DateValue? Value, string Kind);

    // A period inside a larger expression ("أغسطس الماضي" inside "منتصف أغسطس الماضي").
    private readonly record struct Sub(int Start, int Next, DateValue? Value, TimeUnit Unit, string Kind);

    private readonly record struct MonthName(int Month, int Next, int Start, bool Ambiguous, bool Stripped);

    public TimeScanner(string text, DateOnly? published)
    {
        _nt = new NormalizedText(text);
        _pub = published;
        Tokenize(_nt.Text);
    }

    private static (string[] Words, int Month)[] Split(IReadOnlyList<(string Name, int Month)> table) =>
        table.Select(e => (e.Name.Split(' '), e.Month)).OrderByDescending(e => e.Item1.Length).ToArray();

    private void Tokenize(string s)
    {
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            int b = i;
            if (c is >= '0' and <= '9')
            {
                while (i < s.Length && s[i] is >= '0' and <= '9') i++;
                _t.Add(new Tok(b, i, s[b..i], TokKind.Number));
            }
            else if (char.IsLetter(c))
            {
                while (i < s.Length && char.IsLetter(s[i])) i++;
                _t.Add(new Tok(b, i, s[b..i], TokKind.Word));
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else
            {
                i++;
                _t.Add(new Tok(b, i, s[b..i], TokKind.Punct));
            }
        }
    }

    public List<TimeMention> Scan()
    {
        var hits = new List<Hit>();
        int i = 0;
        while (i < _t.Count)
        {
            Hit? best = null;
            foreach (var h in Candidates(i))
                if (h is { } x && (best is null || x.End > best.Value.End))
                    best = x;
            if (best is { } b)
            {
                hits.Add(b);
                i = b.Next;
            }
            else
            {
                i++;
            }
        }

        var merged = new List<Hit>();
        foreach (var h in hits)
        {
            // "يوم الجمعة 24 يوليو" is one date: the weekday only confirms it.
            if (merged.Count > 0 && merged[^1] is { Kind: "weekday" } prev && h.Kind is "date" or "hijri_date"
                && Linkers.Contains(_nt.Text[prev.End..h.Start].Trim()))
            {
                merged[^1] = h with { Start = prev.Start };
                continue;
            }
            merged.Add(h);
        }

        return merged
            .Where(h => h.Kind.Length > 0)
            .Select(h => new TimeMention(_nt.ToOriginal(h.Start, h.End - h.Start), h.Value, h.Kind))
            .ToList();
    }

    private IEnumerable<Hit?> Candidates(int i)
    {
        yield return NumericDate(i);
        yield return DayMonth(i);
        yield return FromSub(GregorianMonth(i, lead: true, context: false));
        yield return FromSub(HijriMonth(i, lead: true, bare: false));
        yield return FromSub(RelativePeriod(i, lead: true, bare: false));
        yield return FromSub(YearExpr(i, lead: true, bare: false));
        yield return PartOfPeriod(i);
        yield return Fraction(i);
        yield return DayReference(i);
        yield return Ago(i);
        yield return Recent(i);
        yield return Decade(i);
        yield return Feast(i);
    }

    private Hit? FromSub(Sub? s) => s is { } x ? new Hit(x.Start, x.Next, _t[x.Next - 1].End, x.Value, x.Kind) : null;

    // ---- token helpers ----

    private string? W(int j) => j >= 0 && j < _t.Count && _t[j].Kind == TokKind.Word ? _t[j].Text : null;

    private bool P(int j, string mark) => j >= 0 && j < _t.Count && _t[j].Kind == TokKind.Punct && _t[j].Text == mark;

    private bool In(int j, HashSet<string> set) => W(j) is { } w && set.Contains(w);

    private bool Adjacent(int j) => j > 0 && j < _t.Count && _t[j].Start == _t[j - 1].End;

    private int? Num(int j, int maxDigits = 9) =>
        j >= 0 && j < _t.Count && _t[j].Kind == TokKind.Number && _t[j].Text.Length <= maxDigits ? int.Parse(_t[j].Text) : null;

    private int? Num4(int j) => j >= 0 && j < _t.Count && _t[j].Kind == TokKind.Number && _t[j].Text.Length == 4 ? int.Parse(_t[j].Text) : null;

    /// <summary>
    /// Matches word <paramref name="j"/> whole or after proclitics (و ف, then ب ل, and لل for ل+ال).
    /// Returns the matched form and the clitic length, which the span leaves out.
    /// </summary>
    private (string Form, int Prefix)? Lead(int j, Func<string, bool> accept)
    {
        if (W(j) is null)
            return null;
        foreach (var f in FormsOf(j))
            if (accept(f.Form))
                return f;
        return null;
    }

    // The word and its clitic-stripped forms, computed once per token: every pattern asks for them.
    private (string Form, int Prefix)[] FormsOf(int j)
    {
        _forms ??= new (string, int)[]?[_t.Count];
        return _forms[j] ??= [(_t[j].Text, 0), .. Stripped(_t[j].Text)];
    }

    private (string Form, int Prefix)[]?[]? _forms;

    private static IEnumerable<(string Form, int Prefix)> Stripped(string w)
    {
        foreach (var conj in new[] { "", "و", "ف" })
        {
            if (!w.StartsWith(conj, StringComparison.Ordinal))
                continue;
            var r = w[conj.Length..];
            // Short remainders are left alone: "باب" is a door, not ب + آب (August).
            if (conj.Length > 0 && r.Length >= 3)
                yield return (r, conj.Length);
            if (r.Length >= 4 && (r[0] == 'ب' || r[0] == 'ل'))
                yield return (r[1..], conj.Length + 1);
            if (r.Length >= 4 && r.StartsWith("لل", StringComparison.Ordinal))
                yield return ("ا" + r[1..], conj.Length + 1);
        }
    }

    private int StartOf(int j, int prefix) => _t[j].Start + prefix;

    private MonthName? MonthAt((string[] Words, int Month)[] table, int j, bool lead)
    {
        if (W(j) is not { } w0)
            return null;
        var index = table == Greg ? GregByFirst : HijriByFirst;
        foreach (var (form, prefix) in lead ? FormsOf(j) : [(w0, 0)])
        {
            if (!index.TryGetValue(form, out var entries))
                continue;
            foreach (var (words, month) in entries)
            {
                if (words.Length == 2 && W(j + 1) != words[1])
                    continue;
                return new MonthName(month, j + words.Length, StartOf(j, prefix),
                    words.Length == 1 && TimeLexicon.AmbiguousMonths.Contains(words[0]), prefix > 0);
            }
        }
        return null;
    }

    private static readonly Dictionary<string, (string[] Words, int Month)[]> GregByFirst = ByFirst(Greg);
    private static readonly Dictionary<string, (string[] Words, int Month)[]> HijriByFirst = ByFirst(Hijri);

    // Longest names first within one first word, as in the table.
    private static Dictionary<string, (string[] Words, int Month)[]> ByFirst((string[] Words, int Month)[] table) =>
        table.GroupBy(e => e.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>-1 for الماضي, -2 for قبل الماضي, 0 for الجاري, +1 for المقبل; null when none follows.</summary>
    private (int Dir, int Next)? Relative(int k)
    {
        if (In(k, TimeLexicon.Past)) return (-1, k + 1);
        if (W(k) == Qabl && In(k + 1, TimeLexicon.Past)) return (-2, k + 2);
        if (In(k, TimeLexicon.Current)) return (0, k + 1);
        if (In(k, TimeLexicon.Next)) return (1, k + 1);
        return null;
    }

    /// <summary>'G' after م/ميلادي, 'H' after هـ/هجري, otherwise '?'.</summary>
    private char Era(ref int k)
    {
        if (In(k, TimeLexicon.GregorianEra)) { k++; return 'G'; }
        if (In(k, TimeLexicon.HijriEra)) { k++; return 'H'; }
        return '?';
    }

    /// <summary>A year after a month or day: optional comma and "(من) عام", four digits, optional era mark.</summary>
    private (int Year, char Era, int Next)? YearAfter(int k)
    {
        int j = k;
        if (P(j, ",") || P(j, "،")) j++;
        if (W(j) == Min && In(j + 1, TimeLexicon.YearWords)) j += 2;
        else if (In(j, TimeLexicon.YearWords)) j++;
        if (Num4(j) is not { } y)
            return null;
        j++;
        char era = Era(ref j);
        return (y, era, j);
    }

    private static bool GregorianYear(int y, char era) => era == 'G' ? y is >= 1000 and <= 2100 : era == '?' && y is >= 1900 and <= 2100;

    private static bool HijriYear(int y, char era) => era == 'H' ? y is >= 1 and <= 1500 : era == '?' && y is >= 1300 and <= 1500;

    /// <summary>"يوليو تموز", "يوليو (تموز)", "يوليو/تموز": the second name repeats the month in another naming.</summary>
    private (int Next, bool Doubled) Doubled(int k, int month)
    {
        if (P(k, "(") && MonthAt(Greg, k + 1, false) is { } a && a.Month == month && P(a.Next, ")"))
            return (a.Next + 1, true);
        if ((P(k, "/") || P(k, "-")) && MonthAt(Greg, k + 1, false) is { } b && b.Month == month)
            return (b.Next, true);
        if (MonthAt(Greg, k, false) is { } c && c.Month == month)
            return (c.Next, true);
        return (k, false);
    }

    // ---- patterns ----

    private Hit? NumericDate(int i)
    {
        if (Num(i, 4) is not { } a || i + 4 >= _t.Count)
            return null;
        var sep = _t[i + 1].Text;
        if (sep is not ("/" or "-" or ".") || !P(i + 1, sep) || !P(i + 3, sep) || Num(i + 2, 2) is not { } b || Num(i + 4, 4) is not { } c)
            return null;
        // "19/6/1436هـ", or spaced evenly as Saudi outlets often print it: "19 / 6 / 1436هـ".
        bool tight = true, spaced = true;
        for (int j = i + 1; j <= i + 4; j++)
        {
            tight &= Adjacent(j);
            spaced &= !Adjacent(j);
        }
        if (!tight && !spaced)
            return null;
        // Part of a longer numeric run (phone numbers, versions): not a date.
        if (Adjacent(i) && _t[i - 1].Kind != TokKind.Word)
            return null;
        if (Adjacent(i + 5) && (_t[i + 5].Kind == TokKind.Number || (_t[i + 5].Text is "/" or "-" && Num(i + 6) is not null && Adjacent(i + 6))))
            return null;

        int y, m, d;
        if (_t[i].Text.Length == 4 && _t[i + 4].Text.Length <= 2) (y, m, d) = (a, b, c);
        else if (_t[i + 4].Text.Length == 4 && _t[i].Text.Length <= 2) (d, m, y) = (a, b, c);
        else return null;
        // Arab outlets write day first; a month field above 12 means the writer used month first.
        if (m > 12 && d <= 12) (d, m) = (m, d);

        int k = i + 5;
        char era = Era(ref k);
        int end = _t[k - 1].End;
        if (HijriYear(y, era))
            return DateMath.FromHijri(y, m, d) is null ? null : new Hit(_t[i].Start, k, end, DateMath.HijriDay(y, m, d), "hijri_date");
        if (!GregorianYear(y, era) || !DateMath.ValidDay(y, m, d))
            return null;
        return new Hit(_t[i].Start, k, end, DateMath.GregorianDay(y, m, d), "date");
    }

    private Hit? DayMonth(int i)
    {
        int j;
        int start = _t[i].Start;
        if (Num(i, 2) is { } digits && digits is >= 1 and <= 31)
        {
            if (Adjacent(i) && _t[i - 1].Kind == TokKind.Punct && _t[i - 1].Text is ":" or "/" or "." or "-" or ",")
                return null;
            j = i + 1;
            if (W(j) == Min) j++;
        }
        else if (DayOrdinal(i) is { } ord)
        {
            // "الأول من أغسطس": an ordinal names a day only when "من" and a month follow.
            (digits, j, start) = (ord.Day, ord.Next + 1, StartOf(i, ord.Prefix));
            if (W(ord.Next) != Min || (MonthAt(Greg, j, false) is null && MonthAt(Hijri, j, false) is null))
                return null;
        }
        else
        {
            return null;
        }
        int d = digits;

        if (MonthAt(Greg, j, false) is { } g)
        {
            var (k, _) = Doubled(g.Next, g.Month);
            int m = g.Month;
            // "قوى 14 آذار" is a party, not a date: consume it so "آذار" is not read alone.
            if (In(i - 1, TimeLexicon.DateAsName))
                return new Hit(start, k, _t[k - 1].End, null, "");
            DateValue? value;
            if (YearAfter(k) is { } ya && GregorianYear(ya.Year, ya.Era))
            {
                value = DateMath.GregorianDay(ya.Year, m, d);
                k = ya.Next;
            }
            else if (OfRelativeYear(k) is { } ry)
            {
                value = ry.Year is { } yy ? DateMath.GregorianDay(yy, m, d) : null;
                k = ry.Next;
            }
            else if (Relative(k) is { } rel)
            {
                value = _pub is { } p ? DateMath.GregorianDay(
                    rel.Dir == 0 ? p.Year : DateMath.YearOfMonth(p.Year, p.Month, m, Math.Sign(rel.Dir)), m, d) : null;
                k = rel.Next;
            }
            else
            {
                value = _pub is { } p ? DateMath.GregorianDay(DateMath.YearOfDay(p, m, d), m, d) : null;
            }
            return new Hit(start, k, _t[k - 1].End, value, "date");
        }

        if (MonthAt(Hijri, j, false) is { } h)
        {
            int k = h.Next;
            int m = h.Month;
            DateValue? value;
            if (YearAfter(k) is { } ya && HijriYear(ya.Year, ya.Era))
            {
                value = DateMath.HijriDay(ya.Year, m, d);
                k = ya.Next;
            }
            else
            {
                var rel = Relative(k);
                if (rel is { } r) k = r.Next;
                value = null;
                if (_pub is { } p && DateMath.ToHijri(p) is { } ph)
                {
                    int y = rel is { } r2 && r2.Dir != 0
                        ? DateMath.YearOfMonth(ph.Year, ph.Month, m, Math.Sign(r2.Dir))
                        : rel is not null ? ph.Year
                        : m < ph.Month || (m == ph.Month && d <= ph.Day) ? ph.Year : ph.Year - 1;
                    value = DateMath.HijriDay(y, m, d);
                }
            }
            return new Hit(start, k, _t[k - 1].End, value, "hijri_date");
        }
        return null;
    }

    private Sub? GregorianMonth(int j, bool lead, bool context)
    {
        bool shahr = false;
        MonthName? found = null;
        int start = 0;
        var sh = lead ? Lead(j, w => w == Shahr) : W(j) == Shahr ? (Shahr, 0) : null;
        if (sh is { } s && MonthAt(Greg, j + 1, false) is { } afterShahr)
        {
            shahr = true;
            found = afterShahr;
            start = StartOf(j, s.Prefix);
        }
        else if (MonthAt(Greg, j, lead) is { } bare)
        {
            found = bare;
            start = bare.Start;
        }
        if (found is not { } mn)
            return null;

        var (k, doubled) = Doubled(mn.Next, mn.Month);
        int m = mn.Month;
        if (YearAfter(k) is { } ya && GregorianYear(ya.Year, ya.Era))
            return new Sub(start, ya.Next, DateMath.Month(ya.Year, m), TimeUnit.Month, "month");
        if (OfRelativeYear(k) is { } ry)
            return new Sub(start, ry.Next, ry.Year is { } yy ? DateMath.Month(yy, m) : null, TimeUnit.Month, "month");
        if (Relative(k) is { } rel)
        {
            DateValue? v = null;
            if (_pub is { } p)
                v = DateMath.Month(rel.Dir == 0 ? p.Year : DateMath.YearOfMonth(p.Year, p.Month, m, Math.Sign(rel.Dir)) - (rel.Dir == -2 ? 1 : 0), m);
            return new Sub(start, rel.Next, v, TimeUnit.Month, "month");
        }
        // A bare ambiguous name (مارس "he practised") needs something that makes it a month.
        if (mn.Ambiguous && !shahr && !doubled && !context && (mn.Stripped || !In(j - 1, TimeLexicon.MonthContext)))
            return null;
        return new Sub(start, k, _pub is { } q ? DateMath.Month(DateMath.YearOfMonth(q.Year, q.Month, m, 0), m) : null, TimeUnit.Month, "month");
    }

    private Sub? HijriMonth(int j, bool lead, bool bare)
    {
        MonthName? found = null;
        int start = 0;
        var sh = lead ? Lead(j, w => w == Shahr) : W(j) == Shahr ? (Shahr, 0) : null;
        if (sh is { } s && MonthAt(Hijri, j + 1, false) is { } afterShahr)
        {
            found = afterShahr;
            start = StartOf(j, s.Prefix);
        }
        else if (MonthAt(Hijri, j, lead) is { } plain)
        {
            found = plain;
            start = plain.Start;
        }
        if (found is not { } mn)
            return null;
        int m = mn.Month;
        if (YearAfter(mn.Next) is { } ya && HijriYear(ya.Year, ya.Era))
            return new Sub(start, ya.Next, DateMath.HijriMonth(ya.Year, m), TimeUnit.Month, "hijri_month");
        var rel = Relative(mn.Next);
        if (rel is null && !bare)
            return null;
        DateValue? v = null;
        if (_pub is { } p && DateMath.ToHijri(p) is { } ph)
        {
            int dir = rel?.Dir ?? 0;
            int y = dir == 0 && rel is not null ? ph.Year : DateMath.YearOfMonth(ph.Year, ph.Month, m, Math.Sign(dir)) - (dir == -2 ? 1 : 0);
            v = DateMath.HijriMonth(y, m);
        }
        return new Sub(start, rel?.Next ?? mn.Next, v, TimeUnit.Month, "hijri_month");
    }

    /// <summary>"الشهر الماضي", "هذا العام", "الأسبوع المقبل"; with <paramref name="bare"/>, "الشهر" alone (inside "نهاية الشهر").</summary>
    private Sub? RelativePeriod(int j, bool lead, bool bare)
    {
        int start, next, dir;
        TimeUnit unit;
        var ths = lead ? Lead(j, ThisM.Contains) : In(j, ThisM) ? (W(j)!, 0) : null;
        if (ths is { } t && W(j + 1) is { } noun && PeriodNouns.TryGetValue(noun, out unit))
        {
            (start, next, dir) = (StartOf(j, t.Prefix), j + 2, 0);
        }
        else
        {
            var pn = lead ? Lead(j, PeriodNouns.ContainsKey) : W(j) is { } w && PeriodNouns.ContainsKey(w) ? (w, 0) : null;
            if (pn is not { } n)
                return null;
            unit = PeriodNouns[n.Form];
            start = StartOf(j, n.Prefix);
            if (Relative(j + 1) is { } rel)
                (next, dir) = (rel.Next, rel.Dir);
            else if (bare && Num(j + 1) is null)
                (next, dir) = (j + 1, 0);
            else
                return null;
        }

        DateValue? v = null;
        if (_pub is { } p)
        {
            v = unit switch
            {
                TimeUnit.Month => MonthFrom(DateMath.AddMonths(p.Year, p.Month, dir)),
                TimeUnit.Week => DateMath.Week(p.AddDays(7 * dir)),
                _ => DateMath.Year(p.Year + dir),
            };
        }
        string kind = unit switch { TimeUnit.Month => "relative_month", TimeUnit.Week => "relative_week", _ => "relative_year" };
        return new Sub(start, next, v, unit, kind);
    }

    /// <summary>"من العام الحالي" / "من العام الماضي" after a month: the year it names (null without publication).</summary>
    private (int? Year, int Next)? OfRelativeYear(int k)
    {
        if (W(k) != Min || RelativePeriod(k + 1, lead: false, bare: false) is not { Unit: TimeUnit.Year } ry)
            return null;
        return (ry.Value?.Start.Year, ry.Next);
    }

    /// <summary>"النصف الأول من العام الماضي", "الربع الثالث من 2015": halves and quarters of a year or month.</summary>
    private Hit? Fraction(int i)
    {
        if (Lead(i, w => Fractions.ContainsKey(w)) is not { } fw || W(i + 1) is not { } ow || !Ordinals.TryGetValue(ow, out int n))
            return null;
        int parts = Fractions[fw.Form];
        if (n == 0) n = parts;
        if (n > parts || W(i + 2) != Min)
            return null;
        int j = i + 3;
        Sub? best = null;
        foreach (var s in new[] { YearExpr(j, lead: false, bare: true), RelativePeriod(j, lead: false, bare: true), GregorianMonth(j, lead: false, context: true) })
            if (s is { Unit: TimeUnit.Year or TimeUnit.Month } x && (best is null || x.Next > best.Value.Next))
                best = x;
        if (best is not { } b)
            return null;
        DateValue? v = null;
        if (b.Value is { } whole)
        {
            if (b.Unit == TimeUnit.Year)
            {
                int months = 12 / parts;
                var first = whole.Start.AddMonths(months * (n - 1));
                v = DateMath.Range(first, first.AddMonths(months).AddDays(-1));
            }
            else
            {
                int days = whole.End.DayNumber - whole.Start.DayNumber + 1;
                int from = days * (n - 1) / parts;
                int to = days * n / parts - 1;
                v = DateMath.Range(whole.Start.AddDays(from), whole.Start.AddDays(to));
            }
        }
        return new Hit(StartOf(i, fw.Prefix), b.Next, _t[b.Next - 1].End, v, b.Unit == TimeUnit.Year ? "part_of_year" : "part_of_month");
    }

    private static DateValue MonthFrom((int Year, int Month) ym) => DateMath.Month(ym.Year, ym.Month);

    private Sub? YearExpr(int j, bool lead, bool bare)
    {
        // "عامي 2014 و2015": both years as one range.
        var dual = lead ? Lead(j, DualYears.Contains) : In(j, DualYears) ? (W(j)!, 0) : null;
        if (dual is { } du && Num4(j + 1) is { } y1 && W(j + 2) == Wa && Num4(j + 3) is { } y2
            && GregorianYear(y1, '?') && GregorianYear(y2, '?') && y1 < y2)
        {
            int k2 = j + 4;
            Era(ref k2);
            return new Sub(StartOf(j, du.Prefix), k2, DateMath.Range(new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31)), TimeUnit.Year, "year_range");
        }

        int start;
        int k;
        bool worded;
        var yw = lead ? Lead(j, TimeLexicon.YearWords.Contains) : In(j, TimeLexicon.YearWords) ? (W(j)!, 0) : null;
        if (yw is { } ywv && Num4(j + 1) is not null)
        {
            (start, k, worded) = (StartOf(j, ywv.Prefix), j + 1, true);
        }
        else if (Num4(j) is not null && !(Adjacent(j) && _t[j - 1].Kind == TokKind.Punct && _t[j - 1].Text is "/" or "-" or "." or ":"))
        {
            (start, k, worded) = (_t[j].Start, j, false);
        }
        else
        {
            return null;
        }

        int y = Num4(k)!.Value;
        int after = k + 1;
        // "2015/07" and "2015.5": the number continues, so it is not a year on its own.
        if (after < _t.Count && Adjacent(after) && _t[after].Kind == TokKind.Punct && _t[after].Text is "/" or "-" or "." or "," && Num(after + 1) is not null && Adjacent(after + 1))
            return null;
        char era = Era(ref after);
        // A worded year in the Hijri range without هـ stays unread: 1436 could be either calendar.
        if (era == 'H')
            return HijriYear(y, era) ? new Sub(start, after, DateMath.HijriYear(y), TimeUnit.Year, "hijri_year") : null;
        if ((worded || era == 'G' || bare) && GregorianYear(y, era))
            return new Sub(start, after, DateMath.Year(y), TimeUnit.Year, "year");
        return null;
    }

    private Hit? PartOfPeriod(int i)
    {
        if (Lead(i, TimeLexicon.Parts.ContainsKey) is not { } pw)
            return null;
        var part = TimeLexicon.Parts[pw.Form];
        int j = i + 1;
        Sub? best = null;
        foreach (var s in new[]
        {
            YearExpr(j, lead: false, bare: true),
            GregorianMonth(j, lead: false, context: true),
            HijriMonth(j, lead: false, bare: true),
            RelativePeriod(j, lead: false, bare: true),
        })
        {
            if (s is { } x && (best is null || x.Next > best.Value.Next))
                best = x;
        }
        if (best is not { } b)
            return null;
        // A season is a part of a year only: "صيف الشهر" is not a date.
        if (part is PartOf.Spring or PartOf.Summer or PartOf.Autumn or PartOf.Winter && b.Unit != TimeUnit.Year)
            return null;
        string kind = b.Unit switch { TimeUnit.Month => "part_of_month", TimeUnit.Week => "part_of_week", _ => "part_of_year" };
        DateValue? v = b.Value is { } whole ? DateMath.Part(whole, part, b.Unit) : null;
        return new Hit(StartOf(i, pw.Prefix), b.Next, _t[b.Next - 1].End, v, kind);
    }

    private Hit? DayReference(int i)
    {
        int j = i;
        int start = -1;
        bool trigger = false;
        if (Lead(i, TimeLexicon.DayParts.Contains) is { } dp && W(i + 1) is not null)
        {
            (j, start, trigger) = (i + 1, StartOf(i, dp.Prefix), true);
        }
        else if (Lead(i, w => w == Muntasaf) is { } mid && In(i + 1, Night) && W(i + 2) is not null)
        {
            (j, start, trigger) = (i + 2, StartOf(i, mid.Prefix), true);
        }

        (string Form, int Prefix)? core = trigger
            ? (W(j) is { } cw ? (cw, 0) : null)
            : Lead(j, IsDayCore);
        if (core is not { } c)
            return null;
        if (start < 0)
            start = StartOf(j, c.Prefix);
        string w = c.Form;

        int? offset = null;
        int k = j + 1;
        if (w == Ams)
        {
            offset = -1;
            if (W(k) == AlAwwal) { offset = -2; k++; }
        }
        else if (w == AlAms)
        {
            offset = -1;
        }
        else if (w == Awwal && W(k) == Ams)
        {
            (offset, k) = (-2, k + 1);
        }
        else if (w == Awwal && W(k) == Min && In(k + 1, [Ams, AlAms]))
        {
            (offset, k) = (-2, k + 2);
        }
        else if (w == Today)
        {
            // "اليوم التالي", "اليوم الأول", "اليوم العالمي": a day named by what follows, not today.
            if (W(k) is { } nx && nx.StartsWith(Al, StringComparison.Ordinal) && !TimeLexicon.Weekdays.ContainsKey(nx))
                return null;
            offset = 0;
        }
        else if (w == Tonight)
        {
            if (In(k, TimeLexicon.Past)) { offset = -1; k++; }
            else if (W(k) is { } nx && nx.StartsWith(Al, StringComparison.Ordinal) && !TimeLexicon.Weekdays.ContainsKey(nx)) return null;
            else offset = 0;
        }
        else if (w == Ghadan || (trigger && (w == Ghad || w == AlGhad)))
        {
            offset = 1;
        }
        else if (w == Baad && In(k, [Ghad, Ghadan]))
        {
            (offset, k) = (2, k + 1);
        }

        if (offset is { } off)
        {
            // "أمس الاثنين", "اليوم (الاثنين)": the weekday joins the span. When it disagrees with the
            // offset, the weekday wins: archives often stamp a report with the day after it was written.
            DayOfWeek? named = null;
            if (W(k) is { } wd && TimeLexicon.Weekdays.TryGetValue(wd, out var nd))
                (named, k) = (nd, k + 1);
            else if (P(k, "(") && W(k + 1) is { } wd2 && TimeLexicon.Weekdays.TryGetValue(wd2, out var nd2) && P(k + 2, ")"))
                (named, k) = (nd2, k + 3);
            DateValue? dv = null;
            if (_pub is { } p)
            {
                var d = p.AddDays(off);
                if (named is { } nw && d.DayOfWeek != nw)
                {
                    int back = ((int)d.DayOfWeek - (int)nw + 7) % 7;
                    var later = d.AddDays(7 - back);
                    // Within three days either way, but never past the publication date.
                    d = back <= 3 ? d.AddDays(-back) : later <= p ? later : d;
                }
                dv = DateValue.Day(d);
            }
            return new Hit(start, k, _t[k - 1].End, dv, "relative_day");
        }

        if (!TimeLexicon.Weekdays.TryGetValue(w, out var day))
            return null;
        var relW = Relative(k);
        if (relW is { } r)
            k = r.Next;
        else if (!trigger && w == Monday && LooksLikeTheTwo(j))
            return null;

        DateValue? value = null;
        if (_pub is { } pub)
        {
            int back = ((int)pub.DayOfWeek - (int)day + 7) % 7;
            int dir = relW?.Dir ?? 0;
            DateOnly date;
            if (dir > 0)
            {
                int fwd = ((int)day - (int)pub.DayOfWeek + 7) % 7;
                date = pub.AddDays(fwd == 0 ? 7 : fwd);
            }
            else if (dir < 0)
            {
                date = pub.AddDays(-(back == 0 ? 7 : back) - (dir == -2 ? 7 : 0));
            }
            else
            {
                // News is mostly past tense: a bare weekday is the latest one on or before publication.
                date = pub.AddDays(-back);
            }
            value = DateValue.Day(date);
        }
        return new Hit(start, k, _t[k - 1].End, value, "weekday");
    }

    private static bool IsDayCore(string w) =>
        w == Ams || w == AlAms || w == Awwal || w == Today || w == Tonight || w == Ghadan || w == Baad || TimeLexicon.Weekdays.ContainsKey(w);

    /// <summary>
    /// الاثنين is also "the two": after بين/كلا/هذين, after a dual or plural adjective ("الطرفين
    /// الاثنين"), or before معا/منهما it is read as the number and not as Monday.
    /// </summary>
    private bool LooksLikeTheTwo(int j)
    {
        if (Lead(j - 1, TimeLexicon.TwoContext.Contains) is not null)
            return true;
        if (W(j - 1) is { } prev && prev.StartsWith(Al, StringComparison.Ordinal) && prev.EndsWith("ين", StringComparison.Ordinal)
            && !TimeLexicon.Weekdays.ContainsKey(prev))
            return true;
        return In(j + 1, TimeLexicon.TwoFollowers);
    }

    private Hit? Ago(int i)
    {
        if (Lead(i, w => w == Muakhkharan) is { } lately)
            return new Hit(StartOf(i, lately.Prefix), i + 1, _t[i].End,
                _pub is { } p0 ? DateMath.Range(p0.AddDays(-30), p0) : null, "vague_past");

        // "خلال الأسبوع الماضي" reads as the last seven days, not the previous calendar week.
        if (Lead(i, w => w == Khilal) is { } kh && W(i + 1) == Week && In(i + 2, TimeLexicon.Past))
            return new Hit(StartOf(i, kh.Prefix), i + 3, _t[i + 2].End,
                _pub is { } p1 ? DateMath.Range(p1.AddDays(-7), p1.AddDays(-1)) : null, "vague_past");

        if (Lead(i, QabliPair.Contains) is not { } q)
            return null;
        int j = i + 1;
        if (In(j, TimeLexicon.Hedges)) j++;
        else if (In(j, More) && W(j + 1) == Min) j += 2;

        if (W(j) == Qalil)
            return new Hit(StartOf(i, q.Prefix), j + 1, _t[j].End, _pub is { } p2 ? DateValue.Day(p2) : null, "ago");

        int? count = null;
        bool vague = false;
        if (Num(j, 3) is { } n) { count = n; j++; }
        else if (W(j) is { } cw && TimeLexicon.CountWords.TryGetValue(cw, out int cn)) { count = cn; j++; }
        else if (In(j, TimeLexicon.FewWords)) { vague = true; j++; }

        if (W(j) is not { } uw || !TimeLexicon.Units.TryGetValue(uw, out var unit))
            return null;
        bool explicitCount = count is not null;
        if (!vague && count is null)
        {
            if (unit.Count == 0) vague = true;
            else count = unit.Count;
        }
        int k = j + 1;
        if (In(k, One)) k++;
        if (In(k, Few)) k++;
        // "قبل يومين من الانتخابات" counts from another event, not from publication.
        if (In(k, Anchored))
            return null;
        // "منذ عام 2011", "قبل شهر رمضان", "قبل يوم الجمعة": the unit word names a period, it is not a count.
        if (!explicitCount && !vague && (Num(k) is not null || MonthAt(Greg, k, false) is not null || MonthAt(Hijri, k, false) is not null
            || (W(k) is { } nw && TimeLexicon.Weekdays.ContainsKey(nw))))
            return null;

        int start = StartOf(i, q.Prefix);
        int end = _t[k - 1].End;
        if (_pub is not { } p)
            return new Hit(start, k, end, null, vague ? "vague_past" : "ago");
        if (vague)
        {
            var v = unit.Unit switch
            {
                TimeUnit.Hour => DateMath.Range(p.AddDays(-1), p),
                TimeUnit.Day => DateMath.Range(p.AddDays(-7), p.AddDays(-1)),
                TimeUnit.Week => DateMath.Range(p.AddDays(-35), p.AddDays(-7)),
                TimeUnit.Month => DateMath.Range(p.AddMonths(-6), p.AddMonths(-1)),
                _ => DateMath.Range(p.AddYears(-10), p.AddYears(-1)),
            };
            return new Hit(start, k, end, v, "vague_past");
        }
        int c = count!.Value;
        DateValue value = unit.Unit switch
        {
            TimeUnit.Hour => DateValue.Day(p.AddDays(-(c / 24))),
            TimeUnit.Day => DateValue.Day(p.AddDays(-c)),
            TimeUnit.Week => DateValue.Day(p.AddDays(-7 * c)),
            // A month or a year back is only approximate: a window around the point.
            TimeUnit.Month => DateMath.Range(p.AddMonths(-c).AddDays(-7), Min2(p.AddMonths(-c).AddDays(7), p)),
            _ => DateMath.Range(p.AddYears(-c).AddMonths(-1), Min2(p.AddYears(-c).AddMonths(1), p)),
        };
        return new Hit(start, k, end, value, "ago");
    }

    private static DateOnly Min2(DateOnly a, DateOnly b) => a < b ? a : b;

    // "الأول"، "الخامس عشر"، "الحادي والعشرين": a day of the month in words, with where the words end.
    private (int Day, int Next, int Prefix)? DayOrdinal(int i)
    {
        if (Lead(i, TimeLexicon.DayOrdinals.ContainsKey) is not { } o)
            return null;
        int day = TimeLexicon.DayOrdinals[o.Form], k = i + 1;
        if (day < 10 && W(k) == TimeLexicon.Ashar)
            (day, k) = (day + 10, k + 1);
        else if (day < 10 && W(k) is { } tens && TimeLexicon.OrdinalTens.TryGetValue(tens, out int t))
            (day, k) = (day + t, k + 1);
        else if (o.Form == Hadi)
            return null;
        return day is >= 1 and <= 31 ? (day, k, o.Prefix) : null;
    }

    /// <summary>"عيد الفطر"، "عيد الأضحى": the feast's days in the Hijri year whose feast lies nearest the publication.</summary>
    private Hit? Feast(int i)
    {
        if (Lead(i, w => w == TimeLexicon.Eid) is not { } e || W(i + 1) is not { } name || !TimeLexicon.Eids.TryGetValue(name, out var feast))
            return null;
        int start = StartOf(i, e.Prefix), end = _t[i + 1].End;
        if (_pub is not { } p || DateMath.ToHijri(p) is not { } h)
            return new Hit(start, i + 2, end, null, "feast");
        DateValue? best = null;
        foreach (int y in new[] { h.Year - 1, h.Year, h.Year + 1 })
        {
            if (DateMath.FromHijri(y, feast.Month, feast.Day) is not { } first)
                continue;
            var v = DateMath.Range(first, first.AddDays(feast.Days - 1));
            if (best is null || Math.Abs(first.DayNumber - p.DayNumber) < Math.Abs(best.Start.DayNumber - p.DayNumber))
                best = v;
        }
        return new Hit(start, i + 2, end, best, "feast");
    }

    /// <summary>"الأيام الماضية", "الأسابيع الأخيرة", "الآونة الأخيرة", "الـ24 ساعة الماضية": a window ending at publication.</summary>
    private Hit? Recent(int i)
    {
        if (Lead(i, Lately.Contains) is { } la && In(i + 1, LastAdj))
            return new Hit(StartOf(i, la.Prefix), i + 2, _t[i + 1].End,
                _pub is { } p0 ? DateMath.Range(p0.AddDays(-30), p0) : null, "vague_past");

        if (Lead(i, w => w == Al) is { } al && Num(i + 1, 3) is { } n && Adjacent(i + 1)
            && W(i + 2) is { } uw && TimeLexicon.Units.TryGetValue(uw, out var u) && u.Unit is TimeUnit.Hour or TimeUnit.Day
            && In(i + 3, TimeLexicon.Latest))
        {
            int days = u.Unit == TimeUnit.Hour ? Math.Max(1, (n + 23) / 24) : n;
            return new Hit(StartOf(i, al.Prefix), i + 4, _t[i + 3].End,
                _pub is { } p1 ? DateMath.Range(p1.AddDays(-days), p1) : null, "vague_past");
        }

        // "الأسبوعين الماضيين": exactly two units back from publication.
        if (Lead(i, TimeLexicon.DefiniteDuals.ContainsKey) is { } dual && In(i + 1, TimeLexicon.LatestDual))
        {
            DateValue? dv = null;
            if (_pub is { } pd)
            {
                var from = TimeLexicon.DefiniteDuals[dual.Form] switch
                {
                    TimeUnit.Day => pd.AddDays(-2),
                    TimeUnit.Week => pd.AddDays(-14),
                    TimeUnit.Month => pd.AddMonths(-2),
                    _ => pd.AddYears(-2),
                };
                dv = DateMath.Range(from, pd);
            }
            return new Hit(StartOf(i, dual.Prefix), i + 2, _t[i + 1].End, dv, "vague_past");
        }

        if (Lead(i, TimeLexicon.DefinitePlurals.ContainsKey) is not { } dp)
            return null;
        int k = i + 1;
        if (In(k, Few2)) k++;
        if (!In(k, TimeLexicon.Latest))
            return null;
        k++;
        DateValue? v = null;
        if (_pub is { } p)
        {
            v = TimeLexicon.DefinitePlurals[dp.Form] switch
            {
                TimeUnit.Hour => DateMath.Range(p.AddDays(-1), p),
                TimeUnit.Day => DateMath.Range(p.AddDays(-7), p),
                TimeUnit.Week => DateMath.Range(p.AddDays(-30), p),
                TimeUnit.Month => DateMath.Range(p.AddMonths(-6), p),
                _ => DateMath.Range(p.AddYears(-5), p),
            };
        }
        return new Hit(StartOf(i, dp.Prefix), k, _t[k - 1].End, v, "vague_past");
    }

    private Hit? Decade(int i)
    {
        if (Lead(i, TimeLexicon.Decades.ContainsKey) is not { } d)
            return null;
        int first = TimeLexicon.Decades[d.Form];
        int k = i + 1;
        if (W(k) == Min && W(k + 1) == AlQarn && (In(k + 2, TimeLexicon.Past) || W(k + 2) == AlIshrin))
            k += 3;
        return new Hit(StartOf(i, d.Prefix), k, _t[k - 1].End,
            DateMath.Range(new DateOnly(first, 1, 1), new DateOnly(first + 9, 12, 31)), "decade");
    }
}
