using System.Globalization;
using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// Hierarchical word clusters: each normalized word has a path of cluster indices from the coarsest level down
/// (e.g. 3.12.1), so features can use a path prefix as a coarse class and the full path as a fine one.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<string, int[]> _paths;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordClusters(Dictionary<string, int[]> paths)
    {
        _paths = paths;
        _lookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        Levels = paths.Count == 0 ? 0 : paths.Values.Max(p => p.Length);
    }

    public int Count => _paths.Count;

    public int Levels { get; }

    public IReadOnlyDictionary<string, int[]> Paths => _paths;

    /// <summary>The path of a normalized word; null when the word was too rare to cluster.</summary>
    public int[]? PathOf(ReadOnlySpan<char> normalizedWord) => _lookup.TryGetValue(normalizedWord, out var p) ? p : null;

    /// <summary>Reads the tab-separated form written by <see cref="Save"/>: word, dotted path, count.</summary>
    public static WordClusters Load(string path)
    {
        var paths = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var cols = line.Split('\t');
            if (cols.Length < 2)
                throw new InvalidDataException($"{path}:{lineNo}: expected 'WORD<TAB>PATH[<TAB>COUNT]'");
            var parts = cols[1].Split('.');
            var p = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out p[i]))
                    throw new InvalidDataException($"{path}:{lineNo}: bad cluster path '{cols[1]}'");
            paths[cols[0]] = p;
        }
        return new WordClusters(paths);
    }

    /// <summary>Writes one word a line: word, dotted path and (when known) its corpus count, sorted by path.</summary>
    public void Save(string path, IReadOnlyDictionary<string, int>? counts = null)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("# word\tcluster path (coarse.to.fine)\tcount");
        foreach (var (word, p) in _paths.OrderBy(e => e.Value, PathComparer.Instance).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write('\t');
            w.Write(string.Join('.', p));
            if (counts is not null && counts.TryGetValue(word, out int c))
            {
                w.Write('\t');
                w.Write(c.ToString(CultureInfo.InvariantCulture));
            }
            w.WriteLine();
        }
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(_paths.Count);
        foreach (var (word, p) in _paths.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write((byte)p.Length);
            foreach (int x in p)
                w.Write((ushort)x);
        }
    }

    internal static WordClusters Read(BinaryReader r)
    {
        int count = r.ReadInt32();
        var paths = new Dictionary<string, int[]>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string word = r.ReadString();
            var p = new int[r.ReadByte()];
            for (int k = 0; k < p.Length; k++)
                p[k] = r.ReadUInt16();
            paths[word] = p;
        }
        return new WordClusters(paths);
    }

    private sealed class PathComparer : IComparer<int[]>
    {
        public static readonly PathComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            if (x is null || y is null)
                return x is null ? (y is null ? 0 : -1) : 1;
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
                if (x[i] != y[i])
                    return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
