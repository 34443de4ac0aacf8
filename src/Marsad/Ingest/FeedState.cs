using System.Text.Json;

namespace Marsad.Ingest;

/// <summary>What the watcher remembers of one feed between runs.</summary>
public sealed class FeedMemory
{
    /// <summary>The ETag of the last full answer, sent back as If-None-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>The Last-Modified of the last full answer, sent back as If-Modified-Since.</summary>
    public string? LastModified { get; set; }

    /// <summary>Item ids already handled (ingested, or refused for good).</summary>
    public HashSet<string> Seen { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The watcher's state file: per feed URL, validators and seen item ids; written atomically.</summary>
public sealed class FeedState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Per feed URL (as written in the feed list).</summary>
    public Dictionary<string, FeedMemory> Feeds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The memory of <paramref name="feed"/>, created empty on first use.</summary>
    public FeedMemory For(Uri feed)
    {
        if (!Feeds.TryGetValue(feed.ToString(), out var m))
            Feeds[feed.ToString()] = m = new FeedMemory();
        return m;
    }

    /// <summary>Loads the state, or an empty one when the file does not exist.</summary>
    public static FeedState Load(string path)
    {
        if (!File.Exists(path))
            return new FeedState();
        try
        {
            var state = JsonSerializer.Deserialize<FeedState>(File.ReadAllBytes(path), Json) ?? new FeedState();
            // The deserialiser builds default-comparer collections; ids and URLs compare byte for byte.
            state.Feeds = new Dictionary<string, FeedMemory>(state.Feeds, StringComparer.Ordinal);
            return state;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: the feed state file is not readable ({ex.Message}); move it away to start afresh", ex);
        }
    }

    /// <summary>Writes the state to a temporary file and renames it, so a crash never leaves half a file.</summary>
    public void Save(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
            Directory.CreateDirectory(dir);
        string tmp = path + ".tmp";
        File.WriteAllBytes(tmp, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(tmp, path, overwrite: true);
    }
}
