using Marsad.Events;

namespace Marsad.Tests.Events;

// One plain sentence per event type of ONTOLOGY.md. Sentences written for these tests;
// not taken from any news source or evaluation set.
public class EventTypeTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    private EventRecord Single(string text) => Assert.Single(fx.Events(text));

    [Fact]
    public void AClaimedAttackAndMilitiasAttackingAreEvents()
    {
        var claimed = Assert.Single(fx.Events("وتبنى الجناح العسكري للحركة الهجوم في بيانه، مؤكدا أنه قتل 8 جنود."));
        Assert.Equal(8, claimed.Fatalities);
        var militias = Assert.Single(fx.Events("وأضاف أن الميليشيات شنت هجومها ظهر أول من أمس على أحياء المدينة."));
        Assert.Equal("battles", militias.Type);
    }

    [Fact]
    public void TheCauseOfATollIsTheEventEvenAcrossAComma()
    {
        var e = Single("قتل جندي ليبي في انفجار عبوة ناسفة قرب مدينة سرت.");
        Assert.Equal(("explosions_remote_violence", "remote_explosive_landmine_ied"), (e.Type, e.Subtype));
        Assert.Equal("Sirte", e.Place?.Name);
        Assert.Equal(1, e.Fatalities);
        var wounded = Single("وأصيب أربعة جنود بجروح، من جراء انفجار عبوة ناسفة في مدينة مصراتة.");
        Assert.Equal("explosions_remote_violence", wounded.Type);
        // Without a toll to cause, the bare noun still names no occurrence.
        Assert.Empty(fx.Events("وحذر الخبير من خطر الانفجار في مخازن الوقود بمدينة مصراتة."));
    }

    [Fact]
    public void AChronologyEntryDatesTheActAfterItsColon()
    {
        var events = fx.Events("ـ 13 يونيو (حزيران) 2007: اغتيال النائب بانفجار سيارة مفخخة في بيروت.", published: "2007-08-01");
        var e = Assert.Single(events, e => e.Type == "explosions_remote_violence");
        Assert.Equal(PipelineFixture.Day("2007-06-13"), e.Date?.Start);
    }

    [Fact]
    public void ShotsFiredAndPeopleCountedByNationality()
    {
        Assert.Equal("violence_against_civilians", Single("وكان المسلح أطلق عدة أعيرة نارية على مجموعة من السياح في وسط بنغازي أمس.").Type);
        // The shooter named between the verb and its object.
        var shooters = Single("وأطلق مسلحون مجهولون النار على سيارة مدنية في بنغازي أمس.");
        Assert.Equal("مسلحون مجهولون", shooters.Actor1);
        // The toll told after the shooting is its count, not a second event.
        Assert.Equal(1, Single("فأطلق المسلحون النار باتجاه الحافلة في بنغازي ما أدى إلى مقتل شخص.").Fatalities);
        // Released hostages are no shooting, though gunfire is told later in the sentence.
        Assert.DoesNotContain(fx.Events("وأطلق الخاطفون سراح الرهائن في بنغازي أمس بعد أيام من إطلاق النار على سيارتهم."), e => e.Evidence.Start == 0);
        var toll = Single("قتل 13 عراقيا أمس في هجوم على سوق في بغداد.");
        Assert.Equal(13, toll.Fatalities);
        // A nationality that counts nobody names no victim.
        Assert.Empty(fx.Events("وأوضح البيان أن الجاني سعودي الجنسية أقدم على قتل طلال بسبب خلاف سابق."));
    }

    [Fact]
    public void ProtestsThatEruptAndProtestersWhoCameOut()
    {
        var erupted = Single("وانفجرت مظاهرات في مدينة بنغازي أمس احتجاجا على انقطاع الكهرباء.");
        Assert.Equal("protests", erupted.Type);
        var subjectFirst = Single("وكان متظاهرون غاضبون قد خرجوا إلى شوارع بنغازي يوم السبت.");
        Assert.Equal("protests", subjectFirst.Type);
    }

    [Fact]
    public void APassiveAuxiliaryTellsTheAct()
    {
        var e = Single("وقال شهود إنه تم اغتصاب فتاة من قبل مسلحين في قرية قرب الفاشر.");
        Assert.Equal(("violence_against_civilians", "sexual_violence"), (e.Type, e.Subtype));
    }

    [Fact]
    public void TwoSuicideBombersAndTheGuardsTheyHit()
    {
        var dual = Single("وقال المصدر إن الانتحاريين فجرا نفسيهما قرب مركز للشرطة في بنغازي أمس.");
        Assert.Equal("suicide_bomb", dual.Subtype);
        // Told by its own verb, a bombing is news even where the sentence names no place or party.
        Assert.Equal("suicide_bomb", Single("وأضاف أن الانتحاريين فجرا نفسيهما قرب القوة المداهمة لأحد المنازل.").Subtype);
        var bus = Single("وقالت الوكالة إن سيارة مفخخة فجرت حافلة تابعة للحرس الثوري في زاهدان أمس.");
        Assert.Equal("Islamic Revolutionary Guard Corps", bus.Actor2);
    }

    [Fact]
    public void FightersLeavingATownForAnotherGiveBothEnds()
    {
        var e = Single("غادر عشرات المسلحين بلدة ميناكا أمس متجهين إلى محيط مدينة أنسونغو.");
        Assert.Equal(("x_movement", "relocation"), (e.Type, e.Subtype));
        Assert.Equal("Menaka", e.Origin?.Name);
        Assert.Equal("Ansongo", e.Place?.Name);
    }

    [Fact]
    public void ArmedClash()
    {
        var e = Single("اشتبكت قوات حكومة الوفاق مع مقاتلي داعش في سرت.");
        Assert.Equal(("battles", "armed_clash"), (e.Type, e.Subtype));
        Assert.Equal("Government of National Accord", e.Actor1);
        Assert.Equal("Islamic State", e.Actor2);
        Assert.Equal("Sirte", e.Place!.Name);
        Assert.Equal("confirmed", e.Certainty);
    }

    [Fact]
    public void AirStrike()
    {
        var e = Single("شنت طائرات التحالف غارات على مواقع الحوثيين في صعدة.");
        Assert.Equal(("explosions_remote_violence", "air_drone_strike"), (e.Type, e.Subtype));
        Assert.Equal("Saudi-led coalition", e.Actor1);
        Assert.Equal("Houthis", e.Actor2);
        Assert.Equal("Saada", e.Place!.Name);
        Assert.Equal("YE", e.Place.Country);
    }

    [Fact]
    public void RemoteExplosiveWithFatalities()
    {
        var e = Single("انفجرت عبوة ناسفة بدورية للجيش العراقي في الأنبار مما أسفر عن مقتل أربعة جنود.");
        Assert.Equal(("explosions_remote_violence", "remote_explosive_landmine_ied"), (e.Type, e.Subtype));
        Assert.Equal("Military Forces of Iraq", e.Actor2);
        Assert.Equal("Al Anbar", e.Place!.Name);
        Assert.Equal("admin1", e.Place.Precision);
        Assert.Equal(4, e.Fatalities);
        Assert.Equal(4, e.Quantities["fatalities"]);
    }

    [Fact]
    public void Shelling()
    {
        var e = Single("قصفت قوات النظام السوري بالمدفعية مدينة حماة.");
        Assert.Equal(("explosions_remote_violence", "shelling_artillery_missile_attack"), (e.Type, e.Subtype));
        Assert.Equal("Military Forces of Syria", e.Actor1);
        Assert.Equal("Hama", e.Place!.Name);
    }

    [Fact]
    public void ShellingByNationalityAdjective()
    {
        var e = Single("قصفت المدفعية التركية مواقع وحدات حماية الشعب في عفرين.");
        Assert.Equal(("explosions_remote_violence", "shelling_artillery_missile_attack"), (e.Type, e.Subtype));
        Assert.Equal("Turkey", e.Actor1);
        Assert.Equal("YPG", e.Actor2);
        Assert.Equal("Afrin", e.Place!.Name);
    }

    [Fact]
    public void Abduction()
    {
        var e = Single("اختطف مسلحون مجهولون أربعة مهندسين أجانب في سبها.");
        Assert.Equal(("violence_against_civilians", "abduction_forced_disappearance"), (e.Type, e.Subtype));
        Assert.Equal("Sabha", e.Place!.Name);
        Assert.Equal("confirmed", e.Certainty);
    }

    [Fact]
    public void PeacefulProtest()
    {
        var e = Single("تظاهر مئات المواطنين في تونس العاصمة للمطالبة بالتشغيل.");
        Assert.Equal(("protests", "peaceful_protest"), (e.Type, e.Subtype));
        Assert.Equal("Tunis", e.Place!.Name);
        Assert.Equal("TN", e.Place.Country);
    }

    [Fact]
    public void Riot()
    {
        var e = Single("اندلعت أعمال شغب ليلية في مدينة القصرين.");
        Assert.Equal(("riots", "violent_demonstration"), (e.Type, e.Subtype));
        Assert.Equal("Kasserine", e.Place!.Name);
    }

    [Fact]
    public void ArrestsWithCount()
    {
        var e = Single("اعتقلت قوات الأمن التونسية 12 شخصا يشتبه في انتمائهم لتنظيم داعش في سوسة.");
        Assert.Equal(("strategic_developments", "arrests"), (e.Type, e.Subtype));
        Assert.Equal("Police Forces of Tunisia", e.Actor1);
        Assert.Equal("Sousse", e.Place!.Name);
        Assert.Equal(12, e.Quantities["arrests"]);
        Assert.Equal("confirmed", e.Certainty);
    }

    [Fact]
    public void ArrestsCountedInWords()
    {
        var e = Single("اعتقلت الشرطة التركية خمسة أشخاص في إسطنبول للاشتباه في انتمائهم إلى خلية.");
        Assert.Equal(("strategic_developments", "arrests"), (e.Type, e.Subtype));
        Assert.Equal("Police Forces of Turkey", e.Actor1);
        Assert.Equal(5, e.Quantities["arrests"]);
        Assert.Equal("Istanbul", e.Place!.Name);
    }

    [Fact]
    public void WeaponsSeizureWithCount()
    {
        var e = Single("حجزت وحدات الجيش الجزائري 25 بندقية آلية في إليزي.");
        Assert.Equal(("strategic_developments", "disrupted_weapons_use"), (e.Type, e.Subtype));
        Assert.Equal("Military Forces of Algeria", e.Actor1);
        Assert.Equal("Illizi", e.Place!.Name);
        Assert.Equal(25, e.Quantities["weapons"]);
    }

    [Fact]
    public void CacheSeizureCountsADual()
    {
        var e = Single("تمكنت وحدات الجيش الجزائري من ضبط مخزنين للسلاح في تمنراست.");
        Assert.Equal(("strategic_developments", "disrupted_weapons_use"), (e.Type, e.Subtype));
        Assert.Equal(2, e.Quantities["caches"]);
        Assert.Equal("Tamanrasset", e.Place!.Name);
    }

    [Fact]
    public void RelocationWithOriginAndDestination()
    {
        var e = Single("فر مقاتلو داعش من سرت إلى الجنوب الليبي.");
        Assert.Equal(("x_movement", "relocation"), (e.Type, e.Subtype));
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Sirte", e.Origin!.Name);
        Assert.Equal("Southern Libya", e.Place!.Name);
        Assert.Equal("region", e.Place.Precision);
        Assert.Null(e.Actor2);
    }

    [Fact]
    public void BorderFortification()
    {
        var e = Single("أقامت السلطات التونسية ساترا ترابيا على الحدود مع ليبيا.");
        Assert.Equal(("x_security_measure", "border_fortification"), (e.Type, e.Subtype));
        Assert.Equal("Tunisia", e.Actor1);
    }

    [Fact]
    public void RaisedAlert()
    {
        var e = Single("رفعت السلطات الجزائرية حالة التأهب على الحدود مع ليبيا.");
        Assert.Equal(("x_security_measure", "alert_or_patrol"), (e.Type, e.Subtype));
        Assert.Equal("Algeria", e.Actor1);
    }

    [Fact]
    public void IntensifiedPatrols()
    {
        var e = Single("كثفت وحدات الحرس الوطني دورياتها في بن قردان.");
        Assert.Equal(("x_security_measure", "alert_or_patrol"), (e.Type, e.Subtype));
        Assert.Equal("Ben Guerdane", e.Place!.Name);
    }

    [Fact]
    public void ProcurementWithAircraftCount()
    {
        var e = Single("اشترت الجزائر 12 مروحية من روسيا لتعزيز مراقبة الحدود.");
        Assert.Equal(("x_security_measure", "procurement"), (e.Type, e.Subtype));
        Assert.Equal("Algeria", e.Actor1);
        Assert.Equal(12, e.Quantities["aircraft"]);
        Assert.Equal("confirmed", e.Certainty);
    }

    [Fact]
    public void Threat()
    {
        var e = Single("هدد تنظيم داعش بشن هجمات في روما.");
        Assert.Equal(("x_threat", "threat"), (e.Type, e.Subtype));
        Assert.Equal("Islamic State", e.Actor1);
        Assert.Equal("Rome", e.Place!.Name);
        Assert.Null(e.Actor2);
    }

    [Theory]
    [InlineData("لم تسجل أي اشتباكات في مدينة سرت خلال الليلة الماضية.")]
    [InlineData("إلى أين فر مقاتلو داعش بعد خسارة سرت؟")]
    [InlineData("هل قصفت الطائرات الروسية مدينة إدلب؟")]
    [InlineData("إذا هاجم تنظيم داعش مدينة بن قردان فإن الجيش سيرد بقوة.")]
    [InlineData("في حال هاجمت القوات التركية مدينة منبج فإن الأكراد سيقاومون.")]
    public void NegatedQuestionedAndConditionalEventsAreNotRaised(string text) =>
        Assert.Empty(fx.Events(text));

    [Fact]
    public void NegationDropsOnlyTheNegatedEvent()
    {
        // Control for the negation test: the same clash stated positively is raised.
        var e = Single("سجلت اشتباكات في مدينة سرت خلال الليلة الماضية.");
        Assert.Equal(("battles", "armed_clash"), (e.Type, e.Subtype));
        Assert.Equal("Sirte", e.Place!.Name);
    }
}
