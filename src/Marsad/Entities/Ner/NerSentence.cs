namespace Marsad.Entities.Ner;

/// <summary>One tokenized sentence with its canonical BIO tags (as read from a CoNLL-style file).</summary>
public sealed record NerSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags)
{
    public int Count => Tokens.Count;
}
