using System.Globalization;

namespace Marsad.Text;

/// <summary>Finds English numbers (digits, number words, vague amounts) and adds them to <see cref="Document.Numbers"/>.</summary>
/// <remarks>
/// The output follows the Arabic recognizer's conventions so that the extractor reads both alike:
/// <list type="bullet">
/// <item>Vague amounts are approximate ranges: dozens/scores 20–99, hundreds 200–999, thousands 2000–9999,
/// "tens of thousands" 20000–99999, several/a few/a number of 3–9.</item>
/// <item>A hedge (at least, more than, about, nearly, some, up to …) joins the span and sets Approximate, with
/// Min and Max left at the stated value.</item>
/// <item>Percentages and clock times are skipped; digit years stay numbers (the time stage knows they are years).</item>
/// </list>
/// </remarks>
public sealed class EnglishNumberRecognizer : Pipeline.IDocumentStage
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    private static readonly Dictionary<string, (long Lo, long Hi)> Vague = new(StringComparer.Ordinal)
    {
        ["dozens"] = (20, 99), ["scores"] = (20, 99), ["hundreds"] = (200, 999), ["thousands"] = (2000, 9999),
        ["several"] = (3, 9), ["millions"] = (2_000_000, 9_999_999),
    };

    private static readonly string[][] Hedges =
    [
        ["at", "least"], ["more", "than"], ["less", "than"], ["fewer", "than"], ["up", "to"], ["as", "many", "as"], ["no", "fewer", "than"],
        ["about"], ["around"], ["nearly"], ["almost"], ["approximately"], ["roughly"], ["some"], ["over"], ["an", "estimated"], ["estimated"],
    ];

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        foreach (var s in document.Sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            int i = s.FirstToken;
            while (i < end)
            {
                int next = TryParse(document, i, end, s.FirstToken);
                i = next > i ? next : i + 1;
            }
        }
    }

    private static int TryParse(Document doc, int i, int end, int sentenceStart)
    {
        var t = doc.Tokens;
        int start = i;
        long lo, hi;
        bool approx = false;
        int j;
        var w = t[i].Normalized;
        if (t[i].Kind == TokenKind.Number)
        {
            if (w.Contains(':') || w.Contains('/') || w.EndsWith('%'))
                return i + 1;
            if (i + 1 < end && t[i + 1].Normalized is "percent" or "per")
                return i + 2;
            if (w.Contains('-'))
            {
                var parts = w.Split('-');
                if (parts.Length != 2 || !TryDigits(parts[0], out lo) || !TryDigits(parts[1], out hi) || hi <= lo)
                    return i + 1;
                approx = true;
            }
            else if (!TryDigits(w, out lo))
                return i + 1;
            else
                hi = lo;
            j = i + 1;
            // "2.5 million", "3 thousand"
            if (j < end && Scales.TryGetValue(t[j].Normalized, out var sc) && sc >= 1000)
            {
                lo *= sc; hi *= sc; j++;
            }
        }
        else if (w is "dozen" && i > sentenceStart && t[i - 1].Normalized is "a")
        {
            start = i - 1;
            lo = hi = 12;
            j = i + 1;
        }
        else if (Vague.TryGetValue(w, out var v))
        {
            lo = v.Lo; hi = v.Hi; approx = true;
            j = i + 1;
            // "tens of thousands", "hundreds of thousands"
            if (w is "dozens" or "hundreds" or "scores" && j + 1 < end && t[j].Normalized == "of" && Scales.TryGetValue(t[j + 1].Normalized, out var sc2) && t[j + 1].Normalized == "thousands")
            {
                lo *= 1000; hi *= 1000; j += 2;
            }
        }
        else if (w == "tens" && i + 2 < end && t[i + 1].Normalized == "of" && t[i + 2].Normalized == "thousands")
        {
            lo = 20000; hi = 99999; approx = true;
            j = i + 3;
        }
        else if (w is "few" && i > sentenceStart && t[i - 1].Normalized == "a")
        {
            start = i - 1;
            lo = 3; hi = 9; approx = true;
            j = i + 1;
        }
        else if (w == "number" && i > sentenceStart && t[i - 1].Normalized == "a" && i + 1 < end && t[i + 1].Normalized == "of")
        {
            start = i - 1;
            lo = 3; hi = 9; approx = true;
            j = i + 1;
        }
        else if (ParseWords(t, i, end, out long value, out j))
        {
            lo = hi = value;
            // "two dozen"
            if (j < end && t[j].Normalized == "dozen")
            {
                lo = hi = value * 12; j++;
            }
        }
        else
        {
            return i;
        }

        // A hedge before the number joins its span and makes it approximate.
        foreach (var h in Hedges)
        {
            int k = start - h.Length;
            if (k < sentenceStart)
                continue;
            bool ok = true;
            for (int x = 0; x < h.Length && ok; x++)
                ok = t[k + x].Normalized == h[x];
            if (ok)
            {
                start = k;
                approx = true;
                break;
            }
        }
        var span = TextSpan.FromBounds(t[start].Start, t[j - 1].End);
        doc.Numbers.Add(new NumberMention(span, lo, hi, approx));
        return j;
    }

    private static bool TryDigits(string s, out long value)
    {
        value = 0;
        var clean = s.Replace(",", "");
        if (long.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return true;
        // A decimal count ("2.5") is rare outside scales; keep its whole part.
        if (decimal.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            value = (long)decimal.Floor(d);
            return true;
        }
        return false;
    }

    // "twenty-five", "three hundred and twelve", "two thousand": words up to the first word that is not part of the number.
    private static bool ParseWords(List<Token> t, int i, int end, out long value, out int next)
    {
        value = 0;
        next = i;
        long total = 0, current = 0;
        bool any = false;
        int j = i;
        while (j < end)
        {
            var w = t[j].Normalized;
            if (Units.TryGetValue(w, out int u)) { current += u; any = true; j++; }
            else if (Tens.TryGetValue(w, out int te))
            {
                current += te; any = true; j++;
                if (j + 1 < end && t[j].Surface == "-" && Units.TryGetValue(t[j + 1].Normalized, out int u2) && u2 < 10)
                {
                    current += u2; j += 2;
                }
            }
            else if (any && Scales.TryGetValue(w, out long sc))
            {
                if (sc == 100) current = Math.Max(current, 1) * 100;
                else { total += Math.Max(current, 1) * sc; current = 0; }
                j++;
            }
            else if (any && w == "and" && j + 1 < end && (Units.ContainsKey(t[j + 1].Normalized) || Tens.ContainsKey(t[j + 1].Normalized)))
            {
                j++;
            }
            else break;
        }
        if (!any)
            return false;
        value = total + current;
        next = j;
        return true;
    }
}
