using Marsad.Events;
using Marsad.Text;

namespace Marsad.Tests.Events;

// Actors, territory subtype, date, fatalities, places and evidence of extracted events.
// Sentences written for these tests; not taken from any news source or evaluation set.
public class EventArgumentTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    private EventRecord Single(string text, string? published = PipelineFixture.Published) =>
        Assert.Single(fx.Events(text, published));

    // --- actor roles in verb-subject-object order

    [Theory]
    [InlineData("هاجم تنظيم داعش قوات الجيش العراقي في الموصل.", "Islamic State", "Military Forces of Iraq")]
    [InlineData("هاجمت القوات العراقية تنظيم داعش في الموصل.", "Military Forces of Iraq", "Islamic State")]
    [InlineData("قصف الطيران الروسي مواقع المعارضة السورية في إدلب.", "Military Forces of Russia", "Syrian opposition")]
    [InlineData("حررت القوات العراقية مدينة الفلوجة من تنظيم داعش.", "Military Forces of Iraq", "Islamic State")]
    [InlineData("قصفت الطائرات المقاتلة التابعة للتحالف العربي مواقع للحوثيين في مأرب.", "Saudi-led coalition", "Houthis")]
    public void SubjectAfterTheVerbIsActor1ObjectIsActor2(string text, string actor1, string actor2)
    {
        var e = Single(text);
        Assert.Equal(actor1, e.Actor1);
        Assert.Equal(actor2, e.Actor2);
        Assert.True(e.ArgumentSpans.ContainsKey("actor1"));
        Assert.True(e.ArgumentSpans.ContainsKey("actor2"));
    }

    [Theory]
    // The doer named after the act by "على يد"، "برصاص" or a lam after a noun of shelling.
    [InlineData("قتل ثلاثة جنود أمس على يد مسلحين من تنظيم داعش في العريش.", "Islamic State")]
    [InlineData("قتل مدنيان أمس برصاص قناصة الحوثيين في تعز.", "Houthis")]
    [InlineData("أصيب خمسة أشخاص أمس في قصف لقوات النظام على مدينة داريا.", "Military Forces of Syria")]
    public void TheDoerNamedAfterTheActIsActor1(string text, string actor1)
    {
        var e = Assert.Single(fx.Events(text));
        Assert.Equal(actor1, e.Actor1);
        Assert.NotEqual(actor1, e.Actor2);
    }

    [Fact]
    public void OnePersonKilledIsATollOfOne()
    {
        var e = Assert.Single(fx.Events("لقي شرطي مصرعه وأصيب ثلاثة آخرون أمس إثر قيام مسلحين بإطلاق النار على سيارتهم في الفيوم."));
        Assert.Equal(1, e.Fatalities);
    }

    [Fact]
    public void ActorSpansPointAtTheMentions()
    {
        var (doc, events) = fx.Process("هاجم تنظيم داعش قوات الجيش العراقي في الموصل.");
        var e = Assert.Single(events);
        Assert.Equal("تنظيم داعش", doc.Slice(e.ArgumentSpans["actor1"]));
        Assert.Equal("قوات الجيش العراقي", doc.Slice(e.ArgumentSpans["actor2"]));
        Assert.Equal("الموصل", doc.Slice(e.ArgumentSpans["place"]));
        Assert.Equal("الموصل", doc.Slice(e.Place!.Span!.Value));
    }

    // --- territory: subtype decided by who takes it

    [Theory]
    [InlineData("استعاد الجيش العراقي السيطرة على مدينة الرمادي.", "Military Forces of Iraq", "government_regains_territory", "Ramadi")]
    [InlineData("حررت القوات العراقية مدينة الفلوجة من تنظيم داعش.", "Military Forces of Iraq", "government_regains_territory", "Fallujah")]
    [InlineData("استعاد تنظيم داعش السيطرة على مدينة تدمر.", "Islamic State", "non_state_actor_overtakes_territory", "Palmyra")]
    [InlineData("اقتحم مسلحو داعش مدينة تدمر.", "Islamic State", "non_state_actor_overtakes_territory", "Palmyra")]
    public void TerritorySubtypeFollowsTheActor(string text, string actor1, string subtype, string place)
    {
        var e = Single(text);
        Assert.Equal("battles", e.Type);
        Assert.Equal(subtype, e.Subtype);
        Assert.Equal(actor1, e.Actor1);
        Assert.Equal(place, e.Place!.Name);
    }

    // --- dates

    [Fact]
    public void YesterdayWithWeekdayResolvesAgainstPublication()
    {
        var (doc, events) = fx.Process("قصف الطيران الروسي مواقع المعارضة السورية في إدلب أمس الاثنين.");
        var e = Assert.Single(events);
        Assert.Equal(DateValue.Day(PipelineFixture.Day("2016-10-24")), e.Date);
        Assert.Equal("day", e.Date!.PrecisionCode);
        Assert.Equal("أمس الاثنين", doc.Slice(e.ArgumentSpans["date"]));
    }

    [Fact]
    public void LastSaturdayAtTheStartOfTheSentence()
    {
        var e = Single("يوم السبت الماضي، اشتبك مسلحون مع الجيش المصري في العريش.");
        Assert.Equal(DateValue.Day(PipelineFixture.Day("2016-10-22")), e.Date);
        Assert.Equal("Arish", e.Place!.Name);
    }

    [Fact]
    public void NoPublicationDateMeansNoDate()
    {
        var e = Single("قصف الطيران الروسي مواقع المعارضة السورية في إدلب أمس الاثنين.", published: null);
        Assert.Equal("air_drone_strike", e.Subtype);
        Assert.Null(e.Date);
    }

    [Fact]
    public void NoTimeInTheTextMeansNoDate()
    {
        var e = Single("هاجمت القوات العراقية تنظيم داعش في الموصل.");
        Assert.Null(e.Date);
        Assert.False(e.ArgumentSpans.ContainsKey("date"));
    }

    [Fact]
    public void LaterSentenceWithoutTimeTakesTheLedeDate()
    {
        var events = fx.Events("اندلعت اشتباكات عنيفة في مدينة سرت أمس الاثنين. واعتقلت قوات الأمن خمسة متشددين في بنغازي.");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(DateValue.Day(PipelineFixture.Day("2016-10-24")), e.Date));
    }

    // --- fatalities

    [Theory]
    [InlineData("انفجرت عبوة ناسفة بدورية للجيش العراقي في الأنبار مما أسفر عن مقتل أربعة جنود.", 4)]
    [InlineData("قتل أربعة جنود في هجوم مسلح على حاجز للجيش المصري في العريش.", 4)]
    [InlineData("اشتبك الجيش المصري مع مسلحين في العريش، ما أدى إلى مقتل سبعة عشر جنديا.", 17)]
    public void FatalitiesFromNumberWords(string text, long fatalities)
    {
        var e = Single(text);
        Assert.Equal(fatalities, e.Fatalities);
        Assert.Equal(fatalities, e.Quantities["fatalities"]);
    }

    [Fact]
    public void NoCasualtyCountMeansNullFatalities()
    {
        var e = Single("شنت طائرات التحالف غارات على مواقع الحوثيين في صعدة.");
        Assert.Null(e.Fatalities);
        Assert.Empty(e.Quantities);
    }

    // --- one event per place

    [Fact]
    public void OneEventPerListedPlace()
    {
        var events = fx.Events("استهدفت الغارات الضالع وقاعدة العند.");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("air_drone_strike", e.Subtype));
        Assert.Equal(["Ad Dali'", "Al Anad Air Base"], events.Select(e => e.Place!.Name).ToArray());
    }

    [Fact]
    public void ThreePlacesThreeEventsSameActor()
    {
        var events = fx.Events("شن طيران التحالف غارات استهدفت الضالع وقاعدة العند ولحج.");
        Assert.Equal(["Ad Dali'", "Al Anad Air Base", "Lahij"], events.Select(e => e.Place!.Name).ToArray());
        Assert.All(events, e => Assert.Equal("Saudi-led coalition", e.Actor1));
    }

    // --- evidence

    [Fact]
    public void EvidenceOfASimpleSentence()
    {
        var e = Single("اعتقلت الشرطة التركية خمسة متشددين في إسطنبول.");
        Assert.Equal("اعتقلت الشرطة التركية خمسة متشددين في إسطنبول", e.EvidenceText);
    }

    [Fact]
    public void EvidenceIsAFoldedTextSubstringHoldingTheTrigger()
    {
        const string text =
            "قال مسؤولون محليون  إن مسلحين اختطفوا ثلاثة أجانب في سبها.\n\n" +
            "وفي سياق متصل،\tاشتبكت قوات حكومة الوفاق مع مقاتلي داعش في سرت أمس الاثنين.\r\n" +
            "استهدفت الغارات الضالع وقاعدة العند. واعتقلت الشرطة التركية خمسة متشددين في إسطنبول.";
        var (doc, events) = fx.Process(text);
        Assert.Equal(TextFolder.Fold(text), doc.Text);
        Assert.Equal(5, events.Count);
        foreach (var e in events)
        {
            Assert.Equal(doc.Text.Substring(e.Evidence.Start, e.Evidence.Length), e.EvidenceText);
            Assert.True(e.Evidence.Contains(e.Trigger), $"evidence '{e.EvidenceText}' does not hold its trigger");
            Assert.True(e.Trigger.Length > 0);
            Assert.Equal(e.Trigger, e.ArgumentSpans["trigger"]);
            foreach (var (name, span) in e.ArgumentSpans)
                Assert.True(span.End <= doc.Text.Length, $"{name} span beyond the text");
        }
        var clash = Assert.Single(events, e => e.Subtype == "armed_clash");
        Assert.Equal("اشتبكت", doc.Slice(clash.Trigger));
        Assert.Contains("سرت", clash.EvidenceText, StringComparison.Ordinal);
    }
}
