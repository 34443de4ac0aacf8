namespace Marsad.Entities.Ner;

/// <summary>
/// Document-level label propagation after tagging: a name the model recognized in one sentence is also a name
/// where the same words come back untagged (a later mention after a title, a short form after the full one).
/// A phrase propagates only when the model tagged it more often than it left it untagged in the same document,
/// with one type, so common words tagged once by mistake do not spread.
/// </summary>
public static class NerConsistency
{
    /// <summary>Rewrites <paramref name="tags"/> (tag indices per sentence) in place.</summary>
    public static void Propagate(IReadOnlyList<TokenObservation[]> sentences, IReadOnlyList<int[]> tags)
    {
        // Phrase key: the stems of its words (so بالعراق and العراق agree); value: votes per type.
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int s = 0; s < sentences.Count; s++)
        {
            var obs = sentences[s];
            var t = tags[s];
            for (int i = 0; i < t.Length; i++)
            {
                if (!NerLabels.IsBegin(t[i]))
                    continue;
                int j = i + 1;
                while (j < t.Length && NerLabels.IsInside(t[j]))
                    j++;
                if (j - i <= 4)
                {
                    var key = Key(obs, i, j);
                    if (key.Length >= 3)
                    {
                        if (!votes.TryGetValue(key, out var v))
                            votes[key] = v = new int[NerLabels.Types.Count + 1];
                        v[NerLabels.TypeOf(t[i])]++;
                    }
                }
                i = j - 1;
            }
        }
        if (votes.Count == 0)
            return;
        // Keys are built only where a voted name could start: most tokens begin none, and building
        // candidate strings at every position and length dominated tagging time.
        var firsts = new HashSet<string>(votes.Keys.Select(k => k.Split(' ')[0]), StringComparer.Ordinal);
        // Count untagged occurrences of the same phrases (as the last vote slot).
        for (int s = 0; s < sentences.Count; s++)
        {
            var obs = sentences[s];
            var t = tags[s];
            for (int i = 0; i < t.Length; i++)
                for (int len = 1; len <= 4 && i + len <= t.Length && firsts.Contains(obs[i].Stem); len++)
                {
                    if (!AllOutside(t, i, len))
                        break;
                    if (votes.TryGetValue(Key(obs, i, i + len), out var v))
                        v[^1]++;
                }
        }
        for (int s = 0; s < sentences.Count; s++)
        {
            var obs = sentences[s];
            var t = tags[s];
            for (int i = 0; i < t.Length; i++)
            {
                if (!firsts.Contains(obs[i].Stem))
                    continue;
                for (int len = Math.Min(4, t.Length - i); len >= 1; len--)
                {
                    if (!AllOutside(t, i, len) || (i + len < t.Length && NerLabels.IsInside(t[i + len])))
                        continue;
                    if (!votes.TryGetValue(Key(obs, i, i + len), out var v))
                        continue;
                    int best = 0, total = 0;
                    for (int k = 0; k < NerLabels.Types.Count; k++)
                    {
                        total += v[k];
                        if (v[k] > v[best])
                            best = k;
                    }
                    if (v[best] < 2 * (total - v[best]) + 1 || 2 * total < v[^1])
                        continue;
                    t[i] = NerLabels.Begin(best);
                    for (int k = 1; k < len; k++)
                        t[i + k] = NerLabels.Inside(best);
                    i += len - 1;
                    break;
                }
            }
        }
    }

    private static bool AllOutside(int[] t, int from, int len)
    {
        for (int k = from; k < from + len; k++)
            if (t[k] != NerLabels.Outside)
                return false;
        return true;
    }

    private static string Key(TokenObservation[] obs, int from, int to)
    {
        if (to - from == 1)
            return obs[from].Stem;
        var parts = new string[to - from];
        parts[0] = obs[from].Stem;
        for (int k = from + 1; k < to; k++)
            parts[k - from] = obs[k].Normalized;
        return string.Join(' ', parts);
    }
}
