namespace Marsad.Events.Learning;

/// <summary>A candidate event as the trained stages see it: the record the rules built, its features, the gate (if any) that a rule would have dropped it at, and the mentions that may fill its actor roles.</summary>
public sealed record TrainingCandidate(EventRecord Record, string[] Features, string? Gate)
{
    /// <summary>Each mention that may be actor1 or actor2: the name it would be output as, and the role model's features.</summary>
    public IReadOnlyList<(string ActorName, string[] Features)> Mentions { get; init; } = [];

    /// <summary>Each place the article names that may be the event's, with the place model's features.</summary>
    public IReadOnlyList<(Geo.GazetteerEntry Place, string[] Features)> Places { get; init; } = [];

    /// <summary>Each number of the sentence that may be one of the event's counts: its kind, value and the count model's features.</summary>
    public IReadOnlyList<(string Key, long Value, string[] Features)> Counts { get; init; } = [];
}

