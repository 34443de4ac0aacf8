using Marsad.Analysis;
using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Tests.Web;

/// <summary>The movement report: order, journeys versus departures, and which regions rise or fall.</summary>
public sealed class ActorMovementTests
{
    private static readonly PlaceRef Sirte = new("Sirte", "LY", 31.2, 16.6, "point", "marsad:ly-sirte");
    private static readonly PlaceRef Sabratha = new("Sabratha", "LY", 32.8, 12.5, "point", null);
    private static readonly PlaceRef Italy = new("Italy", "IT", 41.9, 12.6, "country", "country:IT");
    private static readonly PlaceRef Raqqa = new("Raqqa", "SY", 35.9, 39.0, "point", null);

    [Fact]
    public void TrackIsInDateOrderAndMovesKeepTheirEnds()
    {
        var events = new[]
        {
            Merged(1, "battles", Sirte, null, new(2016, 10, 20)),
            Merged(2, "x_movement", Italy, Sirte, new(2016, 10, 22)),
            // "Fled Sirte": the place left is coded at both ends; a departure, not a journey.
            Merged(3, "x_movement", Sirte, Sirte, new(2016, 10, 21)),
            Merged(4, "battles", Raqqa, null, new(2015, 1, 3)),
            // Undated in the text: placed on its article's day, and said so.
            Merged(5, "battles", Sabratha, null, null),
        };
        var report = ActorMovement.Build("Islamic State", null, null, events);

        Assert.Equal([4L, 1, 3, 2, 5], report.Track.Select(t => t.EventId));
        Assert.True(report.Track[^1].DateFromArticle);
        Assert.Equal(new DateOnly(2016, 10, 25), report.Track[^1].Date);
        Assert.Equal([3L, 2], report.Moves.Select(m => m.EventId));
        Assert.Equal("Sirte", report.Moves[0].Origin?.Name);
        Assert.Null(report.Moves[0].Destination);
        Assert.Equal("Sirte", report.Moves[1].Origin?.Name);
        Assert.Equal("Italy", report.Moves[1].Destination?.Name);
        Assert.Equal((new DateOnly(2015, 1, 3), new DateOnly(2016, 10, 25)), (report.From!.Value, report.To!.Value));
    }

    [Fact]
    public void RegionsRiseAndFallOnlyOnClearChanges()
    {
        var track = new List<TrackPoint>();
        void Add(PlaceRef place, int count, DateOnly day)
        {
            for (int i = 0; i < count; i++)
                track.Add(new TrackPoint(track.Count + 1, "battles", "armed_clash", day, false, place, "confirmed", 1));
        }
        var early = new DateOnly(2016, 1, 10);
        var late = new DateOnly(2016, 12, 10);
        Add(Raqqa, 6, early);
        Add(Raqqa, 2, late);
        Add(Sirte, 1, early);
        Add(Sirte, 8, late);
        Add(Italy, 3, late);
        Add(Sabratha with { Country = "TN" }, 4, early);
        Add(Sabratha with { Country = "TN" }, 5, late);

        var trends = ActorMovement.Trends(track, new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 31)).ToDictionary(t => t.Region);
        Assert.Equal(("rising", 1, 8), (trends["LY"].Trend, trends["LY"].Earlier, trends["LY"].Later));
        Assert.Equal("falling", trends["SY"].Trend);
        Assert.Equal("new", trends["IT"].Trend);
        Assert.Equal("steady", trends["TN"].Trend);
        Assert.Empty(ActorMovement.Trends(track, null, null));
    }

    private static MergedEvent Merged(long id, string type, PlaceRef place, PlaceRef? origin, DateOnly? date)
    {
        var record = new EventRecord
        {
            ArticleId = "a-" + id,
            Type = type,
            Subtype = type == "x_movement" ? "relocation" : "armed_clash",
            Actor1 = "Islamic State",
            Place = place,
            Origin = origin,
            Date = date is { } d ? DateValue.Day(d) : null,
            Certainty = "reported",
            Evidence = new TextSpan(0, 4),
            EvidenceText = "نص ا",
        };
        var stored = new StoredEvent(id, record, "عنوان", new DateOnly(2016, 10, 25), "مصدر", id);
        return new MergedEvent(id, stored, []);
    }
}
