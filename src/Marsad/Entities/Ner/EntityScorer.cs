using System.Globalization;
using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>An entity as a token range: [Start, Start+Length) of one sentence, with its type.</summary>
public readonly record struct EntitySpan(int Start, int Length, string Type);

/// <summary>Counts for one entity type (or all of them): true positives, predicted and gold entities.</summary>
public sealed record TypeScore(string Type, int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Entity-level scores: one row per type and the micro average over all entities.</summary>
public sealed record NerScore(IReadOnlyList<TypeScore> Types, TypeScore Micro, int Tokens, int CorrectTags)
{
    public double TokenAccuracy => Tokens == 0 ? 0 : (double)CorrectTags / Tokens;

    /// <summary>A table like conlleval's summary.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(string.Create(inv, $"{"type",-6} {"prec",7} {"recall",7} {"F1",7} {"gold",6} {"pred",6} {"correct",7}"));
        foreach (var t in Types.Append(Micro))
            sb.AppendLine(string.Create(inv, $"{t.Type,-6} {t.Precision,7:0.0000} {t.Recall,7:0.0000} {t.F1,7:0.0000} {t.Gold,6} {t.Predicted,6} {t.Correct,7}"));
        sb.Append(string.Create(inv, $"token accuracy {TokenAccuracy:0.0000} over {Tokens} tokens"));
        return sb.ToString();
    }
}

/// <summary>
/// CoNLL entity-level scoring: an entity counts as correct only when its span and type both match exactly.
/// Spans are read from BIO as conlleval does: an I tag that does not continue an entity of its own type starts one.
/// </summary>
public static class EntityScorer
{
    /// <summary>Entities of one BIO tag sequence (canonical tags).</summary>
    public static List<EntitySpan> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            bool inside = tag.StartsWith("I-", StringComparison.Ordinal);
            string? tagType = tag.Length > 2 && tag[1] == '-' ? tag[2..] : null;
            bool continues = inside && type is not null && tagType == type;
            if (!continues && type is not null)
            {
                spans.Add(new EntitySpan(start, i - start, type));
                type = null;
            }
            if (tagType is not null && !continues)
            {
                start = i;
                type = tagType;
            }
        }
        return spans;
    }

    /// <summary>Scores predicted tag sequences against gold ones, sentence by sentence.</summary>
    public static NerScore Score(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"{gold.Count} gold sentences but {predicted.Count} predicted");
        var correct = new Dictionary<string, int>(StringComparer.Ordinal);
        var pred = new Dictionary<string, int>(StringComparer.Ordinal);
        var gol = new Dictionary<string, int>(StringComparer.Ordinal);
        int tokens = 0, correctTags = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Count)
                throw new ArgumentException($"sentence {s + 1}: {gold[s].Count} gold tags but {predicted[s].Count} predicted");
            tokens += gold[s].Count;
            for (int i = 0; i < gold[s].Count; i++)
                if (gold[s][i] == predicted[s][i])
                    correctTags++;
            var g = Spans(gold[s]);
            var p = Spans(predicted[s]);
            var goldSet = new HashSet<EntitySpan>(g);
            foreach (var e in g)
                Bump(gol, e.Type);
            foreach (var e in p)
            {
                Bump(pred, e.Type);
                if (goldSet.Contains(e))
                    Bump(correct, e.Type);
            }
        }
        var types = NerLabels.Types.Concat(gol.Keys).Concat(pred.Keys).Distinct().ToList();
        var rows = types
            .Where(t => gol.ContainsKey(t) || pred.ContainsKey(t) || NerLabels.Types.Contains(t))
            .Select(t => new TypeScore(t, correct.GetValueOrDefault(t), pred.GetValueOrDefault(t), gol.GetValueOrDefault(t)))
            .ToList();
        var micro = new TypeScore("micro", rows.Sum(r => r.Correct), rows.Sum(r => r.Predicted), rows.Sum(r => r.Gold));
        return new NerScore(rows, micro, tokens, correctTags);
    }

    private static void Bump(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;
}
