namespace Marsad.Text.Time;

/// <summary>What a duration word counts, for "قبل يومين" style expressions.</summary>
internal enum TimeUnit
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>Which part of a month, year or week a word like "مطلع" or "أواخر" selects.</summary>
internal enum PartOf
{
    Early,
    Middle,
    MiddleNarrow,
    Late,
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// <summary>A duration word: its unit and the count it carries (0 for a bare plural like "أيام").</summary>
internal readonly record struct UnitWord(TimeUnit Unit, int Count);

/// <summary>The word tables the time scanner matches against, all stored in normalized form.</summary>
internal static class TimeLexicon
{
    // Tables are written in ordinary spelling and normalized once here, so a typo in hamza or
    // ta-marbuta in this file cannot silently make an entry unmatchable.
    private static string N(string s) => ArabicNormalizer.Normalize(s);

    private static HashSet<string> Set(params string[] words) => words.Select(N).ToHashSet(StringComparer.Ordinal);

    /// <summary>Gregorian month names; two-word names are stored with one space.</summary>
    public static readonly IReadOnlyList<(string Name, int Month)> GregorianMonths = new (string, int)[]
    {
        ("يناير", 1), ("كانون الثاني", 1), ("كانون ثاني", 1), ("جانفي", 1),
        ("فبراير", 2), ("شباط", 2), ("فيفري", 2),
        ("مارس", 3), ("آذار", 3),
        ("أبريل", 4), ("إبريل", 4), ("نيسان", 4), ("أفريل", 4),
        ("مايو", 5), ("أيار", 5), ("ماي", 5),
        ("يونيو", 6), ("يونيه", 6), ("حزيران", 6), ("جوان", 6),
        ("يوليو", 7), ("يوليه", 7), ("تموز", 7), ("جويلية", 7), ("يوليوز", 7),
        ("أغسطس", 8), ("آب", 8), ("أوت", 8), ("غشت", 8),
        ("سبتمبر", 9), ("أيلول", 9), ("شتنبر", 9),
        ("أكتوبر", 10), ("تشرين الأول", 10), ("تشرين أول", 10),
        ("نوفمبر", 11), ("تشرين الثاني", 11), ("تشرين ثاني", 11), ("نونبر", 11),
        ("ديسمبر", 12), ("كانون الأول", 12), ("كانون أول", 12), ("دجنبر", 12),
    }.Select(e => (N(e.Item1), e.Item2)).ToArray();

    /// <summary>
    /// Month names that are also common words (مارس "he practised", ماي, آب "father", نيسان the car
    /// maker, أوت): only read as months with a day, a year, a relative word or a month context.
    /// </summary>
    public static readonly HashSet<string> AmbiguousMonths = Set("مارس", "ماي", "آب", "أوت", "نيسان", "جوان", "غشت");

    /// <summary>Hijri month names; every one of them needs a day or a year to count as a date.</summary>
    public static readonly IReadOnlyList<(string Name, int Month)> HijriMonths = new (string, int)[]
    {
        ("محرم", 1), ("المحرم", 1),
        ("صفر", 2),
        ("ربيع الأول", 3), ("ربيع أول", 3),
        ("ربيع الآخر", 4), ("ربيع الثاني", 4), ("ربيع ثاني", 4),
        ("جمادى الأولى", 5), ("جمادى الأول", 5), ("جمادى أولى", 5),
        ("جمادى الآخرة", 6), ("جمادى الثانية", 6), ("جمادى الآخر", 6), ("جمادى ثانية", 6),
        ("رجب", 7),
        ("شعبان", 8),
        ("رمضان", 9),
        ("شوال", 10),
        ("ذو القعدة", 11), ("ذي القعدة", 11), ("ذا القعدة", 11),
        ("ذو الحجة", 12), ("ذي الحجة", 12), ("ذا الحجة", 12),
    }.Select(e => (N(e.Item1), e.Item2)).ToArray();

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        [N("الأحد")] = DayOfWeek.Sunday,
        [N("الاثنين")] = DayOfWeek.Monday,
        [N("الإثنين")] = DayOfWeek.Monday,
        [N("الاتنين")] = DayOfWeek.Monday,
        [N("الثلاثاء")] = DayOfWeek.Tuesday,
        [N("الأربعاء")] = DayOfWeek.Wednesday,
        [N("الخميس")] = DayOfWeek.Thursday,
        [N("الجمعة")] = DayOfWeek.Friday,
        [N("السبت")] = DayOfWeek.Saturday,
    };

    /// <summary>Words naming a part of a day; they make the following day word part of the expression.</summary>
    public static readonly HashSet<string> DayParts = Set(
        "يوم", "صباح", "مساء", "فجر", "ظهر", "عصر", "ليل", "ليلة", "ظهيرة", "نهار", "صبيحة", "عشية", "ضحى");

    public static readonly HashSet<string> Past = Set("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "المنقضي");
    public static readonly HashSet<string> Current = Set("الجاري", "الجارية", "الحالي", "الحالية");
    public static readonly HashSet<string> Next = Set("المقبل", "المقبلة", "القادم", "القادمة");
    public static readonly HashSet<string> Latest = Set("الماضية", "الأخيرة", "المنصرمة", "الفائتة", "الماضي", "الأخير");

    public static readonly IReadOnlyDictionary<string, PartOf> Parts = new Dictionary<string, PartOf>
    {
        [N("مطلع")] = PartOf.Early,
        [N("أوائل")] = PartOf.Early,
        [N("بداية")] = PartOf.Early,
        [N("بدايات")] = PartOf.Early,
        [N("مستهل")] = PartOf.Early,
        [N("مطالع")] = PartOf.Early,
        [N("منتصف")] = PartOf.Middle,
        [N("أواسط")] = PartOf.MiddleNarrow,
        [N("أواخر")] = PartOf.Late,
        [N("نهاية")] = PartOf.Late,
        [N("آخر")] = PartOf.Late,
        [N("ختام")] = PartOf.Late,
        // Seasons of a named year ("صيف 2014"، "شتاء العام الماضي"), as the Northern Hemisphere counts them.
        [N("ربيع")] = PartOf.Spring,
        [N("صيف")] = PartOf.Summer,
        [N("خريف")] = PartOf.Autumn,
        [N("شتاء")] = PartOf.Winter,
    };

    /// <summary>Day ordinals that name a day of a month before "من" ("الأول من أغسطس"، "الخامس عشر من رمضان").</summary>
    public static readonly IReadOnlyDictionary<string, int> DayOrdinals = new Dictionary<string, int>
    {
        [N("الأول")] = 1, [N("الثاني")] = 2, [N("الثالث")] = 3, [N("الرابع")] = 4, [N("الخامس")] = 5,
        [N("السادس")] = 6, [N("السابع")] = 7, [N("الثامن")] = 8, [N("التاسع")] = 9, [N("العاشر")] = 10,
        [N("الحادي")] = 1, [N("العشرين")] = 20, [N("الثلاثين")] = 30,
    };

    /// <summary>"عشر" after an ordinal adds ten (الخامس عشر); "والعشرين"/"والثلاثين" add twenty or thirty.</summary>
    public static readonly string Ashar = N("عشر");

    public static readonly IReadOnlyDictionary<string, int> OrdinalTens = new Dictionary<string, int>
    {
        [N("والعشرين")] = 20, [N("والثلاثين")] = 30,
    };

    /// <summary>The two Eids by their first Hijri day and length: عيد الفطر 1-3 Shawwal, عيد الأضحى 10-13 Dhu al-Hijja.</summary>
    public static readonly IReadOnlyDictionary<string, (int Month, int Day, int Days)> Eids = new Dictionary<string, (int, int, int)>
    {
        [N("الفطر")] = (10, 1, 3),
        [N("الأضحى")] = (12, 10, 4),
    };

    public static readonly string Eid = N("عيد");

    /// <summary>Two of a unit, counted back from publication ("الأسبوعين الماضيين").</summary>
    public static readonly IReadOnlyDictionary<string, TimeUnit> DefiniteDuals = new Dictionary<string, TimeUnit>
    {
        [N("اليومين")] = TimeUnit.Day,
        [N("الأسبوعين")] = TimeUnit.Week,
        [N("الشهرين")] = TimeUnit.Month,
        [N("العامين")] = TimeUnit.Year,
        [N("السنتين")] = TimeUnit.Year,
    };

    public static readonly HashSet<string> LatestDual = Set("الماضيين", "الأخيرين", "المنصرمين", "الفائتين");

    public static readonly IReadOnlyDictionary<string, UnitWord> Units = new Dictionary<string, UnitWord>
    {
        [N("ساعة")] = new(TimeUnit.Hour, 1),
        [N("ساعتين")] = new(TimeUnit.Hour, 2),
        [N("ساعات")] = new(TimeUnit.Hour, 0),
        [N("يوم")] = new(TimeUnit.Day, 1),
        [N("يوما")] = new(TimeUnit.Day, 1),
        [N("يومين")] = new(TimeUnit.Day, 2),
        [N("أيام")] = new(TimeUnit.Day, 0),
        [N("أسبوع")] = new(TimeUnit.Week, 1),
        [N("أسبوعا")] = new(TimeUnit.Week, 1),
        [N("أسبوعين")] = new(TimeUnit.Week, 2),
        [N("أسابيع")] = new(TimeUnit.Week, 0),
        [N("شهر")] = new(TimeUnit.Month, 1),
        [N("شهرا")] = new(TimeUnit.Month, 1),
        [N("شهرين")] = new(TimeUnit.Month, 2),
        [N("أشهر")] = new(TimeUnit.Month, 0),
        [N("شهور")] = new(TimeUnit.Month, 0),
        [N("عام")] = new(TimeUnit.Year, 1),
        [N("عاما")] = new(TimeUnit.Year, 1),
        [N("عامين")] = new(TimeUnit.Year, 2),
        [N("أعوام")] = new(TimeUnit.Year, 0),
        [N("سنة")] = new(TimeUnit.Year, 1),
        [N("سنتين")] = new(TimeUnit.Year, 2),
        [N("سنوات")] = new(TimeUnit.Year, 0),
        [N("سنين")] = new(TimeUnit.Year, 0),
    };

    /// <summary>Plural period nouns with the article, as in "الأيام الماضية".</summary>
    public static readonly IReadOnlyDictionary<string, TimeUnit> DefinitePlurals = new Dictionary<string, TimeUnit>
    {
        [N("الساعات")] = TimeUnit.Hour,
        [N("الأيام")] = TimeUnit.Day,
        [N("الأسابيع")] = TimeUnit.Week,
        [N("الأشهر")] = TimeUnit.Month,
        [N("الشهور")] = TimeUnit.Month,
        [N("السنوات")] = TimeUnit.Year,
        [N("الأعوام")] = TimeUnit.Year,
        [N("السنين")] = TimeUnit.Year,
    };

    public static readonly IReadOnlyDictionary<string, int> CountWords = new Dictionary<string, int>
    {
        [N("ثلاث")] = 3, [N("ثلاثة")] = 3,
        [N("أربع")] = 4, [N("أربعة")] = 4,
        [N("خمس")] = 5, [N("خمسة")] = 5,
        [N("ست")] = 6, [N("ستة")] = 6,
        [N("سبع")] = 7, [N("سبعة")] = 7,
        [N("ثماني")] = 8, [N("ثمان")] = 8, [N("ثمانية")] = 8,
        [N("تسع")] = 9, [N("تسعة")] = 9,
        [N("عشر")] = 10, [N("عشرة")] = 10,
    };

    /// <summary>Words for "a few" / "several": the count stays vague.</summary>
    public static readonly HashSet<string> FewWords = Set("بضعة", "بضع", "عدة");

    /// <summary>Hedges that may sit between قبل/منذ and the duration without changing it.</summary>
    public static readonly HashSet<string> Hedges = Set("نحو", "حوالي", "قرابة", "زهاء", "حوالى");

    public static readonly IReadOnlyDictionary<string, int> Decades = new Dictionary<string, int>
    {
        [N("الأربعينيات")] = 1940, [N("الأربعينات")] = 1940,
        [N("الخمسينيات")] = 1950, [N("الخمسينات")] = 1950,
        [N("الستينيات")] = 1960, [N("الستينات")] = 1960,
        [N("السبعينيات")] = 1970, [N("السبعينات")] = 1970,
        [N("الثمانينيات")] = 1980, [N("الثمانينات")] = 1980,
        [N("التسعينيات")] = 1990, [N("التسعينات")] = 1990,
    };

    public static readonly HashSet<string> YearWords = Set("عام", "العام", "سنة", "السنة");
    public static readonly HashSet<string> GregorianEra = Set("م", "ميلادي", "ميلادية", "للميلاد");
    public static readonly HashSet<string> HijriEra = Set("ه", "هـ", "هجري", "هجرية", "للهجرة");

    /// <summary>Words after which a bare ambiguous month name (مارس، ماي) is read as a month.</summary>
    public static readonly HashSet<string> MonthContext = Set("في", "منذ", "خلال", "حتى", "شهري", "أشهر", "بين");

    /// <summary>Political movements named after dates ("قوى 14 آذار"): the date is a name there, not a time.</summary>
    public static readonly HashSet<string> DateAsName = Set("قوى", "تيار", "فريق", "حركة", "تحالف", "معسكر", "كتلة");

    /// <summary>Words before الاثنين that make it the number "the two", not Monday.</summary>
    public static readonly HashSet<string> TwoContext = Set("بين", "كلا", "كلتا", "هذين", "هاتين", "أحد", "إحدى");

    /// <summary>Words after الاثنين that make it "the two".</summary>
    public static readonly HashSet<string> TwoFollowers = Set("معا", "منهما", "منهم", "الآخرين", "الأخيرين", "كليهما");

    public static string Norm(string s) => N(s);
}
