using System.Diagnostics;
using System.Globalization;
using Marsad.Evaluation;
using Marsad.Ingest;
using Marsad.Pipeline;

namespace Marsad.Cli;

/// <summary>What an extract run did, for the summary line and for eval.</summary>
public sealed record ExtractSummary(int ExitCode, int ArticlesRead, int Skipped, int Failed, int EventsWritten);

/// <summary>The work behind each verb, kept apart from argument parsing.</summary>
public static class Verbs
{
    /// <summary>Streams articles through the pipeline into a predictions file; diagnostics and a summary go to <paramref name="stderr"/>.</summary>
    public static ExtractSummary Extract(string articles, string outPath, bool explain, string? lexicons, TextWriter stderr, EventStage stage = EventStage.Trained)
    {
        if (!File.Exists(articles) && !Directory.Exists(articles))
        {
            stderr.WriteLine($"marsad: {articles}: no such file or folder");
            return new ExtractSummary(2, 0, 0, 0, 0);
        }
        if (lexicons is not null && !Directory.Exists(lexicons))
        {
            stderr.WriteLine($"marsad: {lexicons}: lexicon folder not found");
            return new ExtractSummary(2, 0, 0, 0, 0);
        }

        var pipeline = MarsadPipeline.CreateDefault(lexicons, GazetteerCommands.EnsureIndex(stderr), stage);
        int read = 0, skipped = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        using (var writer = outPath == "-"
            ? new PredictionWriter(Console.OpenStandardOutput(), explain, ownsStream: true)
            : PredictionWriter.Create(outPath, explain))
        {
            foreach (var article in ArticleReader.Read(articles, d =>
            {
                stderr.WriteLine("marsad: " + d);
                if (d.Kind == DiagnosticKind.SkippedRecord)
                    skipped++;
            }))
            {
                read++;
                try
                {
                    var (doc, events) = pipeline.Process(article);
                    foreach (var e in events)
                        writer.Write(e, doc.Text);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // One article that trips the extractor must not cost the rest of the batch.
                    failed++;
                    stderr.WriteLine($"marsad: article '{article.Id}': extraction failed: {ex.GetType().Name}: {ex.Message}");
                }
            }
            clock.Stop();
            double seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"marsad: {read} articles read, {skipped} skipped, {failed} failed, {writer.Count} events written in {clock.Elapsed.TotalSeconds:0.0} s ({read / seconds:0.0} articles/s)"));
            return new ExtractSummary(read - failed > 0 ? 0 : 1, read, skipped, failed, writer.Count);
        }
    }

    /// <summary>Extracts from <paramref name="articles"/> and scores against <paramref name="gold"/> as <c>score.py events</c>.</summary>
    public static int EvalEvents(string articles, string gold, string? predPath, bool json, string? lexicons, TextWriter stdout, TextWriter stderr,
        EventStage stage = EventStage.Trained)
    {
        if (!File.Exists(gold))
        {
            stderr.WriteLine($"marsad: {gold}: no such file");
            return 2;
        }
        return WithPredictions(articles, predPath, lexicons, stderr, stage, pred =>
        {
            EventScore score;
            if (File.Exists(articles) && (articles.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || articles.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)))
                score = EventScorer.ScoreEventFiles(articles, gold, pred);
            else
            {
                // Other formats: score over the articles as Marsad reads them (diagnostics were shown already).
                var texts = ArticleReader.Read(articles, _ => { }).Select(a => (a.Id, a.Text));
                score = EventScorer.ScoreEvents(texts, EventScorer.LoadJsonLines(gold), EventScorer.LoadJsonLines(pred));
            }
            stdout.WriteLine(score.ToJson(indented: !json));
        });
    }

    /// <summary>Extracts from a GSR sentence CSV and scores detection as <c>score.py sentences</c>.</summary>
    public static int EvalSentences(string csv, string kind, string? predPath, bool json, string? lexicons, TextWriter stdout, TextWriter stderr) =>
        WithPredictions(csv, predPath, lexicons, stderr, EventStage.Trained, pred =>
            stdout.WriteLine(EventScorer.ScoreSentenceFiles(csv, kind, pred).ToJson(indented: !json)));

    private static int WithPredictions(string articles, string? predPath, string? lexicons, TextWriter stderr, EventStage stage, Action<string> score)
    {
        string pred = predPath ?? Path.Combine(Path.GetTempPath(), $"marsad-pred-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = Extract(articles, pred, explain: false, lexicons, stderr, stage);
            if (run.ExitCode != 0)
                return run.ExitCode;
            try
            {
                score(pred);
            }
            catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IOException)
            {
                stderr.WriteLine($"marsad: cannot score: {ex.Message}");
                return 1;
            }
            // Scores over a run where some articles crashed count those articles as having no events: say so,
            // and fail, so that a crash never passes for a change in quality.
            if (run.Failed > 0)
            {
                stderr.WriteLine($"marsad: {run.Failed} articles failed to extract; the scores above count them as having no events");
                return 1;
            }
            return 0;
        }
        finally
        {
            if (predPath is null && File.Exists(pred))
                File.Delete(pred);
        }
    }
}
