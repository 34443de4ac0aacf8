using Marsad.Text;

namespace Marsad.Events;

/// <summary>Turns an analysed document into coded events.</summary>
public sealed class EventExtractor
{
    public IReadOnlyList<EventRecord> Extract(Document document) => [];
}
