using System.Globalization;
using Srdi.Tests.Catalog;
using Xunit;
using static Srdi.Tests.Cli.CliRun;

namespace Srdi.Tests.Cli;

public sealed class CatalogCommandsTests
{
    [Fact]
    public void Check_PassesAndReportsEveryMeasureOfEveryDocument()
    {
        var census = CatalogCensus.Documents(RealCatalog.Root);
        var (exit, output, _) = Run("check");
        Assert.Equal(0, exit);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"共 {census.Count} 个文件、{census.Sum(d => d.Measures)} 项措施。"), output, StringComparison.Ordinal);
        Assert.Contains("0 失败", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesSearch_FindsRentMeasures()
    {
        var (exit, output, _) = Run("policies", "search", "租金");
        Assert.Equal(0, exit);
        Assert.Contains("sz-nanshan-2024.20", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesList_FiltersByCityAndStatus()
    {
        var xiamen = Run("policies", "list", "--city", "厦门").Out;
        Assert.Contains("共 15 项措施。", xiamen, StringComparison.Ordinal);
        Assert.DoesNotContain("sz-nanshan", xiamen, StringComparison.Ordinal);
        var drafts = Run("policies", "list", "--status", "draft").Out;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"共 {CatalogCensus.Documents(RealCatalog.Root).Where(d => d.Draft).Sum(d => d.Measures)} 项措施。"), drafts, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesShow_PrintsTextRuleAndTests()
    {
        var (exit, output, _) = Run("policies", "show", "sz-nanshan-2024.20");
        Assert.Equal(0, exit);
        Assert.Contains("原文：", output, StringComparison.Ordinal);
        Assert.Contains("每年最高 300 万元", output, StringComparison.Ordinal);
        Assert.Contains("30% * office_rent_annual", output, StringComparison.Ordinal);
        Assert.Contains("测试（", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_ListsTheVocabularyWithTheMeasuresUsingIt()
    {
        var (exit, output, _) = Run("facts");
        Assert.Equal(0, exit);
        Assert.Contains("office_rent_annual", output, StringComparison.Ordinal);
        Assert.Contains("sz-nanshan-2024.20", output, StringComparison.Ordinal);
    }
}
