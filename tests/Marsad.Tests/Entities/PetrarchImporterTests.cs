using Marsad.Entities;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Tests.Entities;

public class PetrarchImporterTests
{
    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"marsad-petrarch-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsInlineAndDatedCodesAndKeepsTheOneInForce()
    {
        var path = Write("حركة_حماس_\n\t[PSEREB 19870101-18000101]\nنوري_المالكي_\n\t[IRQGOV 20060520-20140908]\n\t[IRQELI 20140908-18000101]\nشرطة_تركي_  [TURCOP]\nبلا_رمز\n");
        var problems = new List<string>();
        try
        {
            var actors = PetrarchImporter.Read(path, problems.Add);
            Assert.Equal(["حركة حماس", "نوري المالكي", "شرطة تركي"], actors.Select(a => a.Phrase).ToArray());
            Assert.Equal("IRQELI", actors[1].Code);
            Assert.Equal(("rebel", "PS"), PetrarchImporter.Classify(actors[0].Code));
            Assert.Equal(("state", "TR"), PetrarchImporter.Classify("TURCOP"));
            var problem = Assert.Single(problems);
            Assert.Contains(":7:", problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ImportedActorsAreRecognizedFromALexiconFolderWithoutRecompiling()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"marsad-lex-{Guid.NewGuid():N}");
        var src = Write("جبهة_التحرير_الخيالية_  [TUNREB]\n");
        try
        {
            CopyDirectory(LexiconFiles.DefaultDirectory, dir);
            using (var w = new StreamWriter(Path.Combine(dir, "actors-petrarch.tsv")))
                PetrarchImporter.WriteTsv(PetrarchImporter.Read(src, _ => { }), src, w);
            var pipeline = MarsadPipeline.CreateDefault(dir);
            var doc = pipeline.Analyze(new Article("t", "هاجمت جبهة التحرير الخيالية مركزا للشرطة في القصرين."));
            Assert.Contains(doc.Entities, e => e.Name == "جبهة التحرير الخيالية" && e.Actor?.Category == "rebel" && e.Actor.Country == "TN");
        }
        finally
        {
            Directory.Delete(dir, true);
            File.Delete(src);
        }
    }

    [Fact]
    public void TheSharedPetrarchDictionaryImports()
    {
        var path = Shared.PathOf("data", "events", "petrarch-arabic", "actor_dict_ar_v4.txt");
        if (!File.Exists(path))
        {
            Console.WriteLine($"SKIPPED: {path} not found");
            return;
        }
        var actors = PetrarchImporter.Read(path, _ => { });
        Assert.True(actors.Count > 5000, $"only {actors.Count} actors read");
        var writer = new StringWriter();
        Assert.True(PetrarchImporter.WriteTsv(actors, path, writer) > 2000);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
