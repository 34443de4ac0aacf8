using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>A line of a token-per-line file that cannot be read; the message names the file and line.</summary>
public sealed class ConllFormatException(string file, int line, string message)
    : FormatException($"{file}:{line}: {message}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}

/// <summary>What a read found besides sentences: lines skipped and tags read as O in lenient mode.</summary>
public sealed record ConllReadStats(int Sentences, int Tokens, int EmptyTokens, int UnknownTags);

/// <summary>
/// Reads token-per-line NER files: "TOKEN TAG" (space or tab, tag last), a blank line between sentences.
/// Handles ANERcorp (PERS, stray empty tokens), NewsFANE Gold (fine types, U+200E marks, CRLF, BOM) and
/// AQMAR (MIS0..MIS3 and a few typos, in lenient mode), mapping every type to PER, ORG, LOC or MISC.
/// </summary>
public static class ConllReader
{
    // NewsFANE Gold's fine types (ACE-like) → the four coarse types. Kinds ANERcorp does not annotate
    // (groups of people, facilities) map to null, i.e. O, so that NewsFANE does not teach what the
    // ANERcorp test never marks; the choice came from aligning NewsFANE words with ANERcorp tags.
    private static readonly Dictionary<string, string?> TypeMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = "PER", ["PERS"] = "PER", ["PERSON"] = "PER",
        ["ORG"] = "ORG", ["ORGANIZATION"] = "ORG",
        ["LOC"] = "LOC", ["LOCATION"] = "LOC", ["GPE"] = "LOC",
        ["MISC"] = "MISC", ["MIS"] = "MISC",
        // NewsFANE persons
        ["Politician"] = "PER", ["Athlete"] = "PER", ["Artist"] = "PER", ["Other_PER"] = "PER", ["Religious_PER"] = "PER",
        ["Scientist"] = "PER", ["Businessperson"] = "PER", ["Lawyer"] = "PER", ["Engineer"] = "PER", ["Police"] = "PER",
        ["Group"] = null,
        // organisations
        ["Non-Governmental"] = "ORG", ["Sports"] = "ORG", ["Media"] = "ORG", ["Commercial"] = "ORG", ["Educational"] = "ORG",
        ["Government"] = "ORG", ["Medical-Science"] = "ORG", ["Entertainment"] = "ORG", ["Religious_ORG"] = "ORG",
        // places
        ["Nation"] = "LOC", ["Population-Center"] = "LOC", ["State-or-Province"] = "LOC", ["GPE-Cluster"] = "LOC",
        ["Continent"] = "LOC", ["County-or-District"] = "LOC", ["Water-Body"] = "LOC", ["Land-Region-Natural"] = "LOC",
        ["Celestial"] = "LOC",
        // facilities: ANERcorp tags them inconsistently (O, ORG, LOC or MISC)
        ["Building-Grounds"] = null, ["Airport"] = null, ["Path"] = null, ["Subarea-Facility"] = null, ["Plant"] = null,
        // works, products, vehicles, weapons
        ["Book"] = "MISC", ["Movie"] = "MISC", ["Software"] = "MISC", ["Hardware"] = "MISC", ["Food"] = "MISC",
        ["Drug"] = "MISC", ["Projectile"] = "MISC", ["Shooting"] = "MISC", ["Water"] = "MISC", ["Air"] = "MISC", ["Land"] = "MISC",
    };

    /// <summary>Reads a file; see <see cref="Read(TextReader, string, bool, out ConllReadStats)"/>.</summary>
    public static List<NerSentence> ReadFile(string path, bool lenient = false) => ReadFile(path, lenient, out _);

    public static List<NerSentence> ReadFile(string path, bool lenient, out ConllReadStats stats)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, lenient, out stats);
    }

    /// <summary>
    /// Reads sentences. A line whose token is empty once direction marks are removed is skipped (ANERcorp
    /// has a few). A line without a tag, or with a tag that is not O/B-T/I-T of a known type, throws
    /// <see cref="ConllFormatException"/>; with <paramref name="lenient"/> an unknown tag is read as O and counted.
    /// </summary>
    public static List<NerSentence> Read(TextReader reader, string name, bool lenient, out ConllReadStats stats)
    {
        var sentences = new List<NerSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        int lineNo = 0, tokenCount = 0, empty = 0, unknown = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (lineNo == 1 && line.Length > 0 && line[0] == '\uFEFF')
                line = line[1..];
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }
            string trimmed = line.TrimEnd();
            int sep = trimmed.LastIndexOfAny([' ', '\t']);
            if (sep < 0)
                throw new ConllFormatException(name, lineNo, $"expected 'TOKEN TAG', found one field \"{Clip(trimmed)}\"");
            string rawTag = trimmed[(sep + 1)..];
            string token = StripMarks(trimmed[..sep]);
            string? tag = MapTag(rawTag);
            if (tag is null)
            {
                if (!lenient)
                    throw new ConllFormatException(name, lineNo, $"unknown tag \"{Clip(rawTag)}\" (expected O, B-TYPE or I-TYPE with TYPE one of PER/PERS, ORG, LOC, MISC or a NewsFANE/AQMAR type)");
                unknown++;
                tag = "O";
            }
            if (token.Length == 0)
            {
                empty++;
                continue;
            }
            tokens.Add(token);
            tags.Add(tag);
            tokenCount++;
        }
        Flush();
        stats = new ConllReadStats(sentences.Count, tokenCount, empty, unknown);
        return sentences;

        void Flush()
        {
            if (tokens.Count == 0)
                return;
            sentences.Add(new NerSentence(tokens.ToArray(), tags.ToArray()));
            tokens.Clear();
            tags.Clear();
        }
    }

    /// <summary>The canonical tag (O, B-PER …) for a tag as written in a corpus; null when it is not recognised.</summary>
    public static string? MapTag(string raw)
    {
        if (raw == "O")
            return "O";
        if (raw.Length < 3 || raw[1] != '-' || raw[0] is not ('B' or 'I'))
            return null;
        // AQMAR writes a few types with a stray dash or backquote (I--ORG, B-MIS1`).
        string type = raw[2..].Trim('-', '`', '\'');
        string? coarse;
        if (TypeMap.TryGetValue(type, out var mapped))
            coarse = mapped;
        else if (type.StartsWith("MIS", StringComparison.OrdinalIgnoreCase) && type.Length <= 6)
            coarse = "MISC"; // AQMAR's MIS0..MIS3, MIS-1, MISS1
        else
            return null;
        return coarse is null ? "O" : raw[0] + "-" + coarse;
    }

    private static string StripMarks(string token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (char c in token)
        {
            if (c is '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u061C' or '\uFEFF')
                continue;
            sb.Append(c);
        }
        // A token never holds white space: ANERcorp has one line "الأمن‏1706 ‏ I-ORG".
        return sb.ToString().Trim().Replace(' ', '_');
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
