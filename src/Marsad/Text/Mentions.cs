namespace Marsad.Text;

/// <summary>A number found in text: digits (Western or Arabic-Indic) or number words; vague amounts are ranges.</summary>
public sealed record NumberMention(TextSpan Span, long Min, long Max, bool Approximate)
{
    public bool IsExact => Min == Max && !Approximate;
}

/// <summary>How finely a resolved date is known.</summary>
public enum DatePrecision
{
    Day,
    Week,
    Month,
    Year,
    Range,
}

/// <summary>A resolved calendar date or range with its precision.</summary>
public sealed record DateValue(DateOnly Start, DateOnly End, DatePrecision Precision)
{
    public static DateValue Day(DateOnly d) => new(d, d, DatePrecision.Day);

    public string PrecisionCode => Precision.ToString().ToLowerInvariant();
}

/// <summary>A time expression found in text and, when the publication date allows, its resolved value.</summary>
public sealed record TimeMention(TextSpan Span, DateValue? Value, string Kind);
