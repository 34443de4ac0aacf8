using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using static Marsad.Evaluation.PyCompat;

namespace Marsad.Evaluation;

/// <summary>Precision, recall and F1, each rounded to three places as the reference scorer prints them.</summary>
public sealed record Prf(double Precision, double Recall, double F1)
{
    internal List<KeyValuePair<string, object?>> ToPy() =>
        [new("precision", Precision), new("recall", Recall), new("f1", F1)];
}

/// <summary>Accuracy of one argument over the typed matches where it was scored (null when none was).</summary>
public sealed record FieldAccuracy(double? Accuracy, int N);

/// <summary>The result of <c>score.py events</c>.</summary>
public sealed record EventScore(
    int Articles,
    int GoldEvents,
    int PredictedEvents,
    Prf DetectionAnyType,
    Prf DetectionTyped,
    IReadOnlyList<KeyValuePair<string, FieldAccuracy>> OnTypedMatches)
{
    /// <summary>The JSON score.py prints: indented by two spaces, or on one line (its <c>--json</c>).</summary>
    public string ToJson(bool indented = true)
    {
        List<KeyValuePair<string, object?>> typed = [.. OnTypedMatches.Select(kv =>
            new KeyValuePair<string, object?>(kv.Key, new List<KeyValuePair<string, object?>>
            {
                new("accuracy", kv.Value.Accuracy),
                new("n", kv.Value.N),
            }))];
        List<KeyValuePair<string, object?>> root =
        [
            new("articles", Articles),
            new("gold_events", GoldEvents),
            new("predicted_events", PredictedEvents),
            new("detection_any_type", DetectionAnyType.ToPy()),
            new("detection_typed", DetectionTyped.ToPy()),
            new("on_typed_matches", typed),
        ];
        return Dumps(root, indented ? 2 : null);
    }
}

/// <summary>The result of <c>score.py sentences</c>.</summary>
public sealed record SentenceScore(
    string Kind, int Sentences, int Positives, int Tp, int Fp, int Fn, double Precision, double Recall, double F1)
{
    /// <summary>The JSON score.py prints: indented by two spaces, or on one line (its <c>--json</c>).</summary>
    public string ToJson(bool indented = true) => Dumps(
        new List<KeyValuePair<string, object?>>
        {
            new("kind", Kind), new("sentences", Sentences), new("positives", Positives),
            new("tp", Tp), new("fp", Fp), new("fn", Fn),
            new("precision", Precision), new("recall", Recall), new("f1", F1),
        },
        indented ? 2 : null);
}

/// <summary>
/// A line-for-line port of the reference scorer (../shared/eval/score.py), so <c>marsad eval</c> prints
/// the numbers the Python script prints. Where the two could part ways (Python's round, float
/// printing, code-point offsets, stable sorting) the Python behaviour is reproduced deliberately.
/// </summary>
public static class EventScorer
{
    private static readonly HashSet<string> Violent = ["battles", "explosions_remote_violence", "violence_against_civilians"];
    private static readonly HashSet<string> Protest = ["protests", "riots"];
    private static readonly string[] Fields = ["subtype", "actor1", "actor2", "place", "date", "certainty", "quantities"];

    /// <summary><c>score.py events --articles A --gold G --pred P</c>.</summary>
    public static EventScore ScoreEventFiles(string articlesPath, string goldPath, string predPath) =>
        ScoreEvents(
            LoadJsonLines(articlesPath).Select(a => (Key(a.GetProperty("id")), a.GetProperty("text").GetString() ?? "")),
            LoadJsonLines(goldPath),
            LoadJsonLines(predPath));

    /// <summary>Scores predicted events against gold events over the given articles (id, raw text).</summary>
    public static EventScore ScoreEvents(
        IEnumerable<(string Id, string Text)> articles, IReadOnlyList<JsonElement> gold, IReadOnlyList<JsonElement> pred)
    {
        // A dict in score.py: a repeated id keeps its first position and its last text.
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, t) in articles)
            text[id] = Fold(t);
        var goldBy = ByArticle(gold, text);
        var predBy = ByArticle(pred, text);

        int nGold = 0, nPred = 0, nAny = 0, nTyped = 0;
        var sub = Fields.ToDictionary(f => f, _ => new int[2]);
        foreach (var (aid, t) in text)
        {
            var gs = goldBy[aid];
            var ps = predBy[aid];
            nGold += gs.Count;
            nPred += ps.Count;
            var gspan = new (double Start, double End)?[gs.Count];
            for (int gi = 0; gi < gs.Count; gi++)
            {
                string ev = Fold(gs[gi].GetProperty("evidence").GetString() ?? "");
                int i = t.IndexOf(ev, StringComparison.Ordinal);
                if (i >= 0)
                {
                    int start = Len(t, i);
                    gspan[gi] = (start, start + Len(ev));
                }
            }
            var pairs = new List<(double Ov, bool SameType, int Gi, int Pi)>();
            for (int gi = 0; gi < gs.Count; gi++)
            {
                for (int pi = 0; pi < ps.Count; pi++)
                {
                    var g = gs[gi];
                    var p = ps[pi];
                    var ev = Get(p, "evidence");
                    double ov = 0;
                    if (gspan[gi] is { } gsp && Truthy(ev) && Get(ev, "start") is { } evStart)
                    {
                        double end = Number(ev!.Value.GetProperty("end"));
                        ov = Math.Max(0, Math.Min(gsp.End, end) - Math.Max(gsp.Start, Number(evStart)));
                    }
                    bool sameType = Str(Get(p, "type")) is { } pt && Get(p, "type")!.Value.ValueKind == JsonValueKind.String
                        && TypesOf(g).Any(x => x.Type == pt);
                    bool near = sameType && HasPoint(Get(p, "place")) && HasPoint(Get(g, "place"))
                        && Km(Get(p, "place")!.Value, Get(g, "place")!.Value) <= 100;
                    if (ov > 0 || near)
                        pairs.Add((ov, sameType, gi, pi));
                }
            }
            // LINQ's OrderBy is stable, like Python's sort, so ties keep (gold, prediction) order.
            var ordered = pairs.OrderBy(x => -x.Ov).ThenBy(x => x.SameType ? -1 : 0).ToList();
            var usedG = new HashSet<int>();
            var usedP = new HashSet<int>();
            foreach (var (_, sameType, gi, pi) in ordered)
            {
                if (usedG.Contains(gi) || usedP.Contains(pi))
                    continue;
                usedG.Add(gi);
                usedP.Add(pi);
                nAny++;
                if (!sameType)
                    continue;
                nTyped++;
                var g = gs[gi];
                var p = ps[pi];
                var checks = new (string Field, bool? Ok)[]
                {
                    ("subtype", TypesOf(g).Any(x => StrEq(Get(p, "type"), x.Type) && StrEq(Get(p, "subtype"), x.Subtype))),
                    ("actor1", NamesMatch(Get(p, "actor1"), Get(g, "actor1"))),
                    ("actor2", NamesMatch(Get(p, "actor2"), Get(g, "actor2"))),
                    ("place", PlaceOk(Get(p, "place"), Get(g, "place"))),
                    ("date", DateOk(Get(p, "date"), Get(g, "date"))),
                    ("certainty", AsList(Get(g, "certainty")).Any(c => PyEquals(Get(p, "certainty"), c))),
                    ("quantities", QuantitiesOk(Get(p, "quantities"), Get(g, "quantities"))),
                };
                foreach (var (field, ok) in checks)
                {
                    if (ok is null)
                        continue;
                    sub[field][1]++;
                    sub[field][0] += ok.Value ? 1 : 0;
                }
            }
        }

        Prf MakePrf(int tp)
        {
            double p = nPred != 0 ? (double)tp / nPred : 0.0;
            double r = nGold != 0 ? (double)tp / nGold : 0.0;
            return new Prf(Round(p, 3), Round(r, 3), p + r != 0 ? Round(2 * p * r / (p + r), 3) : 0.0);
        }

        return new EventScore(
            text.Count, nGold, nPred, MakePrf(nAny), MakePrf(nTyped),
            [.. Fields.Select(f => new KeyValuePair<string, FieldAccuracy>(f,
                new FieldAccuracy(sub[f][1] != 0 ? Round((double)sub[f][0] / sub[f][1], 3) : null, sub[f][1])))]);
    }

    /// <summary><c>score.py sentences --csv FILE --kind assault|protest --pred P</c>.</summary>
    public static SentenceScore ScoreSentenceFiles(string csvPath, string kind, string predPath)
    {
        using var stream = File.OpenRead(csvPath);
        return ScoreSentences(ReadDictRows(stream).Select(r => (r.GetValueOrDefault("id"), r.GetValueOrDefault("label"))), kind, LoadJsonLines(predPath));
    }

    /// <summary>Scores sentence-level detection: rows are (id, label) from the GSR CSVs.</summary>
    public static SentenceScore ScoreSentences(IEnumerable<(string? Id, string? Label)> rows, string kind, IReadOnlyList<JsonElement> pred)
    {
        var wanted = kind == "assault" ? Violent : Protest;
        var hit = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in pred)
        {
            string key = Key(row.GetProperty("article"));
            var type = Get(row, "type");
            bool isWanted = type is { ValueKind: JsonValueKind.String } ts && wanted.Contains(ts.GetString()!);
            hit[key] = hit.GetValueOrDefault(key) || isWanted;
        }
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (id, label) in rows)
        {
            if (label == "ambiguous")
                continue;
            bool gold = label == "yes";
            bool guess = id is not null && hit.GetValueOrDefault(id);
            tp += gold && guess ? 1 : 0;
            fp += !gold && guess ? 1 : 0;
            fn += gold && !guess ? 1 : 0;
            tn += !gold && !guess ? 1 : 0;
        }
        double p = tp + fp != 0 ? (double)tp / (tp + fp) : 0.0;
        double r = tp + fn != 0 ? (double)tp / (tp + fn) : 0.0;
        return new SentenceScore(kind, tp + fp + fn + tn, tp + fn, tp, fp, fn,
            Round(p, 3), Round(r, 3), p + r != 0 ? Round(2 * p * r / (p + r), 3) : 0.0);
    }

    /// <summary>Rows of a CSV as <c>csv.DictReader</c> gives them: keyed by the header, missing cells absent.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadDictRows(Stream stream)
    {
        string[]? header = null;
        foreach (var rec in CsvReader.Read(stream))
        {
            if (header is null)
            {
                header = [.. rec.Fields];
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length && i < rec.Fields.Count; i++)
                row[header[i]] = rec.Fields[i];
            yield return row;
        }
    }

    /// <summary>Every non-blank line of a JSON Lines file, parsed (as score.py's load_jsonl).</summary>
    public static IReadOnlyList<JsonElement> LoadJsonLines(string path)
    {
        var rows = new List<JsonElement>();
        // Python's text mode reads \r\n and \r as line ends.
        string all = File.ReadAllText(path, new UTF8Encoding(false, true));
        foreach (var line in all.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            if (line.All(Marsad.Text.TextFolder.IsFoldable))
                continue;
            using var doc = JsonDocument.Parse(line);
            rows.Add(doc.RootElement.Clone());
        }
        return rows;
    }

    /// <summary>score.py's <c>norm_name</c>: Arabic letter variants and diacritics folded, case folded, punctuation to spaces.</summary>
    public static string NormName(string? s)
    {
        var sb = new StringBuilder((s ?? "").Length);
        foreach (char c in s ?? "")
            if (!IsScorerDiacritic(c))
                sb.Append(c);
        string lowered = PyLower(sb.ToString());
        sb.Clear();
        foreach (char c in lowered)
        {
            sb.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                'ڤ' => 'ق',
                '"' or '\'' or '«' or '»' or '“' or '”' or '(' or ')' or '[' or ']' or '.' or ',' or '،' or ':' or ';' or '-' => ' ',
                _ => c,
            });
        }
        return Fold(sb.ToString());
    }

    /// <summary>score.py's <c>names_match</c>: equal after normalization, or a ≥4-character name found word-bounded in the other.</summary>
    public static bool NamesMatch(string? pred, IEnumerable<string?> goldNames)
    {
        var gold = goldNames.Where(g => !string.IsNullOrEmpty(g)).Select(NormName).ToList();
        string p = !string.IsNullOrEmpty(pred) ? NormName(pred) : "";
        if (gold.Count == 0)
            return p == "";
        if (p == "")
            return false;
        foreach (var g in gold)
        {
            if (p == g)
                return true;
            var (shortName, longName) = Len(p) <= Len(g) ? (p, g) : (g, p);
            if (Len(shortName) >= 4 && ContainsWord(longName, shortName))
                return true;
        }
        return false;
    }

    /// <summary>Great-circle distance in km (haversine, R = 6371), computed in score.py's order of operations.</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double degToRad = Math.PI / 180.0;
        double la1 = lat1 * degToRad, lo1 = lon1 * degToRad, la2 = lat2 * degToRad, lo2 = lon2 * degToRad;
        double h = Math.Pow(Math.Sin((la2 - la1) / 2), 2) + Math.Cos(la1) * Math.Cos(la2) * Math.Pow(Math.Sin((lo2 - lo1) / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>Python's <c>str.lower()</c>, including its two context rules .NET's simple mapping lacks.</summary>
    internal static string PyLower(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\u0130')
                sb.Append("i\u0307");
            else if (c == 'Σ')
                sb.Append(IsFinalSigma(s, i) ? 'ς' : 'σ');
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(s.Substring(i, 2).ToLowerInvariant());
                i++;
            }
            else
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static bool IsFinalSigma(string s, int i)
    {
        // Unicode Final_Sigma: a cased letter before (skipping case-ignorables) and none after.
        int j = i - 1;
        while (j >= 0 && IsCaseIgnorable(s[j]))
            j--;
        if (j < 0 || !IsCased(s[j]))
            return false;
        j = i + 1;
        while (j < s.Length && IsCaseIgnorable(s[j]))
            j++;
        return j >= s.Length || !IsCased(s[j]);
    }

    private static bool IsCased(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '^' or '`' or '\u00b7' or '\u2018' or '\u2019' or '\u2024' or '\u2027'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    private static bool IsScorerDiacritic(char c) =>
        c is (>= '\u0610' and <= '\u061a') or (>= '\u064b' and <= '\u065f') or '\u0670'
            or (>= '\u06d6' and <= '\u06ed') or '\u0640' or '\u200e' or '\u200f';

    /// <summary><c>re.search(r"(^|\s)" + re.escape(short) + r"(\s|$)", long)</c> on folded text, where the only white space is ' '.</summary>
    private static bool ContainsWord(string longName, string shortName)
    {
        for (int i = longName.IndexOf(shortName, StringComparison.Ordinal); i >= 0;
             i = i + 1 < longName.Length ? longName.IndexOf(shortName, i + 1, StringComparison.Ordinal) : -1)
        {
            int end = i + shortName.Length;
            if ((i == 0 || longName[i - 1] == ' ') && (end == longName.Length || longName[end] == ' '))
                return true;
        }
        return false;
    }

    private static bool NamesMatch(JsonElement? pred, JsonElement? gold)
    {
        string? p = Truthy(pred) ? Str(pred) : null;
        return NamesMatch(p, GoldNames(gold));
    }

    private static IEnumerable<string?> GoldNames(JsonElement? gold)
    {
        if (gold is not { } g)
            return [];
        return g.ValueKind switch
        {
            JsonValueKind.Array => g.EnumerateArray().Select(e => Truthy(e) ? Str(e) : null),
            // Iterating a str in Python yields its characters.
            JsonValueKind.String => CodePoints(g.GetString()!),
            _ => [],
        };
    }

    private static IEnumerable<string?> CodePoints(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return s.Substring(i++, 2);
                continue;
            }
            yield return s[i].ToString();
        }
    }

    private static bool HasPoint(JsonElement? p) =>
        Truthy(p) && Get(p, "lat") is not null && Get(p, "lon") is not null;

    private static double Km(JsonElement a, JsonElement b) =>
        Km(Number(a.GetProperty("lat")), Number(a.GetProperty("lon")), Number(b.GetProperty("lat")), Number(b.GetProperty("lon")));

    private static bool PlaceOk(JsonElement? pred, JsonElement? gold)
    {
        if (gold is null)
            return pred is null;
        if (!Truthy(pred))
            return false;
        string? prec = Get(gold, "precision") is { } pr ? Str(pr) : null;
        // Only a missing key defaults to "point"; an explicit null falls through to the same 25 km.
        if (gold.Value.ValueKind == JsonValueKind.Object && !gold.Value.TryGetProperty("precision", out _))
            prec = "point";
        if (prec is "country" or "region")
            return CountryOf(pred).ToUpperInvariant() == CountryOf(gold).ToUpperInvariant();
        if (!HasPoint(pred))
            return false;
        double limit = prec switch { "point" => 25, "admin2" => 50, "admin1" => 100, _ => 25 };
        return Km(pred!.Value, gold.Value) <= limit;
    }

    private static string CountryOf(JsonElement? place) =>
        Get(place, "country") is { } c && Truthy(c) ? Str(c) ?? "" : "";

    private static bool? DateOk(JsonElement? pred, JsonElement? gold)
    {
        if (gold is null)
            return null;
        if (!Truthy(pred) || !Truthy(Get(pred, "start")))
            return false;
        var g = gold.Value;
        var g0 = IsoDate(g.GetProperty("start")).AddDays(-1);
        var gEnd = Get(g, "end");
        var g1 = IsoDate(Truthy(gEnd) ? gEnd!.Value : g.GetProperty("start")).AddDays(1);
        var p0 = IsoDate(Get(pred, "start")!.Value);
        var pEnd = Get(pred, "end");
        var p1 = IsoDate(Truthy(pEnd) ? pEnd!.Value : Get(pred, "start")!.Value);
        return g0 <= p0 && p1 <= g1;
    }

    private static DateOnly IsoDate(JsonElement e)
    {
        string s = e.GetString() ?? "";
        // date.fromisoformat (3.11) also takes the basic form YYYYMMDD.
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ||
            DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
            return d;
        throw new FormatException($"Invalid isoformat string: '{s}'");
    }

    private static bool? QuantitiesOk(JsonElement? pred, JsonElement? gold)
    {
        if (!Truthy(gold))
            return null;
        var p = Truthy(pred) && pred!.Value.ValueKind == JsonValueKind.Object ? LastWins(pred.Value) : [];
        foreach (var (k, v) in LastWins(gold!.Value))
        {
            JsonElement? pv = p.TryGetValue(k, out var x) ? x : null;
            if (!PyEquals(pv, v))
                return false;
        }
        return true;
    }

    private static IEnumerable<(string? Type, string? Subtype)> TypesOf(JsonElement g)
    {
        yield return (Str(Get(g, "type")), Str(Get(g, "subtype")));
        if (Get(g, "alt") is { ValueKind: JsonValueKind.Array } alt)
            foreach (var a in alt.EnumerateArray())
                yield return (Str(Get(a, "type")), Str(Get(a, "subtype")));
    }

    private static bool StrEq(JsonElement? v, string? s) =>
        v is null ? s is null : v.Value.ValueKind == JsonValueKind.String && v.Value.GetString() == s;

    private static IEnumerable<JsonElement?> AsList(JsonElement? x) =>
        x is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(e => (JsonElement?)e) : [x];

    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => e.GetDouble(),
    };

    /// <summary>A dict key for an article id: the string itself, or a marked raw form for other JSON values.</summary>
    private static string Key(JsonElement id) =>
        id.ValueKind == JsonValueKind.String ? id.GetString()! : "\u0001" + id.GetRawText();

    private static Dictionary<string, List<JsonElement>> ByArticle(IReadOnlyList<JsonElement> rows, Dictionary<string, string> text)
    {
        var by = text.Keys.ToDictionary(k => k, _ => new List<JsonElement>(), StringComparer.Ordinal);
        foreach (var r in rows)
            if (by.TryGetValue(Key(r.GetProperty("article")), out var list))
                list.Add(r);
        return by;
    }
}
