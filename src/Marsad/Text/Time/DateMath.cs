using System.Globalization;

namespace Marsad.Text.Time;

/// <summary>Calendar arithmetic behind time resolution: month and year ranges, Hijri conversion, week bounds.</summary>
internal static class DateMath
{
    private static readonly UmAlQuraCalendar UmAlQura = new();
    private static readonly HijriCalendar Tabular = new();

    /// <summary>
    /// Weeks run Saturday to Friday: the week most Arab calendars print and the one Arab news
    /// writers mean by "الأسبوع الماضي" (Friday is the weekly holiday that closes it).
    /// </summary>
    public const DayOfWeek WeekStart = DayOfWeek.Saturday;

    public static DateValue Range(DateOnly a, DateOnly b) => a <= b
        ? new DateValue(a, b, DatePrecision.Range)
        : new DateValue(b, a, DatePrecision.Range);

    public static bool ValidDay(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    public static DateValue? GregorianDay(int y, int m, int d) =>
        ValidDay(y, m, d) ? DateValue.Day(new DateOnly(y, m, d)) : null;

    public static DateValue Month(int y, int m) =>
        new(new DateOnly(y, m, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m)), DatePrecision.Month);

    public static DateValue Year(int y) => new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), DatePrecision.Year);

    public static DateValue Week(DateOnly within)
    {
        int back = ((int)within.DayOfWeek - (int)WeekStart + 7) % 7;
        var start = within.AddDays(-back);
        return new DateValue(start, start.AddDays(6), DatePrecision.Week);
    }

    public static (int Year, int Month) AddMonths(int y, int m, int delta)
    {
        int index = y * 12 + (m - 1) + delta;
        return (index / 12, index % 12 + 1);
    }

    /// <summary>The year of month <paramref name="m"/> relative to a reference month: direction -1 strictly before, 0 on or before, +1 strictly after.</summary>
    public static int YearOfMonth(int refYear, int refMonth, int m, int direction) => direction switch
    {
        < 0 => m < refMonth ? refYear : refYear - 1,
        > 0 => m > refMonth ? refYear : refYear + 1,
        _ => m <= refMonth ? refYear : refYear - 1,
    };

    /// <summary>Day <paramref name="d"/> of month <paramref name="m"/> on or before the reference date.</summary>
    public static int YearOfDay(DateOnly reference, int m, int d) =>
        m < reference.Month || (m == reference.Month && d <= reference.Day) ? reference.Year : reference.Year - 1;

    // Umm al-Qura is the official Saudi calendar and what Gulf outlets print; its tables only cover
    // 1318-1500 AH, so other years fall back to the arithmetic (tabular) calendar.
    private static Calendar HijriFor(int y) => y is >= 1318 and <= 1500 ? UmAlQura : Tabular;

    public static DateOnly? FromHijri(int y, int m, int d)
    {
        if (y is < 1 or > 9666 || m is < 1 or > 12 || d < 1)
            return null;
        var cal = HijriFor(y);
        try
        {
            if (d > cal.GetDaysInMonth(y, m))
                return null;
            return DateOnly.FromDateTime(cal.ToDateTime(y, m, d, 0, 0, 0, 0));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static DateValue? HijriDay(int y, int m, int d) => FromHijri(y, m, d) is { } g ? DateValue.Day(g) : null;

    public static DateValue? HijriMonth(int y, int m)
    {
        if (FromHijri(y, m, 1) is not { } first)
            return null;
        int days = HijriFor(y).GetDaysInMonth(y, m);
        return FromHijri(y, m, days) is { } last ? new DateValue(first, last, DatePrecision.Month) : null;
    }

    public static DateValue? HijriYear(int y)
    {
        var first = FromHijri(y, 1, 1);
        var last = HijriMonth(y, 12);
        return first is { } f && last is { } l ? new DateValue(f, l.End, DatePrecision.Range) : null;
    }

    /// <summary>The Hijri (year, month, day) of a Gregorian date, or null outside the calendars' range.</summary>
    public static (int Year, int Month, int Day)? ToHijri(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        Calendar cal = dt >= UmAlQura.MinSupportedDateTime && dt <= UmAlQura.MaxSupportedDateTime ? UmAlQura : Tabular;
        try
        {
            return (cal.GetYear(dt), cal.GetMonth(dt), cal.GetDayOfMonth(dt));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Selects part of a period: tenths of a month, thirds-ish of a year, halves of a week.</summary>
    public static DateValue Part(DateValue whole, PartOf part, TimeUnit unit)
    {
        var s = whole.Start;
        var e = whole.End;
        return unit switch
        {
            // Month parts follow the usual reading of the words: مطلع 1-10, منتصف 10-20 (around the
            // 15th), أواسط 11-20, أواخر/نهاية 21-end; offsets from the start also fit Hijri months.
            TimeUnit.Month => part switch
            {
                PartOf.Early => Range(s, s.AddDays(9)),
                PartOf.Middle => Range(s.AddDays(9), s.AddDays(19)),
                PartOf.MiddleNarrow => Range(s.AddDays(10), s.AddDays(19)),
                _ => Range(s.AddDays(20), e),
            },
            // Year parts: بداية = first quarter, منتصف = May-August, نهاية = last quarter.
            TimeUnit.Year => part switch
            {
                PartOf.Spring => Range(s.AddMonths(2), s.AddMonths(5).AddDays(-1)),
                PartOf.Summer => Range(s.AddMonths(5), s.AddMonths(8).AddDays(-1)),
                PartOf.Autumn => Range(s.AddMonths(8), s.AddMonths(11).AddDays(-1)),
                // Winter 2014 is December 2013 to February 2014.
                PartOf.Winter => Range(s.AddMonths(-1), s.AddMonths(2).AddDays(-1)),
                PartOf.Early => Range(s, s.AddMonths(3).AddDays(-1)),
                PartOf.Middle or PartOf.MiddleNarrow => Range(s.AddMonths(4), s.AddMonths(8).AddDays(-1)),
                _ => Range(s.AddMonths(9), e),
            },
            // Week parts: the first three days, the middle three, the last three.
            _ => part switch
            {
                PartOf.Early => Range(s, s.AddDays(2)),
                PartOf.Middle or PartOf.MiddleNarrow => Range(s.AddDays(2), s.AddDays(4)),
                _ => Range(s.AddDays(4), e),
            },
        };
    }
}
