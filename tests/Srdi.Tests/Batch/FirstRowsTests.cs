using System.Globalization;
using Srdi.Application.Batch;
using Xunit;

namespace Srdi.Tests.Batch;

/// <summary>The duplicate-id check holds hashes, not ids: a matching hash is confirmed against the
/// earlier id before a row is refused, so a collision never rejects a row wrongly.</summary>
public sealed class FirstRowsTests
{
    [Fact]
    public void EveryHashColliding_DifferentIdsAreAllAccepted_AndRepeatsNameTheirFirstRow()
    {
        using var rows = new FirstRows(_ => 42UL, new MemoryStream());
        Assert.True(rows.TryAdd("91440300MA5X0001", 2, out _));
        Assert.True(rows.TryAdd("91440300MA5X0002", 3, out _));
        Assert.True(rows.TryAdd("91440300MA5X0003", 4, out _));
        Assert.False(rows.TryAdd("91440300ma5x0002", 5, out var first));
        Assert.Equal(3, first);
        Assert.False(rows.TryAdd("91440300MA5X0001", 6, out first));
        Assert.Equal(2, first);
        // Confirmed once, the repeated id is answered from the small cache, the same way.
        Assert.False(rows.TryAdd("91440300Ma5x0002", 7, out first));
        Assert.Equal(3, first);
        Assert.True(rows.TryAdd("91440300MA5X0004", 8, out _));
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void ManyIdsOnOneHash_GrowTheTable_AndStayExact()
    {
        // Half the ids share one hash, half another: long probe chains across every growth of the table.
        using var rows = new FirstRows(id => (ulong)(id[^1] % 2), new MemoryStream());
        for (var i = 0; i < 5_000; i++) Assert.True(rows.TryAdd(Id(i), i + 2, out _));
        for (var i = 0; i < 5_000; i += 7)
        {
            Assert.False(rows.TryAdd(Id(i).ToLowerInvariant(), 10_000 + i, out var first));
            Assert.Equal(i + 2, first);
        }
        Assert.Equal(5_000, rows.Count);
    }

    [Fact]
    public void RoomMadeAfterSomeIds_KeepsThem_AndAnExpectationTooLowOnlyMeansGrowingLater()
    {
        using var rows = new FirstRows(id => (ulong)(id[^1] % 3), new MemoryStream());
        for (var i = 0; i < 500; i++) Assert.True(rows.TryAdd(Id(i), i + 2, out _));
        rows.Expect(1_000);
        rows.Expect(10);
        for (var i = 500; i < 3_000; i++) Assert.True(rows.TryAdd(Id(i), i + 2, out _));
        for (var i = 0; i < 3_000; i += 11)
        {
            Assert.False(rows.TryAdd(Id(i), 10_000 + i, out var first));
            Assert.Equal(i + 2, first);
        }
        Assert.Equal(3_000, rows.Count);
    }

    [Fact]
    public void AgreesWithAnOrdinalIgnoreCaseSet_OverGeneratedIds()
    {
        var random = new Random(11);
        var reference = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        using var rows = new FirstRows();
        for (var row = 2; row < 200_000; row++)
        {
            // Ids from a small space, so that many repeat, in either case.
            var id = Id(random.Next(120_000));
            if (random.Next(3) == 0) id = id.ToLowerInvariant();
            var added = rows.TryAdd(id, row, out var first);
            if (reference.TryGetValue(id, out var expected))
            {
                Assert.False(added, id);
                Assert.Equal(expected, first);
            }
            else
            {
                Assert.True(added, id);
                reference[id] = row;
            }
        }
        Assert.Equal(reference.Count, rows.Count);
    }

    [Theory]
    [InlineData("ＡＢＣ", "ａｂｃ", true)]   // full-width letters: one id ignoring case, as before
    [InlineData("S1", "ſ1", false)]          // the long s is not an ASCII S when case is ignored ordinally
    [InlineData("K1", "\u212A1", false)]     // nor is the Kelvin sign a K
    [InlineData("İ1", "i1", false)]
    [InlineData("𠮷1", "𠮷1", true)]
    public void CaseIsIgnoredAsOrdinalIgnoreCaseIgnoresIt(string a, string b, bool same)
    {
        Assert.Equal(same, string.Equals(a, b, StringComparison.OrdinalIgnoreCase));
        using var rows = new FirstRows();
        Assert.True(rows.TryAdd(a, 2, out _));
        Assert.Equal(!same, rows.TryAdd(b, 3, out _));
    }

    [Fact]
    public void EmptyAndOverlongIds_AreLeftToTheBinder()
    {
        using var rows = new FirstRows(_ => 1UL, new MemoryStream());
        Assert.True(rows.TryAdd("", 2, out _));
        Assert.True(rows.TryAdd("", 3, out _));
        var longId = new string('x', FirstRows.MaxLength + 1);
        Assert.True(rows.TryAdd(longId, 4, out _));
        Assert.True(rows.TryAdd(longId, 5, out _));
        Assert.Equal(0, rows.Count);
    }

    private static string Id(int n) => string.Create(CultureInfo.InvariantCulture, $"91440300MA5X{n:000000}");
}
