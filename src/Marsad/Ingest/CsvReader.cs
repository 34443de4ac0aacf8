using System.Text;
using System.Text.Unicode;

namespace Marsad.Ingest;

/// <summary>One CSV record: the line it starts on, its fields, and the problem that spoiled it, if any.</summary>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="Fields">Field values; invalid UTF-8 is decoded with U+FFFD so the record stays inspectable.</param>
/// <param name="Error">Null for a sound record; otherwise why it should not be trusted.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error);

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
/// Like Python's csv module it is lenient about stray quotes, and it skips blank lines.
/// </summary>
public static class CsvReader
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    /// <summary>Reads records one at a time; only the current record is held in memory.</summary>
    public static IEnumerable<CsvRecord> Read(Stream stream, int maxRecordBytes = int.MaxValue)
    {
        // Parsing bytes rather than chars works because every CSV delimiter is ASCII and UTF-8
        // never uses ASCII bytes inside a multi-byte sequence; it lets one bad byte spoil one record only.
        var src = new ByteSource(stream);
        if (src.Peek() == 0xEF)
        {
            // A UTF-8 BOM is three bytes; anything else starting with 0xEF is real content.
            var head = new List<byte>();
            for (int i = 0; i < 3 && src.Peek() >= 0; i++)
                head.Add((byte)src.Next());
            bool bom = head.Count == 3 && head[1] == 0xBB && head[2] == 0xBF;
            foreach (var r in ReadRecords(src, bom ? [] : head, maxRecordBytes))
                yield return r;
            yield break;
        }
        foreach (var r in ReadRecords(src, [], maxRecordBytes))
            yield return r;
    }

    private static IEnumerable<CsvRecord> ReadRecords(ByteSource src, List<byte> prefix, int maxRecordBytes)
    {
        int line = 1;
        int prefixPos = 0;
        int Next() => prefixPos < prefix.Count ? prefix[prefixPos++] : src.Next();
        int Peek() => prefixPos < prefix.Count ? prefix[prefixPos] : src.Peek();

        var field = new ByteBuffer();
        var fields = new List<string>();
        bool invalid = false;
        while (true)
        {
            int startLine = line;
            fields.Clear();
            field.Clear();
            invalid = false;
            var state = State.FieldStart;
            bool quotedAny = false;
            string? error = null;
            bool eof = false;
            long recordBytes = 0;

            void EndField()
            {
                if (recordBytes > maxRecordBytes)
                {
                    fields.Add("");
                    field.Clear();
                    return;
                }
                if (!Utf8.IsValid(field.Span))
                    invalid = true;
                fields.Add(Encoding.UTF8.GetString(field.Span));
                field.Clear();
            }

            while (true)
            {
                int b = Next();
                if (b < 0)
                {
                    eof = true;
                    if (state == State.Quoted)
                        error = $"unterminated quoted field (the quote opened on line {startLine} is never closed)";
                    break;
                }
                // Past the limit the record is only scanned for its end, never stored: an unclosed quote
                // would otherwise pull the rest of a large file into one field.
                if (++recordBytes > maxRecordBytes)
                    field.Clear();
                if (state == State.Quoted)
                {
                    if (b == '"')
                        state = State.QuoteInQuoted;
                    else
                    {
                        if (b == '\n' || (b == '\r' && Peek() != '\n'))
                            line++;
                        field.Append((byte)b);
                    }
                    continue;
                }
                if (b == '\r' || b == '\n')
                {
                    if (b == '\r' && Peek() == '\n')
                        Next();
                    line++;
                    break;
                }
                if (b == ',')
                {
                    EndField();
                    state = State.FieldStart;
                    continue;
                }
                if (b == '"' && state == State.FieldStart)
                {
                    state = State.Quoted;
                    quotedAny = true;
                    continue;
                }
                if (b == '"' && state == State.QuoteInQuoted)
                {
                    field.Append((byte)'"');
                    state = State.Quoted;
                    continue;
                }
                field.Append((byte)b);
                state = State.Unquoted;
            }

            bool blank = fields.Count == 0 && field.Length == 0 && !quotedAny;
            if (!blank)
            {
                EndField();
                if (recordBytes > maxRecordBytes)
                    error = (error is null ? "" : error + "; ") + $"record longer than {ReaderLimits.Size(maxRecordBytes)} (the record size limit)";
                else if (error is null && invalid)
                    error = "invalid UTF-8";
                yield return new CsvRecord(startLine, fields.ToArray(), error);
            }
            if (eof)
                yield break;
        }
    }
}
