using Marsad.Events;

namespace Marsad.Tests.Events;

// Certainty and attribution (ONTOLOGY.md "Certainty"). Sentences written for these tests;
// not taken from any news source or evaluation set.
public class CertaintyTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    private EventRecord Single(string text) => Assert.Single(fx.Events(text));

    [Theory]
    // reported: attributed to a third party
    [InlineData("اندلعت اشتباكات بين الجيش الليبي ومسلحين في سبها بحسب مصادر محلية.", "armed_clash", "reported")]
    [InlineData("قال مسؤولون محليون إن مسلحين اختطفوا ثلاثة أجانب في سبها.", "abduction_forced_disappearance", "reported")]
    [InlineData("ذكرت وكالة رويترز أن قوات الأمن اعتقلت ستة أشخاص في القاهرة للاشتباه في انتمائهم إلى خلية.", "arrests", "reported")]
    // unconfirmed: the text says so
    [InlineData("شنت طائرات مجهولة غارات على مواقع في درنة، ولم يتسن التأكد من هوية الطائرات.", "air_drone_strike", "unconfirmed")]
    // speculative: likely, perhaps, may + imperfect
    [InlineData("يرجح أن تكون عبوة ناسفة قد انفجرت في سوق بغداد.", "remote_explosive_landmine_ied", "speculative")]
    [InlineData("ربما اشتبك مسلحون مع قوات الأمن في العريش.", "armed_clash", "speculative")]
    [InlineData("قد يهاجم تنظيم داعش مدينة سرت مرة أخرى.", "armed_clash", "speculative")]
    // قد before a past verb only stresses the fact
    [InlineData("وقد قصفت طائرات التحالف مواقع الحوثيين في صعدة.", "air_drone_strike", "confirmed")]
    // planned: announced for the future
    [InlineData("ستبدأ القوات التونسية تشييد ساتر ترابي على الحدود مع ليبيا.", "border_fortification", "planned")]
    [InlineData("سيقصف الطيران الروسي مواقع داعش في تدمر.", "air_drone_strike", "planned")]
    [InlineData("تعتزم الجزائر شراء 14 طائرة مقاتلة من روسيا.", "procurement", "planned")]
    // denied by a party
    [InlineData("نفى الجيش الجزائري اعتقال صحفيين في تمنراست.", "arrests", "denied")]
    [InlineData("نفت وزارة الدفاع التركية أن تكون طائراتها قصفت مواقع مدنية في عفرين.", "air_drone_strike", "denied")]
    // confirmed: stated as fact by the outlet or by the actor about its own act
    [InlineData("أعلنت وزارة الدفاع الجزائرية أن وحداتها ضبطت 20 قطعة سلاح في تمنراست.", "disrupted_weapons_use", "confirmed")]
    [InlineData("اعتقلت الشرطة التركية خمسة أشخاص في إسطنبول للاشتباه في انتمائهم إلى خلية.", "arrests", "confirmed")]
    public void CertaintyFollowsTheCues(string text, string subtype, string certainty)
    {
        var e = Single(text);
        Assert.Equal(subtype, e.Subtype);
        Assert.Equal(certainty, e.Certainty);
    }

    [Fact]
    public void EachActIsCreditedToTheSourceNamedBeforeIt()
    {
        var events = fx.Events("أعلنت السلطات الجزائرية أمس ضبط كمية من الأسلحة قرب الحدود مع ليبيا، "
            + "وفي تونس قالت وزارة الداخلية إنها تمكنت من كشف مخزنين للسلاح في منطقة بن قردان.");
        var tunisian = Assert.Single(events, e => e.Place?.Name == "Ben Guerdane");
        // The ministry tells of its own seizure: confirmed, credited to it, and named as Tunisia's police.
        Assert.Equal("وزارة الداخلية", tunisian.ReportedBy);
        Assert.Equal("confirmed", tunisian.Certainty);
        Assert.Equal("Police Forces of Tunisia", tunisian.Actor1);
        // "كشف مخزنين" uncovers caches; it does not make them a source.
        Assert.DoesNotContain(events, e => e.ReportedBy?.Contains("مخزنين") == true);
    }

    [Fact]
    public void AReportCalledUntrueAfterwardsIsDenied()
    {
        var e = Assert.Single(fx.Events("قالت السفارة الروسية في باماكو أمس إن التقارير التي أفادت بخطف ثلاثة طيارين روس في وسط مالي غير صحيحة."));
        Assert.Equal("denied", e.Certainty);
    }

    [Fact]
    public void AccordingToLocalSources()
    {
        var e = Single("اندلعت اشتباكات بين الجيش الليبي ومسلحين في سبها بحسب مصادر محلية.");
        Assert.Equal("reported", e.Certainty);
        Assert.Equal("مصادر محلية", e.ReportedBy);
        Assert.Equal("Sabha", e.Place!.Name);
    }

    [Fact]
    public void OfficialsSaid()
    {
        var (doc, events) = fx.Process("قال مسؤولون محليون إن مسلحين اختطفوا ثلاثة أجانب في سبها.");
        var e = Assert.Single(events);
        Assert.Equal("مسؤولون محليون", e.ReportedBy);
        Assert.Equal("مسؤولون محليون", doc.Slice(e.ArgumentSpans["reported_by"]));
    }

    [Fact]
    public void OutletIsNamedCanonically()
    {
        var e = Single("ذكرت وكالة رويترز أن قوات الأمن اعتقلت ستة أشخاص في القاهرة للاشتباه في انتمائهم إلى خلية.");
        Assert.Equal("Reuters", e.ReportedBy);
        Assert.Equal("قوات الأمن", e.Actor1);
        Assert.Equal(6, e.Quantities["arrests"]);
        Assert.Equal("Cairo", e.Place!.Name);
    }

    [Fact]
    public void ObserverBeforeTheClauseIsTheSource()
    {
        var events = fx.Events("بحسب المرصد السوري لحقوق الإنسان، شنت الطائرات الروسية غارات على مدينة إدلب.");
        var e = Assert.Single(events);
        Assert.Equal("air_drone_strike", e.Subtype);
        Assert.Equal("reported", e.Certainty);
        Assert.Equal("Syrian Observatory for Human Rights", e.ReportedBy);
        Assert.Equal("Military Forces of Russia", e.Actor1);
    }

    [Fact]
    public void MinistryAnnouncingItsOwnActIsConfirmed()
    {
        var e = Single("أعلنت وزارة الدفاع الجزائرية أن وحداتها ضبطت 20 قطعة سلاح في تمنراست.");
        Assert.Equal("confirmed", e.Certainty);
        Assert.Equal("وزارة الدفاع الجزائرية", e.ReportedBy);
        Assert.Equal("Military Forces of Algeria", e.Actor1);
        Assert.Equal(20, e.Quantities["weapons"]);
    }

    [Fact]
    public void PoliceSpeakingForThemselvesIsConfirmed()
    {
        var e = Single("قالت الشرطة التركية إنها اعتقلت خمسة أشخاص في إسطنبول للاشتباه في انتمائهم إلى خلية.");
        Assert.Equal("confirmed", e.Certainty);
        Assert.Equal("الشرطة التركية", e.ReportedBy);
        Assert.Equal("Police Forces of Turkey", e.Actor1);
    }

    [Fact]
    public void NoSourceMeansNoReportedBy()
    {
        var e = Single("هاجمت القوات العراقية تنظيم داعش في الموصل.");
        Assert.Null(e.ReportedBy);
        Assert.Equal("confirmed", e.Certainty);
        Assert.False(e.ArgumentSpans.ContainsKey("reported_by"));
    }

    [Fact]
    public void SpeakerCarriesOverToTheNextSentenceWithAdded()
    {
        var events = fx.Events(
            "قال مسؤول أمني إن مسلحين اختطفوا ثلاثة أجانب في سبها. وأضاف أن اشتباكات اندلعت في المدينة بعد ذلك.");
        Assert.Equal(["abduction_forced_disappearance", "armed_clash"], events.Select(e => e.Subtype).ToArray());
        Assert.All(events, e => Assert.Equal("reported", e.Certainty));
        Assert.All(events, e => Assert.Equal("مسؤول أمني", e.ReportedBy));
    }
}
