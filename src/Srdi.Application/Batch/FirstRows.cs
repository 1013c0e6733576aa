using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Srdi.Application.Batch;

/// <summary>The row where each enterprise id of a roster first appeared, so that a later row with
/// the same id is refused naming it. Ids that differ only in letter case are one id (a
/// 统一社会信用代码 typed in lower case is the same code), compared as
/// <see cref="StringComparison.OrdinalIgnoreCase"/> compares them. Memory holds only a 64-bit hash of each id and where the id was spilled (16 bytes a
/// slot, about 32 MB for a million ids, where a set of strings took about 100 MB); the ids
/// themselves go to a spill stream (a temporary file, deleted on close). A hash that matches is
/// never taken for a duplicate on its own: the earlier id is read back and compared exactly, so
/// two different ids whose hashes collide are both accepted. Ids confirmed as repeated are kept in
/// a small cache, so a roster that repeats one id many times does not read the spill each time.</summary>
internal sealed class FirstRows : IDisposable
{
    /// <summary>Longest id kept: a longer one is the binder's to refuse, never registered.</summary>
    public const int MaxLength = Profiles.ProfileReader.MaxTextLength;

    private const int CacheLimit = 4096;

    private readonly Func<ReadOnlySpan<char>, ulong> _hash;
    private readonly Stream _spill;
    /// <summary>A slot's hash and where its id lies in the spill, side by side: a million ids
    /// spread over 32 MB, and one probe is one cache miss, not two.</summary>
    private struct Slot
    {
        public ulong Hash;

        /// <summary>Where the id lies in the spill, plus one; 0 marks an empty slot.</summary>
        public long Offset;
    }

    private HugePageTable<Slot> _slots = new(1024);

    private int _count;
    private long _end;
    private readonly byte[] _record = new byte[10 + 2 * MaxLength];
    private readonly Dictionary<long, (string Id, long Row)> _confirmed = [];

    public FirstRows() : this(Hash, OpenSpill())
    {
    }

    /// <summary>For tests: a chosen hash (one that collides on purpose) and spill.</summary>
    internal FirstRows(Func<ReadOnlySpan<char>, ulong> hash, Stream spill)
    {
        _hash = hash;
        _spill = spill;
    }

    public int Count => _count;

    /// <summary>Registers <paramref name="id"/> at <paramref name="row"/>; false when the id was
    /// already seen, with the row where it first appeared. Empty or over-long ids are not registered.</summary>
    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ReadOnlySpan<char> id, long row, out long firstRow)
    {
        firstRow = 0;
        if (id.IsEmpty || id.Length > MaxLength) return true;
        var hash = _hash(id);
        var slots = _slots.Span;
        var mask = slots.Length - 1;
        var slot = (int)(Mix(hash) & (ulong)mask);
        while (slots[slot].Offset != 0)
        {
            if (slots[slot].Hash == hash && Same(slots[slot].Offset - 1, id, out firstRow)) return false;
            slot = (slot + 1) & mask;
        }
        slots[slot].Hash = hash;
        slots[slot].Offset = Spill(id, row) + 1;
        if (++_count > slots.Length / 4 * 3) Grow();
        return true;
    }

    /// <summary>Whether the id spilled at <paramref name="offset"/> is <paramref name="id"/>: the exact check behind every matching hash.</summary>
    private bool Same(long offset, ReadOnlySpan<char> id, out long row)
    {
        if (_confirmed.TryGetValue(offset, out var known))
        {
            row = known.Row;
            return known.Id.AsSpan().Equals(id, StringComparison.OrdinalIgnoreCase);
        }
        var position = _spill.Position;
        _spill.Position = offset;
        _spill.ReadExactly(_record.AsSpan(0, 10));
        row = BinaryPrimitives.ReadInt64LittleEndian(_record);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(_record.AsSpan(8));
        var same = length == id.Length;
        if (same)
        {
            var bytes = _record.AsSpan(10, 2 * length);
            _spill.ReadExactly(bytes);
            same = MemoryMarshal.Cast<byte, char>(bytes).Equals(id, StringComparison.OrdinalIgnoreCase);
        }
        _spill.Position = position;
        if (same && _confirmed.Count < CacheLimit) _confirmed[offset] = (id.ToString(), row);
        return same;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Spill(ReadOnlySpan<char> id, long row)
    {
        var offset = _end;
        BinaryPrimitives.WriteInt64LittleEndian(_record, row);
        BinaryPrimitives.WriteUInt16LittleEndian(_record.AsSpan(8), (ushort)id.Length);
        MemoryMarshal.AsBytes(id).CopyTo(_record.AsSpan(10));
        var length = 10 + 2 * id.Length;
        _spill.Write(_record, 0, length);
        _end += length;
        return offset;
    }

    /// <summary>Most ids <see cref="Expect"/> makes room for at once (8 Mi slots, 128 MB); a longer roster grows the table as it goes.</summary>
    private const long MaxExpected = 6L << 20;

    /// <summary>Makes room for about <paramref name="ids"/> ids at once, so that a long roster is not
    /// rehashed again and again as it is read (a million ids took eleven doublings).</summary>
    public void Expect(long ids)
    {
        ids = Math.Min(ids, MaxExpected);
        var length = _slots.Length;
        while (ids > length / 4 * 3) length *= 2;
        if (length > _slots.Length) Resize(length);
    }

    private void Grow() => Resize(_slots.Length * 2);

    private void Resize(int length)
    {
        var table = new HugePageTable<Slot>(length);
        var slots = table.Span;
        var mask = slots.Length - 1;
        foreach (var old in _slots.Span)
        {
            if (old.Offset == 0) continue;
            var slot = (int)(Mix(old.Hash) & (ulong)mask);
            while (slots[slot].Offset != 0) slot = (slot + 1) & mask;
            slots[slot] = old;
        }
        _slots.Dispose();
        _slots = table;
    }

    /// <summary>A temporary file that goes when closed, or memory where no temporary file can be made.</summary>
    private static Stream OpenSpill()
    {
        try
        {
            return new FileStream(Path.Combine(Path.GetTempPath(), $"srdi-ids-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MemoryStream();
        }
    }

    /// <summary>64 bits that ids equal under <see cref="StringComparison.OrdinalIgnoreCase"/> share:
    /// the runtime's case-insensitive hash (32 bits, seeded per process, so that no roster can be
    /// written to collide on purpose) and FNV-1a over the letters upper-cased in ASCII, a non-ASCII
    /// character counting as one mark (ignoring case never makes an ASCII character equal to
    /// another one, so equal ids still agree). Every real 统一社会信用代码 is ASCII, and then both
    /// halves see all of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Hash(ReadOnlySpan<char> id)
    {
        var h = 2166136261U;
        foreach (var c in id)
        {
            h ^= c < 0x80 ? char.ToUpperInvariant(c) : 0xFFFFu;
            h = unchecked(h * 16777619U);
        }
        return ((ulong)unchecked((uint)string.GetHashCode(id, StringComparison.OrdinalIgnoreCase)) << 32) | h;
    }

    /// <summary>Spreads every bit of the hash into the low bits that pick a slot.</summary>
    private static ulong Mix(ulong h)
    {
        unchecked
        {
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33;
            h *= 0xc4ceb9fe1a85ec53UL;
            return h ^ (h >> 33);
        }
    }

    public void Dispose()
    {
        _spill.Dispose();
        _slots.Dispose();
    }
}
