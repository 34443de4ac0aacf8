using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Evaluation;

/// <summary>
/// The few Python behaviours the reference scorer leans on (round, float repr, json.dumps, truthiness,
/// ==, code-point lengths), reproduced exactly so the C# scorer prints the same numbers.
/// </summary>
internal static class PyCompat
{
    /// <summary>Python's <c>round(x, digits)</c>: round-half-even on the exact binary value, then the nearest double.</summary>
    public static double Round(double x, int digits)
    {
        if (!double.IsFinite(x) || x == 0)
            return x;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        BigInteger mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = biased == 0 ? -1074 : biased - 1075;
        var scaled = mantissa * BigInteger.Pow(10, digits);
        BigInteger q;
        if (exponent >= 0)
            q = scaled << exponent;
        else
        {
            var den = BigInteger.One << -exponent;
            q = BigInteger.DivRem(scaled, den, out var rem);
            int c = (rem * 2).CompareTo(den);
            if (c > 0 || (c == 0 && !q.IsEven))
                q += 1;
        }
        // The decimal result back to the nearest double, as Python's strtod does (.NET parsing is correctly rounded).
        string s = q.ToString(CultureInfo.InvariantCulture);
        if (digits > 0)
        {
            s = s.PadLeft(digits + 1, '0');
            s = s[..^digits] + "." + s[^digits..];
        }
        double r = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -r : r;
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    public static string FloatRepr(double x)
    {
        if (double.IsNaN(x))
            return "NaN";
        if (double.IsInfinity(x))
            return x > 0 ? "Infinity" : "-Infinity";
        if (x == 0)
            return double.IsNegative(x) ? "-0.0" : "0.0";
        string r = x.ToString("R", CultureInfo.InvariantCulture);
        string sign = "";
        if (r.StartsWith('-'))
        {
            sign = "-";
            r = r[1..];
        }
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string intPart = dot >= 0 ? r[..dot] : r;
        string fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        string digits = intPart + fracPart;
        int decpt = intPart.Length + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
            lead++;
        digits = digits[lead..];
        decpt -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";

        string body;
        if (decpt <= -4 || decpt > 16)
        {
            int e10 = decpt - 1;
            string mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            body = mant + "e" + (e10 < 0 ? "-" : "+") + Math.Abs(e10).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (decpt <= 0)
            body = "0." + new string('0', -decpt) + digits;
        else if (decpt >= digits.Length)
            body = digits + new string('0', decpt - digits.Length) + ".0";
        else
            body = digits[..decpt] + "." + digits[decpt..];
        return sign + body;
    }

    /// <summary>
    /// <c>json.dumps(value, ensure_ascii=False, indent=indent)</c> for the shapes the scorer prints:
    /// null, bool, int, double, string and ordered objects (lists of key/value pairs).
    /// </summary>
    public static string Dumps(object? value, int? indent)
    {
        var sb = new StringBuilder();
        Dump(sb, value, indent, 0);
        return sb.ToString();
    }

    private static void Dump(StringBuilder sb, object? value, int? indent, int level)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FloatRepr(d));
                break;
            case string s:
                AppendString(sb, s);
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }
                sb.Append('{');
                for (int k = 0; k < obj.Count; k++)
                {
                    if (indent is { } n)
                        sb.Append(k > 0 ? "," : "").Append('\n').Append(' ', n * (level + 1));
                    else if (k > 0)
                        sb.Append(", ");
                    AppendString(sb, obj[k].Key);
                    sb.Append(": ");
                    Dump(sb, obj[k].Value, indent, level + 1);
                }
                if (indent is { } m)
                    sb.Append('\n').Append(' ', m * level);
                sb.Append('}');
                break;
            default:
                throw new ArgumentException($"cannot serialize {value.GetType().Name}");
        }
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Python's <c>len(str)</c>: code points, not UTF-16 units.</summary>
    public static int Len(string s) => Len(s, s.Length);

    /// <summary>Code points in the first <paramref name="utf16Length"/> UTF-16 units of <paramref name="s"/>.</summary>
    public static int Len(string s, int utf16Length)
    {
        int n = utf16Length;
        for (int i = 0; i < utf16Length; i++)
            if (char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]))
                n--;
        return n;
    }

    /// <summary>Python's <c>" ".join(s.split())</c>.</summary>
    public static string Fold(string s) => TextFolder.Fold(s);

    /// <summary>Python's <c>bool(x)</c> for a parsed JSON value; a missing key reads as None.</summary>
    public static bool Truthy(JsonElement? v) => v is { } e && e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.True => true,
        JsonValueKind.Number => e.GetDouble() != 0,
        JsonValueKind.String => e.GetString()!.Length > 0,
        JsonValueKind.Array => e.GetArrayLength() > 0,
        _ => e.EnumerateObject().Any(),
    };

    /// <summary><c>d.get(key)</c>: the value, or null (None) when absent or when <paramref name="obj"/> is not an object.</summary>
    public static JsonElement? Get(JsonElement? obj, string key) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(JsonElement? v) => v is { ValueKind: JsonValueKind.String } s ? s.GetString() : v?.GetRawText();

    /// <summary>Python's <c>==</c> between parsed JSON values (None, bool, int/float, str, list, dict).</summary>
    public static bool PyEquals(JsonElement? a, JsonElement? b)
    {
        bool aNone = a is null || a.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        bool bNone = b is null || b.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
        if (aNone || bNone)
            return aNone && bNone;
        var x = a!.Value;
        var y = b!.Value;
        if (IsNumeric(x) && IsNumeric(y))
            return NumEquals(x, y);
        if (x.ValueKind != y.ValueKind)
            return false;
        switch (x.ValueKind)
        {
            case JsonValueKind.String:
                return x.GetString() == y.GetString();
            case JsonValueKind.Array:
                if (x.GetArrayLength() != y.GetArrayLength())
                    return false;
                return x.EnumerateArray().Zip(y.EnumerateArray()).All(p => PyEquals(p.First, p.Second));
            case JsonValueKind.Object:
                var dx = LastWins(x);
                var dy = LastWins(y);
                return dx.Count == dy.Count && dx.All(kv => dy.TryGetValue(kv.Key, out var w) && PyEquals(kv.Value, w));
            default:
                return false;
        }
    }

    /// <summary>An object's members as Python's json.loads keeps them: a repeated key keeps its last value.</summary>
    public static Dictionary<string, JsonElement> LastWins(JsonElement obj)
    {
        var d = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
            d[p.Name] = p.Value;
        return d;
    }

    private static bool IsNumeric(JsonElement e) => e.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static bool NumEquals(JsonElement x, JsonElement y)
    {
        // Python keeps JSON integers as exact ints and compares int with float exactly (True == 1, 17 == 17.0).
        bool xi = TryPyInt(x, out var ix);
        bool yi = TryPyInt(y, out var iy);
        if (xi && yi)
            return ix == iy;
        if (xi)
            return IntEqualsFloat(ix, ToDouble(y));
        if (yi)
            return IntEqualsFloat(iy, ToDouble(x));
        return ToDouble(x) == ToDouble(y);
    }

    private static bool IntEqualsFloat(BigInteger i, double d) =>
        double.IsFinite(d) && Math.Floor(d) == d && new BigInteger(d) == i;

    private static bool TryPyInt(JsonElement e, out BigInteger value)
    {
        value = e.ValueKind == JsonValueKind.True ? BigInteger.One : BigInteger.Zero;
        if (e.ValueKind != JsonValueKind.Number)
            return true;
        string raw = e.GetRawText();
        return raw.IndexOfAny(['.', 'e', 'E']) < 0 && BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static double ToDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => double.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
