using System.CommandLine;
using System.Diagnostics;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Cli;

/// <summary><c>marsad train filter</c>: trains the GSR event filter from labelled sentences and an evaluation set.</summary>
public static class TrainFilterCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var gsr = new Option<string[]>("--gsr") { Description = "GSR sentence CSVs, each as KIND=FILE (kind assault or protest).", AllowMultipleArgumentsPerToken = true };
        var articles = new Option<string[]>("--articles") { Description = "Evaluation-set articles (JSON Lines); pair each with --gold.", AllowMultipleArgumentsPerToken = true };
        var gold = new Option<string[]>("--gold") { Description = "Gold events for the --articles given, in the same order.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (TSV).", Required = true };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => 12 };
        var lexicons = new Option<string>("--lexicons") { Description = "Lexicon folder (default: the shipped one)." };
        var without = new Option<string[]>("--without") { Description = "Leave out feature groups by name prefix (w: words, cue:, trig:, …) to measure what they add.", AllowMultipleArgumentsPerToken = true };
        var maxDevLoss = new Option<double>("--max-dev-loss")
        {
            Description = "Thresholds may cost the evaluation-set candidates at most this much cross-validated F1 against the rules alone.",
            DefaultValueFactory = _ => 0.02,
        };
        var cmd = new Command("filter", "Train the GSR event filter (logistic regression over the rules' candidates) and report cross-validated scores.");
        foreach (var o in new Option[] { gsr, articles, gold, output, folds, epochs, lexicons, without, maxDevLoss })
            cmd.Options.Add(o);
        cmd.SetAction(r => Run(r.GetValue(gsr) ?? [], r.GetValue(articles) ?? [], r.GetValue(gold) ?? [], r.GetValue(output)!,
            r.GetValue(folds), r.GetValue(epochs), r.GetValue(lexicons), r.GetValue(without) ?? [], r.GetValue(maxDevLoss), stdout, stderr));
        return cmd;
    }

    public static int Run(string[] gsr, string[] articles, string[] gold, string output, int folds, int epochs, string? lexicons, string[] without,
        double maxDevLoss, TextWriter stdout, TextWriter stderr)
    {
        if (articles.Length != gold.Length)
        {
            stderr.WriteLine("marsad: give one --gold for each --articles");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        // Candidates come from the rules alone: the filter is what is being trained.
        var pipeline = MarsadPipeline.CreateDefault(lexicons, GazetteerCommands.EnsureIndex(stderr), useFilter: false);
        var examples = new List<FilterExample>();
        foreach (var spec in gsr)
        {
            var parts = spec.Split('=', 2);
            if (parts.Length != 2 || parts[0] is not ("assault" or "protest") || !File.Exists(parts[1]))
            {
                stderr.WriteLine($"marsad: --gsr expects KIND=FILE with kind assault or protest and an existing file: '{spec}'");
                return 2;
            }
            var ex = EventFilterTrainer.FromGsr(pipeline, parts[1], parts[0]);
            stdout.WriteLine($"{parts[0]}: {ex.Count(e => !e.Unreached)} candidates from {parts[1]} ({ex.Count(e => e.IsEvent && !e.Unreached)} in 'yes' sentences; {ex.Count(e => e.Unreached)} 'yes' sentences without one)");
            examples.AddRange(ex);
        }
        for (int i = 0; i < articles.Length; i++)
        {
            var ex = EventFilterTrainer.FromGold(pipeline, articles[i], gold[i]);
            stdout.WriteLine($"dev: {ex.Count(e => !e.Unreached)} candidates from {articles[i]} ({ex.Count(e => e.IsEvent && !e.Unreached)} overlap gold events; {ex.Count(e => e.Unreached)} gold events without one)");
            examples.AddRange(ex);
        }
        if (examples.Count == 0)
        {
            stderr.WriteLine("marsad: no training examples");
            return 1;
        }

        examples = EventFilterTrainer.Without(examples, without).ToList();
        var scores = EventFilterTrainer.CrossValidate(examples, folds, epochs);
        stdout.WriteLine($"{folds}-fold cross-validation (held-out groups), detection F1:");
        stdout.WriteLine("  threshold  assault  protest  dev-candidates  mean");
        foreach (var s in scores)
            stdout.WriteLine($"  {s.Threshold,9:F2}  {s.AssaultF1,7:F3}  {s.ProtestF1,7:F3}  {s.DevF1,14:F3}  {s.Mean:F3}");
        // Each group gets the threshold its own labels favour, among those that keep the evaluation set's
        // candidates within --max-dev-loss of the rules alone: the sentence labels reward dropping talk
        // about violence that an analyst still codes from a full report. Groups without labels are not filtered.
        double devBaseline = scores.First(s => s.Threshold == 0).DevF1;
        var allowed = articles.Length == 0 ? scores : scores.Where(s => s.DevF1 >= devBaseline - maxDevLoss).ToList();
        var groups = new Dictionary<string, double>();
        if (gsr.Any(g => g.StartsWith("assault=", StringComparison.Ordinal)))
            groups["violent"] = allowed.MaxBy(s => s.AssaultF1)!.Threshold;
        if (gsr.Any(g => g.StartsWith("protest=", StringComparison.Ordinal)))
            groups["protest"] = allowed.MaxBy(s => s.ProtestF1)!.Threshold;
        foreach (var (g, t) in groups)
            stdout.WriteLine($"threshold for {g} events: {t:F2}");

        var model = EventFilter.Train(examples, epochs);
        model = new EventFilter(model.Weights, model.Bias, 0.5) { GroupThresholds = groups };
        model.Save(output);
        stdout.WriteLine($"wrote {output}: {model.FeatureCount} weights, {examples.Count} examples, {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
