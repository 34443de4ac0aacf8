namespace Marsad.Ingest;

/// <summary>
/// Size limits that keep hostile or broken input from exhausting memory or disk. Files read whole
/// (HTML, plain text) are capped by <see cref="MaxFileBytes"/>; streamed formats (JSON Lines, CSV,
/// JSON arrays) may be any size but no single record may exceed <see cref="MaxRecordBytes"/>.
/// </summary>
/// <param name="MaxFileBytes">Largest HTML or text file (or zip entry of those kinds) read.</param>
/// <param name="MaxRecordBytes">Largest JSON line, JSON array element or CSV record read.</param>
/// <param name="MaxZipEntryBytes">Largest uncompressed size of one zip entry.</param>
/// <param name="MaxZipTotalBytes">Largest uncompressed size of all entries of one zip archive.</param>
/// <param name="MaxZipRatio">Largest compression ratio of an entry above 1 MB; real text compresses about 5–10 to 1, bombs 1000 to 1.</param>
public sealed record ReaderLimits(
    long MaxFileBytes = 20L << 20,
    int MaxRecordBytes = 20 << 20,
    long MaxZipEntryBytes = 512L << 20,
    long MaxZipTotalBytes = 4L << 30,
    int MaxZipRatio = 100)
{
    /// <summary>The limits used when the caller sets none.</summary>
    public static ReaderLimits Default { get; } = new();

    /// <summary>A byte count as users read it (<c>20 MB</c>, <c>512 KB</c>).</summary>
    public static string Size(long bytes) => bytes >= 1 << 20
        ? $"{bytes / (double)(1 << 20):0.#} MB"
        : bytes >= 1 << 10 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}
