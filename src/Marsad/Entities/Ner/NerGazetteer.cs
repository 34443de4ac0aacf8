using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// Name lists for gazetteer features, kept only as hashes of normalized phrases with a type mask, so a
/// model can carry what the lists say without carrying the lists (ANERGazet is read at training time).
/// </summary>
public sealed class NerGazetteer
{
    private readonly Dictionary<ulong, byte> _entries;

    internal NerGazetteer(Dictionary<ulong, byte> entries, int maxTokens)
    {
        _entries = entries;
        MaxTokens = maxTokens;
    }

    /// <summary>Longest phrase, in tokens.</summary>
    public int MaxTokens { get; }

    public int Count => _entries.Count;

    internal IReadOnlyDictionary<ulong, byte> Entries => _entries;

    /// <summary>Builds a gazetteer from (phrase, type) pairs; type is one of <see cref="NerLabels.Types"/>.</summary>
    public static NerGazetteer FromPhrases(IEnumerable<(string Phrase, string Type)> phrases)
    {
        var entries = new Dictionary<ulong, byte>();
        int max = 1;
        foreach (var (phrase, type) in phrases)
        {
            int t = IndexOfType(type);
            if (t < 0)
                throw new ArgumentException($"unknown entity type '{type}'", nameof(phrases));
            var words = ArabicNormalizer.NormalizePhrase(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            ulong h = FeatureHash.Of(words[0]);
            for (int i = 1; i < words.Length; i++)
                h = FeatureHash.Continue(FeatureHash.Continue(h, ' '), words[i]);
            entries[h] = (byte)(entries.GetValueOrDefault(h) | (1 << t));
            max = Math.Max(max, words.Length);
        }
        return new NerGazetteer(entries, Math.Min(max, 6));
    }

    /// <summary>
    /// Reads a folder of name lists, one name a line; the type comes from the file name (Loc*, Org*, Pers*/Per*, Misc*),
    /// as in ANERGazet. Lines that are blank or start with '=' (ANERGazet's separators) are skipped.
    /// </summary>
    public static NerGazetteer LoadFolder(string dir)
    {
        var phrases = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file).ToUpperInvariant();
            string? type = name.StartsWith("LOC", StringComparison.Ordinal) ? "LOC"
                : name.StartsWith("ORG", StringComparison.Ordinal) ? "ORG"
                : name.StartsWith("PER", StringComparison.Ordinal) ? "PER"
                : name.StartsWith("MISC", StringComparison.Ordinal) ? "MISC" : null;
            if (type is null)
                continue;
            foreach (var line in File.ReadLines(file))
            {
                var t = line.Trim().TrimStart('\uFEFF');
                if (t.Length == 0 || t[0] == '=')
                    continue;
                phrases.Add((t, type));
            }
        }
        if (phrases.Count == 0)
            throw new InvalidDataException($"{dir}: no name lists found (expected Loc*.txt, Org*.txt, Pers*.txt or Misc*.txt)");
        return FromPhrases(phrases);
    }

    /// <summary>
    /// Marks every token covered by a listed phrase, longest match first from left to right: the type bits of the
    /// phrase go to <paramref name="begin"/> on its first token and <paramref name="inside"/> on the others. The first
    /// token may match by any clitic-stripped form (بالعراق → العراق); <paramref name="single"/> gets the bits of
    /// one-word entries matched by any form, whether or not a longer phrase covered the token.
    /// </summary>
    internal void Match(ReadOnlySpan<TokenObservation> sentence, Span<byte> begin, Span<byte> inside, Span<byte> single)
    {
        begin.Clear();
        inside.Clear();
        single.Clear();
        int n = sentence.Length;
        for (int i = 0; i < n; i++)
        {
            byte one = 0;
            foreach (var f in sentence[i].Forms)
                one |= _entries.GetValueOrDefault(FeatureHash.Of(f));
            single[i] = one;
        }
        int pos = 0;
        while (pos < n)
        {
            int bestLen = 0;
            byte bestMask = 0;
            foreach (var first in sentence[pos].Forms)
            {
                ulong h = FeatureHash.Of(first);
                for (int len = 1; len <= MaxTokens && pos + len <= n; len++)
                {
                    if (len > 1)
                        h = FeatureHash.Continue(FeatureHash.Continue(h, ' '), sentence[pos + len - 1].Normalized);
                    if (len > bestLen && _entries.TryGetValue(h, out var mask))
                    {
                        bestLen = len;
                        bestMask = mask;
                    }
                }
            }
            if (bestLen == 0)
            {
                pos++;
                continue;
            }
            begin[pos] = bestMask;
            for (int k = 1; k < bestLen; k++)
                inside[pos + k] = bestMask;
            pos += bestLen;
        }
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(MaxTokens);
        w.Write(_entries.Count);
        foreach (var (k, v) in _entries.OrderBy(e => e.Key))
        {
            w.Write(k);
            w.Write(v);
        }
    }

    internal static NerGazetteer Read(BinaryReader r)
    {
        int max = r.ReadInt32();
        int count = r.ReadInt32();
        var entries = new Dictionary<ulong, byte>(count);
        for (int i = 0; i < count; i++)
            entries[r.ReadUInt64()] = r.ReadByte();
        return new NerGazetteer(entries, max);
    }

    private static int IndexOfType(string type)
    {
        for (int i = 0; i < NerLabels.Types.Count; i++)
            if (string.Equals(NerLabels.Types[i], type, StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }
}
