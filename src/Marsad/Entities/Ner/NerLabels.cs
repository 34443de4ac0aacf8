namespace Marsad.Entities.Ner;

/// <summary>The fixed BIO tag set of the recognizer: O and B-/I- for PER, ORG, LOC and MISC.</summary>
public static class NerLabels
{
    /// <summary>Entity types in tag order.</summary>
    public static readonly IReadOnlyList<string> Types = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>Tags by index: 0 is O, then B-T and I-T for each type.</summary>
    public static readonly IReadOnlyList<string> Tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

    public const int Count = 9;
    public const int Outside = 0;

    /// <summary>Index of a tag already in canonical form (O, B-PER …); -1 when it is not one.</summary>
    public static int IndexOf(string tag)
    {
        for (int i = 0; i < Count; i++)
            if (string.Equals(Tags[i], tag, StringComparison.Ordinal))
                return i;
        return -1;
    }

    public static bool IsInside(int tag) => tag > 0 && tag % 2 == 0;

    public static bool IsBegin(int tag) => tag > 0 && tag % 2 == 1;

    /// <summary>Index into <see cref="Types"/> of a B or I tag; -1 for O.</summary>
    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 2;

    public static int Begin(int type) => 1 + 2 * type;

    public static int Inside(int type) => 2 + 2 * type;

    /// <summary>
    /// Whether <paramref name="cur"/> may follow <paramref name="prev"/> (-1 = sentence start): an I tag
    /// only continues its own type, so every decoded sequence reads as well-formed spans.
    /// </summary>
    public static bool CanFollow(int prev, int cur) =>
        !IsInside(cur) || (prev > 0 && TypeOf(prev) == TypeOf(cur));
}
