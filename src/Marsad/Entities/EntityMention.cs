using Marsad.Geo;
using Marsad.Text;

namespace Marsad.Entities;

/// <summary>What an entity mention refers to.</summary>
public enum EntityKind
{
    /// <summary>A dictionary actor (armed group, coalition, outlet, …).</summary>
    Actor,

    /// <summary>A state body built from a head and a nationality (الجيش التونسي) or a bare head (الشرطة).</summary>
    StateActor,

    /// <summary>A gazetteer place, countries included.</summary>
    Place,

    /// <summary>A nationality adjective standing alone (الضربات التركية): names a country as actor, not as place.</summary>
    Nationality,
}

/// <summary>A named thing found in the text, with what it was resolved to.</summary>
public sealed record EntityMention(
    TextSpan Span,
    int FirstToken,
    int LastToken,
    EntityKind Kind,
    string Name,
    ActorEntry? Actor = null,
    GazetteerEntry? Place = null,
    CountryEntry? Country = null)
{
    /// <summary>True when the mention is an armed or state actor that can act in an event.</summary>
    public bool IsActor => Kind is EntityKind.Actor or EntityKind.StateActor or EntityKind.Nationality
        || (Kind == EntityKind.Place && Place?.Precision == "country");

    /// <summary>The name this mention has as an actor: a capital or country acts as its country ("أنقرة" → Turkey).</summary>
    public string ActorName => Kind == EntityKind.Place && Country is not null ? Country.Name
        : Kind == EntityKind.Nationality && Country is not null ? Country.Name
        : Actor?.Category == "unidentified" && Surface is not null ? Surface : Name;

    /// <summary>The text's own words for the mention, clitics removed; generic actors are named by them.</summary>
    public string? Surface { get; init; }

    public bool IsStateSide => Kind is EntityKind.StateActor or EntityKind.Nationality
        || (Kind == EntityKind.Actor && Actor!.IsState)
        || (Kind == EntityKind.Place && Country is not null);
}
