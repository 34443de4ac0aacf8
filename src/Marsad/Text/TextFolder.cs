namespace Marsad.Text;

/// <summary>Folds white space the way FORMAT.md defines offsets: runs become one space, ends trimmed.</summary>
public static class TextFolder
{
    public static string Fold(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (IsFoldable(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Python's str.split() (what the scorer uses) splits on these; match it exactly so offsets agree.
    public static bool IsFoldable(char c) =>
        char.IsWhiteSpace(c) || c is '\u001c' or '\u001d' or '\u001e' or '\u001f' or '\u0085';
}
