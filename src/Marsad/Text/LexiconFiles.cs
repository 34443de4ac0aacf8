namespace Marsad.Text;

/// <summary>Reads Marsad's tab-separated lexicon files: '#' starts a comment, blank lines are skipped.</summary>
public static class LexiconFiles
{
    /// <summary>The lexicon folder shipped beside the binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Lexicons");

    public static IEnumerable<(int Line, string[] Fields)> ReadRows(string path, int minFields)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"lexicon file not found: {path}", path);
        int n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var fields = line.Split('\t');
            if (fields.Length < minFields)
                throw new FormatException($"{path}:{n}: expected at least {minFields} tab-separated fields, found {fields.Length}");
            yield return (n, fields.Select(f => f.Trim()).ToArray());
        }
    }

    public static string[] SplitList(string field) =>
        field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static double ParseCoordinate(string field, string path, int line) =>
        double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= 180
            ? v
            : throw new FormatException($"{path}:{line}: '{field}' is not a coordinate in degrees");
}
