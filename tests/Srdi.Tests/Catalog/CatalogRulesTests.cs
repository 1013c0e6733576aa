using Srdi.Application.Checking;
using Srdi.Catalog.Testing;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>Runs every document's tests.yaml through the public engine, one xunit case per
/// rules test, named by its sentence.</summary>
public sealed class CatalogRulesTests
{
    public static TheoryData<RulesCase> Cases()
    {
        var data = new TheoryData<RulesCase>();
        foreach (var test in RealCatalog.Navigator.LoadTests()) data.Add(new RulesCase(test));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RulesTest_Passes(RulesCase rulesCase)
    {
        var result = new RulesTestRunner(RealCatalog.Navigator).Run(rulesCase.Test);
        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    /// <summary>Wraps a case so that xunit shows its sentence and does not try to serialise it.</summary>
    public sealed record RulesCase(RulesTestCase Test)
    {
        public override string ToString() => Test.ToString();
    }
}
