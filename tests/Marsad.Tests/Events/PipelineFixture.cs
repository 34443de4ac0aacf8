using System.Globalization;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Tests.Events;

/// <summary>One default pipeline (lexicons beside the test binaries) shared by a test class.</summary>
public sealed class PipelineFixture
{
    /// <summary>The publication date the tests resolve relative dates against (a Tuesday).</summary>
    public const string Published = "2016-10-25";

    // These tests pin what the rules raise and read (the candidates and the arguments the trained stages start from);
    // the trained decision is measured by cross-validation on coded articles, not by composed sentences.
    public MarsadPipeline Pipeline { get; } = MarsadPipeline.CreateDefault(stage: EventStage.Rules);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public (Document Document, IReadOnlyList<EventRecord> Events) Process(string text, string? published = Published) =>
        Pipeline.Process(new Article("t", text, Published: published is null ? null : Day(published)));

    public IReadOnlyList<EventRecord> Events(string text, string? published = Published) => Process(text, published).Events;

    public Document Analyze(string text) => Pipeline.Analyze(new Article("t", text, Published: Day(Published)));
}
