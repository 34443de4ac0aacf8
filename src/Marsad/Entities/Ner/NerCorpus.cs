using System.Text;
using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>Corpus hygiene for training: keeping sentences of an evaluation file out of the training data.</summary>
public static class NerCorpus
{
    private const int Window = 30;

    /// <summary>
    /// Drops every sentence of <paramref name="training"/> that shares a 30-character stretch (normalized, spaces
    /// removed, so a differently tokenized copy still matches) with a sentence of <paramref name="exclude"/>.
    /// NewsFANE Gold re-annotates much of ANERcorp, test part included: without this, training on it leaks the test.
    /// </summary>
    public static List<NerSentence> RemoveOverlap(IEnumerable<NerSentence> training, IEnumerable<NerSentence> exclude, out int removed)
    {
        var windows = new HashSet<ulong>();
        var whole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in exclude)
        {
            string t = Compact(s);
            whole.Add(t);
            for (int i = 0; i + Window <= t.Length; i++)
                windows.Add(FeatureHash.Of(t.AsSpan(i, Window)));
        }
        var kept = new List<NerSentence>();
        removed = 0;
        foreach (var s in training)
        {
            string t = Compact(s);
            bool hit = whole.Contains(t) && t.Length >= 10;
            for (int i = 0; !hit && i + Window <= t.Length; i++)
                hit = windows.Contains(FeatureHash.Of(t.AsSpan(i, Window)));
            if (hit)
                removed++;
            else
                kept.Add(s);
        }
        return kept;
    }

    private static string Compact(NerSentence s)
    {
        var sb = new StringBuilder();
        foreach (var tok in s.Tokens)
            foreach (char c in tok)
            {
                char m = ArabicNormalizer.Map(c);
                if (m != '\0' && !char.IsWhiteSpace(m))
                    sb.Append(m);
            }
        return sb.ToString();
    }
}
