using Marsad.Entities.Ner;

namespace Marsad.Tests.Ner;

public class NerFeatureTests
{
    private static TokenObservation[] Obs(params string[] words) => words.Select(TokenObservation.Of).ToArray();

    private static List<ulong> Keys(NerFeatureExtractor fx, TokenObservation[] obs, int position)
    {
        var keys = new List<ulong>();
        var starts = new int[obs.Length + 1];
        fx.Extract(obs, keys, starts);
        return keys.GetRange(starts[position], starts[position + 1] - starts[position]);
    }

    [Theory]
    [InlineData("بغداد", "A")]
    [InlineData("بَغْدَادُ", "A")]
    [InlineData("COVID-19", "UPD")]
    [InlineData("2015م", "DA")]
    [InlineData("،", "P")]
    [InlineData("iPhone", "LUL")]
    public void ShapeIsRunsOfCharacterClasses(string word, string shape) =>
        Assert.Equal(shape, NerFeatureExtractor.ShapeOf(word));

    [Fact]
    public void ObservationSplitsClitics()
    {
        var o = TokenObservation.Of("وبالعراق");
        Assert.Equal("وبالعراق", o.Normalized);
        Assert.Equal("عراق", o.Stem);
        Assert.Equal("و+ب+ال", o.Proclitics);
        Assert.Contains("العراق", o.Forms);
        var latin = TokenObservation.Of("Reuters");
        Assert.Equal("reuters", latin.Normalized);
        Assert.Equal("", latin.Proclitics);
    }

    [Fact]
    public void EachGroupAddsFeaturesAndExtractionIsDeterministic()
    {
        var obs = Obs("قال", "وزير", "الخارجية", "في", "وبغداد");
        var all = new NerFeatureExtractor(NerFeatureGroups.All, null, null);
        Assert.Equal(Keys(all, obs, 4), Keys(all, obs, 4));
        int total = Keys(all, obs, 4).Count;
        foreach (var g in new[] { NerFeatureGroups.Context, NerFeatureGroups.Clitics, NerFeatureGroups.Affixes, NerFeatureGroups.Shape, NerFeatureGroups.Cues, NerFeatureGroups.Ngrams })
        {
            var without = new NerFeatureExtractor(NerFeatureGroups.All & ~g, null, null);
            Assert.True(Keys(without, obs, 4).Count < total, $"{g} adds no feature");
        }
        // Word identity stays whatever the groups: three keys (bias, surface, normalized form).
        Assert.Equal(3, Keys(new NerFeatureExtractor(NerFeatureGroups.None, null, null), obs, 4).Count);
    }

    [Theory]
    [InlineData("والرئيس", NerCue.Title)]
    [InlineData("وزيرة", NerCue.Title)]
    [InlineData("لوزارة", NerCue.OrgHead)]
    [InlineData("محافظة", NerCue.LocHead)]
    [InlineData("أبو", NerCue.NameParticle)]
    [InlineData("قالت", NerCue.Speech)]
    [InlineData("سيارة", NerCue.None)]
    public void CuesSeeThroughCliticsAndTheArticle(string word, NerCue cue) =>
        Assert.Equal(cue, NerCues.Of(TokenObservation.Of(word)));

    [Fact]
    public void ContextFeaturesDependOnNeighbours()
    {
        var fx = new NerFeatureExtractor(NerFeatureGroups.Context, null, null);
        var a = Keys(fx, Obs("قال", "سامي", "امس"), 1);
        var b = Keys(fx, Obs("زار", "سامي", "امس"), 1);
        Assert.Equal(a.Count, b.Count);
        Assert.NotEqual(a, b);
        Assert.Equal(a.Take(3), b.Take(3)); // the word's own features agree
    }

    [Fact]
    public void GazetteerMatchesPhrasesLongestFirstAndThroughClitics()
    {
        var gaz = NerGazetteer.FromPhrases([("بغداد", "LOC"), ("الأمم المتحدة", "ORG"), ("الأمم", "MISC")]);
        var obs = Obs("وصل", "الى", "وبغداد", "وفد", "الامم", "المتحدة");
        var begin = new byte[obs.Length];
        var inside = new byte[obs.Length];
        var single = new byte[obs.Length];
        gaz.Match(obs, begin, inside, single);
        Assert.Equal([0, 0, 4, 0, 2, 0], begin);      // LOC = bit 2, ORG = bit 1
        Assert.Equal([0, 0, 0, 0, 0, 2], inside);
        Assert.Equal(8, single[4]);                   // the one-word MISC entry still shows
        var fx = new NerFeatureExtractor(NerFeatureGroups.Gazetteer, gaz, null);
        Assert.True(Keys(fx, obs, 2).Count > Keys(new NerFeatureExtractor(NerFeatureGroups.None, null, null), obs, 2).Count);
    }

    [Fact]
    public void ClustersGiveOneFeaturePerLevelAndFallBackToTheStem()
    {
        var clusters = new WordClusters(new Dictionary<string, int[]> { ["بغداد"] = [3, 1, 0], ["دمشق"] = [3, 1, 2] });
        Assert.Equal(3, clusters.Levels);
        var fx = new NerFeatureExtractor(NerFeatureGroups.Clusters, null, clusters);
        var b = Keys(fx, Obs("بغداد"), 0);
        var d = Keys(fx, Obs("دمشق"), 0);
        Assert.Equal(3 + 3, b.Count);
        Assert.Equal(2, b.Skip(3).Intersect(d.Skip(3)).Count()); // share the two coarse levels
        Assert.Equal(3 + 3, Keys(fx, Obs("ببغداد"), 0).Count);   // stem lookup
        Assert.Equal(3 + 1, Keys(fx, Obs("زيت"), 0).Count);     // "no cluster" feature
    }
}
