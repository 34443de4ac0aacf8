using System.Globalization;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Storage;

/// <summary>An article as the work queue holds it: one JSON object with the FORMAT.md article fields.</summary>
internal static class QueuePayload
{
    public static string Write(Article a) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["id"] = a.Id,
        ["title"] = a.Title,
        ["published"] = a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["lang"] = a.Lang,
        ["source"] = a.Source,
        ["url"] = a.Url,
        ["text"] = a.Text,
    });

    public static Article Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string? S(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateOnly? published = S("published") is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new Article(S("id")!, S("text") ?? "", S("title"), published, S("lang") ?? "ar", S("source"), S("url"));
    }
}
