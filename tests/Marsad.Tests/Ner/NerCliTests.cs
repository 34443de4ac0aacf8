namespace Marsad.Tests.Ner;

public class NerCliTests
{
    [Fact]
    public void EvalNerReportsMalformedFileWithLine()
    {
        using var dir = new TempDir();
        string bad = dir.File("bad.txt", "a O\nb\n");
        var outw = new StringWriter();
        var errw = new StringWriter();
        int rc = Marsad.Cli.Program.Run(["eval", "ner", "--conll", bad], outw, errw);
        Assert.NotEqual(0, rc);
        Assert.Contains("bad.txt:2:", errw.ToString());
    }

    [Fact]
    public void TrainNerRejectsUnknownFeatureGroup()
    {
        using var dir = new TempDir();
        string train = dir.File("t.txt", "a O\n");
        var errw = new StringWriter();
        int rc = Marsad.Cli.Program.Run(["train", "ner", "--train", train, "--out", Path.Combine(dir.Path, "m.bin"), "--drop", "colour"], new StringWriter(), errw);
        Assert.Equal(2, rc);
        Assert.Contains("colour", errw.ToString());
    }
}
