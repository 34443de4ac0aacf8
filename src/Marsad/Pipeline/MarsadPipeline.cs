using Marsad.Entities;
using Marsad.Events;
using Marsad.Geo;
using Marsad.Text;

namespace Marsad.Pipeline;

/// <summary>The default composition of stages: from an <see cref="Article"/> to its document and events.</summary>
public sealed class MarsadPipeline
{
    private readonly IReadOnlyList<IDocumentStage> _stages;
    private readonly EventExtractor _extractor;

    public MarsadPipeline(IReadOnlyList<IDocumentStage> stages, EventExtractor extractor)
    {
        _stages = stages;
        _extractor = extractor;
    }

    /// <summary>
    /// Builds the pipeline with the lexicons in <paramref name="lexiconDir"/> (default: the ones shipped beside the
    /// binaries) and the gazetteer index in <paramref name="gazetteerDir"/> (a store's gazetteer folder; without it,
    /// only the countries and the supplement in the lexicon folder are known). The event filter, when the lexicon
    /// folder has one and <paramref name="useFilter"/> is set, prunes candidates the rules over-generate.
    /// </summary>
    public static MarsadPipeline CreateDefault(string? lexiconDir = null, string? gazetteerDir = null, bool useFilter = true)
    {
        var dir = lexiconDir ?? LexiconFiles.DefaultDirectory;
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"lexicon folder not found: {dir}");
        var actors = ActorDictionary.Load(dir);
        var gazetteer = Gazetteer.Load(dir, actors, gazetteerDir);
        return new(
            [new TextAnalyzer(), new NumberRecognizer(), new TimeRecognizer(), .. NerStage(), new EntityRecognizer(actors, gazetteer)],
            new EventExtractor(EventLexicons.Load(dir), useFilter ? LoadFilter(dir) : null));
    }

    // The NER model finds people and organisations the actor dictionary does not know; without the
    // model file (a stripped-down install) extraction still runs on the dictionary alone.
    private static IDocumentStage[] NerStage() =>
        File.Exists(Entities.Ner.NerModel.DefaultPath) ? [Entities.Ner.NerRecognizer.CreateDefault()] : [];

    /// <summary>Where the trained event filter lives inside a lexicon folder.</summary>
    public static string FilterPath(string lexiconDir, string lang = "ar") => Path.Combine(lexiconDir, lang, "models", "event-filter.tsv");

    // The filter is optional: a lexicon folder without one extracts with the rules alone.
    private static EventFilter? LoadFilter(string dir)
    {
        var path = FilterPath(dir);
        return File.Exists(path) ? EventFilter.Load(path) : null;
    }

    /// <summary>Runs the text stages only (sentences, tokens, numbers, times).</summary>
    public Document Analyze(Article article)
    {
        var doc = new Document(article);
        foreach (var stage in _stages)
            stage.Process(doc);
        return doc;
    }

    public (Document Document, IReadOnlyList<EventRecord> Events) Process(Article article)
    {
        var doc = Analyze(article);
        return (doc, _extractor.Extract(doc));
    }

    public IReadOnlyList<EventRecord> Extract(Article article) => Process(article).Events;

    /// <summary>Every candidate event of an article before filtering and merging, with its features (for training the filter).</summary>
    public IReadOnlyList<(EventRecord Record, IReadOnlyList<string> Features)> Candidates(Article article) =>
        _extractor.Candidates(Analyze(article));
}
