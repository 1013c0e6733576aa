using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Application;

/// <summary>The enterprise placed in every area of the catalog: sorted by in-force money, its own
/// area marked, drafts apart, and each area the same as evaluating the moved profile directly.</summary>
public sealed class AreaComparisonTests
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private static string Example(string name) => Path.Combine(RealCatalog.RepositoryRoot, "examples", name);

    [Fact]
    public void Compare_NanshanLittleGiant_PutsNanshanFirst()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var result = services.GetRequiredService<AreaComparison>().Compare(profile, At);

        Assert.Equal(AreaComparisonResult.SchemaName, result.Schema);
        Assert.Equal(At, result.At);
        var first = result.Areas[0];
        Assert.Equal("深圳市", first.Area.City);
        Assert.Equal("南山区", first.Area.District);
        Assert.True(first.Current);
        Assert.Contains("sz-nanshan-2024", first.Documents);
        Assert.True(first.Eligible > 0);
        Assert.Single(result.Areas, a => a.Current);
    }

    [Fact]
    public void Compare_ListsEveryDistinctAreaOfTheCatalog_SortedByInForceMoney()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var result = services.GetRequiredService<AreaComparison>().Compare(profile, At);

        var expected = RealCatalog.Navigator.Catalog.Documents.Select(d => d.Area.ToString()).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.Areas.Select(a => a.Name).Order(StringComparer.Ordinal));
        for (var i = 1; i < result.Areas.Count; i++)
        {
            var (a, b) = (result.Areas[i - 1].InForce, result.Areas[i].InForce);
            Assert.True(a.Exact > b.Exact || (a.Exact == b.Exact && a.UpTo >= b.UpTo), $"{result.Areas[i - 1].Name} 应排在 {result.Areas[i].Name} 之前");
        }
    }

    [Fact]
    public void Compare_EachArea_MatchesEvaluatingTheMovedProfile()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var evaluation = services.GetRequiredService<EvaluationService>();
        foreach (var area in services.GetRequiredService<AreaComparison>().Compare(profile, At).Areas)
        {
            var moved = profile with { Area = new(area.Area.Province, area.Area.City, area.Area.District, profile.Area!.Since) };
            var report = evaluation.Evaluate(moved, At).Report;
            Assert.Equal(report.InForce.Exact, area.InForce.Exact);
            Assert.Equal(report.InForce.UpTo, area.InForce.UpTo);
            Assert.Equal(report.Drafts.Exact, area.Drafts.Exact);
            Assert.Equal(report.Measures.Count(m => m.Status == Srdi.Engine.Evaluation.MeasureStatus.Eligible && !m.Draft), area.Eligible);
        }
    }

    [Fact]
    public void Compare_DraftOnlyArea_CountsNothingInForce()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var guangzhou = services.GetRequiredService<AreaComparison>().Compare(profile, At).Areas.Single(a => a.Area.City == "广州市");
        Assert.Equal(0, guangzhou.InForce.Exact);
        Assert.Equal(0, guangzhou.Eligible);
        Assert.False(guangzhou.Current);
    }

    [Fact]
    public void Serialize_AreaComparison_UsesSnakeCaseAndCodes()
    {
        using var services = ServiceHost.Repository();
        var profile = services.GetRequiredService<ProfileReader>().ReadFile(Example("nanshan-little-giant.json"));
        var json = SrdiJson.Serialize(services.GetRequiredService<AreaComparison>().Compare(profile, At));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("srdi.area-comparison/1", root.GetProperty("schema").GetString());
        Assert.Equal("2025-06-01", root.GetProperty("at").GetString());
        var first = root.GetProperty("areas")[0];
        Assert.True(first.GetProperty("in_force").GetProperty("exact").GetDecimal() > 0);
        Assert.True(first.TryGetProperty("eligible_drafts", out _));
        Assert.Contains("南山区", json, StringComparison.Ordinal);
    }
}
