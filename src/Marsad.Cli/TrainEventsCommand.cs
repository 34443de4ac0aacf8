using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Events.Learning;
using Marsad.Evaluation;
using Marsad.Pipeline;

namespace Marsad.Cli;

/// <summary><c>marsad train events</c>: trains the event model on coded articles and reports its cross-validated scores.</summary>
public static class TrainEventsCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var articles = new Option<string[]>("--articles") { Description = "Coded articles (JSON Lines); pair each with --gold.", AllowMultipleArgumentsPerToken = true, Required = true };
        var gold = new Option<string[]>("--gold") { Description = "Gold events for the --articles given, in the same order.", AllowMultipleArgumentsPerToken = true, Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write the models trained on all the articles into (a lexicon folder's ar/models)." };
        var cv = new Option<int>("--cv") { Description = "Cross-validation folds by article (0: none).", DefaultValueFactory = _ => 5 };
        var threshold = new Option<string>("--threshold") { Description = "Event probability to keep a candidate, or 'auto' for the best cross-validated one.", DefaultValueFactory = _ => "auto" };
        var lexicons = new Option<string>("--lexicons") { Description = "Lexicon folder (default: the shipped one)." };
        var pred = new Option<string>("--pred") { Description = "Write the held-out predictions of cross-validation at the chosen threshold here (JSON Lines, FORMAT.md)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the training order.", DefaultValueFactory = _ => 17 };
        var cmd = new Command("events", "Train the event model (which candidates are events, of which type) and report cross-validated scores.");
        foreach (var o in new Option[] { articles, gold, output, cv, threshold, lexicons, seed, pred })
            cmd.Options.Add(o);
        cmd.SetAction(r => Run(r.GetValue(articles)!, r.GetValue(gold)!, r.GetValue(output), r.GetValue(cv), r.GetValue(threshold)!,
            r.GetValue(lexicons), r.GetValue(seed), r.GetValue(pred), stdout, stderr));
        return cmd;
    }

    public static int Run(string[] articles, string[] gold, string? output, int folds, string threshold, string? lexicons, int seed, string? predPath,
        TextWriter stdout, TextWriter stderr)
    {
        if (articles.Length != gold.Length)
        {
            stderr.WriteLine("marsad: give one --gold for each --articles");
            return 2;
        }
        double? fixedThreshold = null;
        if (threshold != "auto")
        {
            if (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 1)
            {
                stderr.WriteLine($"marsad: --threshold must be 'auto' or a probability: '{threshold}'");
                return 2;
            }
            fixedThreshold = t;
        }
        if (fixedThreshold is null && folds < 2)
        {
            stderr.WriteLine("marsad: --threshold auto needs --cv 2 or more");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var coded = new List<CodedArticle>();
        for (int i = 0; i < articles.Length; i++)
        {
            if (!File.Exists(articles[i]) || !File.Exists(gold[i]))
            {
                stderr.WriteLine($"marsad: no such file: {(File.Exists(articles[i]) ? gold[i] : articles[i])}");
                return 2;
            }
            coded.AddRange(EventTraining.Load(articles[i], gold[i], d => stderr.WriteLine($"marsad: {d}")));
        }
        coded = EventTraining.GroupDuplicates(coded);
        // Candidates come from the rules in broad mode; the model being trained must not be the one deciding.
        var pipeline = MarsadPipeline.CreateDefault(lexicons, GazetteerCommands.EnsureIndex(stderr), EventStage.Rules);
        var prepared = EventTraining.Prepare(pipeline, coded);
        int nEx = prepared.Sum(p => p.Examples.Count), nPos = prepared.Sum(p => p.Examples.Count(e => e.Label != EventTypeModel.None));
        stdout.WriteLine($"{coded.Count} articles ({coded.Select(c => c.Group).Distinct().Count()} stories), {coded.Sum(c => c.Gold.Count)} gold events; "
            + $"{nEx} candidates, {nPos} labelled events; {prepared.Sum(p => p.GoldReached)} gold events hold a candidate's trigger ({clock.Elapsed.TotalSeconds:F1} s)");

        double chosen = fixedThreshold ?? 0.5;
        if (Environment.GetEnvironmentVariable("MARSAD_DIAG") is not null)
            foreach (var g in prepared.SelectMany(p => p.Examples).GroupBy(e => e.Features.First(f => f.StartsWith("gate:", StringComparison.Ordinal))).OrderByDescending(g => g.Count()))
                stdout.WriteLine($"  {g.Key,-28} {g.Count(),5} candidates, {g.Count(e => e.Label != EventTypeModel.None),4} events ({(double)g.Count(e => e.Label != EventTypeModel.None) / g.Count():P0})");
        if (Environment.GetEnvironmentVariable("MARSAD_DIAG") is not null)
            stdout.WriteLine($"place examples {prepared.Sum(p => p.PlaceExamples.Count)} positive {prepared.Sum(p => p.PlaceExamples.Count(e => e.IsPlace))}; "
                + $"role examples {prepared.Sum(p => p.RoleExamples.Count)} a1 {prepared.Sum(p => p.RoleExamples.Count(e => e.Role == 1))} a2 {prepared.Sum(p => p.RoleExamples.Count(e => e.Role == 2))}");
        if (Environment.GetEnvironmentVariable("MARSAD_DIAG") is not null)
        {
            var conf = EventTrainingDiagnostics.Confusion(prepared, Math.Max(2, folds), chosen, seed);
            foreach (var g in conf.GroupBy(kv => kv.Key.Gold).OrderBy(g => g.Key))
                stdout.WriteLine($"  {g.Key,-28} " + string.Join("  ", g.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key.Pred}:{kv.Value}")));
        }
        if (folds >= 2)
        {
            double[] grid = fixedThreshold is { } ft ? [ft] : [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
            var results = EventTraining.CrossValidate(pipeline, prepared, folds, grid, seed);
            stdout.WriteLine($"{folds}-fold cross-validation by article (pooled; typed F1 per fold as mean ± sd):");
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
            if (predPath is not null)
            {
                using var writer = Ingest.PredictionWriter.Create(predPath);
                var best = results.First(r => r.Threshold == chosen);
                for (int i = 0; i < prepared.Count; i++)
                    foreach (var e in best.Predictions[i])
                        writer.Write(e, prepared[i].Document.Text);
            }
            stdout.WriteLine(FormattableString.Invariant($"threshold: {chosen:F2}"));
        }
        if (output is not null)
        {
            var models = EventTraining.TrainAll(prepared, chosen, seed);
            models.Save(output);
            stdout.WriteLine($"wrote the models to {output}/: event types {models.Types.Model.Weights.Count} features × {models.Types.Model.Classes.Count} classes ({clock.Elapsed.TotalSeconds:F1} s)");
        }
        return 0;
    }
}
