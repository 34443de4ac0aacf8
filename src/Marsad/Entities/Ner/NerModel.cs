using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>A named entity found by the recognizer: a span of the document text, its type and its tokens.</summary>
public sealed record NamedEntity(TextSpan Span, string Type, int FirstToken, int TokenCount);

/// <summary>
/// A trained NER tagger: a linear model over hashed features with first-order BIO transitions, decoded with
/// Viterbi under the constraint that an I tag only continues its own type. Immutable and safe to share across threads.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "MARSAD-NER";
    private const int FormatVersion = 1;
    private const int L = NerLabels.Count;

    private readonly Dictionary<ulong, int> _index;
    private readonly float[] _weights;      // feature row * L + tag
    private readonly float[] _transitions;  // (previous tag + 1) * L + tag; row 0 is the sentence start

    internal NerModel(NerFeatureExtractor features, Dictionary<ulong, int> index, float[] weights, float[] transitions, string description)
    {
        Features = features;
        _index = index;
        _weights = weights;
        _transitions = transitions;
        Description = description;
    }

    /// <summary>The committed default model, copied beside the binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Models", "ner-ar.bin");

    public NerFeatureExtractor Features { get; }

    /// <summary>How the model was trained (command, corpora), as saved with it.</summary>
    public string Description { get; }

    public int FeatureCount => _index.Count;

    internal ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static NerModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        try
        {
            if (r.ReadString() != Magic)
                throw new InvalidDataException($"{path}: not a Marsad NER model");
            int version = r.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException($"{path}: model format {version}, this build reads {FormatVersion}");
            string description = r.ReadString();
            var groups = (NerFeatureGroups)r.ReadInt32();
            if (r.ReadInt32() != L)
                throw new InvalidDataException($"{path}: tag set differs from this build's");
            var transitions = new float[(L + 1) * L];
            for (int i = 0; i < transitions.Length; i++)
                transitions[i] = r.ReadSingle();
            int count = r.ReadInt32();
            var index = new Dictionary<ulong, int>(count);
            var weights = new float[count * L];
            for (int f = 0; f < count; f++)
            {
                index.Add(r.ReadUInt64(), f);
                int mask = r.ReadUInt16();
                for (int t = 0; t < L; t++)
                    if ((mask & (1 << t)) != 0)
                        weights[f * L + t] = (float)r.ReadHalf();
            }
            var gazetteer = r.ReadBoolean() ? NerGazetteer.Read(r) : null;
            var clusters = r.ReadBoolean() ? WordClusters.Read(r) : null;
            return new NerModel(new NerFeatureExtractor(groups, gazetteer, clusters), index, weights, transitions, description);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: model file is truncated");
        }
    }

    /// <summary>Writes the model gzip-compressed; weights are stored as half floats, zero weights not at all.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Description);
        w.Write((int)Features.Groups);
        w.Write(L);
        foreach (float t in _transitions)
            w.Write(t);
        // Sorted by key so that the same training run always writes the same bytes.
        var rows = _index.OrderBy(e => e.Key).ToList();
        w.Write(rows.Count);
        foreach (var (key, row) in rows)
        {
            w.Write(key);
            int mask = 0;
            for (int t = 0; t < L; t++)
                if ((Half)_weights[row * L + t] != Half.Zero)
                    mask |= 1 << t;
            w.Write((ushort)mask);
            for (int t = 0; t < L; t++)
                if ((mask & (1 << t)) != 0)
                    w.Write((Half)_weights[row * L + t]);
        }
        w.Write(Features.Gazetteer is not null);
        Features.Gazetteer?.Write(w);
        w.Write(Features.Clusters is not null);
        Features.Clusters?.Write(w);
    }

    /// <summary>
    /// A copy whose O tag costs <paramref name="penalty"/> more at every token: trained models are cautious on unseen
    /// words, so a small penalty, chosen on held-out data, trades a little precision for more recall.
    /// </summary>
    public NerModel WithOutsidePenalty(float penalty)
    {
        var index = new Dictionary<ulong, int>(_index);
        var weights = (float[])_weights.Clone();
        ulong bias = NerFeatureExtractor.BiasKey;
        if (!index.TryGetValue(bias, out int row))
        {
            row = index.Count;
            index[bias] = row;
            Array.Resize(ref weights, weights.Length + L);
        }
        weights[row * L + NerLabels.Outside] -= penalty;
        return new NerModel(Features, index, weights, _transitions, Description);
    }

    /// <summary>Tags one tokenized sentence; returns canonical BIO tags.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        var obs = new TokenObservation[tokens.Count];
        for (int i = 0; i < obs.Length; i++)
            obs[i] = TokenObservation.Of(tokens[i]);
        var tags = new int[obs.Length];
        TagObserved(obs, tags);
        return tags.Select(t => NerLabels.Tags[t]).ToArray();
    }

    /// <summary>
    /// Tags the sentences of one document together: each sentence is tagged alone, then names found in one are
    /// propagated to their untagged mentions in the others (<see cref="NerConsistency"/>).
    /// </summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var obs = new TokenObservation[sentences.Count][];
        var tags = new int[sentences.Count][];
        for (int s = 0; s < sentences.Count; s++)
        {
            obs[s] = sentences[s].Select(TokenObservation.Of).ToArray();
            tags[s] = new int[obs[s].Length];
            TagObserved(obs[s], tags[s]);
        }
        NerConsistency.Propagate(obs, tags);
        return tags.Select(t => t.Select(x => NerLabels.Tags[x]).ToArray()).ToArray();
    }

    [ThreadStatic] private static List<ulong>? t_keys;
    [ThreadStatic] private static int[]? t_starts;
    [ThreadStatic] private static float[]? t_emissions;

    /// <summary>Tags observed tokens into tag indices (<see cref="NerLabels.Tags"/>).</summary>
    public void TagObserved(ReadOnlySpan<TokenObservation> sentence, Span<int> tags)
    {
        int n = sentence.Length;
        if (n == 0)
            return;
        var keys = t_keys ??= new List<ulong>(4096);
        keys.Clear();
        var starts = t_starts is { Length: var sl } && sl > n ? t_starts : t_starts = new int[Math.Max(n + 1, 256)];
        Features.Extract(sentence, keys, starts);
        var emissions = t_emissions is { Length: var el } && el >= n * L ? t_emissions : t_emissions = new float[Math.Max(n * L, 256 * L)];
        var em = emissions.AsSpan(0, n * L);
        em.Clear();
        for (int i = 0; i < n; i++)
        {
            var row = em.Slice(i * L, L);
            for (int k = starts[i]; k < starts[i + 1]; k++)
            {
                if (!_index.TryGetValue(keys[k], out int f))
                    continue;
                var wts = _weights.AsSpan(f * L, L);
                for (int t = 0; t < L; t++)
                    row[t] += wts[t];
            }
        }
        Viterbi(em, n, _transitions, tags);
    }

    /// <summary>
    /// Named entities of an analyzed document (sentences and tokens already added by <see cref="TextAnalyzer"/>),
    /// in text order. Sentences are tagged one by one, then names are propagated to their untagged mentions
    /// elsewhere in the document (<see cref="NerConsistency"/>).
    /// </summary>
    public IReadOnlyList<NamedEntity> Tag(Document document)
    {
        var result = new List<NamedEntity>();
        var obs = new List<TokenObservation[]>(document.Sentences.Count);
        var allTags = new List<int[]>(document.Sentences.Count);
        foreach (var sentence in document.Sentences)
        {
            var o = new TokenObservation[sentence.TokenCount];
            for (int i = 0; i < o.Length; i++)
                o[i] = TokenObservation.Of(document.Tokens[sentence.FirstToken + i]);
            var tags = new int[o.Length];
            TagObserved(o, tags);
            obs.Add(o);
            allTags.Add(tags);
        }
        NerConsistency.Propagate(obs, allTags);
        for (int s = 0; s < allTags.Count; s++)
        {
            var sentence = document.Sentences[s];
            var tags = allTags[s];
            int start = -1;
            for (int i = 0; i <= tags.Length; i++)
            {
                int tag = i < tags.Length ? tags[i] : NerLabels.Outside;
                bool continues = NerLabels.IsInside(tag) && start >= 0;
                if (!continues && start >= 0)
                {
                    var first = document.Tokens[sentence.FirstToken + start];
                    var last = document.Tokens[sentence.FirstToken + i - 1];
                    result.Add(new NamedEntity(TextSpan.FromBounds(first.Start, last.End), NerLabels.Types[NerLabels.TypeOf(tags[start])], first.Index, i - start));
                    start = -1;
                }
                if (NerLabels.IsBegin(tag))
                    start = i;
            }
        }
        return result;
    }

    /// <summary>Best tag sequence for emission scores (n × L) and transition scores ((L+1) × L), under the BIO constraint.</summary>
    internal static void Viterbi(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, Span<int> tags)
    {
        Debug.Assert(emissions.Length >= n * L);
        Span<float> prev = stackalloc float[L];
        Span<float> cur = stackalloc float[L];
        var back = n * L <= 4096 ? stackalloc byte[n * L] : new byte[n * L];
        for (int t = 0; t < L; t++)
            prev[t] = NerLabels.CanFollow(-1, t) ? transitions[t] + emissions[t] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int t = 0; t < L; t++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < L; p++)
                {
                    if (!NerLabels.CanFollow(p, t))
                        continue;
                    float s = prev[p] + transitions[(p + 1) * L + t];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }
                cur[t] = best + emissions[i * L + t];
                back[i * L + t] = (byte)arg;
            }
            cur.CopyTo(prev);
        }
        int last = 0;
        for (int t = 1; t < L; t++)
            if (prev[t] > prev[last])
                last = t;
        tags[n - 1] = last;
        for (int i = n - 1; i > 0; i--)
            tags[i - 1] = back[i * L + tags[i]];
    }
}
