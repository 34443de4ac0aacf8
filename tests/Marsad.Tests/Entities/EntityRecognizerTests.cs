using Marsad.Entities;
using Marsad.Tests.Events;
using Marsad.Text;

namespace Marsad.Tests.Entities;

// Sentences written for these tests; not taken from any news source or evaluation set.
public class EntityRecognizerTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    private (Document Doc, List<(EntityKind Kind, string Surface, string Name)> Found) Entities(string text)
    {
        var doc = fx.Analyze(text);
        return (doc, doc.Entities.Select(e => (e.Kind, doc.Slice(e.Span), e.Name)).ToList());
    }

    [Fact]
    public void DictionaryActorWithConjunctionClitic()
    {
        var (_, found) = Entities("والحوثيون يقصفون مواقع في تعز بالمدفعية.");
        Assert.Equal((EntityKind.Actor, "والحوثيون", "Houthis"), found[0]);
        Assert.Equal((EntityKind.Place, "تعز", "Taiz"), found[1]);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void DictionaryActorWithLamClitic()
    {
        var (doc, found) = Entities("وجه الجيش ضربة موجعة لداعش في الموصل.");
        var isis = Assert.Single(doc.Entities, e => e.Kind == EntityKind.Actor);
        Assert.Equal("لداعش", doc.Slice(isis.Span));
        Assert.Equal("Islamic State", isis.Name);
        Assert.Equal("islamist", isis.Actor!.Category);
        Assert.Contains((EntityKind.Place, "الموصل", "Mosul"), found);
    }

    [Theory]
    [InlineData("أعلن الجيش التونسي أنه قتل مسلحين في القصرين.", "الجيش التونسي", "Military Forces of Tunisia", "TN")]
    [InlineData("قالت الشرطة التركية إنها اعتقلت خمسة أشخاص في إسطنبول.", "الشرطة التركية", "Police Forces of Turkey", "TR")]
    [InlineData("رفعت السلطات الجزائرية حالة التأهب في الجنوب.", "السلطات الجزائرية", "Algeria", "DZ")]
    [InlineData("قصفت الطائرات الأمريكية مواقع في سرت.", "الطائرات الأمريكية", "Military Forces of the United States", "US")]
    [InlineData("أكدت وزارة الداخلية التونسية توقيف المتهمين.", "وزارة الداخلية التونسية", "Police Forces of Tunisia", "TN")]
    public void HeadPlusNationalityIsStateBody(string text, string surface, string name, string country)
    {
        var (doc, _) = Entities(text);
        var body = Assert.Single(doc.Entities, e => e.Kind == EntityKind.StateActor);
        Assert.Equal(surface, doc.Slice(body.Span));
        Assert.Equal(name, body.Name);
        Assert.Equal(country, body.Country!.Code);
        Assert.True(body.IsActor);
        Assert.True(body.IsStateSide);
    }

    [Fact]
    public void CoordinatedNationalitiesGiveTwoStateBodies()
    {
        var (_, found) = Entities("انتشر الجيش التونسي والجزائري على طول الحدود.");
        Assert.Equal(
            [(EntityKind.StateActor, "الجيش التونسي", "Military Forces of Tunisia"),
             (EntityKind.StateActor, "والجزائري", "Military Forces of Algeria")],
            found);
    }

    [Fact]
    public void NationalityAfterPlaceQualifiesThePlace()
    {
        var (doc, found) = Entities("وقع الهجوم في مدينة ميلانو الإيطالية أمس.");
        Assert.Equal([(EntityKind.Place, "ميلانو", "Milan")], found);
        Assert.DoesNotContain(doc.Entities, e => e.IsActor);
    }

    [Fact]
    public void StandaloneNationalityIsAnActor()
    {
        var (doc, _) = Entities("الضربات التركية استهدفت مواقع حزب العمال الكردستاني.");
        var nat = Assert.Single(doc.Entities, e => e.Kind == EntityKind.Nationality);
        Assert.Equal("التركية", doc.Slice(nat.Span));
        Assert.Equal("Turkey", nat.Name);
        Assert.True(nat.IsActor);
        Assert.Contains(doc.Entities, e => e.Kind == EntityKind.Actor && e.Name == "PKK");
    }

    [Theory]
    [InlineData("وصل مقاتلون بسرت قادمين من الجنوب.", "بسرت", "Sirte", "point")]
    [InlineData("وصل المقاتلون لليبيا عبر البحر.", "لليبيا", "Libya", "country")]
    [InlineData("انتقل المسلحون إلى الزاوية وطرابلس.", "وطرابلس", "Tripoli", "point")]
    public void PlacesWithClitics(string text, string surface, string name, string precision)
    {
        var (doc, _) = Entities(text);
        // الزاوية is a place too (Zawiya): pick the mention under test by its surface.
        var place = Assert.Single(doc.Entities, e => e.Kind == EntityKind.Place && doc.Slice(e.Span) == surface);
        Assert.Equal(name, place.Name);
        Assert.Equal(precision, place.Place!.Precision);
        Assert.Equal("LY", place.Place.Country);
    }

    [Fact]
    public void CountryPlaceCarriesItsCountry()
    {
        var (doc, _) = Entities("وصل المقاتلون لليبيا عبر البحر.");
        var libya = Assert.Single(doc.Entities);
        Assert.Equal("LY", libya.Country!.Code);
        Assert.True(libya.IsStateSide);
    }

    [Theory]
    [InlineData("ونفذت وقوات الأمن حملة في بنغازي.", "وقوات الأمن", "قوات الأمن")]
    [InlineData("قدمت الحكومة دعما كبيرا للجيش في سرت.", "للجيش", "الجيش")]
    [InlineData("انتشرت الشرطة في شوارع المدينة.", "الشرطة", "الشرطة")]
    public void BareHeadNamesAreCleanedOfClitics(string text, string surface, string name)
    {
        var (doc, _) = Entities(text);
        var body = Assert.Single(doc.Entities, e => e.Kind == EntityKind.StateActor);
        Assert.Equal(surface, doc.Slice(body.Span));
        Assert.Equal(name, body.Name);
        Assert.Null(body.Country);
    }

    [Fact]
    public void DictionaryActorsTakeTheLongestAlias()
    {
        var (_, found) = Entities("اشتبكت قوات حكومة الوفاق مع مقاتلي داعش في سرت.");
        Assert.Equal(
            [(EntityKind.Actor, "قوات حكومة الوفاق", "Government of National Accord"),
             (EntityKind.Actor, "داعش", "Islamic State"),
             (EntityKind.Place, "سرت", "Sirte")],
            found);
    }

    [Fact]
    public void MentionsAreInTextOrderAndPointIntoTheText()
    {
        var (doc, _) = Entities("قصف الطيران الروسي مواقع المعارضة السورية في إدلب، فيما اشتبك الجيش التونسي والجزائري مع مسلحين قرب الحدود.");
        Assert.True(doc.Entities.Count >= 5);
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            Assert.Equal(doc.Tokens[e.FirstToken].Start, e.Span.Start);
            Assert.Equal(doc.Tokens[e.LastToken].End, e.Span.End);
            if (i > 0)
                Assert.True(doc.Entities[i - 1].LastToken < e.FirstToken);
        }
    }
}
