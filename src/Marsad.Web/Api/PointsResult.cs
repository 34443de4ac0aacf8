using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Storage;
using Microsoft.AspNetCore.Http;

namespace Marsad.Web.Api;

/// <summary>
/// Writes map points (<see cref="PointsDto"/>'s shape) straight to the response. The dashboard's first
/// view asks for 100,000 of them at once; boxing each field into an array of objects for the serializer
/// cost more than reading them from the store.
/// </summary>
public sealed class PointsResult(IReadOnlyList<EventPoint> points, int limit) : IResult
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        int count = Math.Min(points.Count, limit);
        await using var w = new Utf8JsonWriter(response.BodyWriter, Options);
        w.WriteStartObject();
        w.WriteNumber("count", count);
        w.WriteBoolean("truncated", points.Count > limit);
        w.WriteStartArray("fields");
        foreach (var f in (string[])["id", "lat", "lon", "type", "subtype", "date", "certainty"])
            w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("points");
        var day = new char[10];
        for (int i = 0; i < count; i++)
        {
            var p = points[i];
            w.WriteStartArray();
            w.WriteNumberValue(p.Id);
            // Five decimals is about a metre: more digits only make the answer longer.
            w.WriteNumberValue(Math.Round(p.Lat, 5));
            w.WriteNumberValue(Math.Round(p.Lon, 5));
            w.WriteStringValue(p.Type);
            w.WriteStringValue(p.Subtype);
            if (p.Date is { } d && d.TryFormat(day, out int n, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                w.WriteStringValue(day.AsSpan(0, n));
            else
                w.WriteNullValue();
            w.WriteStringValue(p.Certainty);
            w.WriteEndArray();
            // Flush every few thousand rows so the body streams instead of growing in memory.
            if (i % 4096 == 4095)
                await w.FlushAsync(httpContext.RequestAborted);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(httpContext.RequestAborted);
    }
}
