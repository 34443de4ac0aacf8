using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;

namespace Marsad.Cli;

/// <summary>`marsad worker`: processes share a queue table, each claiming batches no other holds.</summary>
public static class WorkerCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var db = IngestCommand.DbOption();
        var enqueue = new Option<string[]>("--enqueue")
        {
            Description = "Queue the articles of these files or folders and exit (no processing).",
            AllowMultipleArgumentsPerToken = true,
        };
        var batch = new Option<int>("--batch") { Description = "Articles claimed per transaction (default 50).", DefaultValueFactory = _ => 50 };
        var name = new Option<string>("--name") { Description = "This worker's name in the queue table (default: host and process id)." };
        var exit = new Option<bool>("--exit-when-empty") { Description = "Stop when the queue is empty instead of waiting for more." };
        var cmd = new Command("worker", "Claim batches of queued articles (FOR UPDATE SKIP LOCKED on PostgreSQL), extract and store them; run several at once.");
        cmd.Options.Add(db);
        cmd.Options.Add(enqueue);
        cmd.Options.Add(batch);
        cmd.Options.Add(name);
        cmd.Options.Add(exit);
        cmd.SetAction(r =>
        {
            var dbValue = DemoCommand.ResolveDbPath(r.GetValue(db));
            try
            {
                using var store = EventStores.Open(dbValue);
                if (r.GetValue(enqueue) is { Length: > 0 } paths)
                {
                    int read = 0;
                    int added = store.Enqueue(paths.SelectMany(p => ArticleReader.Read(p, d => stderr.WriteLine("marsad: " + d))).Select(a =>
                    {
                        read++;
                        return a;
                    }));
                    var (queued, done) = store.QueueCounts();
                    stdout.WriteLine($"queued {added} of {read} articles read; the queue holds {queued} waiting, {done} done");
                    return read > 0 ? 0 : 1;
                }
                string worker = r.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}";
                var pipeline = MarsadPipeline.CreateDefault(null, GazetteerCommands.EnsureIndex(stderr));
                using var cancel = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) =>
                {
                    // Finish the batch in hand; its transaction either commits or is rolled back by the server.
                    e.Cancel = true;
                    cancel.Cancel();
                };
                var stats = new Ingestor(store, pipeline.Process, Math.Max(1, r.GetValue(batch)))
                    .RunWorker(worker, r.GetValue(exit), cancel.Token,
                        s => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"marsad: worker {worker}: {s.Read:N0} articles, {s.ArticlesPerSecond:0.0} articles/s, {s.Events:N0} events")),
                        (a, ex) => stderr.WriteLine($"marsad: article '{a.Id}': extraction failed: {ex.GetType().Name}: {ex.Message}"));
                stdout.WriteLine($"worker {worker}: " + IngestCommand.Summary(stats, store));
                return 0;
            }
            catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                stderr.WriteLine($"marsad: {dbValue}: {e.Message}");
                return 1;
            }
        });
        return cmd;
    }
}
