using Marsad.Text.Time;

namespace Marsad.Text;

/// <summary>
/// Finds English time expressions (yesterday, on Monday, last week, March 12, 2016, two days ago …) in the
/// document's tokens and resolves them against the publication date, into the same mentions as the Arabic
/// recognizer.
/// </summary>
/// <remarks>
/// Needs <see cref="TextAnalyzer"/> first. A bare weekday is the latest one on or before publication (news is
/// mostly past tense), "last Monday" the one before that day's own week day, "next Monday" the one after.
/// English weeks run Monday to Sunday. Without a publication date only dates that carry their year resolve.
/// </remarks>
public sealed class EnglishTimeRecognizer : Pipeline.IDocumentStage
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7, ["august"] = 8,
        ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9,
        ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly HashSet<string> PartsOfDay = new(StringComparer.Ordinal) { "morning", "afternoon", "evening", "night" };

    private static readonly Dictionary<string, int> CountWords = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    public void Process(Document document)
    {
        var t = document.Tokens;
        var pub = document.Published;
        foreach (var s in document.Sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            int i = s.FirstToken;
            while (i < end)
            {
                if (t[i].Kind is TokenKind.Word or TokenKind.Number && Match(t, i, end, pub) is { } hit)
                {
                    document.Times.Add(new TimeMention(TextSpan.FromBounds(t[i].Start, t[hit.Next - 1].End), hit.Value, hit.Kind));
                    i = hit.Next;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    private readonly record struct Hit(int Next, DateValue? Value, string Kind);

    private static string W(List<Token> t, int j, int end) => j < end && t[j].Kind == TokenKind.Word ? t[j].Normalized : "";

    private static Hit? Match(List<Token> t, int i, int end, DateOnly? pub)
    {
        var w = W(t, i, end);
        switch (w)
        {
            case "yesterday":
                return WithPart(t, i + 1, end, pub?.AddDays(-1), "relative_day");
            case "today":
                return WithPart(t, i + 1, end, pub, "relative_day");
            case "tonight":
                return new Hit(i + 1, pub is { } p0 ? DateValue.Day(p0) : null, "relative_day");
            case "overnight":
                // The night that ends on the morning of publication spans two calendar days.
                return new Hit(i + 1, pub is { } p1 ? DateMath.Range(p1.AddDays(-1), p1) : null, "relative_day");
            case "recently":
                return new Hit(i + 1, pub is { } p2 ? DateMath.Range(p2.AddDays(-30), p2) : null, "vague_past");
            case "this" when PartsOfDay.Contains(W(t, i + 1, end)) && W(t, i + 1, end) != "night":
                return new Hit(i + 2, pub is { } p3 ? DateValue.Day(p3) : null, "relative_day");
            case "last" when W(t, i + 1, end) == "night":
                return new Hit(i + 2, pub is { } p4 ? DateValue.Day(p4.AddDays(-1)) : null, "relative_day");
            case "last" or "this" or "next" or "earlier" or "late" or "early" or "later":
                if (Period(t, i, end, pub) is { } per) return per;
                break;
        }
        if (w is "last" or "next" or "this" && Weekdays.TryGetValue(W(t, i + 1, end), out var rd))
            return Weekday(t, i + 1, end, pub, rd, w == "last" ? -1 : w == "next" ? 1 : 0);
        if (Weekdays.TryGetValue(w, out var day))
            return Weekday(t, i, end, pub, day, 0);
        if (Ago(t, i, end, pub) is { } ago)
            return ago;
        if (w is "in" or "past" && W(t, i + 1, end) is "recent" or "the" && Recent(t, i, end, pub) is { } rec)
            return rec;
        if (MonthDate(t, i, end, pub) is { } md)
            return md;
        // "in 2015": a year needs the preposition, or any count of fighters would read as one.
        if (w is "in" or "since" && i + 1 < end && t[i + 1].Kind == TokenKind.Number && t[i + 1].Normalized is { Length: 4 } y4
            && int.TryParse(y4, out int yr) && yr is >= 1900 and <= 2100)
            return new Hit(i + 2, DateMath.Year(yr), "year");
        return null;
    }

    private static Hit WithPart(List<Token> t, int k, int end, DateOnly? d, string kind)
    {
        if (PartsOfDay.Contains(W(t, k, end)) || W(t, k, end) == "at" && W(t, k + 1, end) == "dawn")
            k += W(t, k, end) == "at" ? 2 : 1;
        return new Hit(k, d is { } x ? DateValue.Day(x) : null, kind);
    }

    private static Hit Weekday(List<Token> t, int k, int end, DateOnly? pub, DayOfWeek day, int dir)
    {
        DateValue? value = null;
        if (pub is { } p)
        {
            int back = ((int)p.DayOfWeek - (int)day + 7) % 7;
            DateOnly date = dir switch
            {
                > 0 => p.AddDays(((int)day - (int)p.DayOfWeek + 7) % 7 is var f && f == 0 ? 7 : f),
                < 0 => p.AddDays(-(back == 0 ? 7 : back)),
                _ => p.AddDays(-back),
            };
            value = DateValue.Day(date);
        }
        int next = k + 1;
        if (PartsOfDay.Contains(W(t, next, end))) next++;
        // "Monday, March 14": the date that follows confirms the weekday and gives the day.
        return new Hit(next, value, "weekday");
    }

    private static DateValue MondayWeek(DateOnly within)
    {
        int back = ((int)within.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7;
        var start = within.AddDays(-back);
        return new DateValue(start, start.AddDays(6), DatePrecision.Week);
    }

    // "last week", "this month", "earlier this month", "late last year", "next week".
    private static Hit? Period(List<Token> t, int i, int end, DateOnly? pub)
    {
        var first = W(t, i, end);
        int k = i;
        string? part = null;
        if (first is "earlier" or "late" or "early" or "later")
        {
            part = first;
            k++;
        }
        var rel = W(t, k, end);
        if (rel is not ("last" or "this" or "next"))
            return null;
        var unit = W(t, k + 1, end);
        if (unit is not ("week" or "month" or "year"))
            return null;
        int next = k + 2;
        if (pub is not { } p)
            return new Hit(next, null, "period");
        int delta = rel == "last" ? -1 : rel == "next" ? 1 : 0;
        DateValue whole = unit switch
        {
            "week" => MondayWeek(p.AddDays(7 * delta)),
            "month" => DateMath.AddMonths(p.Year, p.Month, delta) is var (y, m) ? DateMath.Month(y, m) : throw new InvalidOperationException(),
            _ => DateMath.Year(p.Year + delta),
        };
        if (part is null)
            return new Hit(next, whole, "period");
        // "earlier this month": from the start of the period to publication; "late last year": its last third.
        var endDay = whole.End < p ? whole.End : p;
        int len = whole.End.DayNumber - whole.Start.DayNumber + 1;
        DateValue v = part switch
        {
            "earlier" when delta == 0 => DateMath.Range(whole.Start, p),
            "early" => DateMath.Range(whole.Start, Min(whole.Start.AddDays(len / 3), endDay)),
            "late" => DateMath.Range(whole.End.AddDays(-(len / 3)), whole.End),
            _ => whole,
        };
        if (part is "earlier" or "later" && delta != 0)
            return null;
        return new Hit(next, v, "period");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // "two days ago", "a week ago", "days ago", "a few days ago".
    private static Hit? Ago(List<Token> t, int i, int end, DateOnly? pub)
    {
        int k = i;
        int? count = null;
        bool vague = false;
        var w = W(t, k, end);
        if (t[k].Kind == TokenKind.Number && int.TryParse(t[k].Normalized, out int n) && n < 1000) { count = n; k++; }
        else if (CountWords.TryGetValue(w, out int c))
        {
            if (w == "a" && W(t, k + 1, end) == "few") { vague = true; k += 2; }
            else { count = c; k++; }
        }
        else if (w is "several" or "few") { vague = true; k++; }
        var unit = W(t, k, end);
        string u = unit.TrimEnd('s');
        if (u is not ("day" or "week" or "month" or "year" or "hour"))
            return null;
        if (count is null && !vague && unit.EndsWith('s')) vague = true;
        if (count is null && !vague)
            return null;
        if (W(t, k + 1, end) != "ago")
            return null;
        int next = k + 2;
        if (pub is not { } p)
            return new Hit(next, null, vague ? "vague_past" : "ago");
        if (vague)
        {
            return new Hit(next, u switch
            {
                "hour" => DateMath.Range(p.AddDays(-1), p),
                "day" => DateMath.Range(p.AddDays(-7), p.AddDays(-1)),
                "week" => DateMath.Range(p.AddDays(-35), p.AddDays(-7)),
                "month" => DateMath.Range(p.AddMonths(-6), p.AddMonths(-1)),
                _ => DateMath.Range(p.AddYears(-10), p.AddYears(-1)),
            }, "vague_past");
        }
        int cnt = count!.Value;
        DateValue value = u switch
        {
            "hour" => DateValue.Day(p.AddDays(-(cnt / 24))),
            "day" => DateValue.Day(p.AddDays(-cnt)),
            "week" => DateValue.Day(p.AddDays(-7 * cnt)),
            // A month or a year back is only approximate: a window around the point.
            "month" => DateMath.Range(p.AddMonths(-cnt).AddDays(-7), Min(p.AddMonths(-cnt).AddDays(7), p)),
            _ => DateMath.Range(p.AddYears(-cnt).AddMonths(-1), Min(p.AddYears(-cnt).AddMonths(1), p)),
        };
        return new Hit(next, value, "ago");
    }

    // "in recent days", "in the past week", "over the past two days".
    private static Hit? Recent(List<Token> t, int i, int end, DateOnly? pub)
    {
        int k = i + 1;
        if (W(t, k, end) == "recent")
        {
            var u = W(t, k + 1, end);
            int days = u switch { "days" => 7, "weeks" => 30, "months" => 180, _ => 0 };
            if (days == 0) return null;
            return new Hit(k + 2, pub is { } p ? DateMath.Range(p.AddDays(-days), p) : null, "vague_past");
        }
        if (W(t, k, end) != "the" || W(t, k + 1, end) is not ("past" or "last"))
            return null;
        k += 2;
        int count = 1;
        if (t.Count > k && k < end && t[k].Kind == TokenKind.Number && int.TryParse(t[k].Normalized, out int n)) { count = n; k++; }
        else if (CountWords.TryGetValue(W(t, k, end), out int c)) { count = c; k++; }
        var unit = W(t, k, end).TrimEnd('s');
        int perUnit = unit switch { "hour" => 0, "day" => 1, "week" => 7, "month" => 30, _ => -1 };
        if (perUnit < 0) return null;
        int span = Math.Max(1, perUnit == 0 ? (count + 23) / 24 : perUnit * count);
        return new Hit(k + 1, pub is { } p2 ? DateMath.Range(p2.AddDays(-span), p2) : null, "vague_past");
    }

    private static int? Day(List<Token> t, int j, int end)
    {
        if (j >= end) return null;
        var n = t[j].Normalized;
        // "12th", "1st" arrive as a number glued to a word: the tokenizer splits them.
        if (t[j].Kind == TokenKind.Number && n.Length <= 2 && int.TryParse(n, out int d) && d is >= 1 and <= 31)
            return d;
        return null;
    }

    private static bool IsOrdinalSuffix(List<Token> t, int j, int end) =>
        j < end && t[j].Normalized is "st" or "nd" or "rd" or "th" && t[j].Start == t[j - 1].End;

    private static int? Year(List<Token> t, int j, int end) =>
        j < end && t[j].Kind == TokenKind.Number && t[j].Normalized.Length == 4 && int.TryParse(t[j].Normalized, out int y) && y is >= 1900 and <= 2100 ? y : null;

    // "March 12", "March 12, 2016", "12 March 2016", "March 2016", "in March", "Jan. 5".
    private static Hit? MonthDate(List<Token> t, int i, int end, DateOnly? pub)
    {
        // "12 March (2016)"
        if (Day(t, i, end) is { } d0)
        {
            int k = i + 1;
            if (IsOrdinalSuffix(t, k, end)) k++;
            if (W(t, k, end) == "of") k++;
            if (!Months.TryGetValue(W(t, k, end), out int m0) || (W(t, k, end) == "may" && !char.IsUpper(t[k].Surface[0])))
                return null;
            k++;
            if (k < end && t[k].Surface == "." && t[k - 1].Normalized.Length <= 4 && Year(t, k + 1, end) is not null) k++;
            return DayMonth(t, k, end, pub, m0, d0);
        }
        var w = W(t, i, end);
        int start = i;
        if (w == "in" && Months.ContainsKey(W(t, i + 1, end)) && W(t, i + 1, end).Length > 3)
            start = i + 1;
        if (!Months.TryGetValue(W(t, start, end), out int m) || !char.IsUpper(t[start].Surface[0]))
            return null;
        int j = start + 1;
        // "Nov. 3": an abbreviation's dot, when a day follows it (a full stop after "July" ends the sentence).
        if (j < end && t[j].Surface == "." && t[start].Normalized.Length <= 4 && Day(t, j + 1, end) is not null) j++;
        if (Day(t, j, end) is { } d)
        {
            int k = j + 1;
            if (IsOrdinalSuffix(t, k, end)) k++;
            return DayMonth(t, k, end, pub, m, d);
        }
        // "May" alone is mostly the verb: a month name stands alone only with "in" or a year.
        if (Year(t, j, end) is { } y)
            return new Hit(j + 1, DateMath.Month(y, m), "month");
        if (start == i + 1 && pub is { } p)
            return new Hit(j, DateMath.Month(DateMath.YearOfMonth(p.Year, p.Month, m, 0), m), "month");
        if (start == i + 1)
            return new Hit(j, null, "month");
        return null;
    }

    private static Hit? DayMonth(List<Token> t, int k, int end, DateOnly? pub, int m, int d)
    {
        int y;
        int comma = k < end && t[k].Surface == "," ? 1 : 0;
        if (Year(t, k + comma, end) is { } yy)
        {
            y = yy;
            k += comma + 1;
        }
        else if (pub is { } p)
        {
            y = DateMath.YearOfDay(p, m, d);
        }
        else
        {
            return new Hit(k, null, "date");
        }
        var v = DateMath.GregorianDay(y, m, d);
        return v is null ? null : new Hit(k, v, "date");
    }
}
