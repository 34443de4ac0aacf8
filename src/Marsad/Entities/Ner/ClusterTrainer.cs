using System.Diagnostics;
using System.Globalization;
using System.Numerics;

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

    /// <summary>Dimensions of the random projection of the PPMI context vectors.</summary>
    public int Dimensions { get; init; } = 128;

    /// <summary>Branching at each level of the hierarchy: 32,16,4 gives 32, then up to 512, then up to 2048 clusters.</summary>
    public IReadOnlyList<int> Branching { get; init; } = [32, 16, 4];

    public int Iterations { get; init; } = 15;

    public int Seed { get; init; } = 1;
}

/// <summary>
/// Learns hierarchical word clusters from unlabeled text: each frequent word is described by its positive PMI
/// with the words around it (±1, ±2, sides kept apart), randomly projected to a dense vector; spherical k-means
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

        int D = options.Dimensions;
        var projection = RandomProjection(F, D, options.Seed);
        var vectors = new float[vocab.Length * D];
        for (int i = 0; i < keys.Length;)
        {
            int j = i;
            while (j < keys.Length && keys[j] == keys[i]) j++;
            int w = (int)(keys[i] / F), f = (int)(keys[i] % F);
            double pmi = Math.Log((j - i) / wordTotal[w] / (smoothed[f] / smoothedTotal));
            if (pmi > 0)
            {
                var v = vectors.AsSpan(w * D, D);
                var r = projection.AsSpan(f * D, D);
                for (int k = 0; k < D; k++)
                    v[k] += (float)pmi * r[k];
            }
            i = j;
        }
        for (int w = 0; w < vocab.Length; w++)
            Normalize(vectors.AsSpan(w * D, D));
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clusters: {vocab.Length:N0} words embedded from {keys.Length:N0} pairs ({clock.Elapsed.TotalSeconds:0.0} s)"));

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
                var assign = KMeans(vectors, D, members, kk, options.Iterations, rng);
                int local = 0;
                for (int c = 0; c < kk; c++)
                {
                    var sub = members.Where((_, i) => assign[i] == c).ToArray();
                    if (sub.Length == 0)
                        continue;
                    foreach (int m in sub)
                        paths[m] = [.. paths[m], local];
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

    private static float[] RandomProjection(int features, int dims, int seed)
    {
        var rng = new Random(seed);
        var r = new float[features * dims];
        float scale = 1f / MathF.Sqrt(dims);
        for (int i = 0; i < r.Length; i++)
        {
            // Sum of uniforms: close enough to Gaussian for a Johnson–Lindenstrauss projection.
            double g = rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5;
            r[i] = (float)(g * 2) * scale;
        }
        return r;
    }

    private static void Normalize(Span<float> v)
    {
        float norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
            for (int i = 0; i < v.Length; i++) v[i] /= norm;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float s = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            s = Vector.Sum(acc);
        }
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Spherical k-means (cosine) with k-means++ seeding; returns the cluster of each member.</summary>
    private static int[] KMeans(float[] vectors, int D, int[] members, int k, int iterations, Random rng)
    {
        var assign = new int[members.Length];
        if (k <= 1)
            return assign;
        var centers = new float[k * D];
        // k-means++: each new center is drawn with probability growing with its distance to the chosen ones.
        var dist = new double[members.Length];
        Array.Fill(dist, double.MaxValue);
        int first = rng.Next(members.Length);
        vectors.AsSpan(members[first] * D, D).CopyTo(centers.AsSpan(0, D));
        for (int c = 1; c < k; c++)
        {
            double sum = 0;
            var prevCenter = centers.AsSpan((c - 1) * D, D);
            for (int i = 0; i < members.Length; i++)
            {
                double d = 1 - Dot(vectors.AsSpan(members[i] * D, D), prevCenter);
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
            vectors.AsSpan(members[chosen] * D, D).CopyTo(centers.AsSpan(c * D, D));
        }
        for (int it = 0; it < iterations; it++)
        {
            bool changed = false;
            for (int i = 0; i < members.Length; i++)
            {
                var v = vectors.AsSpan(members[i] * D, D);
                int best = 0;
                float bestSim = float.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    float sim = Dot(v, centers.AsSpan(c * D, D));
                    if (sim > bestSim) { bestSim = sim; best = c; }
                }
                if (it == 0 || assign[i] != best) changed = true;
                assign[i] = best;
            }
            if (!changed)
                break;
            Array.Clear(centers);
            for (int i = 0; i < members.Length; i++)
            {
                var v = vectors.AsSpan(members[i] * D, D);
                var c = centers.AsSpan(assign[i] * D, D);
                for (int d = 0; d < D; d++) c[d] += v[d];
            }
            for (int c = 0; c < k; c++)
                Normalize(centers.AsSpan(c * D, D));
        }
        return assign;
    }

    private static bool HasLetter(string w)
    {
        foreach (char c in w)
            if (char.IsLetter(c))
                return true;
        return false;
    }
}
