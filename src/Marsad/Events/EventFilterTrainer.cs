using System.Text.Json;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Events;

/// <summary>Cross-validated scores of the event filter at one threshold.</summary>
public sealed record FilterScore(double Threshold, double AssaultF1, double ProtestF1, double DevF1)
{
    public double Mean => (AssaultF1 + ProtestF1 + DevF1) / 3;
}

/// <summary>
/// Builds training examples for the <see cref="EventFilter"/> from labelled data, measures it by
/// cross-validation and trains the final model.
/// </summary>
public static class EventFilterTrainer
{
    private static readonly HashSet<string> Violent = ["battles", "explosions_remote_violence", "violence_against_civilians"];
    private static readonly HashSet<string> Protest = ["protests", "riots"];

    /// <summary>
    /// Examples from a GSR sentence file: each candidate of the labelled kind takes the sentence's label
    /// (yes → event; easy/difficult no → not; ambiguous left out). Sentences have no publication date.
    /// </summary>
    public static List<FilterExample> FromGsr(MarsadPipeline pipeline, string csvPath, string kind)
    {
        var wanted = kind == "assault" ? Violent : Protest;
        var examples = new List<FilterExample>();
        using var stream = File.OpenRead(csvPath);
        List<string>? header = null;
        foreach (var rec in CsvReader.Read(stream))
        {
            if (rec.Error is not null)
                continue;
            if (header is null)
            {
                header = rec.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                continue;
            }
            string Field(string name) => header.IndexOf(name) is var i and >= 0 && i < rec.Fields.Count ? rec.Fields[i] : "";
            var label = Field("label");
            if (label is not ("yes" or "easy no" or "difficult no"))
                continue;
            var id = $"{kind}:{Field("id")}";
            int before = examples.Count;
            foreach (var (record, features) in pipeline.Candidates(new Article(id, Field("text"))))
                if (wanted.Contains(record.Type))
                    examples.Add(new FilterExample(features, label == "yes", id));
            if (examples.Count == before && label == "yes")
                examples.Add(new FilterExample([], true, id) { Unreached = true });
        }
        return examples;
    }

    /// <summary>Examples from an evaluation set: a candidate is an event when its evidence overlaps a gold event's.</summary>
    public static List<FilterExample> FromGold(MarsadPipeline pipeline, string articlesPath, string goldPath)
    {
        var gold = File.ReadLines(goldPath).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var examples = new List<FilterExample>();
        foreach (var article in ArticleReader.Read(articlesPath, _ => { }))
        {
            var text = TextFolder.Fold(article.Text);
            var spans = gold.Where(g => g.GetProperty("article").GetString() == article.Id)
                .Select(g => TextFolder.Fold(g.GetProperty("evidence").GetString() ?? ""))
                .Select(e => (Start: text.IndexOf(e, StringComparison.Ordinal), e.Length))
                .Where(s => s.Start >= 0).Select(s => new TextSpan(s.Start, s.Length)).ToList();
            var candidates = pipeline.Candidates(article);
            foreach (var (record, features) in candidates)
                examples.Add(new FilterExample(features, spans.Any(s => s.Overlaps(record.Evidence)), "dev:" + article.Id));
            foreach (var missed in spans.Where(s => !candidates.Any(c => c.Record.Evidence.Overlaps(s))))
                examples.Add(new FilterExample([], true, "dev:" + article.Id) { Unreached = true });
        }
        return examples;
    }

    /// <summary>
    /// Group k-fold cross-validation (a sentence or article never sits on both sides): held-out
    /// probabilities for every example, then detection F1 per source at each threshold.
    /// </summary>
    public static IReadOnlyList<FilterScore> CrossValidate(IReadOnlyList<FilterExample> examples, int folds = 5, int epochs = 12)
    {

        var groups = examples.Select(e => e.Group).Distinct().OrderBy(g => g, StringComparer.Ordinal).ToList();
        var foldOf = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => (int)((uint)StableHash(x.g) % (uint)folds));
        var prob = new double[examples.Count];
        for (int k = 0; k < folds; k++)
        {
            var train = examples.Where(e => foldOf[e.Group] != k).ToList();
            var model = EventFilter.Train(train, epochs);
            for (int i = 0; i < examples.Count; i++)
                if (foldOf[examples[i].Group] == k)
                    prob[i] = examples[i].Unreached ? -1 : model.Probability(examples[i].Features);
        }
        var scores = new List<FilterScore>();
        // Threshold 0 is the rules alone, the baseline every other row is compared with.
        foreach (double t in new[] { 0.0, 0.02, 0.04, 0.06, 0.08 }.Concat(Enumerable.Range(2, 18).Select(i => i * 0.05)))
        {
            double thr = Math.Round(t, 2);
            scores.Add(new FilterScore(thr, GroupF1(examples, prob, thr, "assault:"), GroupF1(examples, prob, thr, "protest:"), ItemF1(examples, prob, thr, "dev:")));
        }
        return scores;
    }

    /// <summary>The examples without the features whose names start with any of <paramref name="drop"/> (for ablations).</summary>
    public static IReadOnlyList<FilterExample> Without(IReadOnlyList<FilterExample> examples, IReadOnlyList<string> drop)
    {
        return drop.Count == 0 ? examples
            : examples.Select(e => e with { Features = e.Features.Where(f => !drop.Any(d => f.StartsWith(d, StringComparison.Ordinal))).ToList() }).ToList();
    }

    // Sentence-level detection, as score.py sentences counts it: a sentence is found when any of its candidates is kept.
    private static double GroupF1(IReadOnlyList<FilterExample> ex, double[] prob, double thr, string prefix)
    {
        var bySentence = ex.Select((e, i) => (e, i)).Where(x => x.e.Group.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(x => x.e.Group).Select(g => (Gold: g.First().e.IsEvent, Found: g.Any(x => prob[x.i] >= thr))).ToList();
        return F1(bySentence.Count(s => s.Gold && s.Found), bySentence.Count(s => !s.Gold && s.Found), bySentence.Count(s => s.Gold && !s.Found));
    }

    private static double ItemF1(IReadOnlyList<FilterExample> ex, double[] prob, double thr, string prefix)
    {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < ex.Count; i++)
        {
            if (!ex[i].Group.StartsWith(prefix, StringComparison.Ordinal)) continue;
            bool keep = prob[i] >= thr;
            if (keep && ex[i].IsEvent) tp++;
            else if (keep) fp++;
            else if (ex[i].IsEvent) fn++;
        }
        return F1(tp, fp, fn);
    }

    private static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);

    // string.GetHashCode is randomized per process; folds must not be.
    private static int StableHash(string s)
    {
        unchecked
        {
            int h = (int)2166136261;
            foreach (char c in s) h = (h ^ c) * 16777619;
            return h & 0x7fffffff;
        }
    }
}
