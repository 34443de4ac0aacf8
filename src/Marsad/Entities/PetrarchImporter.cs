using System.Text;

namespace Marsad.Entities;

/// <summary>One actor read from a PETRARCH dictionary: its phrase and the code in force.</summary>
public sealed record PetrarchActor(string Phrase, string Code, int Line);

/// <summary>
/// Reads PETRARCH-format actor dictionaries (a phrase with words joined by "_", then one or more
/// "[CODE]" or "[CODE FROM-TO]" on the same or following indented lines) and writes them as rows of
/// Marsad's actors.tsv, so a user's existing CAMEO dictionaries extend the actor dictionary.
/// </summary>
public static class PetrarchImporter
{
    // CAMEO country codes (ISO 3166 alpha-3) for the countries Marsad's countries.tsv knows, and a few more.
    private static readonly Dictionary<string, string> Iso3 = new(StringComparer.Ordinal)
    {
        ["LBY"] = "LY", ["TUN"] = "TN", ["DZA"] = "DZ", ["MAR"] = "MA", ["EGY"] = "EG", ["SDN"] = "SD", ["MLI"] = "ML",
        ["NER"] = "NE", ["TCD"] = "TD", ["NGA"] = "NG", ["MRT"] = "MR", ["SOM"] = "SO", ["YEM"] = "YE", ["SAU"] = "SA",
        ["ARE"] = "AE", ["QAT"] = "QA", ["KWT"] = "KW", ["BHR"] = "BH", ["OMN"] = "OM", ["IRQ"] = "IQ", ["SYR"] = "SY",
        ["LBN"] = "LB", ["JOR"] = "JO", ["PSE"] = "PS", ["ISR"] = "IL", ["TUR"] = "TR", ["IRN"] = "IR", ["AFG"] = "AF",
        ["PAK"] = "PK", ["RUS"] = "RU", ["USA"] = "US", ["GBR"] = "GB", ["FRA"] = "FR", ["ITA"] = "IT", ["DEU"] = "DE",
        ["ESP"] = "ES", ["BEL"] = "BE", ["GRC"] = "GR", ["MLT"] = "MT", ["CHN"] = "CN", ["MYS"] = "MY", ["IND"] = "IN",
        ["JPN"] = "JP", ["CAN"] = "CA", ["AUS"] = "AU", ["UKR"] = "UA", ["ETH"] = "ET", ["KEN"] = "KE", ["SSD"] = "SS",
    };

    /// <summary>Reads the dictionary; malformed lines are reported with their number and skipped.</summary>
    public static List<PetrarchActor> Read(string path, Action<string> report)
    {
        var actors = new List<PetrarchActor>();
        string? phrase = null;
        int phraseLine = 0;
        var codes = new List<(string Code, string Until)>();
        int n = 0;

        void Flush()
        {
            if (phrase is not null && codes.Count > 0)
            {
                // The code still in force (open-ended "18000101" or no dates), else the latest one.
                var current = codes.FirstOrDefault(c => c.Until is "" or "18000101");
                actors.Add(new PetrarchActor(phrase, current.Code ?? codes.MaxBy(c => c.Until).Code, phraseLine));
            }
            else if (phrase is not null)
                report($"{path}:{phraseLine}: '{phrase}' has no [CODE]; skipped");
            phrase = null;
            codes.Clear();
        }

        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            var line = raw.TrimEnd();
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash].TrimEnd();
            if (line.Trim().Length == 0)
                continue;
            bool continuation = char.IsWhiteSpace(raw[0]) && line.TrimStart().StartsWith('[');
            if (!continuation)
            {
                Flush();
                int br = line.IndexOf('[');
                phrase = (br >= 0 ? line[..br] : line).Trim().Replace('_', ' ').Trim();
                phraseLine = n;
                if (phrase.Length == 0)
                {
                    report($"{path}:{n}: a code with no phrase; skipped");
                    phrase = null;
                    continue;
                }
                if (br >= 0 && !AddCodes(line[br..], codes))
                    report($"{path}:{n}: cannot read the code in '{line[br..]}'");
            }
            else if (phrase is null || !AddCodes(line.Trim(), codes))
            {
                report($"{path}:{n}: cannot read '{line.Trim()}'; skipped");
            }
        }
        Flush();
        return actors;
    }

    private static bool AddCodes(string text, List<(string Code, string Until)> codes)
    {
        bool any = false;
        foreach (var part in text.Split('[', StringSplitOptions.RemoveEmptyEntries))
        {
            int close = part.IndexOf(']');
            if (close < 0) return false;
            var fields = part[..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) return false;
            var code = fields[0].TrimStart('~');
            string until = "";
            if (fields.Length > 1 && fields[^1].Contains('-')) until = fields[^1].Split('-')[1];
            codes.Add((code, until));
            any = true;
        }
        return any;
    }

    /// <summary>The Marsad category and country a CAMEO actor code stands for.</summary>
    public static (string Category, string? Country) Classify(string code)
    {
        string? country = code.Length >= 3 && Iso3.TryGetValue(code[..3], out var cc) ? cc : null;
        var roles = country is not null ? code[3..] : code;
        string category =
            roles.Contains("REB") || roles.Contains("INS") || roles.Contains("UAF") || roles.Contains("SEP") ? "rebel"
            : roles.Contains("MED") ? "outlet"
            : roles.Contains("IGO") || code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal) ? "international"
            : roles.Contains("CVL") || roles.Contains("REF") || roles.Contains("EDU") || roles.Contains("BUS") || roles.Contains("HRI") || roles.Contains("LAB") ? "civilians"
            : roles.Contains("MIL") || roles.Contains("COP") || roles.Contains("GOV") || roles.Contains("SPY") || roles.Contains("JUD") || roles.Contains("ELI") || roles.Length == 0 ? "state"
            : "other";
        return (category, country);
    }

    /// <summary>Writes the actors as actors.tsv rows: canonical name, category, country, aliases.</summary>
    public static int WriteTsv(IEnumerable<PetrarchActor> actors, string source, TextWriter output)
    {
        output.WriteLine($"# Imported from the PETRARCH dictionary {Path.GetFileName(source)} by `marsad actors import`.");
        output.WriteLine("# canonical name <TAB> category <TAB> country <TAB> aliases");
        int count = 0;
        foreach (var a in actors.GroupBy(a => a.Phrase).Select(g => g.Last()))
        {
            var (category, country) = Classify(a.Code);
            // A bare role word with no country ("جيش [MIL]") is an agent, not an actor: Marsad's heads
            // (actor-heads.tsv) already turn such words into state bodies when a nationality follows.
            if (country is null && !a.Phrase.Contains(' ') && category is "state" or "civilians" or "other")
                continue;
            // A bare country code ("غزة [PSE]") marks a place that stands for its state; Marsad reads places
            // from its gazetteer and lets them act only beside a verb, so such rows would shadow places.
            if (country is not null && a.Code.Length == 3)
                continue;
            output.WriteLine($"{a.Phrase}\t{category}\t{country}\t{a.Phrase}|CAMEO:{a.Code}");
            count++;
        }
        return count;
    }
}
