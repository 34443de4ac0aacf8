namespace Marsad.Text;

/// <summary>One news report as it arrives, before any processing.</summary>
public sealed record Article(
    string Id,
    string Text,
    string? Title = null,
    DateOnly? Published = null,
    string Lang = "ar",
    string? Source = null,
    string? Url = null);
