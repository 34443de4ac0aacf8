using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>Pipeline stage that adds the model's PER/ORG/LOC/MISC spans to <see cref="Document.NamedEntities"/>.</summary>
public sealed class NerRecognizer(NerModel model) : Pipeline.IDocumentStage
{
    public NerModel Model { get; } = model;

    /// <summary>A recognizer with the committed default model.</summary>
    public static NerRecognizer CreateDefault() => new(NerModel.Load(NerModel.DefaultPath));

    public void Process(Document document) => document.NamedEntities.AddRange(Model.Tag(document));
}
