using System.Text;

namespace Marsad.Ingest;

/// <summary>Checks every piece of input text passes before it may be stored: no mojibake, no binary, no hidden controls.</summary>
public static class TextChecks
{
    // The bytes 0x80–0xBF continue every multi-byte UTF-8 sequence; read as a single-byte code page
    // they become these characters, right after the character the lead byte became.
    private static readonly HashSet<char> Continuation1252 = Continuations(1252);
    private static readonly HashSet<char> Continuation1256 = Continuations(1256);

    private static HashSet<char> Continuations(int codePage)
    {
        TextDecoder.EnsureCodePages();
        var bytes = new byte[64];
        for (int i = 0; i < 64; i++)
            bytes[i] = (byte)(0x80 + i);
        var set = new HashSet<char>(Encoding.GetEncoding(codePage).GetString(bytes));
        // Letters real Arabic text uses after ط/ظ are not evidence of anything.
        set.RemoveWhere(c => c is >= '\u0600' and <= '\u06FF');
        set.Remove('\u00A0');
        // Guillemets and quotes close Arabic words all the time ("الأوسط»").
        set.Remove('\u00AB');
        set.Remove('\u00BB');
        return set;
    }

    /// <summary>
    /// A short excerpt showing mojibake — UTF-8 read as Latin-1/Windows-1252 (Ø§Ù„…) or as Windows-1256
    /// (ط§ظ„…), or a replacement character — or null when the text looks sound.
    /// </summary>
    public static string? MojibakeSample(string text)
    {
        int hits = 0, first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\uFFFD')
                return Excerpt(text, i);
            if (i + 1 >= text.Length)
                break;
            char n = text[i + 1];
            bool latin = c is 'Ø' or 'Ù' or 'Ú' or 'Û' or 'Ã' or 'Â' && Continuation1252.Contains(n);
            bool arabic = c is 'ط' or 'ظ' or 'ع' or 'غ' && Continuation1256.Contains(n);
            if (latin || arabic)
            {
                hits++;
                if (first < 0)
                    first = i;
            }
        }
        // Mojibake turns every Arabic letter into such a pair, so it is dense; a stray pair in a long
        // real text (a letter before a symbol) is not evidence.
        return hits >= 2 && hits * 50 >= text.Length ? Excerpt(text, first) : null;
    }

    private static string Excerpt(string text, int at)
    {
        int start = Math.Max(0, at - 4);
        int len = Math.Min(16, text.Length - start);
        return text.Substring(start, len).ReplaceLineEndings(" ");
    }

    /// <summary>Longer runs without white space are encoded data (base64, minified code), never prose.</summary>
    public const int MaxWordLength = 10_000;

    /// <summary>Why the text is not prose (a "word" longer than <see cref="MaxWordLength"/>), or null.</summary>
    public static string? NotProse(string text)
    {
        int run = 0, longest = 0;
        foreach (char c in text)
        {
            run = char.IsWhiteSpace(c) ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }
        return longest > MaxWordLength
            ? $"holds a \"word\" of {longest:N0} characters without a space (encoded data, not prose; the limit is {MaxWordLength:N0})"
            : null;
    }

    /// <summary>
    /// True when the first bytes look like a binary file rather than text: a NUL byte (outside UTF-16),
    /// or many control bytes. Text files never hold either.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return false;
        int controls = 0;
        foreach (byte b in head)
        {
            if (b == 0)
                return !LooksLikeUtf16Nuls(head);
            if (b < 0x09 || b is > 0x0D and < 0x20 and not 0x1B)
                controls++;
        }
        return head.Length > 0 && controls > head.Length / 20 + 2;
    }

    private static bool LooksLikeUtf16Nuls(ReadOnlySpan<byte> head)
    {
        int even = 0, odd = 0;
        for (int i = 0; i < head.Length; i++)
            if (head[i] == 0)
            {
                if (i % 2 == 0) even++;
                else odd++;
            }
        return (even == 0 || odd == 0) && even + odd > head.Length / 4;
    }

    /// <summary>
    /// Removes what must never reach the store invisibly: bidirectional embedding, override and isolate
    /// controls (which can make stored text display in an order other than its logical one) and other
    /// control characters (replaced by a space). Tabs and line breaks stay; so do the ordinary
    /// direction marks (U+200E/U+200F, U+061C) that Arabic text uses legitimately.
    /// </summary>
    public static string Sanitize(string text, out string? note)
    {
        note = null;
        int bidi = 0, controls = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsBidiControl(text[i])) bidi++;
            else if (IsBadControl(text, i)) controls++;
        }
        if (bidi == 0 && controls == 0)
            return text;
        // Replaced one for one, never removed: evidence offsets are counted in the text as published
        // (FORMAT.md), so the text must keep its length and its white space. An override becomes a plain
        // direction mark (no reordering power), a control or lone surrogate a zero-width space.
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (IsBidiControl(chars[i]))
                chars[i] = chars[i] is '\u202B' or '\u202E' or '\u2067' ? '\u200F' : '\u200E';
            else if (IsBadControl(text, i))
                chars[i] = Text.TextFolder.IsFoldable(chars[i]) ? ' ' : '\u200B';
        }
        var parts = new List<string>();
        if (bidi > 0)
            parts.Add($"neutralized {bidi} bidirectional override/embedding character(s)");
        if (controls > 0)
            parts.Add($"replaced {controls} control or unpaired surrogate character(s) with zero-width spaces");
        note = string.Join(" and ", parts);
        return new string(chars);
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    // Lone surrogates cannot be encoded as UTF-8 and would make the store throw.
    private static bool IsBadControl(string s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c))
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c))
            return i == 0 || !char.IsHighSurrogate(s[i - 1]);
        return c is (< ' ' and not '\t' and not '\n' and not '\r') or (>= '\u007F' and <= '\u009F') or '\uFEFF' or (>= '\uFFF9' and <= '\uFFFB');
    }
}
