using Srdi.Application.Batch;
using Srdi.Catalog.Loading;
using Srdi.Model.Policies;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>The summaries' 按牵头部门: each bureau qualified by its document's area, and one
/// row for the spellings of one bureau (vocabulary/departments.yaml).</summary>
public sealed class DepartmentNamesTests
{
    private static readonly Area Nanjing = new("江苏省", "南京市", null);
    private static readonly Area Xiamen = new("福建省", "厦门市", null);
    private static readonly Area Nanshan = new("广东省", "深圳市", "南山区");

    private static Model.Vocabulary.DepartmentNames Names => RealCatalog.Navigator.Catalog.Vocabulary.Departments;

    [Fact]
    public void TheSameBureauNameInTwoCities_IsTwoBureaus()
    {
        Assert.Equal("南京市人力资源和社会保障局", Names.Qualified("市人社局", Nanjing));
        Assert.Equal("厦门市人力资源和社会保障局", Names.Qualified("市人社局", Xiamen));
    }

    [Fact]
    public void SpellingsOfOneBureau_AreOneName()
    {
        Assert.Equal(Names.Qualified("市工业和信息化局", Nanjing), Names.Qualified("市工信局", Nanjing));
        Assert.Equal(Names.Qualified("市发展和改革委员会", Xiamen), Names.Qualified("市发改委", Xiamen));
        Assert.Equal("南京市各区人民政府", Names.Qualified("各区政府", Nanjing).Replace("·", "", StringComparison.Ordinal));
    }

    [Fact]
    public void ANameThatSaysWhereItIs_IsKept_OthersGetTheirArea()
    {
        Assert.Equal("深圳海关", Names.Qualified("深圳海关", new Area("广东省", "深圳市", null)));
        Assert.Equal("国家税务总局广州市税务局", Names.Qualified("国家税务总局广州市税务局", new Area("广东省", "广州市", null)));
        Assert.Equal("南山区·工信局", Names.Qualified("工信局", Nanshan));
        Assert.Equal("南山区科技局", Names.Qualified("区科技局", Nanshan));
    }

    [Fact]
    public void InTheCatalog_NoLeadDepartmentSpansTwoCities()
    {
        var navigator = RealCatalog.Navigator;
        var measures = BatchMeasures.For(navigator.Compiled, navigator.Wording);
        var cities = measures.GroupBy(m => m.LeadDepartment, StringComparer.Ordinal)
            .Select(g => (Department: g.Key, Cities: g.Select(m => m.Document.Area.City).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
        Assert.NotEmpty(cities);
        Assert.All(cities, c => Assert.True(c.Cities == 1, c.Department + " 跨越多个城市"));
        // 市工信局 and 市工业和信息化局 of one city are one row.
        foreach (var city in measures.GroupBy(m => m.Document.Area.City))
            Assert.True(city.Select(m => m.LeadDepartment).Where(d => d.Contains("工信局", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count() <= 1
                || city.All(m => !m.LeadDepartment.Contains("工业和信息化局", StringComparison.Ordinal)), $"{city.Key}: 工信局与工业和信息化局未合并");
    }

    [Fact]
    public void ASpellingGivenToTwoBureaus_StopsLoadingAtItsLine()
    {
        var root = Directory.CreateTempSubdirectory("srdi-departments-").FullName;
        try
        {
            RealCatalog.CopyTo(root);
            File.WriteAllText(Path.Combine(root, "vocabulary", "departments.yaml"),
                "synonyms:\n  市工业和信息化局: [市工信局]\n  市经济和信息化局: [市工信局]\n");
            var error = Assert.Throws<Srdi.Model.Sources.CatalogException>(() => CatalogLoader.Load(root));
            Assert.Contains("departments.yaml", error.Message, StringComparison.Ordinal);
            Assert.Contains("已归入", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
