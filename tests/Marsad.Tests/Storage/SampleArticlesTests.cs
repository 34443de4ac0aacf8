using System.Globalization;
using System.Text.Json;

namespace Marsad.Tests.Storage;

public sealed class SampleArticlesTests
{
    [Fact]
    public void EveryLineIsAnArabicOrEnglishArticleWithIdTextAndDate()
    {
        var lines = File.ReadAllLines(SamplesFile()).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        Assert.InRange(lines.Count, 8, 10);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;

            var id = root.GetProperty("id").GetString();
            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.True(ids.Add(id!), $"duplicate id {id}");
            var lang = root.GetProperty("lang").GetString();
            Assert.Contains(lang, new[] { "ar", "en" });
            // The text is in the script of its language: Arabic reports in Arabic, English ones in Latin letters.
            double expected = lang == "ar" ? 1 : 0;

            var published = DateOnly.ParseExact(root.GetProperty("published").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(published.Year, 2016, 2024);

            var text = root.GetProperty("text").GetString();
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(Math.Abs(ArabicShare(text!) - expected) < 0.05, $"{id}: text is not in the script of '{lang}'");
            Assert.True(Math.Abs(ArabicShare(root.GetProperty("title").GetString() ?? "") - expected) < 0.05, $"{id}: title is not in the script of '{lang}'");
        }
        // Arabic first: most samples are Arabic, and English ones are there too.
        Assert.True(lines.Count(l => l.Contains("\"lang\": \"en\"", StringComparison.Ordinal)) is >= 1 and <= 2);
    }

    // Share of letters that are Arabic script; digits and punctuation do not count either way.
    private static double ArabicShare(string text)
    {
        int letters = 0, arabic = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (c is >= '\u0600' and <= '\u06FF')
                arabic++;
        }
        return letters == 0 ? 0 : (double)arabic / letters;
    }

    private static string SamplesFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
                return Path.Combine(dir.FullName, "samples", "articles.jsonl");
        }
        throw new InvalidOperationException("Marsad.sln not found above " + AppContext.BaseDirectory);
    }
}
