using System.Text.Json;
using Srdi.Application.Contracts;
using Srdi.Model.Sources;
using Xunit;

namespace Srdi.Tests.Application;

/// <summary>The typed contracts serialise to the documented JSON and read back as the same values.</summary>
public sealed class ContractTests
{
    private static EvaluationResult Sample(UpgradeResult? upgrade) => new(
        EvaluationResult.SchemaName, new EnterpriseRef("91440300X", "某公司"), new DateOnly(2025, 6, 1), false,
        [new MeasureEntitlement("a.1", "a", "（一）", "标题", "eligible", null, false, "reward", "enterprise", "apply", ["工信局"], null,
            new BenefitResult("up-to", 0, 123456.78m, null, true, [],
                [new PartEntitlement("奖励", "up-to", "true", 123456.78m, "min(…)", 200000m, false, null, null, null, "apply", "enterprise", null)]),
            [new ConditionResult("注册地位于深圳市", null, "true", "广东省深圳市南山区")], [], "原文", null)],
        new EvaluationTotals(new MoneyTotals(0, 123456.78m, 0), new MoneyTotals(0, 0, 0), new MoneyTotals(0, 123456.78m, 0)),
        [], upgrade);

    [Fact]
    public void EvaluationResult_WritesSnakeCaseChineseAsItselfAndOmitsAMissingUpgrade()
    {
        var json = SrdiJson.Serialize(Sample(null));
        Assert.Contains("\"measure_id\": \"a.1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"up_to\": 123456.78", json, StringComparison.Ordinal);
        Assert.Contains("\"at\": \"2025-06-01\"", json, StringComparison.Ordinal);
        Assert.Contains("某公司", json, StringComparison.Ordinal);
        Assert.Contains("\"schedule\": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"upgrade\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"external\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationResult_ReadsBackAsTheSameValues()
    {
        var original = Sample(null);
        var back = JsonSerializer.Deserialize(SrdiJson.Serialize(original), SrdiJson.Context.EvaluationResult)!;
        Assert.Equal(original.Enterprise, back.Enterprise);
        Assert.Equal(original.Totals, back.Totals);
        Assert.Equal(original.Measures[0].Benefit.Parts[0], back.Measures[0].Benefit.Parts[0]);
        Assert.Equal(original.Measures[0].Conditions[0], back.Measures[0].Conditions[0]);
    }

    [Fact]
    public void AssessmentResult_WritesANullUpgradeExplicitly()
    {
        var result = new AssessmentResult(AssessmentResult.SchemaName, new EnterpriseRef("x", null), new DateOnly(2025, 6, 1),
            new RulesetRef("r", "标题", false, null), new SizeResult("工业", "小型", "true", "依据", []), [], null);
        var json = SrdiJson.Serialize(result);
        Assert.Contains("\"upgrade\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"class\": \"小型\"", json, StringComparison.Ordinal);
        Assert.Contains("\"is_sme\": \"true\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorResult_NamesTheFieldOrTheFileAndLine()
    {
        var profile = ErrorResult.From(new Srdi.Application.Profiles.ProfileException("$.facts.rd_expense", "应为金额"));
        Assert.Equal(("profile-invalid", "$.facts.rd_expense", "应为金额"), (profile.Code, profile.Field, profile.Message));
        var catalog = ErrorResult.From(new CatalogException(new SourceLocation("catalog/documents/x/policy.yaml", 12, 3), "缺少必填字段"));
        Assert.Equal(("catalog-invalid", "catalog/documents/x/policy.yaml", 12, "缺少必填字段"), (catalog.Code, catalog.File, catalog.Line, catalog.Message));
        Assert.Contains("\"field\": null", SrdiJson.Serialize(catalog), StringComparison.Ordinal);
    }
}
