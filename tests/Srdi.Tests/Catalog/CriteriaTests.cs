using Srdi.Application.Checking;
using Srdi.Catalog.Testing;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>Runs every tier-criteria test (catalog/criteria/*/tests.yaml) through the public engine.</summary>
public sealed class CriteriaTests
{
    public static TheoryData<CriteriaCase> Cases()
    {
        var data = new TheoryData<CriteriaCase>();
        foreach (var test in RealCatalog.Navigator.LoadAssessmentTests()) data.Add(new CriteriaCase(test));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CriteriaTest_Passes(CriteriaCase criteriaCase)
    {
        var result = new AssessmentTestRunner(RealCatalog.Navigator).Run(criteriaCase.Test);
        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    public sealed record CriteriaCase(AssessmentTestCase Test)
    {
        public override string ToString() => Test.ToString();
    }
}
