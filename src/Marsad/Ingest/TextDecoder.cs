using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Marsad.Ingest;

/// <summary>The text decoded from bytes, the encoding used and how it was chosen; or why no text could be trusted.</summary>
/// <param name="Text">The decoded text; null when <paramref name="Error"/> says why the bytes were refused.</param>
/// <param name="Encoding">The web name of the encoding used (<c>utf-8</c>, <c>windows-1256</c>, …).</param>
/// <param name="Source">Where the encoding came from: <c>bom</c>, <c>header</c>, <c>meta</c> or <c>content</c>.</param>
/// <param name="Warnings">Things worth telling the user that did not stop the reading (a wrong declared charset, say).</param>
/// <param name="Error">A sentence saying why the bytes were refused.</param>
public sealed record DecodedText(string? Text, string Encoding, string Source, IReadOnlyList<string> Warnings, string? Error)
{
    /// <summary>True when <see cref="Text"/> can be used.</summary>
    public bool Ok => Error is null && Text is not null;
}

/// <summary>
/// Decodes text files and web pages whose encoding nobody promised: UTF-8 (with or without a BOM),
/// UTF-16 by BOM, and the single-byte Arabic code pages (Windows-1256, ISO-8859-6) still served by
/// older Arabic sites, told apart by their letter frequencies. It refuses rather than guesses when
/// the result would be mojibake, since a wrong decoding silently poisons every later stage.
/// </summary>
public static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Makes the Windows and ISO code pages available to <see cref="Encoding.GetEncoding(string)"/>.</summary>
    public static void EnsureCodePages() => _ = StrictUtf8;

    /// <summary>
    /// Decodes <paramref name="bytes"/>: a BOM wins, then the charset a server declared, then (for
    /// HTML) a meta charset, then the content itself. A declaration the bytes contradict is reported
    /// and the content decides.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, bool html = false)
    {
        var warnings = new List<string>();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Finish(bytes[3..], StrictUtf8, "bom", warnings);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Finish(bytes[2..], new UnicodeEncoding(false, false, true), "bom", warnings);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Finish(bytes[2..], new UnicodeEncoding(true, false, true), "bom", warnings);

        if (LooksLikeUtf16WithoutBom(bytes, out bool bigEndian))
            return Finish(bytes, new UnicodeEncoding(bigEndian, false, true), "content", warnings);

        if (Declared(declaredCharset, "header", bytes, warnings) is { } fromHeader)
            return fromHeader;
        if (html && MetaCharset(bytes) is { } meta && Declared(meta, "meta", bytes, warnings) is { } fromMeta)
            return fromMeta;

        if (Utf8.IsValid(bytes))
            return Finish(bytes, StrictUtf8, "content", warnings);
        if (BrokenUtf8(bytes) is { } broken)
            return new DecodedText(null, "utf-8", "content", warnings, broken);
        return Finish(bytes, GuessSingleByte(bytes), "content", warnings);
    }

    /// <summary>
    /// Why bytes that are UTF-8 apart from a few bad sequences (a file cut off mid-character, a
    /// corrupted block) are refused, or null when they are not UTF-8 at all. Mostly valid
    /// multi-byte sequences never happen by chance in a single-byte code page.
    /// </summary>
    private static string? BrokenUtf8(ReadOnlySpan<byte> bytes)
    {
        int multi = 0, bad = 0, firstBad = -1;
        for (int i = 0; i < bytes.Length;)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int used);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (used > 1)
                    multi++;
            }
            else
            {
                bad++;
                if (firstBad < 0)
                    firstBad = i;
            }
            i += Math.Max(used, 1);
        }
        if (multi < 4 || bad * 10 > multi)
            return null;
        return firstBad >= bytes.Length - 3
            ? $"UTF-8 text cut off in the middle of a character at byte {firstBad} (a truncated file); refused rather than stored with a replacement character"
            : $"invalid UTF-8 at byte {firstBad} ({bad} bad sequence(s) in otherwise UTF-8 text: a corrupted file); refused";
    }

    /// <summary>Decodes with the declared charset when the bytes agree with it; null when the content should decide.</summary>
    private static DecodedText? Declared(string? charset, string source, ReadOnlySpan<byte> bytes, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        var enc = Lookup(charset);
        if (enc is null)
        {
            warnings.Add($"unknown charset \"{Clip(charset, 40)}\" declared in the {source}; encoding detected from the content");
            return null;
        }
        bool hasHigh = bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F);
        if (enc.CodePage == 65001)
        {
            if (Utf8.IsValid(bytes))
                return Finish(bytes, StrictUtf8, source, warnings);
            warnings.Add($"the {source} declares UTF-8 but the bytes are not valid UTF-8; encoding detected from the content");
            return null;
        }
        if (enc is UnicodeEncoding)
        {
            warnings.Add($"the {source} declares {enc.WebName} but there is no byte order mark; encoding detected from the content");
            return null;
        }
        // Single-byte pages declared by a server are often really UTF-8 (a template changed, the header did
        // not): multi-byte UTF-8 sequences almost never occur by chance in single-byte text.
        if (hasHigh && Utf8.IsValid(bytes))
        {
            warnings.Add($"the {source} declares {enc.WebName} but the bytes are UTF-8; read as UTF-8");
            return Finish(bytes, StrictUtf8, "content", warnings);
        }
        // Arabic text declared as Latin-1 / Windows-1252 is the classic mojibake source; let the content decide between them.
        if (hasHigh && enc.CodePage is 28591 or 1252)
        {
            var guess = GuessSingleByte(bytes);
            if (guess.CodePage != 1252)
            {
                warnings.Add($"the {source} declares {enc.WebName} but the bytes read as Arabic in {guess.WebName}; read as {guess.WebName}");
                return Finish(bytes, guess, "content", warnings);
            }
        }
        return Finish(bytes, enc, source, warnings);
    }

    /// <summary>The encoding a charset label names (WHATWG-style aliases included), or null.</summary>
    public static Encoding? Lookup(string label)
    {
        EnsureCodePages();
        string l = label.Trim().Trim('"', '\'').ToLowerInvariant();
        l = l switch
        {
            "utf8" => "utf-8",
            "cp1256" or "windows1256" or "x-cp1256" => "windows-1256",
            "arabic" or "iso-8859-6-i" or "iso-8859-6-e" or "iso_8859-6" or "asmo-708" or "ecma-114" or "iso-ir-127" or "csisolatinarabic" => "iso-8859-6",
            "latin1" or "iso-8859-1" or "iso_8859-1" or "l1" or "ascii" or "us-ascii" => "windows-1252",
            _ => l,
        };
        try
        {
            return Encoding.GetEncoding(l);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static DecodedText Finish(ReadOnlySpan<byte> bytes, Encoding enc, string source, List<string> warnings)
    {
        string name = enc.WebName;
        string text;
        try
        {
            text = enc.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(null, name, source, warnings, $"the bytes are not valid {name} (encoding from the {SourceName(source)}); refused rather than stored with replacement characters");
        }
        if (text.Contains('\uFFFD'))
            return new DecodedText(null, name, source, warnings, $"decoding as {name} (from the {SourceName(source)}) gives replacement characters (U+FFFD); refused rather than stored damaged");
        if (TextChecks.MojibakeSample(text) is { } sample)
            return new DecodedText(null, name, source, warnings, $"decoding as {name} (from the {SourceName(source)}) gives mojibake (\"{sample}\"): the bytes are in another encoding; refused");
        return new DecodedText(text, name, source, warnings, null);
    }

    private static string SourceName(string source) => source switch
    {
        "bom" => "byte order mark",
        "header" => "HTTP header",
        "meta" => "HTML meta charset",
        _ => "content",
    };

    /// <summary>
    /// Windows-1256, ISO-8859-6 or Windows-1252 for bytes that are not UTF-8: whichever decoding gives
    /// the most Arabic words. The article «ال» is a strong signal because its two letters sit on
    /// different byte values in the two Arabic code pages, so the wrong one never produces it.
    /// </summary>
    public static Encoding GuessSingleByte(ReadOnlySpan<byte> bytes)
    {
        EnsureCodePages();
        var sample = bytes.Length > 1 << 16 ? bytes[..(1 << 16)] : bytes;
        Encoding best = Encoding.GetEncoding(1252);
        double bestScore = 0;
        foreach (int cp in (ReadOnlySpan<int>)[1256, 28596])
        {
            var enc = Encoding.GetEncoding(cp);
            string s = enc.GetString(sample);
            double score = ArabicScore(s);
            if (score > bestScore)
            {
                best = enc;
                bestScore = score;
            }
        }
        return best;
    }

    private static double ArabicScore(string s)
    {
        int letters = 0, bad = 0, articles = 0, ascii = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiLetter(c))
                ascii++;
            if (c is >= '\u0621' and <= '\u064A')
            {
                letters++;
                if (c == '\u0627' && i + 1 < s.Length && s[i + 1] == '\u0644')
                    articles++;
            }
            else if (c is '\uFFFD' or (>= '\u0080' and <= '\u009F') or (>= '\u00C0' and <= '\u00FF'))
                bad++;
        }
        // Accented Latin letters land on Arabic code points too; Arabic text has more Arabic letters than Latin ones.
        if (letters == 0 || letters < ascii)
            return 0;
        return articles * 10.0 + letters - bad * 2.0;
    }

    /// <summary>UTF-16 without a BOM shows itself by NUL bytes on one parity only (ASCII and Arabic high bytes 0x06).</summary>
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var head = bytes.Length > 4096 ? bytes[..4096] : bytes;
        if (head.Length < 8 || head.Length % 2 != 0 && head.Length == bytes.Length)
            return false;
        int evenZero = 0, oddZero = 0, evenArabic = 0, oddArabic = 0;
        for (int i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) evenZero++;
            if (head[i + 1] == 0) oddZero++;
            if (head[i] == 0x06) evenArabic++;
            if (head[i + 1] == 0x06) oddArabic++;
        }
        int pairs = head.Length / 2;
        // High byte first (big endian) puts 0x00/0x06 on even offsets.
        if ((evenZero + evenArabic) > pairs * 0.9 && oddZero == 0)
        {
            bigEndian = true;
            return true;
        }
        return (oddZero + oddArabic) > pairs * 0.9 && evenZero == 0;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"<\?xml[^>]+encoding\s*=\s*[""']([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncodingPattern();

    /// <summary>The charset named by a <c>&lt;meta&gt;</c> tag or XML declaration in the first 4 KB, as browsers look for it.</summary>
    public static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > 4096 ? bytes[..4096] : bytes;
        string ascii = Encoding.Latin1.GetString(head);
        var m = MetaCharsetPattern().Match(ascii);
        if (m.Success)
            return m.Groups[1].Value;
        m = XmlEncodingPattern().Match(ascii);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The <c>charset</c> parameter of a Content-Type header value, or null.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
            return null;
        foreach (var part in contentType.Split(';'))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && kv[0].Equals("charset", StringComparison.OrdinalIgnoreCase))
                return kv[1].Trim('"', '\'');
        }
        return null;
    }

    internal static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
