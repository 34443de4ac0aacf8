namespace Marsad.Entities.Ner;

/// <summary>64-bit hashing of feature strings without building them: FNV-1a over characters, then a SplitMix64 finish.</summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> s) => Continue(Offset, s);

    public static ulong Continue(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            h ^= c;
            h *= Prime;
        }
        return h;
    }

    public static ulong Continue(ulong h, char c) => (h ^ c) * Prime;

    /// <summary>Feature key of a template and a value hash; different templates never share keys in practice.</summary>
    public static ulong Feature(int template, ulong value) => Mix(value + (ulong)template * 0x9E3779B97F4A7C15UL);

    public static ulong Feature(int template, ulong a, ulong b) => Mix(Mix(a + (ulong)template * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
