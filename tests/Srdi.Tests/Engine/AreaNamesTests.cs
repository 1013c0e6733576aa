using CsCheck;
using Srdi.Engine.Evaluation;
using Xunit;

namespace Srdi.Tests.Engine;

/// <summary>The fast comparison and hash of area names agree with <see cref="AreaNames.Normalize"/>
/// for any name: white space of every kind around it (the ideographic space U+3000 included), with
/// or without 省/市/区/县, short and long.</summary>
public sealed class AreaNamesTests
{
    private static readonly Gen<string> Name =
        Gen.Select(
            Gen.OneOf("", " ", "\u3000", "\t", " \u3000"),
            Gen.OneOf("深圳", "深", "南山", "广东", "合成001", "厦门", "A区"),
            Gen.OneOf("", "市", "区", "省", "县", "市市"),
            Gen.OneOf("", " ", "\u3000", "\n"),
            (before, core, suffix, after) => before + core + suffix + after);

    [Fact]
    public void Same_IsNormalizedEquality_AndEqualNamesHashAlike()
    {
        Gen.Select(Name, Name).Sample((a, b) =>
        {
            var same = AreaNames.Same(a, b);
            Assert.Equal(AreaNames.Normalize(a) == AreaNames.Normalize(b), same);
            Assert.Equal(same, AreaNameComparer.Instance.Equals(a, b));
            if (same) Assert.Equal(AreaNameComparer.Instance.GetHashCode(a), AreaNameComparer.Instance.GetHashCode(b));
        }, iter: 5000);
    }
}
