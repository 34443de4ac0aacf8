using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Entities.Ner;
using Marsad.Ingest;
using Marsad.Text;

namespace Marsad.Cli;

/// <summary>The NER verbs: <c>train ner</c>, <c>train clusters</c> and <c>eval ner</c>.</summary>
public static class NerCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The <c>train</c> verb with its <c>ner</c> and <c>clusters</c> subcommands.</summary>
    public static Command BuildTrain(TextWriter stdout, TextWriter stderr)
    {
        var cmd = new Command("train", "Train statistical models (NER tagger, word clusters).");
        cmd.Subcommands.Add(BuildTrainNer(stdout, stderr));
        cmd.Subcommands.Add(BuildTrainClusters(stdout, stderr));
        return cmd;
    }

    /// <summary>The <c>eval ner</c> subcommand (added under <c>eval</c>).</summary>
    public static Command BuildEvalNer(TextWriter stdout, TextWriter stderr)
    {
        var conll = new Option<string>("--conll") { Description = "Token-per-line file: TOKEN TAG, blank line between sentences.", Required = true };
        var model = new Option<string>("--model") { Description = "Model file (default: the model shipped beside the binaries)." };
        var pred = new Option<string>("--pred") { Description = "Also write TOKEN GOLD PREDICTED lines to this file (conlleval's input)." };
        var window = new Option<int>("--window") { Description = "Tag runs of this many consecutive sentences as one document, propagating names across them (0: each sentence alone).", DefaultValueFactory = _ => 0 };
        var cmd = new Command("ner", "Tag a CoNLL-style file and print entity-level precision, recall and F1 (exact span match).");
        cmd.Options.Add(window);
        cmd.Options.Add(conll);
        cmd.Options.Add(model);
        cmd.Options.Add(pred);
        cmd.SetAction(r => EvalNer(r.GetValue(conll)!, r.GetValue(model), r.GetValue(pred), r.GetValue(window), stdout, stderr));
        return cmd;
    }

    private static Command BuildTrainNer(TextWriter stdout, TextWriter stderr)
    {
        var train = new Option<string[]>("--train") { Description = "Training files (token-per-line).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var clusters = new Option<string>("--clusters") { Description = "Word clusters from `train clusters`." };
        var gazetteer = new Option<string>("--gazetteer") { Description = "Folder of name lists (Loc*.txt, Org*.txt, Pers*.txt), e.g. ANERGazet." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 10 };
        var dev = new Option<string>("--dev") { Description = "Score this file after every epoch." };
        var exclude = new Option<string[]>("--exclude") { Description = "Drop training sentences that overlap these files (e.g. the test file).", AllowMultipleArgumentsPerToken = true };
        var drop = new Option<string>("--drop") { Description = "Feature groups to leave out: context, clitics, affixes, gazetteer, clusters, shape." };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N training sentences." };
        var margin = new Option<float>("--margin") { Description = "Loss-augmented training: cost of a wrong tag (0 = plain perceptron).", DefaultValueFactory = _ => 0f };
        var algorithm = new Option<string>("--algorithm") { Description = "perceptron (averaged structured perceptron) or crf (linear-chain CRF, SGD with an L2 prior).", DefaultValueFactory = _ => "perceptron" };
        var l2 = new Option<double>("--l2") { Description = "CRF: L2 penalty per sentence.", DefaultValueFactory = _ => 1e-4 };
        var rate = new Option<double>("--rate") { Description = "CRF: initial SGD step size.", DefaultValueFactory = _ => 0.05 };
        var oPenalty = new Option<float>("--o-penalty") { Description = "Lower the score of the O tag by this much after training (more recall).", DefaultValueFactory = _ => 0f };
        var cmd = new Command("ner", "Train the NER tagger (averaged structured perceptron or linear-chain CRF).");
        foreach (var o in new Option[] { train, output, clusters, gazetteer, epochs, dev, exclude, drop, minCount, seed, limit, margin, algorithm, l2, rate, oPenalty })
            cmd.Options.Add(o);
        cmd.SetAction(r => TrainNer(new TrainNerArgs(
            r.GetValue(train)!, r.GetValue(output)!, r.GetValue(clusters), r.GetValue(gazetteer), r.GetValue(epochs), r.GetValue(dev),
            r.GetValue(exclude) ?? [], r.GetValue(drop), r.GetValue(minCount), r.GetValue(seed), r.GetValue(limit), r.GetValue(margin),
            r.GetValue(algorithm)!, r.GetValue(l2), r.GetValue(rate), r.GetValue(oPenalty)), stdout, stderr));
        return cmd;
    }

    private static Command BuildTrainClusters(TextWriter stdout, TextWriter stderr)
    {
        var news = new Option<string>("--news") { Description = "Unlabeled news: a SaudiNewsNet folder or any article file `extract` reads.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the clusters (TSV: word, path, count).", Required = true };
        var minCount = new Option<int>("--min-count") { Description = "Cluster words seen at least this often.", DefaultValueFactory = _ => 5 };
        var maxWords = new Option<int>("--max-words") { Description = "Cluster at most this many words.", DefaultValueFactory = _ => 60_000 };
        var branching = new Option<string>("--branching") { Description = "Clusters per level, coarse to fine.", DefaultValueFactory = _ => "32,16,4" };
        var limit = new Option<int?>("--limit") { Description = "Read only the first N articles." };
        var cmd = new Command("clusters", "Learn hierarchical word clusters from unlabeled news (for `train ner --clusters`).");
        foreach (var o in new Option[] { news, output, minCount, maxWords, branching, limit })
            cmd.Options.Add(o);
        cmd.SetAction(r => TrainClusters(r.GetValue(news)!, r.GetValue(output)!, r.GetValue(minCount), r.GetValue(maxWords), r.GetValue(branching)!, r.GetValue(limit), stdout, stderr));
        return cmd;
    }

    private sealed record TrainNerArgs(string[] Train, string Out, string? Clusters, string? Gazetteer, int Epochs, string? Dev,
        string[] Exclude, string? Drop, int MinCount, int Seed, int? Limit, float Margin, string Algorithm, double L2, double Rate, float OPenalty);

    private static int TrainNer(TrainNerArgs a, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var algorithm = a.Algorithm.ToLowerInvariant() switch
            {
                "perceptron" => NerAlgorithm.Perceptron,
                "crf" => NerAlgorithm.Crf,
                _ => throw new ArgumentException($"--algorithm: expected perceptron or crf, found '{a.Algorithm}'"),
            };
            var groups = NerFeatureGroups.All;
            if (a.Drop is not null)
                groups &= ~NerFeatureGroupNames.Parse(a.Drop);
            var sentences = new List<NerSentence>();
            foreach (var file in a.Train)
            {
                var read = ReadTraining(file, stderr);
                if (a.Exclude.Length > 0)
                {
                    var excluded = a.Exclude.SelectMany(e => ConllReader.ReadFile(e, lenient: true));
                    read = NerCorpus.RemoveOverlap(read, excluded, out int removed);
                    if (removed > 0)
                        stderr.WriteLine($"marsad: {file}: {removed} sentences overlap --exclude files and were dropped");
                }
                sentences.AddRange(read);
            }
            if (a.Limit is int lim)
                sentences = sentences.Take(lim).ToList();
            var gazetteer = a.Gazetteer is null || !groups.HasFlag(NerFeatureGroups.Gazetteer) ? null : NerGazetteer.LoadFolder(a.Gazetteer);
            var clusters = a.Clusters is null || !groups.HasFlag(NerFeatureGroups.Clusters) ? null : WordClusters.Load(a.Clusters);
            if (gazetteer is null) groups &= ~NerFeatureGroups.Gazetteer;
            if (clusters is null) groups &= ~NerFeatureGroups.Clusters;
            var dev = a.Dev is null ? null : ConllReader.ReadFile(a.Dev, lenient: true);
            string description = string.Create(Inv,
                $"train ner --train {string.Join(' ', a.Train.Select(Path.GetFileName))} --algorithm {a.Algorithm.ToLowerInvariant()} --epochs {a.Epochs} --min-count {a.MinCount} --margin {a.Margin} --seed {a.Seed}"
                + $"{(algorithm == NerAlgorithm.Crf ? string.Create(Inv, $" --l2 {a.L2} --rate {a.Rate}") : "")}"
                + $"{(a.OPenalty == 0 ? "" : $" --o-penalty {a.OPenalty}")}{(a.Limit is null ? "" : $" --limit {a.Limit}")}; features: {NerFeatureGroupNames.Format(groups)}"
                + $"{(gazetteer is null ? "" : $"; gazetteer {gazetteer.Count} names")}{(clusters is null ? "" : $"; clusters {clusters.Count} words")}");
            var options = new NerTrainingOptions { Epochs = a.Epochs, MinFeatureCount = a.MinCount, Seed = a.Seed, Margin = a.Margin, Algorithm = algorithm, L2 = a.L2, LearningRate = a.Rate, Description = description };
            var features = new NerFeatureExtractor(groups, gazetteer, clusters);
            stderr.WriteLine($"marsad: features: {NerFeatureGroupNames.Format(groups)}");
            var model = NerTrainer.Train(sentences, features, options, stderr, dev is null ? null : (epoch, m) =>
            {
                var score = Score(a.OPenalty == 0 ? m : m.WithOutsidePenalty(a.OPenalty), dev);
                stdout.WriteLine(string.Create(Inv, $"epoch {epoch}: dev P {score.Micro.Precision:0.0000} R {score.Micro.Recall:0.0000} F1 {score.Micro.F1:0.0000}"));
            });
            if (a.OPenalty != 0)
                model = model.WithOutsidePenalty(a.OPenalty);
            model.Save(a.Out);
            stdout.WriteLine(string.Create(Inv,
                $"marsad: wrote {a.Out} ({new FileInfo(a.Out).Length / 1024.0:0} KiB, {model.FeatureCount} features) in {clock.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            stderr.WriteLine("marsad: " + ex.Message);
            return ex is FileNotFoundException or DirectoryNotFoundException or ArgumentException ? 2 : 1;
        }
    }

    private static List<NerSentence> ReadTraining(string file, TextWriter stderr)
    {
        if (Directory.Exists(file))
        {
            // AQMAR comes as a folder of articles.
            var all = new List<NerSentence>();
            foreach (var f in Directory.GetFiles(file, "*.txt").Order(StringComparer.Ordinal))
                all.AddRange(ReadTraining(f, stderr));
            return all;
        }
        var sentences = ConllReader.ReadFile(file, lenient: true, out var stats);
        if (stats.UnknownTags > 0)
            stderr.WriteLine($"marsad: {file}: {stats.UnknownTags} unknown tags read as O");
        return sentences;
    }

    private static NerScore Score(NerModel model, IReadOnlyList<NerSentence> sentences, string? predPath = null, int window = 0)
    {
        var predicted = window <= 0
            ? sentences.Select(s => (IReadOnlyList<string>)model.Tag(s.Tokens)).ToList()
            : sentences.Chunk(window).SelectMany(c => model.TagDocument(c.Select(s => s.Tokens).ToList())).Select(t => (IReadOnlyList<string>)t).ToList();
        if (predPath is not null)
        {
            using var w = new StreamWriter(predPath);
            for (int s = 0; s < sentences.Count; s++)
            {
                for (int i = 0; i < sentences[s].Count; i++)
                    w.WriteLine($"{sentences[s].Tokens[i]} {sentences[s].Tags[i]} {predicted[s][i]}");
                w.WriteLine();
            }
        }
        return EntityScorer.Score(sentences.Select(s => s.Tags).ToList(), predicted);
    }

    private static int EvalNer(string conll, string? modelPath, string? predPath, int window, TextWriter stdout, TextWriter stderr)
    {
        modelPath ??= NerModel.DefaultPath;
        if (!File.Exists(conll))
        {
            stderr.WriteLine($"marsad: {conll}: no such file");
            return 2;
        }
        if (!File.Exists(modelPath))
        {
            stderr.WriteLine($"marsad: {modelPath}: no such model");
            return 2;
        }
        try
        {
            var load = Stopwatch.StartNew();
            var model = NerModel.Load(modelPath);
            load.Stop();
            var sentences = ConllReader.ReadFile(conll);
            var tag = Stopwatch.StartNew();
            var score = Score(model, sentences, predPath, window);
            tag.Stop();
            int tokens = sentences.Sum(s => s.Count);
            stdout.WriteLine($"model: {modelPath}");
            stdout.WriteLine($"  {model.Description}");
            if (window > 0)
                stdout.WriteLine(string.Create(Inv, $"documents: runs of {window} sentences, names propagated within each"));
            stdout.WriteLine(string.Create(Inv, $"loaded in {load.Elapsed.TotalMilliseconds:0} ms; tagged {sentences.Count} sentences, {tokens} tokens in {tag.Elapsed.TotalSeconds:0.00} s"));
            stdout.WriteLine(score.Format());
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
        {
            stderr.WriteLine("marsad: " + ex.Message);
            return 1;
        }
    }

    private static int TrainClusters(string news, string output, int minCount, int maxWords, string branching, int? limit, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(news) && !Directory.Exists(news))
        {
            stderr.WriteLine($"marsad: {news}: no such file or folder");
            return 2;
        }
        int[] levels;
        try
        {
            levels = branching.Split(',').Select(s => int.Parse(s, Inv)).ToArray();
        }
        catch (FormatException)
        {
            stderr.WriteLine($"marsad: --branching: expected numbers separated by commas, found '{branching}'");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var options = new ClusterOptions { MinCount = minCount, MaxWords = maxWords, Branching = levels };
        var (clusters, counts) = ClusterTrainer.Train(NewsSentences(news, limit, stderr), options, stderr);
        clusters.Save(output, counts);
        stdout.WriteLine(string.Create(Inv, $"marsad: wrote {output} ({clusters.Count} words) in {clock.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    // Sentences of normalized word tokens, tokenized as the pipeline tokenizes documents.
    private static IEnumerable<IReadOnlyList<string>> NewsSentences(string path, int? limit, TextWriter stderr)
    {
        int articles = 0;
        var spans = new List<TextSpan>();
        var tokens = new List<Token>();
        foreach (var article in ArticleReader.Read(path, d => stderr.WriteLine("marsad: " + d)))
        {
            if (limit is int l && articles >= l)
                yield break;
            articles++;
            string text = TextFolder.Fold(article.Title is null ? article.Text : article.Title + " . " + article.Text);
            spans.Clear();
            SentenceSplitter.Split(text, new TextSpan(0, text.Length), spans);
            foreach (var span in spans)
            {
                tokens.Clear();
                Tokenizer.Tokenize(text, span, tokens);
                yield return tokens.Select(t => t.Normalized).ToArray();
            }
        }
    }
}
