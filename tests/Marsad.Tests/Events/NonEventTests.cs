namespace Marsad.Tests.Events;

/// <summary>Sentences that name violence or arrests without reporting a political event.</summary>
public class NonEventTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    [Theory]
    [InlineData("ألقت الشرطة القبض على مروج مخدرات في حي السلامة بجدة أمس.")]
    [InlineData("لقي خمسة أشخاص مصرعهم جراء السيول التي اجتاحت محافظة إب أمس.")]
    [InlineData("نفذت وزارة الداخلية حكم القتل قصاصا بحق الجاني في الرياض أمس.")]
    [InlineData("وصل اللاعب التونسي إلى الدوحة أمس للانضمام إلى فريقه الجديد.")]
    [InlineData("تحاول المجموعة الوصول إلى الحدود قبل نهاية الشهر.")]
    [InlineData("ناقش المؤتمر ملف اغتيال الصحفي في ذكراه السنوية.")]
    public void RaisesNoEvent(string text) => Assert.Empty(fx.Events(text));

    [Fact]
    public void ArmedMoversStillMove()
    {
        var e = Assert.Single(fx.Events("وصل عشرات المقاتلين التابعين لتنظيم داعش إلى مدينة درنة أمس."));
        Assert.Equal(("x_movement", "relocation"), (e.Type, e.Subtype));
        Assert.Equal("Islamic State", e.Actor1);
    }

    [Fact]
    public void TheCoalitionIsTheOneTheArticleIsAbout()
    {
        var e = Assert.Single(fx.Events("شن التحالف 12 غارة جوية على مواقع لتنظيم داعش قرب الموصل في العراق أمس."));
        Assert.Equal("US-led coalition", e.Actor1);
        var y = Assert.Single(fx.Events("شن التحالف غارات جوية على مواقع للحوثيين في صعدة شمال اليمن أمس."));
        Assert.Equal("Saudi-led coalition", y.Actor1);
    }
}
