using Marsad.Text;

namespace Marsad.Geo;

/// <summary>One written form of a place name (normalized words) and every gazetteer entry it can name.</summary>
public sealed class ToponymName
{
    internal ToponymName(string[] words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public string Phrase => string.Join(' ', Words);

    /// <summary>Entries in load order: curated ones first, then the index, then imports.</summary>
    public List<GazetteerEntry> Candidates { get; } = [];
}

/// <summary>A place name found in running text: the tokens it covers and the name it matched.</summary>
public sealed record ToponymMatch(int FirstToken, int TokenCount, TextSpan Span, ToponymName Name)
{
    public int LastToken => FirstToken + TokenCount - 1;
}

/// <summary>
/// Place names keyed by their first normalized word, so that text lookup costs one dictionary probe per
/// token form. Only the forms a token can have with proclitics removed are tried (بسرت، لليبيا، وطرابلس):
/// a place name with an attached pronoun is rare, and allowing it lets تونسي match تونس.
/// </summary>
public sealed class ToponymTable
{
    // Two records closer than this with one name and one country are the same place told by two sources.
    private const double SamePlaceKm = 15;

    private readonly Dictionary<string, List<ToponymName>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ToponymName> _byPhrase = new(StringComparer.Ordinal);

    public int NameCount => _byPhrase.Count;

    /// <summary>The normalized words of a name as the table stores them: Arabic letter folding, lower-case Latin, no punctuation.</summary>
    public static string[] NameWords(string name)
    {
        var n = ArabicNormalizer.Normalize(name);
        var chars = n.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (!char.IsLetterOrDigit(chars[i]))
                chars[i] = ' ';
        return new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Adds a name for an entry; a second record of the same place under the same name is dropped.</summary>
    public void Add(string name, GazetteerEntry entry) => Add(NameWords(name), entry);

    public void Add(string[] words, GazetteerEntry entry)
    {
        if (words.Length == 0)
            return;
        var key = string.Join(' ', words);
        if (!_byPhrase.TryGetValue(key, out var tn))
        {
            tn = new ToponymName(words);
            _byPhrase[key] = tn;
            if (!_byFirst.TryGetValue(words[0], out var list))
                _byFirst[words[0]] = list = [];
            list.Add(tn);
        }
        foreach (var c in tn.Candidates)
        {
            if (c.Id == entry.Id)
                return;
            if (c.Country == entry.Country && c.Precision == entry.Precision && GeoMath.Km(c, entry) < SamePlaceKm)
                return;
        }
        tn.Candidates.Add(entry);
    }

    /// <summary>The name written exactly so (after normalization), or null.</summary>
    public ToponymName? Find(string name) => _byPhrase.GetValueOrDefault(string.Join(' ', NameWords(name)));

    /// <summary>The longest name starting at token <paramref name="i"/> and ending before <paramref name="end"/>, or null.</summary>
    public ToponymMatch? MatchAt(IReadOnlyList<Token> tokens, int i, int end)
    {
        var first = tokens[i];
        if (first.Kind != TokenKind.Word)
            return null;
        ToponymName? best = null;
        var forms = first.MatchForms;
        int count = forms.Count == 0 ? 1 : forms.Count;
        for (int f = 0; f < count; f++)
        {
            var form = forms.Count == 0 ? first.Normalized : forms[f];
            if (!IsProcliticForm(first.Normalized, form) || !_byFirst.TryGetValue(form, out var names))
                continue;
            foreach (var name in names)
            {
                if (best is not null && name.Words.Count <= best.Words.Count || i + name.Words.Count > end)
                    continue;
                bool ok = true;
                for (int k = 1; k < name.Words.Count && ok; k++)
                    ok = tokens[i + k].Kind == TokenKind.Word && tokens[i + k].Normalized == name.Words[k];
                if (ok)
                    best = name;
            }
        }
        return best is null ? null
            : new ToponymMatch(i, best.Words.Count, TextSpan.FromBounds(first.Start, tokens[i + best.Words.Count - 1].End), best);
    }

    // A form that only drops conjunctions and prepositions from the front (و ف ب ل ك), or the لل contraction
    // restored to ال. Dropping the article is not allowed: السلطات is not the town سلطات, and names that take the
    // article are stored with it (الرقة).
    private static bool IsProcliticForm(string normalized, string form)
    {
        if (normalized.EndsWith(form, StringComparison.Ordinal))
        {
            var prefix = normalized.AsSpan(0, normalized.Length - form.Length);
            return !prefix.EndsWith("ال", StringComparison.Ordinal) && !prefix.EndsWith("لل", StringComparison.Ordinal);
        }
        return form.StartsWith("ال", StringComparison.Ordinal) && normalized.Length > form.Length - 1
            && normalized.AsSpan().EndsWith(form.AsSpan(1), StringComparison.Ordinal);
    }
}
