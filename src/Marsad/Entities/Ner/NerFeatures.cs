using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>Feature groups that can be switched off (for ablations or a model without external lists).</summary>
[Flags]
public enum NerFeatureGroups
{
    None = 0,

    /// <summary>Words at ±1 and ±2, word bigrams, neighbouring shapes.</summary>
    Context = 1,

    /// <summary>Clitic-split forms: best-guess stem, proclitics, enclitic, every match form, neighbouring stems.</summary>
    Clitics = 2,

    /// <summary>Prefixes and suffixes of the normalized word and its stem.</summary>
    Affixes = 4,

    /// <summary>Membership in name lists (whole phrases and single words, with neighbours).</summary>
    Gazetteer = 8,

    /// <summary>Word clusters learned from unlabeled news, at each level of the hierarchy.</summary>
    Clusters = 16,

    /// <summary>Character classes, length, digits and Latin letters.</summary>
    Shape = 32,

    /// <summary>Cue words around the token (titles, organisation and place heads, name particles; see <see cref="NerCues"/>).</summary>
    Cues = 64,

    /// <summary>Character trigrams and 4-letter affixes of the stem, name-like endings, a bag of the stems around.</summary>
    Ngrams = 128,

    All = Context | Clitics | Affixes | Gazetteer | Clusters | Shape | Cues | Ngrams,
}

/// <summary>Parsing and printing of feature group lists ("context,clitics").</summary>
public static class NerFeatureGroupNames
{
    public static NerFeatureGroups Parse(string list)
    {
        var g = NerFeatureGroups.None;
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<NerFeatureGroups>(part, ignoreCase: true, out var one) || part.All(char.IsDigit))
                throw new ArgumentException($"unknown feature group '{part}' (known: context, clitics, affixes, gazetteer, clusters, shape, cues, ngrams)");
            g |= one;
        }
        return g;
    }

    public static string Format(NerFeatureGroups g) =>
        g == NerFeatureGroups.All ? "all" : string.Join(',', Enum.GetValues<NerFeatureGroups>()
            .Where(v => v is not (NerFeatureGroups.None or NerFeatureGroups.All) && g.HasFlag(v))
            .Select(v => v.ToString().ToLowerInvariant()));
}

/// <summary>
/// Turns a sentence of observed tokens into hashed feature keys per position. Token-level hashes are computed
/// once per sentence, and context features combine a neighbour's hash with the template of its offset, so no
/// feature string is ever built.
/// </summary>
public sealed class NerFeatureExtractor
{
    // Template ids: part of every feature key, so they must never be renumbered once a model is saved.
    private const int TBias = 1, TSurface = 2, TNorm = 3, TNormM2 = 4, TNormM1 = 5, TNormP1 = 6, TNormP2 = 7, TBigramL = 8, TBigramR = 9;
    private const int TStem = 10, TProclitic = 11, TEnclitic = 12, TForm = 13, TStemM1 = 14, TStemP1 = 15, TProcliticP1 = 16, TProcliticM1 = 17;
    private const int TPrefix = 20, TSuffix = 25, TStemPrefix = 30, TStemSuffix = 34;
    private const int TShape = 40, TLength = 41, TShapeContext = 42, TShapeM1 = 43, TShapeP1 = 44;
    private const int TGazBegin = 50, TGazInside = 51, TGazM1 = 52, TGazP1 = 53, TGazSingle = 54, TGazSingleM1 = 55, TGazSingleP1 = 56;
    private const int TCluster = 60, TClusterM1 = 64, TClusterP1 = 68, TNoCluster = 72, TClusterBigramL = 73, TClusterBigramR = 74, TWordClusterP1 = 75, TClusterM1Word = 76;

    private const int TCue = 80, TCueM1 = 81, TCueM2 = 82, TCueP1 = 83, TCueP2 = 84, TCuePairM = 85, TCueNearLeft = 86, TCueM1Article = 87, TCueStemM1 = 88;
    private const int TStemPrefix4 = 100, TStemSuffix4 = 101, TStemTrigram = 102, TPattern = 103, TBag = 104;

    /// <summary>Key of the feature every token has: its weights are the per-tag prior.</summary>
    internal static ulong BiasKey { get; } = FeatureHash.Feature(TBias, 0);

    private static readonly ulong Pad = FeatureHash.Of("<s>");
    private static readonly ulong PadEnd = FeatureHash.Of("</s>");

    public NerFeatureExtractor(NerFeatureGroups groups, NerGazetteer? gazetteer, WordClusters? clusters)
    {
        Groups = groups;
        Gazetteer = groups.HasFlag(NerFeatureGroups.Gazetteer) ? gazetteer : null;
        Clusters = groups.HasFlag(NerFeatureGroups.Clusters) ? clusters : null;
    }

    public NerFeatureGroups Groups { get; }

    public NerGazetteer? Gazetteer { get; }

    public WordClusters? Clusters { get; }

    private struct TokenHashes
    {
        public ulong Surface, Norm, Stem, Proclitic, Shape;
        public int[]? Cluster;
        public byte GazBegin, GazInside, GazSingle, Cue;
    }

    [ThreadStatic] private static TokenHashes[]? t_hashes;
    [ThreadStatic] private static byte[]? t_gaz;

    /// <summary>
    /// Appends the feature keys of every position to <paramref name="keys"/>; position i's keys are
    /// keys[starts[i]..starts[i+1]]. <paramref name="starts"/> must hold n+1 entries.
    /// </summary>
    public void Extract(ReadOnlySpan<TokenObservation> sentence, List<ulong> keys, Span<int> starts)
    {
        int n = sentence.Length;
        var h = t_hashes is { Length: var len } && len >= n ? t_hashes : t_hashes = new TokenHashes[Math.Max(n, 128)];
        for (int i = 0; i < n; i++)
        {
            var o = sentence[i];
            h[i] = new TokenHashes
            {
                Surface = FeatureHash.Of(o.Surface),
                Norm = FeatureHash.Of(o.Normalized),
                Stem = FeatureHash.Of(o.Stem),
                Proclitic = FeatureHash.Of(o.Proclitics),
                Shape = FeatureHash.Of(ShapeOf(o.Surface)),
                Cue = (byte)NerCues.Of(o),
                Cluster = Clusters is null ? null : Clusters.PathOf(o.Normalized) ?? (o.Stem != o.Normalized ? Clusters.PathOf(o.Stem) : null),
            };
        }
        if (Gazetteer is not null)
        {
            var g = t_gaz is { Length: var gl } && gl >= 3 * n ? t_gaz : t_gaz = new byte[Math.Max(3 * n, 384)];
            Gazetteer.Match(sentence, g.AsSpan(0, n), g.AsSpan(n, n), g.AsSpan(2 * n, n));
            for (int i = 0; i < n; i++)
            {
                h[i].GazBegin = g[i];
                h[i].GazInside = g[n + i];
                h[i].GazSingle = g[2 * n + i];
            }
        }

        bool context = Groups.HasFlag(NerFeatureGroups.Context);
        bool clitics = Groups.HasFlag(NerFeatureGroups.Clitics);
        bool affixes = Groups.HasFlag(NerFeatureGroups.Affixes);
        bool shape = Groups.HasFlag(NerFeatureGroups.Shape);
        bool cues = Groups.HasFlag(NerFeatureGroups.Cues);
        bool ngrams = Groups.HasFlag(NerFeatureGroups.Ngrams);
        for (int i = 0; i < n; i++)
        {
            starts[i] = keys.Count;
            var o = sentence[i];
            ref var t = ref h[i];
            keys.Add(FeatureHash.Feature(TBias, 0));
            keys.Add(FeatureHash.Feature(TSurface, t.Surface));
            keys.Add(FeatureHash.Feature(TNorm, t.Norm));
            ulong m1 = i > 0 ? h[i - 1].Norm : Pad, p1 = i + 1 < n ? h[i + 1].Norm : PadEnd;
            if (context)
            {
                keys.Add(FeatureHash.Feature(TNormM1, m1));
                keys.Add(FeatureHash.Feature(TNormP1, p1));
                keys.Add(FeatureHash.Feature(TNormM2, i > 1 ? h[i - 2].Norm : Pad));
                keys.Add(FeatureHash.Feature(TNormP2, i + 2 < n ? h[i + 2].Norm : PadEnd));
                keys.Add(FeatureHash.Feature(TBigramL, m1, t.Norm));
                keys.Add(FeatureHash.Feature(TBigramR, t.Norm, p1));
            }
            if (clitics)
            {
                if (t.Stem != t.Norm)
                    keys.Add(FeatureHash.Feature(TStem, t.Stem));
                keys.Add(FeatureHash.Feature(TProclitic, t.Proclitic));
                if (o.Enclitic.Length > 0)
                    keys.Add(FeatureHash.Feature(TEnclitic, FeatureHash.Of(o.Enclitic)));
                for (int f = 1; f < o.Forms.Count; f++)
                    keys.Add(FeatureHash.Feature(TForm, FeatureHash.Of(o.Forms[f])));
                if (context)
                {
                    keys.Add(FeatureHash.Feature(TStemM1, i > 0 ? h[i - 1].Stem : Pad));
                    keys.Add(FeatureHash.Feature(TStemP1, i + 1 < n ? h[i + 1].Stem : PadEnd));
                    keys.Add(FeatureHash.Feature(TProcliticP1, i + 1 < n ? h[i + 1].Proclitic : PadEnd));
                    keys.Add(FeatureHash.Feature(TProcliticM1, i > 0 ? h[i - 1].Proclitic : Pad));
                }
            }
            if (affixes)
            {
                var w = o.Normalized.AsSpan();
                for (int k = 1; k <= 4 && k < w.Length; k++)
                {
                    keys.Add(FeatureHash.Feature(TPrefix + k, FeatureHash.Of(w[..k])));
                    keys.Add(FeatureHash.Feature(TSuffix + k, FeatureHash.Of(w[^k..])));
                }
                var s = o.Stem.AsSpan();
                for (int k = 1; k <= 3 && k < s.Length; k++)
                {
                    keys.Add(FeatureHash.Feature(TStemPrefix + k, FeatureHash.Of(s[..k])));
                    keys.Add(FeatureHash.Feature(TStemSuffix + k, FeatureHash.Of(s[^k..])));
                }
            }
            if (shape)
            {
                keys.Add(FeatureHash.Feature(TShape, t.Shape));
                keys.Add(FeatureHash.Feature(TLength, (ulong)Math.Min(o.Normalized.Length, 12)));
                if (context)
                {
                    ulong sm1 = i > 0 ? h[i - 1].Shape : Pad, sp1 = i + 1 < n ? h[i + 1].Shape : PadEnd;
                    keys.Add(FeatureHash.Feature(TShapeM1, sm1));
                    keys.Add(FeatureHash.Feature(TShapeP1, sp1));
                    keys.Add(FeatureHash.Feature(TShapeContext, FeatureHash.Mix(sm1 ^ (t.Shape * 31)), sp1));
                }
            }
            if (cues)
                AddCues(keys, h, i, n, o);
            if (ngrams)
                AddNgrams(keys, h, i, n, o);
            if (Gazetteer is not null)
            {
                AddGaz(keys, TGazBegin, t.GazBegin);
                AddGaz(keys, TGazInside, t.GazInside);
                AddGaz(keys, TGazSingle, t.GazSingle);
                if (context)
                {
                    if (i > 0)
                    {
                        AddGaz(keys, TGazM1, (byte)(h[i - 1].GazBegin | h[i - 1].GazInside));
                        AddGaz(keys, TGazSingleM1, h[i - 1].GazSingle);
                    }
                    if (i + 1 < n)
                    {
                        AddGaz(keys, TGazP1, (byte)(h[i + 1].GazBegin | h[i + 1].GazInside));
                        AddGaz(keys, TGazSingleP1, h[i + 1].GazSingle);
                    }
                }
            }
            if (Clusters is not null)
            {
                AddCluster(keys, TCluster, t.Cluster);
                if (context)
                {
                    AddCluster(keys, TClusterM1, i > 0 ? h[i - 1].Cluster : null);
                    AddCluster(keys, TClusterP1, i + 1 < n ? h[i + 1].Cluster : null);
                    // Mid-level class pairs: "a given name after a title", "a city after a preposition" without the words themselves.
                    ulong c0 = ClusterKey(t.Cluster), cm1 = i > 0 ? ClusterKey(h[i - 1].Cluster) : Pad, cp1 = i + 1 < n ? ClusterKey(h[i + 1].Cluster) : PadEnd;
                    keys.Add(FeatureHash.Feature(TClusterBigramL, cm1, c0));
                    keys.Add(FeatureHash.Feature(TClusterBigramR, c0, cp1));
                    keys.Add(FeatureHash.Feature(TWordClusterP1, t.Norm, cp1));
                    keys.Add(FeatureHash.Feature(TClusterM1Word, m1, c0));
                }
            }
        }
        starts[n] = keys.Count;
    }

    private static void AddCues(List<ulong> keys, TokenHashes[] h, int i, int n, TokenObservation o)
    {
        ulong c0 = h[i].Cue, cm1 = i > 0 ? h[i - 1].Cue : 15UL, cm2 = i > 1 ? h[i - 2].Cue : 15UL;
        ulong cp1 = i + 1 < n ? h[i + 1].Cue : 15UL, cp2 = i + 2 < n ? h[i + 2].Cue : 15UL;
        keys.Add(FeatureHash.Feature(TCue, c0));
        keys.Add(FeatureHash.Feature(TCueM1, cm1));
        keys.Add(FeatureHash.Feature(TCueM2, cm2));
        keys.Add(FeatureHash.Feature(TCueP1, cp1));
        keys.Add(FeatureHash.Feature(TCueP2, cp2));
        keys.Add(FeatureHash.Feature(TCuePairM, cm2 * 16 + cm1));
        // "وزير الخارجية الفرنسي X": the title sits a few words back, so also the nearest cue within four words, with its distance.
        for (int d = 1; d <= 4 && i - d >= 0; d++)
        {
            if (h[i - d].Cue != 0)
            {
                keys.Add(FeatureHash.Feature(TCueNearLeft, (ulong)h[i - d].Cue * 8 + (ulong)d));
                break;
            }
        }
        // A title before a word without the article reads as a name (الرئيس بوش), with it as a qualifier (الرئيس الفرنسي).
        bool article = o.Proclitics.EndsWith("ال", StringComparison.Ordinal);
        keys.Add(FeatureHash.Feature(TCueM1Article, cm1 * 2 + (article ? 1UL : 0UL)));
        if (cm1 != 0 && cm1 != 15)
            keys.Add(FeatureHash.Feature(TCueStemM1, cm1, h[i].Stem));
    }

    private static void AddNgrams(List<ulong> keys, TokenHashes[] h, int i, int n, TokenObservation o)
    {
        var s = o.Stem.AsSpan();
        if (s.Length > 4)
        {
            keys.Add(FeatureHash.Feature(TStemPrefix4, FeatureHash.Of(s[..4])));
            keys.Add(FeatureHash.Feature(TStemSuffix4, FeatureHash.Of(s[^4..])));
        }
        // Inner trigrams carry the sound of foreign names (…وفيتش، …سكي) wherever the clitics and endings fall.
        if (s.Length >= 3)
        {
            var padded = s.Length <= 30 ? s : s[..30];
            for (int k = 0; k + 3 <= padded.Length; k++)
                keys.Add(FeatureHash.Feature(TStemTrigram, FeatureHash.Of(padded.Slice(k, 3))));
        }
        bool article = o.Proclitics.EndsWith("ال", StringComparison.Ordinal);
        bool nisba = s.EndsWith("ي") || s.EndsWith("يه") || s.EndsWith("يين") || s.EndsWith("يون");
        keys.Add(FeatureHash.Feature(TPattern, (article ? 1UL : 0UL) | (nisba ? 2UL : 0UL) | ((ulong)Math.Min(s.Length, 9) << 2)));
        // Topic words anywhere near (a match, a ministry, a war) without their exact position.
        for (int d = -3; d <= 3; d++)
        {
            int j = i + d;
            if (d == 0 || j < 0 || j >= n)
                continue;
            keys.Add(FeatureHash.Feature(TBag, h[j].Stem));
        }
    }

    private static void AddGaz(List<ulong> keys, int template, byte mask)
    {
        for (int type = 0; type < 4; type++)
            if ((mask & (1 << type)) != 0)
                keys.Add(FeatureHash.Feature(template, (ulong)type + 1));
    }

    private static void AddCluster(List<ulong> keys, int template, int[]? path)
    {
        if (path is null)
        {
            keys.Add(FeatureHash.Feature(TNoCluster, (ulong)template));
            return;
        }
        // One feature per path prefix: coarse levels generalize, the full path is nearly a word class.
        ulong h = 17;
        for (int level = 0; level < path.Length && level < 4; level++)
        {
            h = FeatureHash.Mix(h * 31 + (ulong)path[level] + 1);
            keys.Add(FeatureHash.Feature(template + level, h));
        }
    }

    // The second-level cluster (of 32×16) as one value; 0 when the word has no cluster.
    private static ulong ClusterKey(int[]? path) =>
        path is null ? 0 : path.Length == 1 ? (ulong)path[0] + 1 : ((ulong)path[0] + 1) * 1000 + (ulong)path[1] + 1;

    /// <summary>Word shape: runs of character classes (A Arabic letter, L Latin, D digit, P punctuation, S other), at most 4.</summary>
    public static string ShapeOf(string surface)
    {
        Span<char> buf = stackalloc char[4];
        int len = 0;
        char last = '\0';
        foreach (char c in surface)
        {
            char k = ArabicNormalizer.IsArabicLetter(c) ? 'A'
                : ArabicNormalizer.IsArabicDiacritic(c) ? last
                : c is >= '0' and <= '9' or >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9' ? 'D'
                : char.IsAsciiLetter(c) ? (char.IsUpper(c) ? 'U' : 'L')
                : char.IsPunctuation(c) ? 'P' : 'S';
            if (k == last || k == '\0')
                continue;
            if (len == buf.Length)
                break;
            buf[len++] = k;
            last = k;
        }
        return len == 0 ? "-" : new string(buf[..len]);
    }
}
