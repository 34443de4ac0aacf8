using Marsad.Text.Time;

namespace Marsad.Text;

/// <summary>
/// Finds time expressions (relative days, weekdays, months, years, parts of periods, vague past,
/// Gregorian and Hijri dates) and resolves them against the publication date.
/// </summary>
/// <remarks>
/// Spans cover the whole expression ("منتصف أغسطس الماضي", "أمس الاثنين") but leave out attached
/// clitics (و ف ب ل) and a preceding في. Weeks run Saturday to Friday. Without a publication date
/// only expressions that carry their own year resolve; the rest get a null value.
/// </remarks>
public sealed class TimeRecognizer : Pipeline.IDocumentStage
{
    public void Process(Document document) => document.Times.AddRange(Recognize(document.Text, document.Published));

    /// <summary>Every time expression in <paramref name="text"/>, in text order, resolved against <paramref name="published"/>.</summary>
    public static IReadOnlyList<TimeMention> Recognize(string text, DateOnly? published) =>
        new TimeScanner(text, published).Scan();
}
