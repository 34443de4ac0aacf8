namespace Marsad.Events;

/// <summary>
/// The word-order facts and closed word classes the event extractor needs for a language other than Arabic
/// (whose own are built into the extractor): which words mark a target or end a source's name, and whether
/// the subject comes before the verb.
/// </summary>
public sealed record ExtractorGrammar(
    string Lang,
    bool SubjectFirst,
    IReadOnlySet<string> TargetMarkers,
    IReadOnlySet<string> SpeechStoppers,
    IReadOnlySet<string> Prepositions,
    IReadOnlySet<string> Towards,
    IReadOnlySet<string> From)
{
    /// <summary>English: subject-verb-object, prepositions before their objects.</summary>
    public static ExtractorGrammar English { get; } = new(
        "en",
        SubjectFirst: true,
        TargetMarkers: Set("against", "on", "targeting", "targeted", "at", "upon", "toward", "towards", "positions", "posts", "bases",
            "members", "convoy", "patrol", "checkpoint", "headquarters", "fighters"),
        SpeechStoppers: Set("that", "on", "in", "at", "yesterday", "today", "when", "as", "after", "while", "who", "which", "adding", "saying",
            "and", "but", "late", "early", "last", "this", "during", "before", "following", "over", "about"),
        Prepositions: Set("in", "on", "at", "from", "to", "into", "against", "with", "by", "near", "of", "for", "after", "before", "during",
            "across", "towards", "toward", "through", "inside", "outside"),
        Towards: Set("to", "towards", "toward", "into", "for"),
        From: Set("from", "out"));

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
