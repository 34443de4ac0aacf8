using Marsad.Events;

namespace Marsad.Tests.Events;

// What a careful analyst would code but the extractor does not (yet). Each test states the
// correct behaviour and is skipped with the reason until the code is fixed.
// Sentences written for these tests; not taken from any news source or evaluation set.
public class EventExtractorGapTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    private EventRecord Single(string text) => Assert.Single(fx.Events(text));

    [Theory(Skip = "Trigger rows 'سيطر على'/'سيطرت على' need على right after the verb; in verb-subject-object order the subject sits between them, so no event is raised.")]
    [InlineData("سيطر تنظيم داعش على مدينة الرمادي.", "Islamic State", "non_state_actor_overtakes_territory", "Ramadi")]
    [InlineData("سيطرت قوات النظام السوري على مدينة حلب.", "Military Forces of Syria", "government_regains_territory", "Aleppo")]
    public void TakingControlWithTheSubjectBetweenVerbAndPreposition(string text, string actor1, string subtype, string place)
    {
        var e = Single(text);
        Assert.Equal(("battles", subtype), (e.Type, e.Subtype));
        Assert.Equal(actor1, e.Actor1);
        Assert.Equal(place, e.Place!.Name);
    }

    [Fact(Skip = "Trigger row 'انسحب* من' needs من right after the verb; with the subject in between (انسحب مقاتلو داعش من ...) no relocation is raised.")]
    public void WithdrawalWithTheSubjectBetweenVerbAndOrigin()
    {
        var e = Single("انسحب مقاتلو داعش من سرت إلى الجنوب الليبي.");
        Assert.Equal(("x_movement", "relocation"), (e.Type, e.Subtype));
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Sirte", e.Origin!.Name);
        Assert.Equal("Southern Libya", e.Place!.Name);
    }

    [Fact(Skip = "In 'اشتباكات بين X وY' actor1 comes out null and X lands in actor2; the first party after بين should be actor1 and the second actor2.")]
    public void ClashBetweenTwoNamedParties()
    {
        var e = Single("اندلعت اشتباكات عنيفة بين الجيش السوري وتنظيم داعش في ريف حلب.");
        Assert.Equal("armed_clash", e.Subtype);
        Assert.Equal("Military Forces of Syria", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
    }

    [Fact(Skip = "With unnamed gunmen as subject (اشتبك مسلحون مع الجيش المصري) the army after مع is taken as actor1; it is the other side and belongs in actor2.")]
    public void PartyAfterMaaIsTheOtherSide()
    {
        var e = Single("اشتبك مسلحون مع الجيش المصري في العريش.");
        Assert.Equal("armed_clash", e.Subtype);
        Assert.NotEqual("Military Forces of Egypt", e.Actor1);
        Assert.Equal("Military Forces of Egypt", e.Actor2);
    }

    [Fact(Skip = "An actor alias that overlaps the trigger (غارات التحالف, whose first word is the trigger غارات) is neither before nor after the trigger, so actor1 is null.")]
    public void ActorAliasOverlappingTheTrigger()
    {
        var events = fx.Events("استهدفت غارات التحالف مواقع في صعدة.");
        var e = Assert.Single(events);
        Assert.Equal("air_drone_strike", e.Subtype);
        Assert.Equal("Saudi-led coalition", e.Actor1);
        Assert.Equal("Saada", e.Place!.Name);
    }

    [Theory(Skip = "After مقتل the noun following the number decides the key: 'مقتل أربعة مدنيين' gives people=4 and 'مقتل سبعة عشر مسلحا' fighters=17, never fatalities (no 'fatality' cue class exists in cues.tsv to remap them).")]
    [InlineData("أسفر انفجار عبوة ناسفة عن مقتل أربعة مدنيين في بغداد.", "remote_explosive_landmine_ied", 4)]
    [InlineData("اشتبك الجيش المصري مع مسلحين في العريش، ما أدى إلى مقتل سبعة عشر مسلحا.", "armed_clash", 17)]
    public void KilledPeopleAreFatalitiesWhateverTheNoun(string text, string subtype, long fatalities)
    {
        var e = Single(text);
        Assert.Equal(subtype, e.Subtype);
        Assert.Equal(fatalities, e.Fatalities);
        Assert.Equal(fatalities, e.Quantities["fatalities"]);
    }

    [Fact(Skip = "attribution.tsv lists أضاف/أضافت but not the plural أضافوا: 'وأضافوا أن ...' does not continue the previous speakers, so the event comes out confirmed with no ReportedBy.")]
    public void PluralAddedContinuesThePreviousSpeakers()
    {
        var events = fx.Events(
            "قال مسؤولون محليون إن مسلحين اختطفوا ثلاثة أجانب في سبها. وأضافوا أن اشتباكات اندلعت في المدينة بعد ذلك.");
        var clash = Assert.Single(events, e => e.Subtype == "armed_clash");
        Assert.Equal("reported", clash.Certainty);
        Assert.Equal("مسؤولون محليون", clash.ReportedBy);
    }

    [Fact(Skip = "Victims can become actor1: in 'قتل 5 مدنيين في غارة' Civilians is the only actor and is taken as the doer; civilians killed in a strike are actor2, and the count is fatalities, not people.")]
    public void CiviliansKilledInAStrikeAreVictims()
    {
        var e = Single("قتل 5 مدنيين في غارة جوية على مدينة إدلب.");
        Assert.Equal("air_drone_strike", e.Subtype);
        Assert.NotEqual("Civilians", e.Actor1);
        Assert.Equal("Civilians", e.Actor2);
        Assert.Equal(5, e.Fatalities);
    }

    [Fact(Skip = "A victim right after the verb is taken as its subject: in 'قنص مسلح مدنيين' (with a user trigger for قنص) and similar sentences actor1 is Civilians; civilians are targets (actor2) of violence, never its doers.")]
    public void CiviliansAfterAViolentVerbAreTheTarget()
    {
        var e = Single("اغتال مسلحون مجهولون مدنيين في مدينة درنة.");
        Assert.Equal("attack", e.Subtype);
        Assert.NotEqual("Civilians", e.Actor1);
        Assert.Equal("Civilians", e.Actor2);
    }

    [Fact(Skip = "After 'أعلنت X' a verbal-noun trigger is swallowed into the source phrase: ReportedBy comes out 'وزارة الداخلية التونسية اعتقال'.")]
    public void SourcePhraseStopsBeforeTheTrigger()
    {
        var e = Single("أعلنت وزارة الداخلية التونسية اعتقال 8 أشخاص في القصرين.");
        Assert.Equal("arrests", e.Subtype);
        Assert.Equal("وزارة الداخلية التونسية", e.ReportedBy);
        Assert.Equal("confirmed", e.Certainty);
    }

    [Fact(Skip = "People counted by an arrest are arrests whatever noun counts them: 'اعتقال 8 عناصر إرهابية' gives fighters=8 and no arrests count (only 'people' is remapped to arrests).")]
    public void ArrestedFightersAreCountedAsArrests()
    {
        var e = Single("اعتقلت قوات الأمن التونسية 8 عناصر إرهابية في القصرين.");
        Assert.Equal("arrests", e.Subtype);
        Assert.Equal(8, e.Quantities["arrests"]);
    }

    [Fact(Skip = "The place of a purchase falls on the seller ('من روسيا' gives place Russia); a procurement happens in the buyer's country, or has no place.")]
    public void ProcurementIsNotPlacedAtTheSeller()
    {
        var e = Single("اشترت الجزائر 12 مروحية من روسيا لتعزيز مراقبة الحدود.");
        Assert.Equal("procurement", e.Subtype);
        Assert.True(e.Place is null || e.Place.Country == "DZ", $"place {e.Place?.Name}");
    }
}
