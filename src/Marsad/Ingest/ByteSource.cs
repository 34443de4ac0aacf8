namespace Marsad.Ingest;

/// <summary>A forward-only byte reader over a stream with its own buffer, so per-byte parsing stays cheap.</summary>
internal sealed class ByteSource
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _pos;
    private int _len;

    public ByteSource(Stream stream, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The next byte, or -1 at the end of the stream.</summary>
    public int Next()
    {
        if (_pos == _len && !Fill())
            return -1;
        return _buffer[_pos++];
    }

    public int Peek()
    {
        if (_pos == _len && !Fill())
            return -1;
        return _buffer[_pos];
    }

    /// <summary>
    /// Appends bytes up to (not including) the next '\n' to <paramref name="line"/> and consumes the '\n'.
    /// Returns false when the stream was already exhausted.
    /// </summary>
    public bool ReadLine(ByteBuffer line) => ReadLine(line, int.MaxValue, out _);

    /// <summary>
    /// Like <see cref="ReadLine(ByteBuffer)"/>, but keeps at most <paramref name="maxLength"/> bytes: the
    /// rest of a longer line is consumed without being stored, so a 100 MB line costs no memory.
    /// </summary>
    public bool ReadLine(ByteBuffer line, int maxLength, out bool tooLong)
    {
        line.Clear();
        tooLong = false;
        bool any = false;
        while (true)
        {
            if (_pos == _len && !Fill())
                return any;
            any = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            int nl = span.IndexOf((byte)'\n');
            var take = nl >= 0 ? span[..nl] : span;
            if (!tooLong && line.Length + take.Length > maxLength)
            {
                tooLong = true;
                line.Clear();
            }
            if (!tooLong)
                line.Append(take);
            if (nl >= 0)
            {
                _pos += nl + 1;
                return true;
            }
            _pos = _len;
        }
    }

    private bool Fill()
    {
        _pos = 0;
        _len = _stream.Read(_buffer, 0, _buffer.Length);
        return _len > 0;
    }
}

/// <summary>A reusable growable byte array; reading a multi-GB file reuses one of these per record.</summary>
internal sealed class ByteBuffer
{
    private byte[] _data = new byte[4096];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _data.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void Append(byte b)
    {
        if (Length == _data.Length)
            Array.Resize(ref _data, _data.Length * 2);
        _data[Length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _data.Length)
            Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + bytes.Length));
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void TrimEnd(byte b)
    {
        if (Length > 0 && _data[Length - 1] == b)
            Length--;
    }
}
