using System.Globalization;
using Marsad.Entities;
using Marsad.Storage;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web.Api;

/// <summary>A request the API refuses, with the status and a message that says what to change.</summary>
public sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// Reads and checks the query string of one request. Every parameter is validated and an unknown
/// name is refused: a misspelt filter that silently matched everything would mislead an analyst.
/// </summary>
public sealed class ApiQuery
{
    /// <summary>Event types of the ontology (ACLED's and Marsad's extensions).</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        "battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
        "strategic_developments", "x_movement", "x_security_measure", "x_threat",
    ];

    /// <summary>Certainty codes of the ontology.</summary>
    public static readonly IReadOnlyList<string> Certainties = ["confirmed", "reported", "unconfirmed", "speculative", "planned", "denied"];

    /// <summary>The filter parameters every event endpoint takes.</summary>
    public static readonly IReadOnlyList<string> FilterNames = ["from", "to", "type", "subtype", "actor", "country", "place", "bbox", "certainty", "q"];

    private const int MaxText = 200;

    private readonly IQueryCollection _query;

    private ApiQuery(IQueryCollection query) => _query = query;

    /// <summary>Checks that only <paramref name="allowed"/> names occur, each once.</summary>
    public static ApiQuery From(HttpRequest request, IEnumerable<string> allowed)
    {
        var known = allowed.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            if (!known.Contains(name))
                throw new ApiException(400, $"unknown parameter '{Clip(name)}'; this endpoint takes: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            if (values.Count > 1)
                throw new ApiException(400, $"parameter '{name}' is given {values.Count} times; give it once");
        }
        return new ApiQuery(request.Query);
    }

    public string? Text(string name, int maxLength = MaxText)
    {
        var value = _query.TryGetValue(name, out var v) ? v.ToString() : null;
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        if (value.Length > maxLength)
            throw new ApiException(400, $"{name}: at most {maxLength} characters");
        if (value.Any(char.IsControl))
            throw new ApiException(400, $"{name}: control characters are not allowed");
        return value;
    }

    public string Required(string name, int maxLength = MaxText) =>
        Text(name, maxLength) ?? throw new ApiException(400, $"{name} is required");

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null)
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new ApiException(400, $"{name}: '{Clip(text)}' is not a whole number from {min} to {max}");
        return n;
    }

    public DateOnly? Date(string name)
    {
        var text = Text(name);
        if (text is null)
            return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new ApiException(400, $"{name}: '{Clip(text)}' is not a date; write YYYY-MM-DD");
        return d;
    }

    public string? OneOf(string name, IReadOnlyList<string> allowed)
    {
        var text = Text(name);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
            throw new ApiException(400, $"{name}: '{Clip(text)}' is not one of {string.Join(", ", allowed)}");
        return text;
    }

    /// <summary>The event filter: dates, type, subtype, actor (any alias the dictionary knows), country, place, box, certainty and text.</summary>
    public EventQuery Filter(ActorDictionary? actors)
    {
        var from = Date("from");
        var to = Date("to");
        if (from is { } f && to is { } t && f > t)
            throw new ApiException(400, $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd})");

        var subtype = Text("subtype", 60);
        if (subtype is not null && !subtype.All(c => c is (>= 'a' and <= 'z') or '_'))
            throw new ApiException(400, $"subtype: '{Clip(subtype)}' is not a subtype code (lower-case letters and _)");

        var country = Text("country", 2);
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
            throw new ApiException(400, $"country: '{Clip(country)}' is not a two-letter ISO 3166 code");

        BoundingBox? box = null;
        if (Text("bbox", 100) is { } bbox)
        {
            try
            {
                box = BoundingBox.Parse(bbox);
            }
            catch (FormatException e)
            {
                throw new ApiException(400, "bbox: " + e.Message);
            }
            if (box.West < -180 || box.East > 180 || box.South < -90 || box.North > 90)
                throw new ApiException(400, "bbox: longitudes must be within -180..180 and latitudes within -90..90");
        }

        List<string>? certainty = null;
        if (Text("certainty", 100) is { } cert)
        {
            certainty = cert.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            foreach (var c in certainty)
                if (!Certainties.Contains(c, StringComparer.Ordinal))
                    throw new ApiException(400, $"certainty: '{Clip(c)}' is not one of {string.Join(", ", Certainties)}");
        }

        var actor = Text("actor");
        return new EventQuery
        {
            From = from,
            To = to,
            Type = OneOf("type", Types),
            Subtype = subtype,
            // An alias ("داعش", "ISIS") becomes the canonical name events are stored under; an unknown name is taken as written.
            ActorName = actor is null ? null : actors?.ResolveName(actor) ?? actor,
            Country = country?.ToUpperInvariant(),
            Place = Text("place"),
            Box = box,
            Certainty = certainty,
            Text = Text("q"),
        };
    }

    /// <summary>A value quoted back in an error message, cut to 40 characters.</summary>
    internal static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
