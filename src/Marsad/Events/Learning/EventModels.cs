namespace Marsad.Events.Learning;

/// <summary>
/// The trained stages of the event extractor, one file each under a lexicon folder's <c>models/</c>: which
/// candidates are events (<see cref="Types"/>), and who, where and how many (<see cref="Roles"/>,
/// <see cref="Places"/>, <see cref="Counts"/>). Every stage but the
/// first is optional: without it the rules' own reading stands.
/// </summary>
public sealed record EventModels(EventTypeModel Types)
{
    public ChoiceModel? Roles { get; init; }
    public ChoiceModel? Places { get; init; }
    public ChoiceModel? Counts { get; init; }

    /// <summary>File names inside a models folder.</summary>
    public const string TypesFile = "event-model.tsv", RolesFile = "role-model.tsv", PlacesFile = "place-model.tsv",
        CountsFile = "count-model.tsv";

    /// <summary>Loads the models in <paramref name="dir"/>; null when the folder has no event model.</summary>
    public static EventModels? Load(string dir)
    {
        string P(string f) => Path.Combine(dir, f);
        if (!File.Exists(P(TypesFile)))
            return null;
        return new EventModels(EventTypeModel.Load(P(TypesFile)))
        {
            Roles = File.Exists(P(RolesFile)) ? ChoiceModel.Load(P(RolesFile)) : null,
            Places = File.Exists(P(PlacesFile)) ? ChoiceModel.Load(P(PlacesFile)) : null,
            Counts = File.Exists(P(CountsFile)) ? ChoiceModel.Load(P(CountsFile)) : null,
        };
    }

    /// <summary>Writes every model this set has into <paramref name="dir"/>.</summary>
    public void Save(string dir)
    {
        Directory.CreateDirectory(dir);
        Types.Save(Path.Combine(dir, TypesFile));
        Roles?.Save(Path.Combine(dir, RolesFile), "actor role model");
        Places?.Save(Path.Combine(dir, PlacesFile), "place model");
        Counts?.Save(Path.Combine(dir, CountsFile), "count model");
    }
}
