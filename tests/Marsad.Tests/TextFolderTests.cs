using Marsad.Text;

namespace Marsad.Tests;

public class TextFolderTests
{
    [Theory]
    [InlineData("  قال   المصدر\n\nإن ", "قال المصدر إن")]
    [InlineData("a\tb\u00a0c", "a b c")]
    [InlineData("", "")]
    public void FoldsRunsOfWhiteSpace(string input, string expected) => Assert.Equal(expected, TextFolder.Fold(input));

    [Fact]
    public void NormalizedTextMapsBackToOriginalOffsets()
    {
        var text = "قالَ وزيـــرُ الدفاع";
        var n = new NormalizedText(text);
        Assert.Equal("قال وزير الدفاع", n.Text);
        int i = n.Text.IndexOf("وزير", StringComparison.Ordinal);
        var span = n.ToOriginal(i, 4);
        Assert.Equal("وزيـــرُ", text.Substring(span.Start, span.Length));
    }
}
