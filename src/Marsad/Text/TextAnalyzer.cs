namespace Marsad.Text;

/// <summary>Splits the document into sentences and tokens (with clitic segmentation for Arabic).</summary>
public sealed class TextAnalyzer : Pipeline.IDocumentStage
{
    [ThreadStatic] private static List<TextSpan>? t_sentences;

    private readonly bool _english;

    /// <summary>An analyzer for Arabic text, or for English with <paramref name="english"/> (abbreviations, possessives).</summary>
    public TextAnalyzer(bool english = false) => _english = english;

    public void Process(Document document)
    {
        var text = document.Text;
        var spans = t_sentences ??= new List<TextSpan>(64);
        spans.Clear();
        SentenceSplitter.Split(text, new TextSpan(0, text.Length), spans, _english);
        var tokens = document.Tokens;
        foreach (var span in spans)
        {
            int first = tokens.Count;
            Tokenizer.Tokenize(text, span, tokens);
            if (_english)
                for (int i = first; i < tokens.Count; i++)
                    tokens[i] = EnglishForms.Apply(tokens[i]);
            document.Sentences.Add(new Sentence(document.Sentences.Count, span, first, tokens.Count - first));
        }
    }
}
