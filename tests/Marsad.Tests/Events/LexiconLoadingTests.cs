using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Tests.Events;

// A user lexicon folder: a copy of the shipped Lexicons folder, edited. Sentences written for these tests.
public sealed class LexiconLoadingTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string CopyLexicons() => _tmp.CopyLexicons();

    // Replaces the first data row starting with `startsWith` and returns its 1-based line number.
    private static int ReplaceRow(string path, string startsWith, string replacement)
    {
        var lines = File.ReadAllLines(path);
        int i = Array.FindIndex(lines, l => l.StartsWith(startsWith, StringComparison.Ordinal));
        Assert.True(i >= 0, $"no row starting with {startsWith} in {path}");
        lines[i] = replacement;
        File.WriteAllLines(path, lines);
        return i + 1;
    }

    [Fact]
    public void CopiedFolderLoadsLikeTheDefault()
    {
        var dir = CopyLexicons();
        var events = MarsadPipeline.CreateDefault(dir).Extract(new Article("a", "هدد تنظيم داعش بشن هجمات في روما."));
        var e = Assert.Single(events);
        Assert.Equal("threat", e.Subtype);
    }

    [Theory]
    [InlineData("ar/triggers.tsv", "هدنة\t", "هدنة\tstrategic_developments", "triggers.tsv")]
    [InlineData("places.tsv", "marsad:ly-sirte\t", "marsad:ly-sirte\tSirte\tLY\t31.21", "places.tsv")]
    [InlineData("actors.tsv", "Hezbollah\t", "Hezbollah\tmilitia", "actors.tsv")]
    [InlineData("ar/cues.tsv", "ربما\t", "ربما", "cues.tsv")]
    public void MissingFieldsNameTheFileAndLine(string file, string row, string broken, string fileName)
    {
        var dir = CopyLexicons();
        int line = ReplaceRow(Path.Combine(dir, file), row, broken);
        var ex = Assert.Throws<FormatException>(() => MarsadPipeline.CreateDefault(dir));
        Assert.Contains($"{fileName}:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tab-separated fields", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooShortStemNamesTheFileAndLine()
    {
        var dir = CopyLexicons();
        int line = ReplaceRow(Path.Combine(dir, "ar", "triggers.tsv"), "هدنة\t", "ه*\tstrategic_developments\tagreement\tnoun");
        var ex = Assert.Throws<FormatException>(() => MarsadPipeline.CreateDefault(dir));
        Assert.Contains($"triggers.tsv:{line}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserTriggerIsPickedUpWithoutRecompiling()
    {
        const string text = "قنص مسلح مدنيين في حي الشعار بمدينة حلب.";
        // The rules alone: with the trained stage a new word is one more candidate, which the model weighs by what
        // it learnt of the rest of the sentence until it is retrained on articles that use the word.
        Assert.Empty(MarsadPipeline.CreateDefault(stage: EventStage.Rules).Extract(new Article("a", text)));

        var dir = CopyLexicons();
        File.AppendAllText(Path.Combine(dir, "ar", "triggers.tsv"),
            "\n# added by an analyst: sniping\nقنص*\tviolence_against_civilians\tattack\tweak\n");
        var e = Assert.Single(MarsadPipeline.CreateDefault(dir, stage: EventStage.Rules).Extract(new Article("a", text)));
        Assert.Equal(("violence_against_civilians", "attack"), (e.Type, e.Subtype));
        Assert.Equal("Aleppo", e.Place!.Name);
        Assert.Equal("قنص", e.EvidenceText[..3]);
    }

    [Fact]
    public void UserPlaceIsPickedUpWithoutRecompiling()
    {
        const string text = "اعتقلت الشرطة المغربية خمسة أشخاص في الرباط للاشتباه في انتمائهم إلى خلية.";
        Assert.Null(Assert.Single(MarsadPipeline.CreateDefault().Extract(new Article("a", text))).Place);

        var dir = CopyLexicons();
        File.AppendAllText(Path.Combine(dir, "places.tsv"), "\nuser:ma-rabat\tRabat\tMA\t34.02\t-6.84\tpoint\tالرباط|Rabat\n");
        var e = Assert.Single(MarsadPipeline.CreateDefault(dir).Extract(new Article("a", text)));
        Assert.Equal("Rabat", e.Place!.Name);
        Assert.Equal("MA", e.Place.Country);
        Assert.Equal("user:ma-rabat", e.Place.GazetteerId);
    }

    [Fact]
    public void MissingLexiconFolderIsReported()
    {
        var missing = Path.Combine(_tmp.Path, "nope");
        var ex = Assert.Throws<DirectoryNotFoundException>(() => MarsadPipeline.CreateDefault(missing));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadCoordinateNamesTheFileAndLine()
    {
        var dir = CopyLexicons();
        int line = ReplaceRow(Path.Combine(dir, "places.tsv"), "marsad:ly-sirte\t", "marsad:ly-sirte\tSirte\tLY\t31,21N\t16.59\tpoint\tسرت|Sirte");
        var ex = Assert.Throws<FormatException>(() => MarsadPipeline.CreateDefault(dir));
        Assert.Contains($"places.tsv:{line}", ex.Message, StringComparison.Ordinal);
    }
}
