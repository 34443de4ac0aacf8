namespace Marsad.Text;

/// <summary>Splits the document into sentences and tokens (with clitic segmentation).</summary>
public sealed class TextAnalyzer : Pipeline.IDocumentStage
{
    [ThreadStatic] private static List<TextSpan>? t_sentences;

    public void Process(Document document)
    {
        var text = document.Text;
        var spans = t_sentences ??= new List<TextSpan>(64);
        spans.Clear();
        SentenceSplitter.Split(text, new TextSpan(0, text.Length), spans);
        var tokens = document.Tokens;
        foreach (var span in spans)
        {
            int first = tokens.Count;
            Tokenizer.Tokenize(text, span, tokens);
            document.Sentences.Add(new Sentence(document.Sentences.Count, span, first, tokens.Count - first));
        }
    }
}
