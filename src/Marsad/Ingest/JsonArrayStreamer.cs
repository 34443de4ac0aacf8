using System.Text.Json;

namespace Marsad.Ingest;

/// <summary>
/// Walks the elements of a top-level JSON array in a stream without loading the array:
/// each element's bytes are cut out as soon as they are complete, with the line it starts on.
/// </summary>
internal sealed class JsonArrayStreamer
{
    /// <summary>An element of the array (raw UTF-8 JSON) or, when <see cref="Error"/> is set, why reading stopped.</summary>
    public readonly record struct Element(int Line, byte[] Json, JsonTokenType Kind, string? Error);

    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private int _line = 1;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private int _phase; // 0: before '[', 1: inside the array, 2: after ']'

    private readonly int _maxElementBytes;
    private bool _tooLarge;

    public JsonArrayStreamer(Stream stream, int maxElementBytes = int.MaxValue)
    {
        _stream = stream;
        _maxElementBytes = maxElementBytes;
    }

    public IEnumerable<Element> Elements()
    {
        var batch = new List<Element>();
        while (true)
        {
            Fill();
            if (_tooLarge)
            {
                yield return new Element(_line, [], default, $"an element is larger than {ReaderLimits.Size(_maxElementBytes)} (the record size limit)");
                yield break;
            }
            batch.Clear();
            bool done = Scan(batch);
            foreach (var e in batch)
                yield return e;
            if (done)
                yield break;
        }
    }

    private void Fill()
    {
        if (_eof)
            return;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        // An element larger than the buffer must fit whole before it can be cut out.
        if (_end == _buffer.Length && _buffer.Length >= _maxElementBytes)
        {
            _tooLarge = true;
            return;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
            _eof = true;
        _end += n;
    }

    /// <summary>Cuts out every complete element in the buffer; returns true when the stream is finished.</summary>
    private bool Scan(List<Element> batch)
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(span, _eof, _state);
        int counted = 0;
        int line = _line;
        int LineAt(ReadOnlySpan<byte> s, int index)
        {
            line += s[counted..index].Count((byte)'\n');
            counted = index;
            return line;
        }
        try
        {
            while (true)
            {
                long before = reader.BytesConsumed;
                var stateBefore = reader.CurrentState;
                if (!reader.Read())
                {
                    if (_eof)
                    {
                        if (_phase == 0)
                            batch.Add(new Element(LineAt(span, span.Length), [], default, "no JSON array in the file"));
                        else if (_phase == 1)
                            batch.Add(new Element(LineAt(span, span.Length), [], default, "the JSON array is not closed (truncated file?)"));
                        return true;
                    }
                    Commit((int)reader.BytesConsumed, reader.CurrentState, LineAt(span, (int)reader.BytesConsumed));
                    return false;
                }
                int tokenStart = (int)reader.TokenStartIndex;
                switch (_phase)
                {
                    case 0:
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            batch.Add(new Element(LineAt(span, tokenStart), [], reader.TokenType, "expected a JSON array of articles"));
                            return true;
                        }
                        _phase = 1;
                        break;
                    case 1:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _phase = 2;
                            break;
                        }
                        var kind = reader.TokenType;
                        if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            var probe = reader;
                            if (!probe.TrySkip())
                            {
                                if (_eof)
                                {
                                    batch.Add(new Element(LineAt(span, tokenStart), [], kind, "truncated JSON value"));
                                    return true;
                                }
                                // Rewind to before the element and wait for more bytes.
                                Commit((int)before, stateBefore, LineAt(span, (int)before));
                                return false;
                            }
                            reader = probe;
                        }
                        int endIndex = (int)reader.BytesConsumed;
                        batch.Add(new Element(LineAt(span, tokenStart), span[tokenStart..endIndex].ToArray(), kind, null));
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            // The reader's line number is relative to this buffer's start.
            batch.Add(new Element(_line + (int)(ex.LineNumber ?? 0), [], default, "malformed JSON: " + FirstSentence(ex.Message)));
            return true;
        }
    }

    private void Commit(int consumed, JsonReaderState state, int lineAtConsumed)
    {
        _start += consumed;
        _state = state;
        _line = lineAtConsumed;
    }

    internal static string FirstSentence(string message)
    {
        int i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).TrimEnd();
    }
}
