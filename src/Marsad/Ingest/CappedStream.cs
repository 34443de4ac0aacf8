namespace Marsad.Ingest;

/// <summary>
/// A read-only view of a stream that fails once more than a set number of bytes come out of it: a
/// zip entry's declared size is only a claim, and a bomb may lie about it.
/// </summary>
internal sealed class CappedStream(Stream inner, long cap, string name) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        _read += n;
        if (_read > cap)
            throw new InvalidDataException($"{name} expands beyond its declared size of {ReaderLimits.Size(cap)}; rest of the entry skipped (a likely zip bomb)");
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
