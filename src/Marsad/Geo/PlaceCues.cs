using Marsad.Text;

namespace Marsad.Geo;

/// <summary>How much context an ambiguous place name needs before it is read as a place.</summary>
public enum PlaceEvidence
{
    /// <summary>Read as a place wherever it stands (subject to the general rules for small places).</summary>
    None,

    /// <summary>Needs a preposition or a place noun before it (سرت the verb: "سرت شائعات" but "في سرت").</summary>
    Preposition,

    /// <summary>Needs a place noun before it (فرح، سلام، أمل: "بلدة فرح"), or an earlier such use in the article.</summary>
    Noun,

    /// <summary>Never a place in running text: a function word or a very common word that a foreign place's Arabic name collides with (كان، قال، كيف).</summary>
    Never,
}

/// <summary>Context words for places, from <c>ar/place-cues.tsv</c>: place nouns, administrative nouns, prepositions, ambiguous names.</summary>
public sealed class PlaceCues
{
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlaceEvidence> _ambiguous = new(StringComparer.Ordinal);

    public static PlaceCues Load(string lexiconDir) => Load(lexiconDir, "ar");

    /// <summary>The place cues of <paramref name="lang"/> (its folder's place-cues.tsv; none when it has no such file).</summary>
    public static PlaceCues Load(string lexiconDir, string lang)
    {
        var cues = new PlaceCues();
        var path = Path.Combine(lexiconDir, lang, "place-cues.tsv");
        if (!File.Exists(path))
            return cues;
        foreach (var (line, f) in LexiconFiles.ReadRows(path, 2))
        {
            var key = string.Join(' ', ToponymTable.NameWords(f[0]));
            switch (f[1])
            {
                case "noun" or "admin1" or "admin2" or "prep" or "country_ref" or "name_of":
                    _ = cues._words.TryAdd(key, f[1]);
                    break;
                case "ambiguous":
                    cues._ambiguous[key] = PlaceEvidence.Noun;
                    break;
                case "ambiguous_prep":
                    cues._ambiguous[key] = PlaceEvidence.Preposition;
                    break;
                case "never":
                    cues._ambiguous[key] = PlaceEvidence.Never;
                    break;
                default:
                    throw new FormatException($"{path}:{line}: unknown class '{f[1]}' (noun, admin1, admin2, prep, country_ref, name_of, ambiguous, ambiguous_prep, never)");
            }
        }
        return cues;
    }

    /// <summary>The class of a normalized word (noun, admin1, admin2, prep, country_ref), or null.</summary>
    public string? ClassOf(string normalized) => _words.GetValueOrDefault(normalized);

    /// <summary>The class of a token: the first of its forms (clitics and pronouns removed) that is listed.</summary>
    public string? ClassOf(Token token)
    {
        if (token.Kind != TokenKind.Word)
            return null;
        if (_words.TryGetValue(token.Normalized, out var c))
            return c;
        foreach (var f in token.MatchForms)
            if (_words.TryGetValue(f, out c))
                return c;
        return null;
    }

    public bool IsPlaceNoun(string normalized) => ClassOf(normalized) is "noun" or "admin1" or "admin2";

    public PlaceEvidence EvidenceFor(string phrase) => _ambiguous.GetValueOrDefault(phrase);
}
