
namespace Marsad.Text;

/// <summary>One word of a lexicon phrase: an exact match form, or a stem that any ending may follow (written with a trailing *).</summary>
public readonly record struct PatternWord(string Form, bool IsPrefix)
{
    public bool Matches(Token token)
    {
        foreach (var f in token.MatchForms)
            if (IsPrefix ? f.StartsWith(Form, StringComparison.Ordinal) : f == Form)
                return true;
        return token.MatchForms.Count == 0 && (IsPrefix ? token.Normalized.StartsWith(Form, StringComparison.Ordinal) : token.Normalized == Form);
    }

    public static PatternWord Parse(string word)
    {
        bool prefix = word.EndsWith('*');
        var form = ArabicNormalizer.Normalize(prefix ? word[..^1] : word);
        return new PatternWord(form, prefix);
    }
}

/// <summary>A phrase from a lexicon file with the value it stands for (a class, an event type, …).</summary>
public sealed record LexiconEntry<T>(IReadOnlyList<PatternWord> Words, T Value, string Source)
{
    /// <summary>Position in the lexicon: earlier entries win ties.</summary>
    public int Order { get; init; }

    public int Length => Words.Count;
}

/// <summary>A lexicon phrase found in a document: the tokens it covers and its entry.</summary>
public sealed record PhraseMatch<T>(int FirstToken, int TokenCount, TextSpan Span, LexiconEntry<T> Entry)
{
    public int LastToken => FirstToken + TokenCount - 1;
}

/// <summary>
/// Finds lexicon phrases in token sequences. Phrases are indexed by the match form of their first
/// word (exact forms in one table, stems in another probed with each prefix of the token's forms),
/// so lookup cost does not grow with the lexicon.
/// </summary>
public sealed class PhraseLexicon<T>
{
    private const int MinStem = 2;
    private readonly Dictionary<string, List<LexiconEntry<T>>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LexiconEntry<T>>> _prefix = new(StringComparer.Ordinal);
    private int _maxPrefix;

    public int Count { get; private set; }

    public void Add(string phrase, T value, string source = "")
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(PatternWord.Parse).Where(w => w.Form.Length > 0).ToArray();
        if (words.Length == 0)
            return;
        var entry = new LexiconEntry<T>(words, value, source) { Order = Count };
        var first = words[0];
        if (first.IsPrefix && first.Form.Length < MinStem)
            throw new FormatException($"{source}: stem '{first.Form}*' is too short to match safely");
        var table = first.IsPrefix ? _prefix : _exact;
        if (!table.TryGetValue(first.Form, out var list))
            table[first.Form] = list = [];
        list.Add(entry);
        if (first.IsPrefix)
            _maxPrefix = Math.Max(_maxPrefix, first.Form.Length);
        Count++;
    }

    private static readonly List<PhraseMatch<T>> None = [];

    /// <summary>Every match starting at token <paramref name="i"/> within [.., end), longest first.</summary>
    public List<PhraseMatch<T>> MatchesAt(IReadOnlyList<Token> tokens, int i, int end)
    {
        // Most tokens start no phrase: find that out without allocating.
        List<PhraseMatch<T>>? found = null;
        var first = tokens[i];
        var forms = first.MatchForms;
        var prefixes = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        int count = forms.Count == 0 ? 1 : forms.Count;
        for (int f = 0; f < count; f++)
        {
            var form = forms.Count == 0 ? first.Normalized : forms[f];
            if (_exact.TryGetValue(form, out var exact))
                Consider(exact, ref found);
            int max = Math.Min(form.Length, _maxPrefix);
            for (int len = MinStem; len <= max; len++)
                if (prefixes.TryGetValue(form.AsSpan(0, len), out var pre))
                    Consider(pre, ref found);
        }
        if (found is null)
            return None;
        if (found.Count > 1)
        {
            // Stable: among phrases of one length, the lexicon's own order is the priority.
            found = found.DistinctBy(m => m.Entry.Order).OrderByDescending(m => m.TokenCount).ThenBy(m => m.Entry.Order).ToList();
        }
        return found;

        void Consider(List<LexiconEntry<T>> entries, ref List<PhraseMatch<T>>? found)
        {
            foreach (var e in entries)
            {
                if (i + e.Length > end)
                    continue;
                bool ok = true;
                for (int k = 1; k < e.Length && ok; k++)
                    ok = e.Words[k].Matches(tokens[i + k]);
                if (ok)
                    (found ??= []).Add(new PhraseMatch<T>(i, e.Length, TextSpan.FromBounds(tokens[i].Start, tokens[i + e.Length - 1].End), e));
            }
        }
    }

    /// <summary>Non-overlapping matches in token range [start, end), preferring the longest phrase at each point.</summary>
    public List<PhraseMatch<T>> FindAll(IReadOnlyList<Token> tokens, int start, int end)
    {
        var result = new List<PhraseMatch<T>>();
        int i = start;
        while (i < end)
        {
            var m = MatchesAt(tokens, i, end);
            if (m.Count > 0)
            {
                result.Add(m[0]);
                // Keep other entries of the same length at the same place (one phrase may carry several values).
                for (int k = 1; k < m.Count && m[k].TokenCount == m[0].TokenCount; k++)
                    result.Add(m[k]);
                i += m[0].TokenCount;
            }
            else
            {
                i++;
            }
        }
        return result;
    }
}
