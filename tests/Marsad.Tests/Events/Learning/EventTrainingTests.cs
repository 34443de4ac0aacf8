using System.Text.Json;
using Marsad.Events.Learning;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Tests.Events.Learning;

// Composed reports written for these tests: in each, one air strike an analyst codes and one minister's trip
// home that the broad lexicon raises as a movement candidate but nobody codes.
public class EventTrainingTests
{
    private static readonly string[] Towns = ["صعدة", "تعز", "مأرب", "عدن", "الحديدة", "لحج", "أبين", "شبوة", "حجة", "إب"];

    private static readonly Lazy<MarsadPipeline> Rules = new(() => MarsadPipeline.CreateDefault(stage: EventStage.Rules));

    private static CodedArticle Report(int i)
    {
        string town = Towns[i % Towns.Length];
        string strike = $"قصفت طائرات التحالف مواقع للحوثيين في مدينة {town} أمس";
        string trip = "وعاد وزير الخارجية إلى الرياض أمس بعد زيارة قصيرة";
        var text = $"{trip}. {strike}.";
        var gold = JsonSerializer.SerializeToElement(new
        {
            article = $"r{i}", type = "explosions_remote_violence", subtype = "air_drone_strike",
            actor1 = new[] { "Saudi-led coalition", "التحالف" }, actor2 = new[] { "Houthis", "الحوثيين" },
            place = (object?)null, date = (object?)null, quantities = new { }, fatalities = (object?)null,
            certainty = "confirmed", reported_by = Array.Empty<string>(), evidence = strike,
        });
        return new CodedArticle(new Article($"r{i}", text, Published: new DateOnly(2015, 7, 25)), [gold]);
    }

    private static List<EventTraining.Prepared> Prepared(int n) =>
        EventTraining.Prepare(Rules.Value, Enumerable.Range(0, n).Select(Report).ToList());

    [Fact]
    public void ACandidateTakesTheTypeOfTheGoldEventItsTriggerIsIn()
    {
        var prepared = Prepared(1)[0];
        var strike = Assert.Single(prepared.Examples, e => e.Label != EventTypeModel.None);
        Assert.Equal("explosions_remote_violence", strike.Label);
        // The trip is raised (by the broad lexicon) and labelled as no event.
        Assert.Contains(prepared.Examples, e => e.Label == EventTypeModel.None && e.Features.Contains("gate:broad"));
        Assert.Equal(1, prepared.GoldReached);
        // Its actors are labelled by the names the scorer would accept.
        Assert.Contains(prepared.RoleExamples, r => r.Label == 1);
    }

    [Fact]
    public void TheTrainedStageKeepsWhatAnalystsCodeAndDropsWhatTheyDoNot()
    {
        var models = EventTraining.TrainAll(Prepared(20), threshold: 0.5);
        var pipeline = MarsadPipeline.CreateDefault(stage: EventStage.Rules);
        var extractor = pipeline.ExtractorFor("ar").WithModels(models);
        var doc = pipeline.Analyze(new Article("new", "وعاد وزير الخارجية إلى الرياض أمس بعد زيارة قصيرة. قصفت طائرات التحالف مواقع للحوثيين في مدينة زبيد أمس.",
            Published: new DateOnly(2015, 8, 2)));
        var e = Assert.Single(extractor.Extract(doc));
        Assert.Equal(("explosions_remote_violence", "air_drone_strike"), (e.Type, e.Subtype));
        Assert.StartsWith("قصفت", e.EvidenceText, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegatedActStaysDroppedWhateverTheModelLearnt()
    {
        var models = EventTraining.TrainAll(Prepared(20), threshold: 0.01);
        var pipeline = MarsadPipeline.CreateDefault(stage: EventStage.Rules);
        var doc = pipeline.Analyze(new Article("neg", "ولم يقصف طيران التحالف مواقع الحوثيين في مدينة زبيد أمس.", Published: new DateOnly(2015, 8, 2)));
        Assert.DoesNotContain(pipeline.ExtractorFor("ar").WithModels(models).Extract(doc), x => x.Type == "explosions_remote_violence");
    }

    [Fact]
    public void CrossValidationScoresEveryFoldWithAModelThatNeverSawIt()
    {
        var prepared = Prepared(20);
        var result = Assert.Single(EventTraining.CrossValidate(Rules.Value, prepared, k: 5, thresholds: [0.5]));
        Assert.Equal(5, result.Folds.Count);
        Assert.Equal(20, result.Folds.Sum(f => f.Articles));
        Assert.Equal(20, result.Pooled.GoldEvents);
        Assert.True(result.Pooled.DetectionTyped.F1 >= 0.9, $"typed F1 {result.Pooled.DetectionTyped.F1}");
        // The pooled score is the scorer's over the held-out predictions, not an average of folds.
        var again = EventTraining.Score(prepared, result.Predictions, _ => true);
        Assert.Equal(again.DetectionTyped, result.Pooled.DetectionTyped);
    }

    [Fact]
    public void RepublishedStoriesShareAFold()
    {
        var a = Report(0);
        var copy = new CodedArticle(a.Article with { Id = "copy" }, a.Gold);
        var others = Enumerable.Range(1, 9).Select(Report).ToList();
        var grouped = EventTraining.GroupDuplicates([a, .. others, copy]);
        Assert.Equal(grouped[0].Group, grouped[^1].Group);
        var folds = EventTraining.Folds(grouped, 5);
        Assert.Equal(folds[0], folds[^1]);
        Assert.Equal(5, folds.Distinct().Count());
    }

    [Fact]
    public void SavedModelsLoadFromALexiconFolderAndDecideAlike()
    {
        var models = EventTraining.TrainAll(Prepared(10), threshold: 0.5);
        var dir = Path.Combine(Path.GetTempPath(), "marsad-models-" + Guid.NewGuid().ToString("N"));
        try
        {
            models.Save(dir);
            var loaded = EventModels.Load(dir);
            Assert.NotNull(loaded);
            Assert.NotNull(loaded!.Roles);
            var features = Prepared(1)[0].Examples[0].Features;
            Assert.Equal(models.Types.Decide(features), loaded.Types.Decide(features));
            Assert.Null(EventModels.Load(Path.Combine(dir, "missing")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
