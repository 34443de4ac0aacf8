using Marsad.Pipeline;
using System.CommandLine;
using System.CommandLine.Invocation;

namespace Marsad.Cli;

/// <summary>The <c>marsad</c> command line: every verb, each built by its own class.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs a command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is ParseErrorAction)
        {
            // Wrong arguments exit with 2, the usual convention, so scripts can tell them from a failed run.
            foreach (var error in parsed.Errors)
                stderr.WriteLine("marsad: " + error.Message);
            stderr.WriteLine("Try 'marsad --help' (or 'marsad VERB --help').");
            return 2;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (FormatException e)
        {
            // A malformed lexicon row or model file names its file and line; say so, not a stack trace.
            stderr.WriteLine("marsad: " + e.Message);
            stderr.WriteLine("marsad: fix the file, or pass --lexicons with a folder that loads (retrain models with `marsad train events`).");
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e)
        {
            // What System.CommandLine's own handler did: the exception in full, exit code 1.
            stderr.WriteLine("Unhandled exception: " + e);
            return 1;
        }
    }

    private static RootCommand BuildRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Marsad: an Arabic-first news event monitor.");
        root.Subcommands.Add(BuildExtract(stderr));
        root.Subcommands.Add(BuildEval(stdout, stderr));
        root.Subcommands.Add(BuildDemo(stdout, stderr));
        var train = NerCommands.BuildTrain(stdout, stderr);
        train.Subcommands.Add(TrainEventsCommand.Build(stdout, stderr));
        root.Subcommands.Add(train);
        root.Subcommands.Add(ActorCommands.Build(stdout, stderr));
        root.Subcommands.Add(GazetteerCommands.BuildSetup(stdout, stderr));
        root.Subcommands.Add(GazetteerCommands.BuildGazetteer(stdout, stderr));
        root.Subcommands.Add(IngestCommand.Build(stdout, stderr));
        root.Subcommands.Add(StoreCommands.BuildQuery(stdout, stderr));
        root.Subcommands.Add(StoreCommands.BuildExport(stdout, stderr));
        root.Subcommands.Add(WorkerCommand.Build(stdout, stderr));
        root.Subcommands.Add(WatchCommand.Build(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Build(stdout, stderr));
        return root;
    }

    private static Option<string> ArticlesOption(bool required = true) => new("--articles")
    {
        Description = "A JSON Lines, CSV or SaudiNewsNet zip file, or a folder of them.",
        Required = required,
    };

    private static Option<string> LexiconsOption() => new("--lexicons")
    {
        Description = "Folder of lexicons to use instead of the ones shipped beside the binaries.",
    };

    private static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print the scores on one line (like score.py --json).",
    };

    private static Option<string> PredOption() => new("--pred")
    {
        Description = "Keep the predictions in this file (default: a temporary file, deleted afterwards).",
    };

    private static Command BuildExtract(TextWriter stderr)
    {
        var articles = ArticlesOption();
        var output = new Option<string>("--out") { Description = "Where to write predictions (JSON Lines; '-' for standard output).", Required = true };
        var explain = new Option<bool>("--explain") { Description = "Add the trigger and argument spans behind each event." };
        var lexicons = LexiconsOption();
        var cmd = new Command("extract", "Extract events from articles into a predictions file.");
        cmd.Options.Add(articles);
        cmd.Options.Add(output);
        cmd.Options.Add(explain);
        cmd.Options.Add(lexicons);
        cmd.SetAction(r => Verbs.Extract(
            r.GetValue(articles)!, r.GetValue(output)!, r.GetValue(explain), r.GetValue(lexicons), stderr).ExitCode);
        return cmd;
    }

    private static Command BuildEval(TextWriter stdout, TextWriter stderr)
    {
        // Not Required: `eval sentences` shares the verb and must not be asked for --articles/--gold.
        var articles = ArticlesOption(required: false);
        var gold = new Option<string>("--gold") { Description = "Gold events (JSON Lines, FORMAT.md)." };
        var pred = PredOption();
        var json = JsonOption();
        var lexicons = LexiconsOption();
        var cv = new Option<int>("--cv") { Description = "Instead of scoring the shipped models: k-fold cross-validation by article, training the event models on k-1 folds and scoring the held-out one (as `train events --cv`)." };
        var without = TrainEventsCommand.WithoutOption();
        var coded = TrainEventsCommand.CodedOption();
        var news = TrainEventsCommand.NewsOption();
        var rules = new Option<bool>("--rules") { Description = "Score the rules alone, without the trained event models." };
        var cmd = new Command("eval", "Extract events from articles and score them against gold events (as score.py events).");
        foreach (var o in new Option[] { articles, gold, pred, json, lexicons, cv, without, rules, coded, news })
            cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            string? a = r.GetValue(articles);
            string? g = r.GetValue(gold);
            if (a is null || g is null)
            {
                stderr.WriteLine("marsad: eval needs --articles and --gold (or use `eval sentences`)");
                return 2;
            }
            if (r.GetValue(cv) is var k and > 0)
                return TrainEventsCommand.Run(new TrainEventsCommand.Settings([a], [g])
                {
                    Folds = k, Lexicons = r.GetValue(lexicons), Predictions = r.GetValue(pred), Without = r.GetValue(without) ?? [],
                    Coded = r.GetValue(coded) ?? [], News = r.GetValue(news),
                }, stdout, stderr);
            return Verbs.EvalEvents(a, g, r.GetValue(pred), r.GetValue(json), r.GetValue(lexicons), stdout, stderr,
                r.GetValue(rules) ? EventStage.Rules : EventStage.Trained);
        });

        var csv = new Option<string>("--csv") { Description = "A GSR sentence CSV (columns id, text, label).", Required = true };
        var kind = new Option<string>("--kind") { Description = "Which event kind the labels are about.", Required = true };
        kind.AcceptOnlyFromAmong("assault", "protest");
        var sPred = PredOption();
        var sJson = JsonOption();
        var sLexicons = LexiconsOption();
        var sentences = new Command("sentences", "Extract events from labelled sentences and score detection (as score.py sentences).");
        sentences.Options.Add(csv);
        sentences.Options.Add(kind);
        sentences.Options.Add(sPred);
        sentences.Options.Add(sJson);
        sentences.Options.Add(sLexicons);
        sentences.SetAction(r => Verbs.EvalSentences(
            r.GetValue(csv)!, r.GetValue(kind)!, r.GetValue(sPred), r.GetValue(sJson), r.GetValue(sLexicons), stdout, stderr));
        cmd.Subcommands.Add(sentences);
        cmd.Subcommands.Add(NerCommands.BuildEvalNer(stdout, stderr));
        return cmd;
    }

    private static Command BuildDemo(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "SQLite database file for the demo." };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after printing the table instead of serving the dashboard." };
        var port = new Option<int>("--port") { Description = "Port for the dashboard (default 5080).", DefaultValueFactory = _ => 5080 };
        var cmd = new Command("demo", "Run the sample reports into SQLite, print the events, then serve the dashboard on them.");
        cmd.Options.Add(db);
        cmd.Options.Add(noServe);
        cmd.Options.Add(port);
        cmd.SetAction(r =>
        {
            int code = DemoCommand.Run(r.GetValue(db), stdout);
            if (code != 0 || r.GetValue(noServe))
                return code;
            stdout.WriteLine();
            return ServeCommand.Run(new Web.ServerOptions
            {
                Db = DemoCommand.ResolveDbPath(r.GetValue(db)),
                Port = r.GetValue(port),
                GazetteerDir = GazetteerCommands.EnsureIndex(stderr),
            }, stdout, stderr);
        });
        return cmd;
    }
}
