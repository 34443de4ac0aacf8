using System.Diagnostics;
using System.Globalization;

namespace Marsad.Entities.Ner;

/// <summary>
/// Linear-chain CRF trained by stochastic gradient descent on the conditional log-likelihood with an L2 prior.
/// Same features, transitions and BIO constraint as the perceptron, so the result is an ordinary <see cref="NerModel"/>;
/// the prior spreads weight over many weak cues instead of the few that fixed the last mistake, which is what
/// rich, overlapping features of unseen names need. With a margin, entity-token costs are added to the wrong tags
/// during training (softmax-margin), which pushes the model towards recall.
/// </summary>
public static class NerCrfTrainer
{
    private const int L = NerLabels.Count;

    /// <summary>Trains a CRF; <paramref name="afterEpoch"/> sees the model after each epoch.</summary>
    public static NerModel Train(
        IReadOnlyList<NerSentence> sentences,
        NerFeatureExtractor features,
        NerTrainingOptions options,
        TextWriter? log = null,
        Action<int, NerModel>? afterEpoch = null)
    {
        var clock = Stopwatch.StartNew();
        var (instances, keyOf) = NerTrainer.Featurize(sentences, features, options.MinFeatureCount);
        int featureCount = keyOf.Length;
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ner: crf: {instances.Count} sentences, {instances.Sum(i => i.Length)} tokens, {featureCount} features ({clock.Elapsed.TotalSeconds:0.0} s)"));

        // Weights are v × scale, so the L2 shrink of every weight at every step is one multiplication.
        var v = new double[featureCount * L];
        var tv = new double[(L + 1) * L];
        double scale = 1;
        double lambda = options.L2;
        double eta0 = options.LearningRate;
        long t = 0;
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, instances.Count).ToArray();
        var allowed = new bool[(L + 1) * L];
        for (int p = -1; p < L; p++)
            for (int c = 0; c < L; c++)
                allowed[(p + 1) * L + c] = NerLabels.CanFollow(p, c);

        double[] em = [], alpha = [], beta = [];
        var tgrad = new double[(L + 1) * L];
        var g9 = new double[L];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            foreach (int idx in order)
            {
                var inst = instances[idx];
                int n = inst.Length;
                if (em.Length < n * L)
                {
                    em = new double[n * L * 2];
                    alpha = new double[n * L * 2];
                    beta = new double[n * L * 2];
                }
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < L; c++)
                        em[i * L + c] = 0;
                    for (int k = inst.Starts[i]; k < inst.Starts[i + 1]; k++)
                    {
                        int f = inst.Features[k] * L;
                        for (int c = 0; c < L; c++)
                            em[i * L + c] += v[f + c];
                    }
                    for (int c = 0; c < L; c++)
                    {
                        em[i * L + c] *= scale;
                        if (options.Margin > 0 && c != inst.Gold[i])
                            em[i * L + c] += options.Margin;
                    }
                }
                double logZ = ForwardBackward(em, tv, scale, allowed, n, alpha, beta);
                double goldScore = 0;
                for (int i = 0; i < n; i++)
                {
                    int g = inst.Gold[i], gp = i == 0 ? -1 : inst.Gold[i - 1];
                    goldScore += em[i * L + g] + tv[(gp + 1) * L + g] * scale;
                }
                loss += logZ - goldScore;

                t++;
                double eta = eta0 / (1 + lambda * eta0 * t);
                scale *= 1 - eta * lambda;
                if (scale < 1e-9)
                {
                    // Fold the scale into the weights before it underflows.
                    for (int i = 0; i < v.Length; i++) v[i] *= scale;
                    for (int i = 0; i < tv.Length; i++) tv[i] *= scale;
                    scale = 1;
                }
                double step = eta / scale;

                // Emission gradient: gold indicator minus marginal, applied to every feature of the position.
                Array.Clear(tgrad);
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < L; c++)
                        g9[c] = -Math.Exp(alpha[i * L + c] + beta[i * L + c] - logZ);
                    g9[inst.Gold[i]] += 1;
                    for (int k = inst.Starts[i]; k < inst.Starts[i + 1]; k++)
                    {
                        int f = inst.Features[k] * L;
                        for (int c = 0; c < L; c++)
                            v[f + c] += step * g9[c];
                    }
                    int gp = i == 0 ? -1 : inst.Gold[i - 1];
                    tgrad[(gp + 1) * L + inst.Gold[i]] += 1;
                    if (i == 0)
                    {
                        for (int c = 0; c < L; c++)
                            if (allowed[c])
                                tgrad[c] -= Math.Exp(alpha[c] + beta[c] - logZ);
                        continue;
                    }
                    for (int p = 0; p < L; p++)
                    {
                        double ap = alpha[(i - 1) * L + p];
                        if (double.IsNegativeInfinity(ap))
                            continue;
                        for (int c = 0; c < L; c++)
                        {
                            int e = (p + 1) * L + c;
                            if (!allowed[e])
                                continue;
                            tgrad[e] -= Math.Exp(ap + tv[e] * scale + em[i * L + c] + beta[i * L + c] - logZ);
                        }
                    }
                }
                for (int e = 0; e < tv.Length; e++)
                    tv[e] += step * tgrad[e];
            }
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ner: crf epoch {epoch}: loss {loss:0.0} ({clock.Elapsed.TotalSeconds:0.0} s)"));
            if (afterEpoch is not null || epoch == options.Epochs)
            {
                var model = Build(features, keyOf, v, tv, scale, options.Description);
                afterEpoch?.Invoke(epoch, model);
                if (epoch == options.Epochs)
                    return model;
            }
        }
        return Build(features, keyOf, v, tv, scale, options.Description);
    }

    // Log-space forward and backward scores under the BIO constraint; returns log Z.
    private static double ForwardBackward(double[] em, double[] tv, double scale, bool[] allowed, int n, double[] alpha, double[] beta)
    {
        Span<double> tmp = stackalloc double[L];
        for (int c = 0; c < L; c++)
            alpha[c] = allowed[c] ? tv[c] * scale + em[c] : double.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int c = 0; c < L; c++)
            {
                for (int p = 0; p < L; p++)
                {
                    int e = (p + 1) * L + c;
                    tmp[p] = allowed[e] ? alpha[(i - 1) * L + p] + tv[e] * scale : double.NegativeInfinity;
                }
                alpha[i * L + c] = LogSumExp(tmp) + em[i * L + c];
            }
        }
        for (int c = 0; c < L; c++)
            beta[(n - 1) * L + c] = 0;
        for (int i = n - 2; i >= 0; i--)
        {
            for (int p = 0; p < L; p++)
            {
                for (int c = 0; c < L; c++)
                {
                    int e = (p + 1) * L + c;
                    tmp[c] = allowed[e] ? tv[e] * scale + em[(i + 1) * L + c] + beta[(i + 1) * L + c] : double.NegativeInfinity;
                }
                beta[i * L + p] = LogSumExp(tmp);
            }
        }
        for (int c = 0; c < L; c++)
            tmp[c] = alpha[(n - 1) * L + c];
        return LogSumExp(tmp);
    }

    private static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (double a in x)
            if (a > max)
                max = a;
        if (double.IsNegativeInfinity(max))
            return max;
        double sum = 0;
        foreach (double a in x)
            sum += Math.Exp(a - max);
        return max + Math.Log(sum);
    }

    private static NerModel Build(NerFeatureExtractor features, ulong[] keyOf, double[] v, double[] tv, double scale, string description)
    {
        var index = new Dictionary<ulong, int>();
        var rows = new List<float>();
        Span<float> row = stackalloc float[L];
        for (int f = 0; f < keyOf.Length; f++)
        {
            bool any = false;
            for (int c = 0; c < L; c++)
            {
                row[c] = (float)(v[f * L + c] * scale);
                any |= Math.Abs(row[c]) > 1e-3f;
            }
            if (!any)
                continue; // too weak to change a decision; costs size and load time only
            index[keyOf[f]] = index.Count;
            foreach (float x in row)
                rows.Add(x);
        }
        var trans = new float[tv.Length];
        for (int i = 0; i < trans.Length; i++)
            trans[i] = (float)(tv[i] * scale);
        return new NerModel(features, index, rows.ToArray(), trans, description);
    }
}
