namespace Marsad.Text;

/// <summary>Finds time expressions and resolves them against the publication date.</summary>
public sealed class TimeRecognizer : Pipeline.IDocumentStage
{
    public void Process(Document document)
    {
    }
}
