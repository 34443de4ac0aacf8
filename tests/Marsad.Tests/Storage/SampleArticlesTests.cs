using System.Globalization;
using System.Text.Json;

namespace Marsad.Tests.Storage;

public sealed class SampleArticlesTests
{
    [Fact]
    public void EveryLineIsAnArabicArticleWithIdTextAndDate()
    {
        var lines = File.ReadAllLines(SamplesFile()).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        Assert.InRange(lines.Count, 6, 8);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;

            var id = root.GetProperty("id").GetString();
            Assert.False(string.IsNullOrWhiteSpace(id));
            Assert.True(ids.Add(id!), $"duplicate id {id}");
            Assert.Equal("ar", root.GetProperty("lang").GetString());

            var published = DateOnly.ParseExact(root.GetProperty("published").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(published.Year, 2016, 2024);

            var text = root.GetProperty("text").GetString();
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(ArabicShare(text!) > 0.95, $"{id}: text is not Arabic");
            Assert.True(ArabicShare(root.GetProperty("title").GetString() ?? "") > 0.95, $"{id}: title is not Arabic");
        }
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
