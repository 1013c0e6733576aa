using Srdi.Application.Batch;
using Xunit;

namespace Srdi.Tests.Batch;

/// <summary>The duplicate-id table's native memory: zeroed as a managed array would be, sized
/// exactly, and unusable once freed.</summary>
public sealed class HugePageTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1 << 20)] // 16 MB of 16-byte slots: the huge-page path
    public void ANewTable_IsZeroedAndAsLongAsAsked(int length)
    {
        using var table = new HugePageTable<(long Hash, long Offset)>(length);
        var span = table.Span;
        Assert.Equal(length, span.Length);
        Assert.True(span.IndexOfAnyExcept(default((long, long))) < 0);
        span[^1] = (7, 9);
        Assert.Equal((7L, 9L), table.Span[length - 1]);
    }

    [Fact]
    public void AFreedTable_RefusesItsSpan()
    {
        var table = new HugePageTable<long>(16);
        table.Dispose();
        Assert.Throws<ObjectDisposedException>(() => table.Span.Length);
        table.Dispose(); // twice is harmless
    }
}
