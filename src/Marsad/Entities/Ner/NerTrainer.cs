using System.Diagnostics;
using System.Globalization;

namespace Marsad.Entities.Ner;

/// <summary>Settings of a training run.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 10;

    /// <summary>Features seen fewer times than this in the training data are dropped (smaller model, less noise).</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Seed of the sentence order shuffle: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Cost added during training to every wrong tag of an entity token and to entity tags of O tokens, so that
    /// updates also happen when the gold sequence wins by too little (loss-augmented decoding); 0 is the plain perceptron.
    /// </summary>
    public float Margin { get; init; } = 0;

    /// <summary>Which learner: the averaged perceptron or a linear-chain CRF (see <see cref="NerCrfTrainer"/>).</summary>
    public NerAlgorithm Algorithm { get; init; } = NerAlgorithm.Perceptron;

    /// <summary>CRF only: L2 penalty per training sentence on every weight (the prior's 1/(σ²·N)).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>CRF only: initial SGD step size.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Saved with the model so that it says how it was made.</summary>
    public string Description { get; init; } = "";
}

/// <summary>The learning algorithm of a training run.</summary>
public enum NerAlgorithm
{
    Perceptron,
    Crf,
}

/// <summary>
/// Averaged structured perceptron (Collins 2002) over BIO sequences: decode with the current weights, and where
/// the best sequence differs from the gold one, add the gold features and subtract the predicted ones. The
/// returned model uses the average of the weights over all steps, computed lazily with the usual
/// "w − u/c" trick, which generalizes much better than the last weights.
/// </summary>
public static class NerTrainer
{
    private const int L = NerLabels.Count;

    internal sealed class Instance(int[] features, int[] starts, int[] gold)
    {
        public int[] Features { get; } = features;
        public int[] Starts { get; } = starts;
        public int[] Gold { get; } = gold;
        public int Length => Gold.Length;
    }

    /// <summary>Trains a model; <paramref name="afterEpoch"/> (epoch number, averaged model so far) can score a dev set.</summary>
    public static NerModel Train(
        IReadOnlyList<NerSentence> sentences,
        NerFeatureExtractor features,
        NerTrainingOptions options,
        TextWriter? log = null,
        Action<int, NerModel>? afterEpoch = null)
    {
        if (options.Algorithm == NerAlgorithm.Crf)
            return NerCrfTrainer.Train(sentences, features, options, log, afterEpoch);
        var clock = Stopwatch.StartNew();
        var (instances, keyOf) = Featurize(sentences, features, options.MinFeatureCount);
        int featureCount = keyOf.Length;
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ner: {instances.Count} sentences, {instances.Sum(i => i.Length)} tokens, {featureCount} features ({clock.Elapsed.TotalSeconds:0.0} s)"));

        var w = new float[featureCount * L];
        var u = new double[featureCount * L];  // sum of step × change, for the average
        var tw = new float[(L + 1) * L];
        var tu = new double[(L + 1) * L];
        long step = 1;
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, instances.Count).ToArray();
        var emissions = new float[256 * L];
        var pred = new int[256];

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int mistakes = 0;
            foreach (int idx in order)
            {
                var inst = instances[idx];
                int n = inst.Length;
                if (emissions.Length < n * L)
                {
                    emissions = new float[n * L * 2];
                    pred = new int[n * 2];
                }
                var em = emissions.AsSpan(0, n * L);
                em.Clear();
                for (int i = 0; i < n; i++)
                {
                    var row = em.Slice(i * L, L);
                    for (int k = inst.Starts[i]; k < inst.Starts[i + 1]; k++)
                    {
                        var wts = w.AsSpan(inst.Features[k] * L, L);
                        for (int t = 0; t < L; t++)
                            row[t] += wts[t];
                    }
                }
                if (options.Margin > 0)
                {
                    for (int i = 0; i < n; i++)
                        for (int t = 0; t < L; t++)
                            if (t != inst.Gold[i])
                                em[i * L + t] += options.Margin;
                }
                var p = pred.AsSpan(0, n);
                NerModel.Viterbi(em, n, tw, p);
                bool wrong = false;
                for (int i = 0; i < n; i++)
                {
                    int g = inst.Gold[i], q = p[i];
                    int gPrev = i == 0 ? -1 : inst.Gold[i - 1], qPrev = i == 0 ? -1 : p[i - 1];
                    if (g != q)
                    {
                        wrong = true;
                        for (int k = inst.Starts[i]; k < inst.Starts[i + 1]; k++)
                        {
                            int f = inst.Features[k] * L;
                            Update(w, u, f + g, 1, step);
                            Update(w, u, f + q, -1, step);
                        }
                    }
                    if (g != q || gPrev != qPrev)
                    {
                        Update(tw, tu, (gPrev + 1) * L + g, 1, step);
                        Update(tw, tu, (qPrev + 1) * L + q, -1, step);
                    }
                }
                if (wrong)
                    mistakes++;
                step++;
            }
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ner: epoch {epoch}: {mistakes} sentences wrong of {instances.Count} ({clock.Elapsed.TotalSeconds:0.0} s)"));
            if (afterEpoch is not null || epoch == options.Epochs)
            {
                var model = Average(features, keyOf, w, u, tw, tu, step, options.Description);
                afterEpoch?.Invoke(epoch, model);
                if (epoch == options.Epochs)
                    return model;
            }
        }
        return Average(features, keyOf, w, u, tw, tu, step, options.Description);
    }

    private static void Update(float[] w, double[] u, int at, float delta, long step)
    {
        w[at] += delta;
        u[at] += step * (double)delta;
    }

    private static NerModel Average(NerFeatureExtractor features, ulong[] keyOf, float[] w, double[] u, float[] tw, double[] tu, long step, string description)
    {
        var index = new Dictionary<ulong, int>();
        var rows = new List<float>();
        Span<float> row = stackalloc float[L];
        for (int f = 0; f < keyOf.Length; f++)
        {
            bool any = false;
            for (int t = 0; t < L; t++)
            {
                row[t] = (float)(w[f * L + t] - u[f * L + t] / step);
                any |= Math.Abs(row[t]) > 1e-4f;
            }
            if (!any)
                continue; // never updated, or averaged to nothing: costs model size and load time only
            index[keyOf[f]] = index.Count;
            foreach (float x in row)
                rows.Add(x);
        }
        var trans = new float[tw.Length];
        for (int i = 0; i < trans.Length; i++)
            trans[i] = (float)(tw[i] - tu[i] / step);
        return new NerModel(features, index, rows.ToArray(), trans, description);
    }

    internal static (List<Instance> Instances, ulong[] KeyOf) Featurize(IReadOnlyList<NerSentence> sentences, NerFeatureExtractor features, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        var raw = new List<(ulong[] Keys, int[] Starts, int[] Gold)>(sentences.Count);
        var keys = new List<ulong>(4096);
        foreach (var s in sentences)
        {
            if (s.Count == 0)
                continue;
            var obs = new TokenObservation[s.Count];
            for (int i = 0; i < obs.Length; i++)
                obs[i] = TokenObservation.Of(s.Tokens[i]);
            var starts = new int[s.Count + 1];
            keys.Clear();
            features.Extract(obs, keys, starts);
            var gold = new int[s.Count];
            for (int i = 0; i < gold.Length; i++)
            {
                gold[i] = NerLabels.IndexOf(s.Tags[i]);
                if (gold[i] < 0)
                    throw new ArgumentException($"tag '{s.Tags[i]}' is not canonical (read files with ConllReader)");
            }
            // Gold sequences must be decodable: an I that does not continue its type is read as a B, as the scorer does.
            for (int i = 0; i < gold.Length; i++)
                if (!NerLabels.CanFollow(i == 0 ? -1 : gold[i - 1], gold[i]))
                    gold[i] = NerLabels.Begin(NerLabels.TypeOf(gold[i]));
            var arr = keys.ToArray();
            foreach (var k in arr)
                counts[k] = counts.GetValueOrDefault(k) + 1;
            raw.Add((arr, starts, gold));
        }
        var idOf = new Dictionary<ulong, int>();
        var keyOf = new List<ulong>();
        var instances = new List<Instance>(raw.Count);
        var ids = new List<int>(4096);
        foreach (var (arr, starts, gold) in raw)
        {
            ids.Clear();
            var newStarts = new int[starts.Length];
            for (int i = 0; i < gold.Length; i++)
            {
                newStarts[i] = ids.Count;
                for (int k = starts[i]; k < starts[i + 1]; k++)
                {
                    ulong key = arr[k];
                    if (counts[key] < minCount)
                        continue;
                    if (!idOf.TryGetValue(key, out int id))
                    {
                        id = keyOf.Count;
                        idOf[key] = id;
                        keyOf.Add(key);
                    }
                    ids.Add(id);
                }
            }
            newStarts[gold.Length] = ids.Count;
            instances.Add(new Instance(ids.ToArray(), newStarts, gold));
        }
        return (instances, keyOf.ToArray());
    }
}
