using Marsad.Entities.Ner;

namespace Marsad.Tests.Ner;

/// <summary>A fact that needs ../shared/data/ner; skipped, saying so, when the shared data is absent.</summary>
public sealed class SharedNerDataFactAttribute : FactAttribute
{
    public SharedNerDataFactAttribute()
    {
        if (!File.Exists(NerTestData.AnercorpTrain) || !File.Exists(NerTestData.AnercorpTest))
            Skip = $"needs the ANERcorp CAMeL split in {Path.GetDirectoryName(NerTestData.AnercorpTrain)} (../shared/data is absent)";
    }
}

/// <summary>A tiny synthetic corpus with regular contexts, and paths of the shared corpora.</summary>
internal static class NerTestData
{
    public static string AnercorpTrain => Shared.PathOf("data", "ner", "anercorp", "train.camel-split.txt");

    public static string AnercorpTest => Shared.PathOf("data", "ner", "anercorp", "test.camel-split.txt");

    public static string AnerGazet => Shared.PathOf("data", "ner", "anercorp", "ANERGazet");

    private static readonly string[][] People = [["محمد", "علي"], ["سامي", "حداد"], ["ليلى", "منصور"], ["خالد", "يوسف"], ["نادية", "سليم"]];
    private static readonly string[] Places = ["بغداد", "دمشق", "تونس", "عمان", "القاهرة"];
    private static readonly string[][] Orgs = [["وزارة", "الدفاع"], ["الأمم", "المتحدة"], ["شركة", "النور"]];

    /// <summary>Sentences from four patterns over the lists above, in a fixed order (index picks the names).</summary>
    public static List<NerSentence> Synthetic(int count, int offset = 0)
    {
        var list = new List<NerSentence>();
        for (int k = offset; k < offset + count; k++)
        {
            var p = People[k % People.Length];
            var loc = Places[(k / 2) % Places.Length];
            var org = Orgs[(k / 3) % Orgs.Length];
            var (tokens, tags) = (k % 4) switch
            {
                0 => (new[] { "قال", p[0], p[1], "في", loc, "امس" }, new[] { "O", "B-PER", "I-PER", "O", "B-LOC", "O" }),
                1 => (new[] { "زار", p[0], p[1], "مدينة", loc, "." }, new[] { "O", "B-PER", "I-PER", "O", "B-LOC", "O" }),
                2 => (new[] { "اعلنت", org[0], org[1], "ان", p[0], p[1], "سيصل", "الى", loc }, new[] { "O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O", "O", "B-LOC" }),
                _ => (new[] { "وصل", "وفد", "من", org[0], org[1], "الى", loc }, new[] { "O", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC" }),
            };
            list.Add(new NerSentence(tokens, tags));
        }
        return list;
    }
}
