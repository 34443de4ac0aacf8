using System.Diagnostics;
using Marsad.Entities.Ner;
using Marsad.Text;

namespace Marsad.Tests.Ner;

public class NerModelTests
{
    private const int L = NerLabels.Count;

    private static int[] Decode(float[,] scores, float[]? transitions = null)
    {
        int n = scores.GetLength(0);
        var em = new float[n * L];
        for (int i = 0; i < n; i++)
            for (int t = 0; t < L; t++)
                em[i * L + t] = scores[i, t];
        var tags = new int[n];
        NerModel.Viterbi(em, n, transitions ?? new float[(L + 1) * L], tags);
        return tags;
    }

    private static int Tag(string tag) => NerLabels.IndexOf(tag);

    [Fact]
    public void ViterbiNeverLetsAnInsideTagStartAnEntity()
    {
        var s = new float[3, L];
        s[0, Tag("O")] = 1f;
        s[0, Tag("B-PER")] = 0.9f;
        s[1, Tag("I-PER")] = 2f;
        s[2, Tag("O")] = 1f;
        // Greedy would read O I-PER O; the best well-formed sequence starts the name at token 0.
        Assert.Equal([Tag("B-PER"), Tag("I-PER"), Tag("O")], Decode(s));
    }

    [Fact]
    public void ViterbiWeighsTransitionsAgainstEmissions()
    {
        var s = new float[2, L];
        s[0, Tag("B-LOC")] = 1f;
        s[0, Tag("B-PER")] = 0.9f;
        s[1, Tag("I-PER")] = 1f;
        s[1, Tag("I-LOC")] = 0.5f;
        Assert.Equal([Tag("B-PER"), Tag("I-PER")], Decode(s));
        var trans = new float[(L + 1) * L];
        trans[Tag("B-PER")] = -1f; // from the sentence start
        Assert.Equal([Tag("B-LOC"), Tag("I-LOC")], Decode(s, trans));
    }

    [Fact]
    public void TrainingLearnsASyntheticCorpus()
    {
        var train = NerTestData.Synthetic(120);
        var test = NerTestData.Synthetic(40, offset: 1000); // same words, other combinations
        var fx = new NerFeatureExtractor(NerFeatureGroups.All, null, null);
        var model = NerTrainer.Train(train, fx, new NerTrainingOptions { Epochs = 5 });
        var score = EntityScorer.Score(test.Select(s => s.Tags).ToList(), test.Select(s => (IReadOnlyList<string>)model.Tag(s.Tokens)).ToList());
        Assert.True(score.Micro.F1 >= 0.98, score.Format());
        // A name never seen in training, in a learnt context.
        var tags = model.Tag(["قال", "جميل", "حداد", "في", "دمشق", "امس"]);
        Assert.Equal("B-LOC", tags[4]);
    }

    [Fact]
    public void CrfLearnsASyntheticCorpus()
    {
        var train = NerTestData.Synthetic(120);
        var test = NerTestData.Synthetic(40, offset: 1000);
        var fx = new NerFeatureExtractor(NerFeatureGroups.All, null, null);
        var model = NerTrainer.Train(train, fx, new NerTrainingOptions { Epochs = 5, Algorithm = NerAlgorithm.Crf, LearningRate = 0.1 });
        var score = EntityScorer.Score(test.Select(s => s.Tags).ToList(), test.Select(s => (IReadOnlyList<string>)model.Tag(s.Tokens)).ToList());
        Assert.True(score.Micro.F1 >= 0.98, score.Format());
    }

    [Fact]
    public void OutsidePenaltyOnlyAddsEntitiesAndLeavesTheModelAlone()
    {
        var model = NerTrainer.Train(NerTestData.Synthetic(40), new NerFeatureExtractor(NerFeatureGroups.All, null, null), new NerTrainingOptions { Epochs = 2 });
        string[] sentence = ["وصل", "جميل", "إلى", "المدينة", "امس"];
        var before = model.Tag(sentence);
        var eager = model.WithOutsidePenalty(1000);
        Assert.DoesNotContain("O", eager.Tag(sentence));
        Assert.Equal(before, model.Tag(sentence));
    }

    [Fact]
    public void DocumentTaggingPropagatesANameToItsUntaggedMentions()
    {
        string[] a = ["قال", "سامي", "حداد", "امس"], b = ["وأضاف", "حداد", "ان", "الوضع", "صعب"];
        var obs = new[] { a.Select(TokenObservation.Of).ToArray(), b.Select(TokenObservation.Of).ToArray() };
        var tags = new[] { new[] { 0, 1, 2, 0 }, new int[5] };
        NerConsistency.Propagate(obs, tags);
        Assert.Equal([0, 0, 0, 0, 0], tags[1]);   // only the full name was tagged: a part alone is not propagated
        tags = [[0, 0, 1, 0], new int[5]];
        NerConsistency.Propagate(obs, tags);
        Assert.Equal([0, 1, 0, 0, 0], tags[1]);
        // A word the model tagged once but left untagged more often does not spread.
        var many = new[] { Obs("الوضع", "صعب"), Obs("الوضع", "هادئ"), Obs("الوضع", "سيء"), Obs("الوضع", "جيد") };
        var t2 = new[] { new[] { 5, 0 }, new int[2], new int[2], new int[2] };
        NerConsistency.Propagate(many, t2);
        Assert.All(t2.Skip(1), t => Assert.Equal([0, 0], t));
    }

    private static TokenObservation[] Obs(params string[] words) => words.Select(TokenObservation.Of).ToArray();

    [Fact]
    public void TrainingIsDeterministic()
    {
        var train = NerTestData.Synthetic(60);
        var fx = new NerFeatureExtractor(NerFeatureGroups.All, null, null);
        using var dir = new TempDir();
        string a = Path.Combine(dir.Path, "a.bin"), b = Path.Combine(dir.Path, "b.bin");
        NerTrainer.Train(train, fx, new NerTrainingOptions { Epochs = 3 }).Save(a);
        NerTrainer.Train(train, fx, new NerTrainingOptions { Epochs = 3 }).Save(b);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void SaveLoadRoundTripKeepsTagsListsAndDescription()
    {
        var gaz = NerGazetteer.FromPhrases([("بغداد", "LOC"), ("وزارة الدفاع", "ORG")]);
        var clusters = new WordClusters(new Dictionary<string, int[]> { ["بغداد"] = [1, 2], ["دمشق"] = [1, 3], ["قال"] = [0, 0] });
        var fx = new NerFeatureExtractor(NerFeatureGroups.All, gaz, clusters);
        var model = NerTrainer.Train(NerTestData.Synthetic(80), fx, new NerTrainingOptions { Epochs = 3, Description = "unit test" });
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "m.bin");
        model.Save(path);
        var loaded = NerModel.Load(path);
        Assert.Equal("unit test", loaded.Description);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(NerFeatureGroups.All, loaded.Features.Groups);
        Assert.Equal(gaz.Count, loaded.Features.Gazetteer!.Count);
        Assert.Equal([1, 3], loaded.Features.Clusters!.PathOf("دمشق")!);
        foreach (var s in NerTestData.Synthetic(20, offset: 500))
            Assert.Equal(model.Tag(s.Tokens), loaded.Tag(s.Tokens));
        Assert.Throws<InvalidDataException>(() => NerModel.Load(dir.File("bad.bin", new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 })));
    }

    [Fact]
    public void TagsADocumentIntoSpansOverItsText()
    {
        var model = NerTrainer.Train(NerTestData.Synthetic(120), new NerFeatureExtractor(NerFeatureGroups.All, null, null), new NerTrainingOptions { Epochs = 5 });
        var doc = new Document(new Article("d1", "زار سامي حداد مدينة دمشق. قال محمد علي في تونس امس"));
        new TextAnalyzer().Process(doc);
        new NerRecognizer(model).Process(doc);
        var found = doc.NamedEntities.Select(e => (doc.Slice(e.Span), e.Type)).ToList();
        Assert.Equal([("سامي حداد", "PER"), ("دمشق", "LOC"), ("محمد علي", "PER"), ("تونس", "LOC")], found);
        Assert.Equal(2, doc.NamedEntities[0].TokenCount);
    }

    [Fact]
    public void DefaultModelLoadsUnderASecondAndFindsNames()
    {
        Assert.True(File.Exists(NerModel.DefaultPath), $"default model missing at {NerModel.DefaultPath}");
        var clock = Stopwatch.StartNew();
        var model = NerModel.Load(NerModel.DefaultPath);
        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"load took {clock.Elapsed.TotalMilliseconds:0} ms");
        var doc = new Document(new Article("d", "وقال الرئيس الأمريكي باراك أوباما في واشنطن إن الأمم المتحدة ستعقد اجتماعا."));
        new TextAnalyzer().Process(doc);
        var entities = model.Tag(doc);
        Assert.Contains(entities, e => e.Type == "PER" && doc.Slice(e.Span).Contains("أوباما"));
        Assert.Contains(entities, e => e.Type == "LOC" && doc.Slice(e.Span) == "واشنطن");
    }
}
