namespace Marsad.Text;

/// <summary>
/// One article's folded text and every annotation over it. The text is fixed at construction;
/// pipeline stages only add spans that point into it.
/// </summary>
public sealed class Document
{
    public Document(Article article)
    {
        Article = article;
        Text = TextFolder.Fold(article.Text);
    }

    public Article Article { get; }

    /// <summary>The article text with runs of white space folded to one space and the ends trimmed.</summary>
    public string Text { get; }

    public string Id => Article.Id;

    public DateOnly? Published => Article.Published;

    public string Lang => Article.Lang;

    public List<Sentence> Sentences { get; } = [];

    public List<Token> Tokens { get; } = [];

    public List<NumberMention> Numbers { get; } = [];

    public List<TimeMention> Times { get; } = [];

    /// <summary>Actors, places and nationalities, in text order.</summary>
    public List<Entities.EntityMention> Entities { get; } = [];

    /// <summary>PER/ORG/LOC/MISC spans from the statistical recognizer, in text order.</summary>
    public List<Entities.Ner.NamedEntity> NamedEntities { get; } = [];

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    public IEnumerable<Token> TokensOf(Sentence s)
    {
        for (int i = s.FirstToken; i < s.FirstToken + s.TokenCount; i++)
            yield return Tokens[i];
    }

    public Sentence? SentenceAt(int offset)
    {
        foreach (var s in Sentences)
            if (offset >= s.Span.Start && offset < s.Span.End)
                return s;
        return null;
    }
}
