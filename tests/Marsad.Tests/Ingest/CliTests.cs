using Marsad.Cli;

namespace Marsad.Tests.Ingest;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void ExtractReportsDiagnosticsAndASummary()
    {
        using var tmp = new TempDir();
        var input = tmp.File("a.jsonl", "{\"id\": \"a1\", \"text\": \"قتل ثلاثة\"}\nnot json\n{\"id\": \"a2\", \"text\": \"نص\"}\n");
        var output = Path.Combine(tmp.Path, "out", "pred.jsonl");

        var (code, _, err) = Run("extract", "--articles", input, "--out", output);

        Assert.Equal(0, code);
        Assert.True(File.Exists(output));
        Assert.Contains($"marsad: {input}:2: not valid JSON", err);
        Assert.Contains("marsad: 2 articles read, 1 skipped", err);
    }

    [Fact]
    public void ADamagedModelFileIsNamedWithItsLineNotAStackTrace()
    {
        using var tmp = new TempDir();
        var lexicons = tmp.CopyLexicons();
        var model = Path.Combine(lexicons, "ar", "models", "role-model.tsv");
        var lines = File.ReadAllLines(model);
        lines[4] = "w:damaged\tnot-a-number";
        File.WriteAllLines(model, lines);
        var input = tmp.File("a.jsonl", "{\"id\": \"a1\", \"text\": \"قتل ثلاثة\"}\n");

        var (code, _, err) = Run("extract", "--articles", input, "--out", Path.Combine(tmp.Path, "p.jsonl"), "--lexicons", lexicons);

        Assert.Equal(2, code);
        Assert.Contains("role-model.tsv:5", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void ExtractFailsOnlyWhenNothingWasRead()
    {
        using var tmp = new TempDir();
        var input = tmp.File("bad.jsonl", "nope\n[]\n");
        var (code, _, err) = Run("extract", "--articles", input, "--out", Path.Combine(tmp.Path, "p.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("0 articles read, 2 skipped", err);

        (code, _, err) = Run("extract", "--articles", Path.Combine(tmp.Path, "missing.jsonl"), "--out", Path.Combine(tmp.Path, "p.jsonl"));
        Assert.Equal(2, code);
        Assert.Contains("no such file or folder", err);

        (code, _, err) = Run("extract", "--articles", input);
        Assert.Equal(2, code);
        Assert.Contains("--out", err);
    }

    [Fact]
    public void EvalPrintsWhatTheReferenceScorerPrints()
    {
        using var tmp = new TempDir();
        string articles = Shared.PathOf("eval", "dev", "articles.jsonl");
        string gold = Shared.PathOf("eval", "dev", "gold.jsonl");
        string pred = Path.Combine(tmp.Path, "kept.jsonl");

        var (code, stdout, _) = Run("eval", "--articles", articles, "--gold", gold, "--pred", pred, "--json");

        Assert.Equal(0, code);
        Assert.True(File.Exists(pred));
        string py = Shared.Python(Shared.ScorePy, "events", "--articles", articles, "--gold", gold, "--pred", pred, "--json");
        Assert.Equal(py, stdout);
    }

    [Fact]
    public void EvalSentencesPrintsWhatTheReferenceScorerPrints()
    {
        using var tmp = new TempDir();
        string csv = Shared.PathOf("data", "events", "gsr-dev", "protest_dev.csv");
        string pred = Path.Combine(tmp.Path, "kept.jsonl");

        var (code, stdout, _) = Run("eval", "sentences", "--csv", csv, "--kind", "protest", "--pred", pred);

        Assert.Equal(0, code);
        string py = Shared.Python(Shared.ScorePy, "sentences", "--csv", csv, "--kind", "protest", "--pred", pred);
        Assert.Equal(py, stdout);
    }

    [Fact]
    public void EvalWithoutGoldIsAnArgumentError()
    {
        var (code, _, err) = Run("eval", "--articles", "x.jsonl");
        Assert.Equal(2, code);
        Assert.Contains("--gold", err);
    }

    [Fact]
    public void DemoIsWired()
    {
        var (code, stdout, _) = Run("demo", "--no-serve");
        Assert.Equal(0, code);
        Assert.NotEmpty(stdout);
    }
}
