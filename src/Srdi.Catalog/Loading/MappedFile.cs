using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Srdi.Catalog.Loading;

/// <summary>A file mapped read-only into memory, as <see cref="Memory"/>: its pages come from the
/// page cache as they are read, with no copy and no managed array.</summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;
    private bool _disposed;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, int length)
    {
        _file = file;
        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + view.PointerOffset;
    }

    /// <summary>Maps the whole file; <see cref="FormatException"/> when it is empty or over 2 GB.</summary>
    public static MappedFile Open(string path)
    {
        var length = new FileInfo(path).Length;
        if (length is 0 or > int.MaxValue) throw new FormatException("not a cache file");
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            return new MappedFile(file, file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Span<byte>(_start, _length);
    }

    // The mapping does not move: pinning is a no-op.
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new MemoryHandle(_start + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>Unmaps the file; what was read from it before stays valid.</summary>
    public void Dispose() => ((IDisposable)this).Dispose();
}
