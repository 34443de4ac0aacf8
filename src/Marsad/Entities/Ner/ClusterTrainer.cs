using System.Diagnostics;
using System.Globalization;

namespace Marsad.Entities.Ner;

/// <summary>Settings of word clustering.</summary>
public sealed record ClusterOptions
{
    /// <summary>Words seen fewer times are not clustered.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>At most this many words (the most frequent) are clustered.</summary>
    public int MaxWords { get; init; } = 60_000;

    /// <summary>Context vocabulary: the most frequent words, whose presence at ±1 and ±2 describes a word.</summary>
    public int ContextWords { get; init; } = 2_000;

    /// <summary>Branching at each level of the hierarchy: 32,16,4 gives 32, then up to 512, then up to 2048 clusters.</summary>
    public IReadOnlyList<int> Branching { get; init; } = [32, 16, 4];

    public int Iterations { get; init; } = 15;

    public int Seed { get; init; } = 1;
}

/// <summary>
/// Learns hierarchical word clusters from unlabeled text: each frequent word is described by its positive PMI
/// with the words around it (±1, ±2, sides kept apart) as a sparse unit vector; spherical k-means
/// then splits the words top-down, level by level, so that a word's path gives coarse and fine classes.
/// A cheap, deterministic stand-in for Brown clustering.
/// </summary>
public static class ClusterTrainer
{
    /// <summary>Clusters the words of <paramref name="sentences"/> (normalized tokens); also returns word counts.</summary>
    public static (WordClusters Clusters, Dictionary<string, int> Counts) Train(IEnumerable<IReadOnlyList<string>> sentences, ClusterOptions options, TextWriter? log = null)
    {
        var clock = Stopwatch.StartNew();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var freq = new List<int>();
        var corpus = new List<int>(1 << 20);
        foreach (var s in sentences)
        {
            corpus.Add(-1); // sentence boundary
            foreach (var tok in s)
            {
                if (!ids.TryGetValue(tok, out int id))
                {
                    id = words.Count;
                    ids[tok] = id;
                    words.Add(tok);
                    freq.Add(0);
                }
                freq[id]++;
                corpus.Add(id);
            }
        }
        corpus.Add(-1);
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clusters: {corpus.Count:N0} tokens, {words.Count:N0} types ({clock.Elapsed.TotalSeconds:0.0} s)"));

        // Ranking by count then by word keeps the vocabulary identical from run to run.
        var ranked = Enumerable.Range(0, words.Count).OrderByDescending(i => freq[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var vocab = ranked.Where(i => freq[i] >= options.MinCount && HasLetter(words[i])).Take(options.MaxWords).ToArray();
        var ctx = ranked.Take(options.ContextWords).ToArray();
        var vocabIndex = new int[words.Count];
        var ctxIndex = new int[words.Count];
        Array.Fill(vocabIndex, -1);
        Array.Fill(ctxIndex, -1);
        for (int i = 0; i < vocab.Length; i++) vocabIndex[vocab[i]] = i;
        for (int i = 0; i < ctx.Length; i++) ctxIndex[ctx[i]] = i;

        // Co-occurrence counts as sorted (word, context feature) keys: a flat array sorts fast and needs no hashing.
        int C = ctx.Length;
        var pairs = new List<long>(corpus.Count * 2);
        for (int p = 0; p < corpus.Count; p++)
        {
            int wi = corpus[p] < 0 ? -1 : vocabIndex[corpus[p]];
            if (wi < 0)
                continue;
            for (int d = -2; d <= 2; d++)
            {
                if (d == 0)
                    continue;
                int q = p + d;
                int ci = q < 0 || q >= corpus.Count || corpus[q] < 0 ? -1 : ctxIndex[corpus[q]];
                int slot = d + 2 - (d > 0 ? 1 : 0); // -2..-1 → 0..1, 1..2 → 2..3
                if (ci < 0)
                {
                    // A boundary or rare word still says something about position (sentence-initial words).
                    if (q < 0 || q >= corpus.Count || corpus[q] < 0)
                        pairs.Add((long)wi * (4 * (C + 1)) + slot * (C + 1) + C);
                    continue;
                }
                pairs.Add((long)wi * (4 * (C + 1)) + slot * (C + 1) + ci);
            }
        }
        var keys = pairs.ToArray();
        pairs = null;
        Array.Sort(keys);
        int F = 4 * (C + 1);
        var featTotal = new double[F];
        var wordTotal = new double[vocab.Length];
        double total = 0;
        for (int i = 0; i < keys.Length;)
        {
            int j = i;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            featTotal[keys[i] % F] += j - i;
            wordTotal[keys[i] / F] += j - i;
            total += j - i;
            i = j;
        }
        // Context distribution smoothing (α = 0.75) keeps rare contexts from dominating PMI.
        var smoothed = new double[F];
        double smoothedTotal = 0;
        for (int f = 0; f < F; f++) smoothedTotal += smoothed[f] = Math.Pow(featTotal[f], 0.75);

        // Sparse PPMI rows (keys are sorted, so each word's contexts are contiguous), scaled to unit length:
        // spherical k-means on them clusters by cosine with no projection noise.
        var rowStart = new int[vocab.Length + 1];
        var cols = new List<int>(keys.Length / 2);
        var vals = new List<float>(keys.Length / 2);
        int row = 0;
        for (int i = 0; i < keys.Length;)
        {
            int j = i;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            int w = (int)(keys[i] / F), f = (int)(keys[i] % F);
            while (row <= w) rowStart[row++] = cols.Count;
            double pmi = Math.Log((j - i) / wordTotal[w] / (smoothed[f] / smoothedTotal));
            if (pmi > 0)
            {
                cols.Add(f);
                vals.Add((float)pmi);
            }
            i = j;
        }
        while (row <= vocab.Length) rowStart[row++] = cols.Count;
        var m = new SparseRows(rowStart, cols.ToArray(), vals.ToArray(), F);
        m.NormalizeRows();
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clusters: {vocab.Length:N0} words, {m.Cols.Length:N0} positive PMI entries ({clock.Elapsed.TotalSeconds:0.0} s)"));

        var paths = new int[vocab.Length][];
        for (int i = 0; i < paths.Length; i++) paths[i] = [];
        var groups = new List<int[]> { Enumerable.Range(0, vocab.Length).ToArray() };
        var rng = new Random(options.Seed);
        foreach (int k in options.Branching)
        {
            var next = new List<int[]>();
            foreach (var members in groups)
            {
                int kk = Math.Min(k, Math.Max(1, members.Length / 4));
                var assign = KMeans(m, members, kk, options.Iterations, rng);
                int local = 0;
                for (int c = 0; c < kk; c++)
                {
                    var sub = members.Where((_, i) => assign[i] == c).ToArray();
                    if (sub.Length == 0)
                        continue;
                    foreach (int x in sub)
                        paths[x] = [.. paths[x], local];
                    local++;
                    next.Add(sub);
                }
            }
            groups = next;
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clusters: level with branching {k}: {groups.Count} clusters ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < vocab.Length; i++)
        {
            result[words[vocab[i]]] = paths[i];
            counts[words[vocab[i]]] = freq[vocab[i]];
        }
        return (new WordClusters(result), counts);
    }

    /// <summary>Word rows of the PPMI matrix in compressed sparse form.</summary>
    private sealed class SparseRows(int[] rowStart, int[] cols, float[] vals, int width)
    {
        public int[] RowStart { get; } = rowStart;
        public int[] Cols { get; } = cols;
        public float[] Vals { get; } = vals;
        public int Width { get; } = width;

        public void NormalizeRows()
        {
            for (int r = 0; r + 1 < RowStart.Length; r++)
            {
                double sq = 0;
                for (int i = RowStart[r]; i < RowStart[r + 1]; i++) sq += Vals[i] * (double)Vals[i];
                if (sq <= 0) continue;
                float inv = (float)(1 / Math.Sqrt(sq));
                for (int i = RowStart[r]; i < RowStart[r + 1]; i++) Vals[i] *= inv;
            }
        }

        /// <summary>Adds row r's dot product with each of k centers (stored feature-major: center c of feature f at f*k+c).</summary>
        public void DotCenters(int r, float[] centers, int k, Span<float> sims)
        {
            sims.Clear();
            for (int i = RowStart[r]; i < RowStart[r + 1]; i++)
            {
                float v = Vals[i];
                var c = centers.AsSpan(Cols[i] * k, k);
                for (int j = 0; j < k; j++) sims[j] += v * c[j];
            }
        }
    }

    /// <summary>Spherical k-means (cosine) with k-means++ seeding; returns the cluster of each member.</summary>
    private static int[] KMeans(SparseRows m, int[] members, int k, int iterations, Random rng)
    {
        var assign = new int[members.Length];
        if (k <= 1)
            return assign;
        int F = m.Width;
        var centers = new float[F * k];
        Span<float> sims = stackalloc float[k];
        // k-means++: each new center is a member drawn with probability growing with its distance to the chosen ones.
        var dist = new double[members.Length];
        Array.Fill(dist, double.MaxValue);
        SetCenter(m, members[rng.Next(members.Length)], centers, k, 0);
        for (int c = 1; c < k; c++)
        {
            double sum = 0;
            for (int i = 0; i < members.Length; i++)
            {
                m.DotCenters(members[i], centers, k, sims);
                double d = 1 - sims[c - 1];
                if (d < dist[i]) dist[i] = d;
                sum += Math.Max(dist[i], 0);
            }
            double pick = rng.NextDouble() * sum;
            int chosen = members.Length - 1;
            for (int i = 0; i < members.Length; i++)
            {
                pick -= Math.Max(dist[i], 0);
                if (pick <= 0) { chosen = i; break; }
            }
            SetCenter(m, members[chosen], centers, k, c);
        }
        var norms = new double[k];
        for (int it = 0; it < iterations; it++)
        {
            bool changed = false;
            for (int i = 0; i < members.Length; i++)
            {
                m.DotCenters(members[i], centers, k, sims);
                int best = 0;
                for (int c = 1; c < k; c++)
                    if (sims[c] > sims[best]) best = c;
                if (it == 0 || assign[i] != best) changed = true;
                assign[i] = best;
            }
            if (!changed)
                break;
            Array.Clear(centers);
            for (int i = 0; i < members.Length; i++)
            {
                int r = members[i], c = assign[i];
                for (int p = m.RowStart[r]; p < m.RowStart[r + 1]; p++)
                    centers[m.Cols[p] * k + c] += m.Vals[p];
            }
            Array.Clear(norms);
            for (int f = 0; f < F; f++)
                for (int c = 0; c < k; c++)
                    norms[c] += centers[f * k + c] * (double)centers[f * k + c];
            for (int f = 0; f < F; f++)
                for (int c = 0; c < k; c++)
                    if (norms[c] > 0) centers[f * k + c] /= (float)Math.Sqrt(norms[c]);
        }
        return assign;
    }

    private static void SetCenter(SparseRows m, int r, float[] centers, int k, int c)
    {
        for (int p = m.RowStart[r]; p < m.RowStart[r + 1]; p++)
            centers[m.Cols[p] * k + c] = m.Vals[p];
    }

    private static bool HasLetter(string w)
    {
        foreach (char c in w)
            if (char.IsLetter(c))
                return true;
        return false;
    }
}
