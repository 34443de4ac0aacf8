using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Marsad.Text;

namespace Marsad.Storage;

/// <summary>
/// Keys for finding repeated articles: the SHA-256 of the normalized text (exact repeats) and a
/// 64-bit SimHash over word 3-grams (near repeats, such as a wire story republished with another
/// headline, a dateline or a closing line added).
/// </summary>
/// <remarks>
/// SimHash rather than MinHash: one 64-bit number per article, compared by Hamming distance, and
/// found in SQL with four indexed 16-bit bands (two texts within 3 differing bits share at least
/// one band exactly, by pigeonhole). MinHash estimates Jaccard better on heavily edited texts but
/// needs a hundred or more values per article and band tables to search them.
/// </remarks>
public static class TextFingerprint
{
    /// <summary>Bits that may differ for two articles to count as near duplicates (of 64).</summary>
    public const int NearDuplicateBits = 3;

    /// <summary>Fewer words than this make a SimHash too unstable to call two texts the same story.</summary>
    public const int MinWordsForNearDuplicate = 40;

    private const int ShingleWords = 3;

    /// <summary>The text keys are computed on: title and body, Arabic-normalized and folded.</summary>
    public static string Normalize(Article article) => Compute(article).Normalized;

    /// <summary>Lower-case hex SHA-256 of the body's normalized text (the title is left out: republishers change it).</summary>
    public static string ContentHash(Article article) => HashOfNormalized(ArabicNormalizer.NormalizePhrase(article.Text));

    /// <summary>The search text, content hash and SimHash of an article, normalizing its body once.</summary>
    public static (string Normalized, string ContentHash, ulong? SimHash) Compute(Article article)
    {
        var body = ArabicNormalizer.NormalizePhrase(article.Text);
        var normalized = string.IsNullOrWhiteSpace(article.Title) ? body : ArabicNormalizer.NormalizePhrase(article.Title) + " " + body;
        return (normalized, HashOfNormalized(body), SimHashOfNormalized(body));
    }

    /// <summary>The SimHash of the body's normalized words, or null when it is too short to be reliable.</summary>
    public static ulong? SimHash(string text) => SimHashOfNormalized(ArabicNormalizer.NormalizePhrase(text));

    private static string HashOfNormalized(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private static ulong? SimHashOfNormalized(string body)
    {
        var words = Words(body);
        if (words.Count < MinWordsForNearDuplicate)
            return null;
        Span<int> votes = stackalloc int[64];
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            ulong h = Mix(Fnv(words, i, ShingleWords));
            for (int bit = 0; bit < 64; bit++)
                votes[bit] += ((h >> bit) & 1) != 0 ? 1 : -1;
        }
        ulong result = 0;
        for (int bit = 0; bit < 64; bit++)
            if (votes[bit] > 0)
                result |= 1UL << bit;
        return result;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>The four 16-bit bands stored in indexed columns for the near-duplicate lookup.</summary>
    public static int Band(ulong simHash, int band) => (int)((simHash >> (16 * band)) & 0xFFFF);

    // Letters and digits only: punctuation and the odd quote mark differ between republications.
    private static List<string> Words(string normalized)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= normalized.Length; i++)
        {
            bool inWord = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(normalized[start..i]);
                start = -1;
            }
        }
        return words;
    }

    private static ulong Fnv(List<string> words, int from, int count)
    {
        ulong h = 14695981039346656037UL;
        for (int w = from; w < from + count; w++)
        {
            foreach (char c in words[w])
            {
                h ^= c;
                h *= 1099511628211UL;
            }
            h ^= ' ';
            h *= 1099511628211UL;
        }
        return h;
    }

    // FNV's high bits are poorly mixed for short inputs; a final avalanche step spreads every input bit.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
