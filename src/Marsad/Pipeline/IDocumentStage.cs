using Marsad.Text;

namespace Marsad.Pipeline;

/// <summary>One step of the pipeline: reads what earlier stages added to the document and adds its own spans.</summary>
public interface IDocumentStage
{
    void Process(Document document);
}
