namespace Marsad.Events;

/// <summary>The event type codes of ONTOLOGY.md (ACLED's types and Marsad's x_ extensions), in one place.</summary>
public static class EventType
{
    public const string Battles = "battles";
    public const string ExplosionsRemoteViolence = "explosions_remote_violence";
    public const string ViolenceAgainstCivilians = "violence_against_civilians";
    public const string Protests = "protests";
    public const string Riots = "riots";
    public const string StrategicDevelopments = "strategic_developments";
    public const string Movement = "x_movement";
    public const string SecurityMeasure = "x_security_measure";
    public const string Threat = "x_threat";
}

/// <summary>The subtype codes of ONTOLOGY.md that the extractor's rules refer to by name.</summary>
public static class EventSubtype
{
    public const string ArmedClash = "armed_clash";
    public const string GovernmentRegainsTerritory = "government_regains_territory";
    public const string NonStateActorOvertakesTerritory = "non_state_actor_overtakes_territory";
    public const string SuicideBomb = "suicide_bomb";
    public const string RemoteExplosive = "remote_explosive_landmine_ied";
    public const string Attack = "attack";
    public const string Abduction = "abduction_forced_disappearance";
    public const string ProtestWithIntervention = "protest_with_intervention";
    public const string ExcessiveForceAgainstProtesters = "excessive_force_against_protesters";
    public const string Agreement = "agreement";
    public const string Arrests = "arrests";
    public const string DisruptedWeaponsUse = "disrupted_weapons_use";
    public const string Other = "other";
    public const string Relocation = "relocation";
    public const string Procurement = "procurement";
}
