using System.Globalization;
using System.Text;
using Marsad.Text;

namespace Marsad.Cli;

/// <summary>Fitting text into fixed-width terminal table cells, Arabic included.</summary>
internal static class TerminalText
{
    /// <summary>Folds white space and cuts the text to <paramref name="width"/> display cells, marking the cut with an ellipsis.</summary>
    public static string Fit(string text, int width)
    {
        text = TextFolder.Fold(text);
        if (Width(text) <= width)
            return text;
        var sb = new StringBuilder();
        int used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int w = RuneWidth(rune);
            if (used + w > width - 1)
                break;
            sb.Append(rune.ToString());
            used += w;
        }
        return sb.ToString().TrimEnd() + "…";
    }

    // Terminals draw Arabic letters one cell wide and stack the harakat on them, so padding counts
    // base characters only; the bidi reordering of a cell happens inside its padded width.
    public static int Width(string text)
    {
        int width = 0;
        foreach (var rune in text.EnumerateRunes())
            width += RuneWidth(rune);
        return width;
    }

    private static int RuneWidth(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format => 0,
        _ => 1,
    };
}
