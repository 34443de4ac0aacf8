using Marsad.Text;

namespace Marsad.Events;

/// <summary>What a trigger phrase raises: an event type and subtype, with the conditions it needs.</summary>
public sealed record TriggerSpec(string Type, string Subtype, bool Territory, bool Weak, bool Noun, IReadOnlyList<string> Needs)
{
    /// <summary>Needs a date, place, count, actor or verb of happening in its clause.</summary>
    public bool Anchored { get; init; }

    /// <summary>Subtype follows the target: an armed target makes it a battle.</summary>
    public bool Victim { get; init; }

    /// <summary>A killing that only reports the toll of another violent event in the sentence.</summary>
    public bool Consequence { get; init; }

    /// <summary>An intransitive happening (انفجرت قنبلة) that names no doer of its own.</summary>
    public bool NoAgent { get; init; }

    /// <summary>A finite verb only: with the article it is another word (البائع folds to البايع, not بايع).</summary>
    public bool FiniteVerb { get; init; }

    /// <summary>Cue classes of which one must end just before the trigger (or, when <see cref="Then"/> lists some, one of those follow it).</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>Cue classes of which one must begin within a few words after the trigger (a verb's object past its subject).</summary>
    public IReadOnlyList<string> Then { get; init; } = [];

    /// <summary>From the broad lexicon: a candidate for the trained event model only; the rules alone never code it.</summary>
    public bool Broad { get; init; }
}

/// <summary>What a quantity noun counts, and whether its dual form means two.</summary>
public sealed record QuantityNoun(string Key, bool HasDual);

/// <summary>The per-language lexicons the event extractor reads: triggers, cues, attribution, quantity nouns.</summary>
public sealed class EventLexicons
{
    public PhraseLexicon<TriggerSpec> Triggers { get; } = new();
    public PhraseLexicon<string> Cues { get; } = new();
    public PhraseLexicon<string> Attribution { get; } = new();
    public PhraseLexicon<QuantityNoun> QuantityNouns { get; } = new();

    /// <summary>Dual forms (مخزنين، مروحيتين) of countable nouns, normalized, with their key.</summary>
    public Dictionary<string, string> Duals { get; } = new(StringComparer.Ordinal);

    public static EventLexicons Load(string lexiconDir, string lang = "ar")
    {
        var dir = Path.Combine(lexiconDir, lang);
        var lex = new EventLexicons();
        var triggers = Path.Combine(dir, "triggers.tsv");
        var broad = Path.Combine(dir, "triggers-broad.tsv");
        // The broad lexicon is optional: words that often tell an event but as often do not, for the trained model to decide.
        var rows = LexiconFiles.ReadRows(triggers, 3).Select(r => (File: triggers, r.Item1, r.Item2, Broad: false));
        if (File.Exists(broad))
            rows = rows.Concat(LexiconFiles.ReadRows(broad, 3).Select(r => (File: broad, r.Item1, r.Item2, Broad: true)));
        foreach (var (file, line, f, isBroad) in rows)
        {
            var all = f.Length > 3 ? f[3].Split(',', StringSplitOptions.TrimEntries) : [];
            var needs = all.Where(o => o.StartsWith("needs=", StringComparison.Ordinal))
                .SelectMany(o => o["needs=".Length..].Split('|', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var after = all.Where(o => o.StartsWith("after=", StringComparison.Ordinal))
                .SelectMany(o => o["after=".Length..].Split('|', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var then = all.Where(o => o.StartsWith("then=", StringComparison.Ordinal))
                .SelectMany(o => o["then=".Length..].Split('|', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var spec = new TriggerSpec(f[1], f[2], all.Contains("territory"), all.Contains("weak"), all.Contains("noun"), needs) { After = after, Then = then, Anchored = all.Contains("anchored"), Victim = all.Contains("victim"), Consequence = all.Contains("consequence"), NoAgent = all.Contains("noagent"), FiniteVerb = all.Contains("verb"), Broad = isBroad };
            lex.Triggers.Add(f[0], spec, $"{file}:{line}");
        }
        foreach (var (line, f) in LexiconFiles.ReadRows(Path.Combine(dir, "cues.tsv"), 2))
            lex.Cues.Add(f[0], f[1], $"cues.tsv:{line}");
        foreach (var (line, f) in LexiconFiles.ReadRows(Path.Combine(dir, "attribution.tsv"), 2))
            lex.Attribution.Add(f[0], f[1], $"attribution.tsv:{line}");
        foreach (var (line, f) in LexiconFiles.ReadRows(Path.Combine(dir, "quantity-nouns.tsv"), 2))
        {
            bool dual = f.Length > 2 && f[2] == "yes";
            lex.QuantityNouns.Add(f[0], new QuantityNoun(f[1], dual), $"quantity-nouns.tsv:{line}");
            if (dual)
            {
                var stem = ArabicNormalizer.Normalize(f[0].TrimEnd('*'));
                var baseForm = stem.EndsWith('ه') ? stem[..^1] + "ت" : stem;
                lex.Duals[baseForm + "ين"] = f[1];
                lex.Duals[baseForm + "ان"] = f[1];
            }
        }
        return lex;
    }
}
