using Marsad.Text;

namespace Marsad.Entities;

/// <summary>A canonical actor: one name for the many ways the news writes it.</summary>
public sealed record ActorEntry(string Canonical, string Category, string? Country)
{
    public bool IsState => Category == "state";
}

/// <summary>A country with its names and nationality adjectives.</summary>
public sealed record CountryEntry(string Code, string Name, double Lat, double Lon);

/// <summary>How a head noun such as الجيش or الشرطة combines with a nationality into an actor name.</summary>
public sealed record ActorHead(string Kind);

/// <summary>The actor dictionary, country names and actor-phrase heads loaded from the lexicon folder.</summary>
public sealed class ActorDictionary
{
    public PhraseLexicon<ActorEntry> Actors { get; } = new();
    public PhraseLexicon<CountryEntry> CountryNames { get; } = new();
    public PhraseLexicon<CountryEntry> Nationalities { get; } = new();
    public PhraseLexicon<ActorHead> Heads { get; } = new();
    public Dictionary<string, CountryEntry> CountriesByCode { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each country's Arabic name (the first name countries.tsv lists), by ISO code: what an Arabic summary calls it.</summary>
    public Dictionary<string, string> ArabicCountryNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Actors by canonical name (the first row of a name wins).</summary>
    public Dictionary<string, ActorEntry> ByCanonical { get; } = new(StringComparer.Ordinal);

    /// <summary>Every alias and canonical name, Arabic-normalized and lower-cased, to its canonical name: what a user types in a filter.</summary>
    public Dictionary<string, string> CanonicalByAlias { get; } = new(StringComparer.Ordinal);

    /// <summary>The canonical name an alias stands for ("داعش", "isis" → "Islamic State"), or null when no actor has that name.</summary>
    public string? ResolveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CanonicalByAlias.GetValueOrDefault(AliasKey(name));
    }

    private static string AliasKey(string name) => Text.ArabicNormalizer.NormalizePhrase(name).ToLowerInvariant();

    /// <summary>Capitals and seats of power that stand for their government ("أنقرة وافقت", "واشنطن تدفع").</summary>
    public PhraseLexicon<CountryEntry> Capitals { get; } = new();

    public static ActorDictionary Load(string lexiconDir, string lang = "ar")
    {
        var d = new ActorDictionary();
        var countries = Path.Combine(lexiconDir, "countries.tsv");
        foreach (var (line, f) in LexiconFiles.ReadRows(countries, 6))
        {
            var c = new CountryEntry(f[0], f[1], LexiconFiles.ParseCoordinate(f[2], countries, line),
                LexiconFiles.ParseCoordinate(f[3], countries, line));
            d.CountriesByCode[c.Code] = c;
            if (LexiconFiles.SplitList(f[4]).FirstOrDefault() is { } arabic)
                d.ArabicCountryNames[c.Code] = arabic;
            foreach (var name in LexiconFiles.SplitList(f[4]).Append(c.Name))
                d.CountryNames.Add(name, c, $"{countries}:{line}");
            var adjectives = LexiconFiles.SplitList(f[5]).ToList();
            // Every definite adjective also has its bare form: "غارة روسية" beside "الغارات الروسية".
            foreach (var adj in adjectives.ToList())
                if (adj.StartsWith("ال", StringComparison.Ordinal) && adj.Length > 4 && !adjectives.Contains(adj[2..]))
                    adjectives.Add(adj[2..]);
            foreach (var adj in adjectives)
                d.Nationalities.Add(adj, c, $"{countries}:{line}");
            if (f.Length > 6)
                foreach (var cap in LexiconFiles.SplitList(f[6]))
                    d.Capitals.Add(cap, c, $"{countries}:{line}");
        }
        // actors.tsv first, then any actors-*.tsv a user added (an import, a team's own list): earlier rows win ties.
        var actorFiles = new[] { Path.Combine(lexiconDir, "actors.tsv") }
            .Concat(Directory.EnumerateFiles(lexiconDir, "actors-*.tsv").OrderBy(f => f, StringComparer.Ordinal));
        // A language may add aliases of its own (English generic words: gunmen, protesters) in its folder.
        var langActors = Path.Combine(lexiconDir, lang, "actors.tsv");
        if (lang != "ar" && File.Exists(langActors))
            actorFiles = actorFiles.Append(langActors);
        bool english = lang == "en";
        foreach (var actors in actorFiles)
            foreach (var (line, f) in LexiconFiles.ReadRows(actors, 4))
            {
                var a = new ActorEntry(f[0], f[1], f[2].Length == 0 ? null : f[2]);
                d.ByCanonical.TryAdd(a.Canonical, a);
                foreach (var alias in LexiconFiles.SplitList(f[3]).Append(a.Canonical).Where(x => !x.StartsWith("CAMEO:", StringComparison.Ordinal)))
                {
                    // English tokens split at hyphens ("Saudi-led" is three tokens): the alias is split alike.
                    d.Actors.Add(english ? alias.Replace("-", " - ", StringComparison.Ordinal) : alias, a, $"{actors}:{line}");
                    d.CanonicalByAlias.TryAdd(AliasKey(alias), a.Canonical);
                }
            }
        // Nationality adjectives of a language that countries.tsv does not list (Tunisian, Libyan): adjective <TAB> country code.
        var nationalities = Path.Combine(lexiconDir, lang, "nationalities.tsv");
        if (lang != "ar" && File.Exists(nationalities))
            foreach (var (line, f) in LexiconFiles.ReadRows(nationalities, 2))
                d.Nationalities.Add(f[0], d.CountriesByCode.TryGetValue(f[1], out var nc) ? nc
                    : throw new FormatException($"{nationalities}:{line}: unknown country code '{f[1]}'"), $"{nationalities}:{line}");
        var heads = Path.Combine(lexiconDir, lang, "actor-heads.tsv");
        if (File.Exists(heads))
            foreach (var (line, f) in LexiconFiles.ReadRows(heads, 2))
                d.Heads.Add(f[0], new ActorHead(f[1]), $"{heads}:{line}");
        return d;
    }

    /// <summary>The canonical name of a state actor built from a head kind and a country.</summary>
    public static string StateActorName(string kind, CountryEntry country) => kind switch
    {
        "military" => $"Military Forces of {CountryPhrase(country)}",
        "police" => $"Police Forces of {CountryPhrase(country)}",
        "government" => $"Government of {CountryPhrase(country)}",
        // "السلطات الجزائرية" does not say which body acted (police, army or ministry): the state itself is what
        // it names, as coders and the evaluation's name lists write it ("Algeria").
        _ => country.Name,
    };

    private static string CountryPhrase(CountryEntry c) =>
        c.Code is "US" or "GB" or "AE" ? "the " + c.Name : c.Name;
}
