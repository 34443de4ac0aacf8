using Marsad.Entities;
using Marsad.Events;
using Marsad.Events.Learning;
using Marsad.Geo;
using Marsad.Text;

namespace Marsad.Pipeline;

/// <summary>Which stage decides the events: the trained models (with the rules raising and reading candidates), or the rules alone.</summary>
public enum EventStage
{
    Trained,
    Rules,
}

/// <summary>The default composition of stages: from an <see cref="Article"/> to its document and events.</summary>
public sealed class MarsadPipeline
{
    private readonly IReadOnlyList<IDocumentStage> _stages;
    private readonly EventExtractor _extractor;
    private readonly Dictionary<string, (IReadOnlyList<IDocumentStage> Stages, EventExtractor Extractor)> _others = new(StringComparer.Ordinal);

    /// <summary>A pipeline for Arabic (the default language) with these stages and extractor.</summary>
    public MarsadPipeline(IReadOnlyList<IDocumentStage> stages, EventExtractor extractor)
    {
        _stages = stages;
        _extractor = extractor;
    }

    /// <summary>Adds the stages and extractor used for documents in <paramref name="lang"/> (a primary code such as "en").</summary>
    public MarsadPipeline WithLanguage(string lang, IReadOnlyList<IDocumentStage> stages, EventExtractor extractor)
    {
        _others[lang] = (stages, extractor);
        return this;
    }

    /// <summary>The languages with resources of their own besides Arabic.</summary>
    public IReadOnlyCollection<string> OtherLanguages => _others.Keys;

    /// <summary>The primary code of a language tag ("en-GB" → "en"); anything unknown reads as Arabic.</summary>
    public static string PrimaryLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
            return "ar";
        var t = lang.Trim();
        int dash = t.IndexOfAny(['-', '_']);
        return (dash > 0 ? t[..dash] : t).ToLowerInvariant();
    }

    // Chosen once per document, so the Arabic path pays one dictionary probe and nothing else.
    private (IReadOnlyList<IDocumentStage> Stages, EventExtractor Extractor) For(string? lang) =>
        _others.Count > 0 && _others.TryGetValue(PrimaryLanguage(lang), out var r) ? r : (_stages, _extractor);

    /// <summary>
    /// Builds the pipeline with the lexicons in <paramref name="lexiconDir"/> (default: the ones shipped beside the
    /// binaries) and the gazetteer index in <paramref name="gazetteerDir"/> (a store's gazetteer folder; without it,
    /// only the countries and the supplement in the lexicon folder are known). Arabic events are decided by the
    /// trained models in the lexicon folder's <c>ar/models</c> when it has them and <paramref name="stage"/> allows;
    /// otherwise by the rules alone.
    /// </summary>
    public static MarsadPipeline CreateDefault(string? lexiconDir = null, string? gazetteerDir = null, EventStage stage = EventStage.Trained)
    {
        var dir = lexiconDir ?? LexiconFiles.DefaultDirectory;
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"lexicon folder not found: {dir}");
        var actors = ActorDictionary.Load(dir);
        var gazetteer = Gazetteer.Load(dir, actors, gazetteerDir);
        var pipeline = new MarsadPipeline(
            [new TextAnalyzer(), new NumberRecognizer(), new TimeRecognizer(), .. NerStage(), new EntityRecognizer(actors, gazetteer)],
            new EventExtractor(EventLexicons.Load(dir)) { Models = stage == EventStage.Trained ? EventModels.Load(ModelsDir(dir)) : null });
        // English is read when the lexicon folder has its triggers; a folder with Arabic alone still works.
        if (File.Exists(Path.Combine(dir, "en", "triggers.tsv")))
        {
            var enActors = ActorDictionary.Load(dir, "en");
            pipeline.WithLanguage("en",
                [new TextAnalyzer(english: true), new EnglishNumberRecognizer(), new EnglishTimeRecognizer(), EnglishEntityRecognizer.Create(enActors, gazetteer, dir)],
                new EventExtractor(EventLexicons.Load(dir, "en"), ExtractorGrammar.English, gazetteer));
        }
        return pipeline;
    }

    // The NER model finds people and organisations the actor dictionary does not know; without the
    // model file (a stripped-down install) extraction still runs on the dictionary alone.
    private static IDocumentStage[] NerStage() =>
        File.Exists(Entities.Ner.NerModel.DefaultPath) ? [Entities.Ner.NerRecognizer.CreateDefault()] : [];

    /// <summary>The folder of a lexicon folder that holds the trained models of a language.</summary>
    public static string ModelsDir(string lexiconDir, string lang = "ar") => Path.Combine(lexiconDir, lang, "models");

    /// <summary>The event extractor used for documents in <paramref name="lang"/>.</summary>
    public EventExtractor ExtractorFor(string? lang) => For(lang).Extractor;

    /// <summary>Runs the text stages only (sentences, tokens, numbers, times).</summary>
    public Document Analyze(Article article)
    {
        var doc = new Document(article);
        foreach (var stage in For(article.Lang).Stages)
            stage.Process(doc);
        return doc;
    }

    public (Document Document, IReadOnlyList<EventRecord> Events) Process(Article article)
    {
        var doc = Analyze(article);
        return (doc, For(article.Lang).Extractor.Extract(doc));
    }

    public IReadOnlyList<EventRecord> Extract(Article article) => Process(article).Events;
}
