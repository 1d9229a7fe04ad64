namespace DualRandomGraph.GraphQL.Http;

/// <summary>
/// Reads the request body and fails with <see cref="RequestTooLargeException"/> as soon as more than
/// the limit has arrived, so that a chunked body without Content-Length cannot exhaust memory.
/// </summary>
internal sealed class SizeLimitedReadStream(Stream inner, long limit) : Stream
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

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _read += count;
        if (_read > limit)
            throw new RequestTooLargeException();
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The transport does no synchronous I/O; Kestrel would refuse it anyway.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal sealed class RequestTooLargeException : Exception
{
    public RequestTooLargeException()
        : base("The request body exceeds the configured limit.")
    {
    }
}
