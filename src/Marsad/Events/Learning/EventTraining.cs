using System.Text.Json;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Events.Learning;

/// <summary>An article with the events a coder found in it (FORMAT.md gold lines) and the group it is folded with.</summary>
public sealed record CodedArticle(Article Article, IReadOnlyList<JsonElement> Gold)
{
    /// <summary>Articles with one group are the same story (republished by another outlet) and are never split across folds.</summary>
    public string Group { get; init; } = Article.Id;
}

/// <summary>A gold event's evidence located in the folded article text, with the types it accepts.</summary>
public sealed record GoldSpan(TextSpan Span, string Type, string Subtype, IReadOnlyList<string> Types, JsonElement Event);

/// <summary>One scored setting of cross-validation: pooled over all folds, and each fold's typed F1.</summary>
public sealed record CvResult(double Threshold, EventScore Pooled, IReadOnlyList<EventScore> Folds)
{
    /// <summary>Each article's held-out predictions, in the order of the articles.</summary>
    public IReadOnlyList<IReadOnlyList<EventRecord>> Predictions { get; init; } = [];
}

/// <summary>
/// Training and cross-validation of the trained event stage from coded articles: candidates from the broad
/// rules, labels from the gold events their trigger falls in, folds by article (republished stories together).
/// </summary>
public static class EventTraining
{
    /// <summary>Reads an evaluation set (articles.jsonl and gold.jsonl of FORMAT.md).</summary>
    public static List<CodedArticle> Load(string articlesPath, string goldPath, Action<IngestDiagnostic>? report = null)
    {
        var gold = EventScorer.LoadJsonLines(goldPath).GroupBy(g => g.GetProperty("article").GetString() ?? "")
            .ToDictionary(g => g.Key, g => (IReadOnlyList<JsonElement>)g.ToList(), StringComparer.Ordinal);
        return ArticleReader.Read(articlesPath, report ?? (_ => { }))
            .Select(a => new CodedArticle(a, gold.GetValueOrDefault(a.Id, [])))
            .ToList();
    }

    /// <summary>
    /// Gives articles that tell the same story (the same opening 200 characters or the same title) one group,
    /// so that a republished report never sits on both sides of a fold.
    /// </summary>
    public static List<CodedArticle> GroupDuplicates(IReadOnlyList<CodedArticle> articles)
    {
        var parent = Enumerable.Range(0, articles.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++)
        {
            var text = TextFolder.Fold(articles[i].Article.Text);
            var keys = new List<string> { "t:" + text[..Math.Min(200, text.Length)] };
            if (!string.IsNullOrWhiteSpace(articles[i].Article.Title))
                keys.Add("h:" + TextFolder.Fold(articles[i].Article.Title!));
            foreach (var key in keys)
            {
                if (byKey.TryGetValue(key, out var j)) parent[Find(i)] = Find(j);
                else byKey[key] = i;
            }
        }
        return articles.Select((a, i) => a with { Group = articles[Find(i)].Article.Id }).ToList();
    }

    /// <summary>The fold of each article: groups shuffled with a fixed seed, then dealt round-robin.</summary>
    public static int[] Folds(IReadOnlyList<CodedArticle> articles, int k, int seed = 7)
    {
        var groups = articles.Select(a => a.Group).Distinct().Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(groups);
        var foldOf = groups.Select((g, i) => (g, i % k)).ToDictionary(x => x.g, x => x.Item2, StringComparer.Ordinal);
        return articles.Select(a => foldOf[a.Group]).ToArray();
    }

    /// <summary>Where each gold event's evidence lies in the document's folded text (events whose evidence is not found are left out).</summary>
    public static List<GoldSpan> GoldSpans(Document doc, IReadOnlyList<JsonElement> gold)
    {
        var list = new List<GoldSpan>();
        foreach (var g in gold)
        {
            var ev = TextFolder.Fold(g.GetProperty("evidence").GetString() ?? "");
            int at = ev.Length == 0 ? -1 : doc.Text.IndexOf(ev, StringComparison.Ordinal);
            if (at < 0)
                continue;
            string type = g.GetProperty("type").GetString() ?? "", subtype = g.GetProperty("subtype").GetString() ?? "";
            var types = new List<string> { type };
            if (g.TryGetProperty("alt", out var alt) && alt.ValueKind == JsonValueKind.Array)
                types.AddRange(alt.EnumerateArray().Select(a => a.GetProperty("type").GetString() ?? ""));
            list.Add(new GoldSpan(new TextSpan(at, ev.Length), type, subtype, types, g));
        }
        return list;
    }

    /// <summary>
    /// The class a candidate should get: the type of the gold event whose evidence holds its trigger (the rule's
    /// own type when that event accepts it), else the rule's type when a gold event of that type overlaps its
    /// evidence, else no event.
    /// </summary>
    public static (string Label, string? Subtype, GoldSpan? Gold) Label(TrainingCandidate c, IReadOnlyList<GoldSpan> gold)
    {
        var rule = c.Record.Type;
        var holding = gold.Where(g => g.Span.Contains(c.Record.Trigger)).ToList();
        if (holding.FirstOrDefault(g => g.Types.Contains(rule)) is { } same)
            return (rule, c.Record.Subtype, same);
        if (holding.Count > 0)
            return (holding[0].Type, holding[0].Subtype, holding[0]);
        if (gold.FirstOrDefault(g => g.Types.Contains(rule) && g.Span.Overlaps(c.Record.Evidence)) is { } near)
            return (rule, c.Record.Subtype, near);
        return (EventTypeModel.None, null, null);
    }

    /// <summary>
    /// Role labels for the mentions of a candidate that tells a gold event: actor1 when the name it would be
    /// output as matches one of the gold actor1 names (as the scorer compares them), else actor2, else none.
    /// </summary>
    public static IEnumerable<(string[] Features, int Label)> RoleExamples(TrainingCandidate c, GoldSpan gold)
    {
        var a1 = Names(gold.Event, "actor1");
        var a2 = Names(gold.Event, "actor2");
        foreach (var (name, features) in c.Mentions)
        {
            int role = a1.Count > 0 && EventScorer.NamesMatch(name, a1) ? 1 : a2.Count > 0 && EventScorer.NamesMatch(name, a2) ? 2 : 0;
            yield return (features, role);
        }
    }

    /// <summary>Place labels for the places a candidate that tells a gold event may have: right when the scorer would accept it.</summary>
    public static IEnumerable<(string[] Features, bool IsPlace)> PlaceExamples(TrainingCandidate c, GoldSpan gold)
    {
        if (!gold.Event.TryGetProperty("place", out var gp) || gp.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var (place, features) in c.Places)
            yield return (features, PlaceOk(place, gp));
    }

    /// <summary>Count labels: a number is one of the event's counts when the gold event gives that kind of count with that value.</summary>
    public static IEnumerable<(string[] Features, bool IsCount)> CountExamples(TrainingCandidate c, GoldSpan gold)
    {
        var q = gold.Event.TryGetProperty("quantities", out var gq) && gq.ValueKind == JsonValueKind.Object ? gq : default;
        foreach (var (key, value, features) in c.Counts)
            yield return (features, q.ValueKind == JsonValueKind.Object && q.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt64() == value);
    }

    /// <summary>score.py's place test for a gazetteer entry against a gold place.</summary>
    public static bool PlaceOk(Geo.GazetteerEntry p, JsonElement gold)
    {
        string prec = gold.TryGetProperty("precision", out var pr) && pr.ValueKind == JsonValueKind.String ? pr.GetString()! : "point";
        if (prec is "country" or "region")
            return gold.TryGetProperty("country", out var gc) && gc.ValueKind == JsonValueKind.String
                && string.Equals(gc.GetString(), p.Country, StringComparison.OrdinalIgnoreCase);
        if (!gold.TryGetProperty("lat", out var lat) || lat.ValueKind != JsonValueKind.Number || !gold.TryGetProperty("lon", out var lon) || lon.ValueKind != JsonValueKind.Number)
            return false;
        double limit = prec switch { "admin2" => 50, "admin1" => 100, _ => 25 };
        return EventScorer.Km(p.Lat, p.Lon, lat.GetDouble(), lon.GetDouble()) <= limit;
    }

    private static List<string?> Names(JsonElement e, string field) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()).ToList() : [];

    /// <summary>An analysed article with its candidates and their labels, computed once and reused by every fold.</summary>
    public sealed record Prepared(CodedArticle Coded, Document Document, IReadOnlyList<(string[] Features, string Label, string? Subtype)> Examples)
    {
        /// <summary>(event, mention) pairs of the candidates that tell a gold event, with their role labels.</summary>
        public IReadOnlyList<(string[] Features, int Label)> RoleExamples { get; init; } = [];

        /// <summary>(event, place) pairs of the candidates that tell a gold event, labelled as the scorer would judge them.</summary>
        public IReadOnlyList<(string[] Features, bool IsPlace)> PlaceExamples { get; init; } = [];

        /// <summary>(event, number) pairs of the candidates that tell a gold event, labelled by the gold counts.</summary>
        public IReadOnlyList<(string[] Features, bool IsCount)> CountExamples { get; init; } = [];

        /// <summary>Gold events whose evidence holds the trigger of at least one candidate: what any decision over these candidates can reach.</summary>
        public int GoldReached { get; init; }

        /// <summary>Gold events no candidate's trigger falls in: what the trigger lexicons miss.</summary>
        public IReadOnlyList<GoldSpan> Unreached { get; init; } = [];
    }

    public static List<Prepared> Prepare(MarsadPipeline pipeline, IReadOnlyList<CodedArticle> articles)
    {
        var result = new Prepared[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var coded = articles[i];
            var doc = pipeline.Analyze(coded.Article);
            var gold = GoldSpans(doc, coded.Gold);
            var cands = pipeline.ExtractorFor(coded.Article.Lang).BroadCandidates(doc);
            var labels = cands.Select(c => Label(c, gold)).ToList();
            var examples = cands.Select((c, j) => (c.Features, labels[j].Label, labels[j].Subtype)).ToList();
            var roles = cands.SelectMany((c, j) => labels[j].Gold is { } g ? RoleExamples(c, g) : []).ToList();
            var unreached = gold.Where(g => !cands.Any(c => g.Span.Contains(c.Record.Trigger))).ToList();
            var places = cands.SelectMany((c, j) => labels[j].Gold is { } g ? PlaceExamples(c, g) : []).ToList();
            var counts = cands.SelectMany((c, j) => labels[j].Gold is { } g ? CountExamples(c, g) : []).ToList();
            result[i] = new Prepared(coded, doc, examples)
            {
                GoldReached = gold.Count - unreached.Count, Unreached = unreached, RoleExamples = roles, PlaceExamples = places, CountExamples = counts,
            };
        });
        return [.. result];
    }

    // Decision thresholds of the argument stages, chosen by 5-fold cross-validation over train+dev (see the models'
    // README): a mention fills a role from 0.22 (0.10-0.55 tried), the likeliest place replaces the rules' from 0.10
    // (0.1-0.5), a number becomes a count from 0.30 (0.2-0.55).
    private const double RoleThreshold = 0.22, PlaceThreshold = 0.1, CountThreshold = 0.3;

    public static ChoiceModel TrainRoles(IEnumerable<Prepared> articles, int seed = 17) =>
        ChoiceModel.Train(ChoiceModel.RoleClasses, articles.SelectMany(p => p.RoleExamples).ToList(), RoleThreshold, seed: seed);

    public static ChoiceModel TrainPlaces(IEnumerable<Prepared> articles, int seed = 17) =>
        ChoiceModel.Train(ChoiceModel.PlaceClasses, articles.SelectMany(p => p.PlaceExamples).Select(e => (e.Features, e.IsPlace ? 1 : 0)).ToList(), PlaceThreshold, seed: seed);

    public static ChoiceModel TrainCounts(IEnumerable<Prepared> articles, int seed = 17) =>
        ChoiceModel.Train(ChoiceModel.CountClasses, articles.SelectMany(p => p.CountExamples).Select(e => (e.Features, e.IsCount ? 1 : 0)).ToList(), CountThreshold, seed: seed);

    /// <summary>The argument stages that can be left out (to measure what each adds): the rules' reading then stands.</summary>
    public static readonly string[] Stages = ["roles", "places", "counts"];

    /// <summary>Trains every stage on the given articles, except those named in <paramref name="without"/>.</summary>
    public static EventModels TrainAll(IReadOnlyList<Prepared> articles, double threshold, int seed = 17, IReadOnlyCollection<string>? without = null)
    {
        bool On(string stage) => without is null || !without.Contains(stage);
        return new EventModels(Train(articles, threshold, seed))
        {
            Roles = On("roles") ? TrainRoles(articles, seed) : null,
            Places = On("places") ? TrainPlaces(articles, seed) : null,
            Counts = On("counts") ? TrainCounts(articles, seed) : null,
        };
    }

    public static EventTypeModel Train(IEnumerable<Prepared> articles, double threshold, int seed = 17) =>
        EventTypeModel.Train(articles.SelectMany(p => p.Examples).ToList(), threshold, seed: seed);

    /// <summary>
    /// k-fold cross-validation: for each fold a model trained on the others (and on <paramref name="extra"/>, which is
    /// never scored) extracts its articles, and the predictions are scored as <c>score.py events</c> does, pooled
    /// and per fold, at each threshold.
    /// </summary>
    public static List<CvResult> CrossValidate(MarsadPipeline pipeline, IReadOnlyList<Prepared> articles, int k, IReadOnlyList<double> thresholds,
        int seed = 17, IReadOnlyCollection<string>? without = null, IReadOnlyList<Prepared>? extra = null)
    {
        var folds = Folds(articles.Select(p => p.Coded).ToList(), k);
        var models = new EventModels[k];
        Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
            models[f] = TrainAll([.. articles.Where((_, i) => folds[i] != f), .. extra ?? []], 0.5, seed, without));
        var results = new List<CvResult>();
        foreach (var t in thresholds)
        {
            var perArticle = new IReadOnlyList<EventRecord>[articles.Count];
            Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var extractor = pipeline.ExtractorFor(articles[i].Coded.Article.Lang).WithModels(models[folds[i]] with { Types = models[folds[i]].Types.WithThreshold(t) });
                perArticle[i] = extractor.Extract(articles[i].Document);
            });
            var pooled = Score(articles, perArticle, _ => true);
            var byFold = Enumerable.Range(0, k).Select(f => Score(articles, perArticle, i => folds[i] == f)).ToList();
            results.Add(new CvResult(t, pooled, byFold) { Predictions = perArticle });
        }
        return results;
    }

    /// <summary>Scores predictions against the gold of the selected articles, going through the prediction format as score.py would read it.</summary>
    public static EventScore Score(IReadOnlyList<Prepared> articles, IReadOnlyList<IReadOnlyList<EventRecord>> predictions, Func<int, bool> include)
    {
        var texts = new List<(string, string)>();
        var gold = new List<JsonElement>();
        var pred = new List<JsonElement>();
        for (int i = 0; i < articles.Count; i++)
        {
            if (!include(i)) continue;
            texts.Add((articles[i].Coded.Article.Id, articles[i].Coded.Article.Text));
            gold.AddRange(articles[i].Coded.Gold);
            foreach (var e in predictions[i])
                pred.Add(JsonDocument.Parse(PredictionWriter.ToJsonLine(e, articles[i].Document.Text)).RootElement);
        }
        return EventScorer.ScoreEvents(texts, gold, pred);
    }
}
