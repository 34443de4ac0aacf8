namespace Marsad.Text;

/// <summary>Finds numbers written in digits or words and adds them to <see cref="Document.Numbers"/>.</summary>
public sealed class NumberRecognizer : Pipeline.IDocumentStage
{
    public void Process(Document document)
    {
    }
}
