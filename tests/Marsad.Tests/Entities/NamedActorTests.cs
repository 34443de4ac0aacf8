using Marsad.Entities;
using Marsad.Tests.Events;
using Marsad.Text;

namespace Marsad.Tests.Entities;

public class NamedActorTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    private List<EntityMention> People(string text) =>
        fx.Analyze(text).Entities.Where(e => e.Actor?.Category == "person").ToList();

    [Theory]
    [InlineData("وأعلن قيادي يدعى \"أبو همام\" مسؤوليته عن الهجوم.", "أبو همام")]
    [InlineData("ظهر أبوقتادة في تسجيل مصور جديد.", "أبوقتادة")]
    [InlineData("قال المتحدث «سامر الخطيب» إن الوضع هادئ.", "سامر الخطيب")]
    public void MarkedNamesBecomePeople(string text, string name)
    {
        Assert.Contains(People(text), p => p.Name == name);
    }

    [Fact]
    public void AQuotedWordOfEmphasisIsNotAName()
    {
        Assert.DoesNotContain(People("قال الوزير إن الحكومة ستبدأ «قريبا» في تنفيذ الخطة."), p => p.Name == "قريبا");
    }

    [Fact]
    public void APersonIsTheTargetNotTheDoerOfAKilling()
    {
        var e = Assert.Single(fx.Events("تمكنت قوات الأمن التونسية من قتل \"كمال الدوزي\" زعيم خلية مسلحة في جبل الشعانبي أمس."));
        Assert.Equal("Police Forces of Tunisia", e.Actor1);
        Assert.Equal(1, e.Fatalities);
    }

    [Fact]
    public void WhoeverIsCreditedWithAThreatMadeIt()
    {
        var e = Assert.Single(fx.Events("وقال زعيم التنظيم أبو سالم في تسجيل إن على الحكومة أن «تواجه العواقب»."));
        Assert.Equal("x_threat", e.Type);
        Assert.Equal("أبو سالم", e.Actor1);
    }
}
