namespace Marsad.Text;

/// <summary>Splits the document into sentences and tokens (with clitic segmentation).</summary>
public sealed class TextAnalyzer : Pipeline.IDocumentStage
{
    // Placeholder until the text-processing work lands: one sentence, white-space tokens.
    public void Process(Document document)
    {
        int first = document.Tokens.Count;
        int i = 0;
        var t = document.Text;
        while (i < t.Length)
        {
            while (i < t.Length && t[i] == ' ') i++;
            int s = i;
            while (i < t.Length && t[i] != ' ') i++;
            if (i > s)
            {
                var surface = t[s..i];
                var norm = ArabicNormalizer.Normalize(surface);
                document.Tokens.Add(new Token(document.Tokens.Count, TextSpan.FromBounds(s, i), surface, norm, TokenKind.Word)
                { Stem = norm, MatchForms = [norm], Segments = [new Segment(TextSpan.FromBounds(s, i), SegmentRole.Stem, norm)] });
            }
        }
        document.Sentences.Add(new Sentence(0, new TextSpan(0, t.Length), first, document.Tokens.Count - first));
    }
}
