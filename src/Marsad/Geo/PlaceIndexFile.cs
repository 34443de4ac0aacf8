using System.Text;

namespace Marsad.Geo;

/// <summary>A gazetteer record as stored in an index file: the entry and its names (Arabic and other scripts, as written by the source).</summary>
public sealed record IndexedPlace(GazetteerEntry Entry, IReadOnlyList<string> Names);

/// <summary>
/// The compact binary gazetteer index: a header, length-prefixed UTF-8 records, and a footer repeating the
/// record count, so that a truncated or foreign file is refused instead of half-read. Writes go to a temporary
/// file that is renamed over the target only once complete, so a failed build never damages the index in place.
/// </summary>
public static class PlaceIndexFile
{
    private const string Magic = "MARSAD-GAZ";
    private const int Version = 1;
    private const string FooterMagic = "END-GAZ";

    /// <summary>Writes the records to <paramref name="path"/> atomically; returns how many were written.</summary>
    public static int Write(string path, IEnumerable<IndexedPlace> places, string source)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        int count = 0;
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new BinaryWriter(fs, Encoding.UTF8))
            {
                w.Write(Magic);
                w.Write(Version);
                w.Write(source);
                foreach (var p in places)
                {
                    var e = p.Entry;
                    w.Write((byte)1);
                    w.Write(e.Id);
                    w.Write(e.Name);
                    w.Write(e.Country);
                    w.Write(e.Precision);
                    w.Write(e.FeatureCode);
                    w.Write((float)e.Lat);
                    w.Write((float)e.Lon);
                    w.Write(e.Population);
                    w.Write((byte)Math.Min(p.Names.Count, 255));
                    foreach (var n in p.Names.Take(255))
                        w.Write(n);
                    count++;
                }
                w.Write((byte)0);
                w.Write(count);
                w.Write(FooterMagic);
            }
            File.Move(temp, path, overwrite: true);
            return count;
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>Reads every record; a file that is not a complete index raises <see cref="InvalidDataException"/> naming it.</summary>
    public static List<IndexedPlace> Read(string path) => Read(path, out _);

    public static List<IndexedPlace> Read(string path, out string source)
    {
        var result = new List<IndexedPlace>();
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var r = new BinaryReader(fs, Encoding.UTF8);
            if (r.ReadString() != Magic)
                throw new InvalidDataException("not a Marsad gazetteer index");
            int version = r.ReadInt32();
            if (version != Version)
                throw new InvalidDataException($"index version {version}, this Marsad reads {Version}: run `marsad setup --force`");
            source = r.ReadString();
            // Country codes and precisions repeat on every record: share one string each.
            var pool = new Dictionary<string, string>(StringComparer.Ordinal);
            string Pooled(string s) => pool.TryGetValue(s, out var p) ? p : pool[s] = s;
            while (r.ReadByte() == 1)
            {
                string id = r.ReadString(), name = r.ReadString();
                string country = Pooled(r.ReadString()), precision = Pooled(r.ReadString()), feature = Pooled(r.ReadString());
                double lat = r.ReadSingle(), lon = r.ReadSingle();
                int pop = r.ReadInt32();
                int n = r.ReadByte();
                var names = new string[n];
                for (int k = 0; k < n; k++)
                    names[k] = r.ReadString();
                result.Add(new IndexedPlace(new GazetteerEntry(id, name, country, Math.Round(lat, 5), Math.Round(lon, 5), precision)
                {
                    Population = pop,
                    FeatureCode = feature,
                }, names));
            }
            int expected = r.ReadInt32();
            if (expected != result.Count || r.ReadString() != FooterMagic)
                throw new InvalidDataException($"record count {result.Count} does not match the footer ({expected})");
            return result;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: gazetteer index is truncated; rebuild it with `marsad setup --force`");
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
