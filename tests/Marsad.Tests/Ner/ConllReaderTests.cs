using Marsad.Entities.Ner;

namespace Marsad.Tests.Ner;

public class ConllReaderTests
{
    private static List<NerSentence> Read(string text, bool lenient = false) =>
        ConllReader.Read(new StringReader(text), "t.txt", lenient, out _);

    [Fact]
    public void ReadsSentencesSeparatedByBlankLinesAndMapsPers()
    {
        var s = Read("محمد B-PERS\nقال O\n\nفي O\nبغداد B-LOC\n\n\n");
        Assert.Equal(2, s.Count);
        Assert.Equal(["محمد", "قال"], s[0].Tokens);
        Assert.Equal(["B-PER", "O"], s[0].Tags);
        Assert.Equal(["O", "B-LOC"], s[1].Tags);
    }

    [Fact]
    public void ReadsNewsFaneTabsMarksCrlfAndFineTypes()
    {
        var s = Read("\uFEFF\u200Eفرانكفورت\tB-Population-Center\r\n\u200Eد\tB-Media\r\n\u200Eب\tI-Media\r\n\u200Eالفلسطينيون\tB-Group\r\n\u200Eكتاب\tB-Book\r\n");
        Assert.Equal(["فرانكفورت", "د", "ب", "الفلسطينيون", "كتاب"], s[0].Tokens);
        Assert.Equal(["B-LOC", "B-ORG", "I-ORG", "O", "B-MISC"], s[0].Tags);
    }

    [Fact]
    public void ReadsAqmarMiscVariants()
    {
        var s = Read("a B-MIS1\nb I-MIS1\nc B-MIS-2\nd I--ORG\n");
        Assert.Equal(["B-MISC", "I-MISC", "B-MISC", "I-ORG"], s[0].Tags);
    }

    [Fact]
    public void SkipsEmptyTokensAsInAnercorp()
    {
        var s = ConllReader.Read(new StringReader("a O\n O\n\u200F O\nb B-LOC\n"), "t.txt", false, out var stats);
        Assert.Equal(["a", "b"], s[0].Tokens);
        Assert.Equal(2, stats.EmptyTokens);
    }

    [Fact]
    public void LineWithoutTagNamesFileAndLine()
    {
        var ex = Assert.Throws<ConllFormatException>(() => Read("a O\nb O\n\nlonely\n"));
        Assert.Equal(4, ex.Line);
        Assert.StartsWith("t.txt:4:", ex.Message);
        Assert.Contains("TOKEN TAG", ex.Message);
    }

    [Fact]
    public void UnknownTagIsAnErrorUnlessLenient()
    {
        var ex = Assert.Throws<ConllFormatException>(() => Read("a O\nb X-PER\n"));
        Assert.Equal(2, ex.Line);
        Assert.Contains("X-PER", ex.Message);
        var s = ConllReader.Read(new StringReader("a O\nb B-SPANISH\n"), "t.txt", true, out var stats);
        Assert.Equal(["O", "O"], s[0].Tags);
        Assert.Equal(1, stats.UnknownTags);
    }
}
