using Srdi.Application.Text;
using Xunit;

namespace Srdi.Tests.Rosters;

/// <summary>The cell trim's shortcut must agree with the runtime's own trim and white-space test for
/// every character, alone and around text.</summary>
public sealed class BlankTests
{
    [Fact]
    public void EveryCharacter_IsBlankAndTrimmedAsTheRuntimeDecides()
    {
        for (var c = char.MinValue; ; c++)
        {
            foreach (var cell in new[] { c.ToString(), $"{c}南山{c}", $"{c}12", $"ab{c}", $"{c}{c}" })
            {
                Assert.True(cell.AsSpan().IsWhiteSpace() == Blank.IsBlank(cell), $"U+{(int)c:X4} blank in \"{cell}\"");
                Assert.True(cell.AsSpan().Trim().SequenceEqual(Blank.Trim(cell)), $"U+{(int)c:X4} trim of \"{cell}\"");
            }
            if (c == char.MaxValue) break;
        }
        Assert.True(Blank.IsBlank(""));
        Assert.True(Blank.Trim("").IsEmpty);
    }
}
