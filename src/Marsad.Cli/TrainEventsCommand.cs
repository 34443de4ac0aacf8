using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Events.Learning;
using Marsad.Ingest;
using Marsad.Pipeline;

namespace Marsad.Cli;

/// <summary><c>marsad train events</c> (and <c>marsad eval --cv</c>): trains the event models on coded articles and reports their cross-validated scores.</summary>
public static class TrainEventsCommand
{
    /// <summary>What one run does: the coded sets, where the models and held-out predictions go, and how it cross-validates.</summary>
    public sealed record Settings(string[] Articles, string[] Gold)
    {
        public string? Output { get; init; }
        public int Folds { get; init; } = 5;
        public string Threshold { get; init; } = "auto";
        public string? Lexicons { get; init; }
        public int Seed { get; init; } = 17;
        public string? Predictions { get; init; }
        public string[] Without { get; init; } = [];
        public bool Diagnose { get; init; }
        public string[] Coded { get; init; } = [];
        public string? News { get; init; }
    }

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var articles = new Option<string[]>("--articles") { Description = "Coded articles (JSON Lines); pair each with --gold.", AllowMultipleArgumentsPerToken = true, Required = true };
        var gold = new Option<string[]>("--gold") { Description = "Gold events for the --articles given, in the same order.", AllowMultipleArgumentsPerToken = true, Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write the models trained on all the articles into (a lexicon folder's ar/models)." };
        var cv = new Option<int>("--cv") { Description = "Cross-validation folds by article (0: none).", DefaultValueFactory = _ => 5 };
        var threshold = new Option<string>("--threshold") { Description = "Event probability to keep a candidate, or 'auto' for the best cross-validated one.", DefaultValueFactory = _ => "auto" };
        var lexicons = new Option<string>("--lexicons") { Description = "Lexicon folder (default: the shipped one)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the training order.", DefaultValueFactory = _ => 17 };
        var pred = PredOption();
        var without = WithoutOption();
        var coded = CodedOption();
        var news = NewsOption();
        var diagnose = new Option<bool>("--diagnose") { Description = "Also print how often each rule's gate drops a coded event, and the coded events no trigger reaches." };
        var cmd = new Command("events", "Train the event models (which candidates are events, of which type; who, where, how many) and report cross-validated scores.");
        foreach (var o in new Option[] { articles, gold, output, cv, threshold, lexicons, seed, pred, without, diagnose, coded, news })
            cmd.Options.Add(o);
        cmd.SetAction(r => Run(new Settings(r.GetValue(articles)!, r.GetValue(gold)!)
        {
            Output = r.GetValue(output), Folds = r.GetValue(cv), Threshold = r.GetValue(threshold)!, Lexicons = r.GetValue(lexicons),
            Seed = r.GetValue(seed), Predictions = r.GetValue(pred), Without = r.GetValue(without) ?? [], Diagnose = r.GetValue(diagnose),
            Coded = r.GetValue(coded) ?? [], News = r.GetValue(news),
        }, stdout, stderr));
        return cmd;
    }

    /// <summary>Sets this project coded, kept as references (training/saudinewsnet-coded): training data, never scored by cross-validation.</summary>
    public static Option<string[]> CodedOption() =>
        new("--coded") { Description = "Folders of articles coded as references (articles.jsonl, gold.jsonl; see training/README.md): added to the training data of every fold and of the shipped models, never scored.", AllowMultipleArgumentsPerToken = true };

    /// <summary>Where the texts of coded references are rebuilt from.</summary>
    public static Option<string> NewsOption() =>
        new("--news") { Description = "The SaudiNewsNet folder the --coded references point into (default ../shared/data/news/saudinewsnet)." };

    /// <summary>Where the held-out predictions of cross-validation go.</summary>
    public static Option<string> PredOption() =>
        new("--pred") { Description = "Write the held-out predictions of cross-validation at the chosen threshold here (JSON Lines, FORMAT.md)." };

    /// <summary>Argument stages to leave out, to measure what each adds.</summary>
    public static Option<string[]> WithoutOption() =>
        new("--without") { Description = $"Leave out trained argument stages ({string.Join(", ", EventTraining.Stages)}): the rules' reading then stands.", AllowMultipleArgumentsPerToken = true };

    public static int Run(Settings s, TextWriter stdout, TextWriter stderr)
    {
        if (s.Articles.Length != s.Gold.Length)
        {
            stderr.WriteLine("marsad: give one --gold for each --articles");
            return 2;
        }
        double? fixedThreshold = null;
        if (s.Threshold != "auto")
        {
            if (!double.TryParse(s.Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 1)
            {
                stderr.WriteLine($"marsad: --threshold must be 'auto' or a probability: '{s.Threshold}'");
                return 2;
            }
            fixedThreshold = t;
        }
        if (fixedThreshold is null && s.Folds < 2)
        {
            stderr.WriteLine("marsad: --threshold auto needs --cv 2 or more");
            return 2;
        }
        if (s.Without.FirstOrDefault(w => !EventTraining.Stages.Contains(w)) is { } unknown)
        {
            stderr.WriteLine($"marsad: --without takes {string.Join(", ", EventTraining.Stages)}, not '{unknown}'");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var coded = new List<CodedArticle>();
        for (int i = 0; i < s.Articles.Length; i++)
        {
            if (!File.Exists(s.Articles[i]) || !File.Exists(s.Gold[i]))
            {
                stderr.WriteLine($"marsad: no such file: {(File.Exists(s.Articles[i]) ? s.Gold[i] : s.Articles[i])}");
                return 2;
            }
            coded.AddRange(EventTraining.Load(s.Articles[i], s.Gold[i], d => stderr.WriteLine($"marsad: {d}")));
        }
        if (coded.Count == 0)
        {
            stderr.WriteLine("marsad: no coded articles");
            return 1;
        }
        coded = EventTraining.GroupDuplicates(coded);
        // Candidates come from the rules in broad mode; the models being trained must not be the ones deciding.
        var pipeline = MarsadPipeline.CreateDefault(s.Lexicons, GazetteerCommands.EnsureIndex(stderr), EventStage.Rules);
        var prepared = EventTraining.Prepare(pipeline, coded);
        var extraArticles = new List<CodedArticle>();
        foreach (var dir in s.Coded)
        {
            var news = s.News ?? Path.Combine("..", "shared", "data", "news", "saudinewsnet");
            extraArticles.AddRange(CodedReferences.Load(Path.Combine(dir, "articles.jsonl"), Path.Combine(dir, "gold.jsonl"), news, m => stderr.WriteLine("marsad: " + m)));
        }
        var extra = EventTraining.Prepare(pipeline, extraArticles);
        if (extra.Count > 0)
            stdout.WriteLine($"training only: {extra.Count} coded articles, {extraArticles.Sum(c => c.Gold.Count)} events from {string.Join(", ", s.Coded)}");
        int nEx = prepared.Sum(p => p.Examples.Count), nPos = prepared.Sum(p => p.Examples.Count(e => e.Label != EventTypeModel.None));
        stdout.WriteLine($"{coded.Count} articles ({coded.Select(c => c.Group).Distinct().Count()} stories), {coded.Sum(c => c.Gold.Count)} gold events; "
            + $"{nEx} candidates, {nPos} labelled events; {prepared.Sum(p => p.GoldReached)} gold events hold a candidate's trigger ({clock.Elapsed.TotalSeconds:F1} s)");
        if (s.Diagnose)
            Diagnose(prepared, stdout);

        double chosen = fixedThreshold ?? 0.5;
        if (s.Folds >= 2)
        {
            double[] grid = fixedThreshold is { } ft ? [ft] : [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
            var results = EventTraining.CrossValidate(pipeline, prepared, s.Folds, grid, s.Seed, s.Without, extra);
            stdout.WriteLine($"{s.Folds}-fold cross-validation by article (pooled; typed F1 per fold as mean ± sd):");
            stdout.WriteLine("  threshold  typed F1 (P / R)         per fold        any F1  subtype actor1 actor2  place   date  cert  quant");
            foreach (var r in results)
            {
                var f1s = r.Folds.Select(f => f.DetectionTyped.F1).ToArray();
                double mean = f1s.Average(), sd = Math.Sqrt(f1s.Sum(x => (x - mean) * (x - mean)) / f1s.Length);
                var acc = r.Pooled.OnTypedMatches.ToDictionary(kv => kv.Key, kv => kv.Value.Accuracy ?? 0);
                stdout.WriteLine(FormattableString.Invariant(
                    $"  {r.Threshold,9:F2}  {r.Pooled.DetectionTyped.F1:F3} ({r.Pooled.DetectionTyped.Precision:F3} / {r.Pooled.DetectionTyped.Recall:F3})  {mean:F3} ± {sd:F3}  {r.Pooled.DetectionAnyType.F1,6:F3}  {acc["subtype"],6:F3} {acc["actor1"],6:F3} {acc["actor2"],6:F3} {acc["place"],6:F3} {acc["date"],6:F3} {acc["certainty"],5:F3} {acc["quantities"],6:F3}"));
            }
            if (fixedThreshold is null)
                chosen = results.MaxBy(r => r.Pooled.DetectionTyped.F1)!.Threshold;
            stdout.WriteLine(FormattableString.Invariant($"threshold: {chosen:F2}"));
            // Each field's accuracy per fold, so that a difference between two runs can be read against the spread.
            var at = results.First(r => r.Threshold == chosen);
            var spread = new List<string> { Spread("typed F1", at.Folds.Select(f => (double?)f.DetectionTyped.F1)) };
            foreach (var field in at.Pooled.OnTypedMatches.Select(kv => kv.Key))
                spread.Add(Spread(field, at.Folds.Select(f => f.OnTypedMatches.First(kv => kv.Key == field).Value.Accuracy)));
            stdout.WriteLine("per fold at the threshold (mean ± sd over folds): " + string.Join(", ", spread));
            if (s.Predictions is not null)
            {
                using var writer = PredictionWriter.Create(s.Predictions);
                var best = results.First(r => r.Threshold == chosen);
                for (int i = 0; i < prepared.Count; i++)
                    foreach (var e in best.Predictions[i])
                        writer.Write(e, prepared[i].Document.Text);
                stdout.WriteLine($"wrote the held-out predictions to {s.Predictions}");
            }
        }
        if (s.Output is not null)
        {
            var models = EventTraining.TrainAll([.. prepared, .. extra], chosen, s.Seed, s.Without);
            models.Save(s.Output);
            stdout.WriteLine($"wrote the models to {s.Output}/: event types {models.Types.Model.Weights.Count} features × {models.Types.Model.Classes.Count} classes ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        return 0;
    }

    private static string Spread(string name, IEnumerable<double?> values)
    {
        var v = values.Where(x => x is not null).Select(x => x!.Value).ToArray();
        if (v.Length == 0)
            return name + " n/a";
        double mean = v.Average(), sd = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length);
        return FormattableString.Invariant($"{name} {mean:F3} ± {sd:F3}");
    }

    // For reading errors on the training folds: how often each rule's verdict holds on coded articles, and what no trigger reaches.
    private static void Diagnose(IReadOnlyList<EventTraining.Prepared> prepared, TextWriter stdout)
    {
        stdout.WriteLine("gates (the rule that would drop a candidate; 'pass' none, 'broad' the broad lexicon):");
        foreach (var g in prepared.SelectMany(p => p.Examples).GroupBy(e => e.Features.First(f => f.StartsWith("gate:", StringComparison.Ordinal))).OrderByDescending(g => g.Count()))
        {
            int events = g.Count(e => e.Label != EventTypeModel.None);
            stdout.WriteLine(FormattableString.Invariant($"  {g.Key[5..],-22} {g.Count(),5} candidates, {events,4} in coded events ({(double)events / g.Count():P0})"));
        }
        stdout.WriteLine("coded events whose evidence holds no candidate's trigger:");
        foreach (var p in prepared)
            foreach (var u in p.Unreached)
                stdout.WriteLine($"  {p.Coded.Article.Id}\t{u.Type}/{u.Subtype}\t{p.Document.Text.Substring(u.Span.Start, u.Span.Length)}");
    }
}
