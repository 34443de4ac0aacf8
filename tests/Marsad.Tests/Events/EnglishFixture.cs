using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Tests.Events;

/// <summary>One default pipeline shared by the English test classes; articles are marked "lang":"en".</summary>
public sealed class EnglishFixture
{
    /// <summary>The publication date relative dates resolve against (a Tuesday).</summary>
    public const string Published = "2016-10-25";

    public MarsadPipeline Pipeline { get; } = MarsadPipeline.CreateDefault();

    public (Document Document, IReadOnlyList<EventRecord> Events) Process(string text, string? published = Published) =>
        Pipeline.Process(new Article("t", text, Published: published is null ? null : PipelineFixture.Day(published), Lang: "en"));

    public IReadOnlyList<EventRecord> Events(string text, string? published = Published) => Process(text, published).Events;

    public Document Analyze(string text, string? published = Published) =>
        Pipeline.Analyze(new Article("t", text, Published: published is null ? null : PipelineFixture.Day(published), Lang: "en"));
}
