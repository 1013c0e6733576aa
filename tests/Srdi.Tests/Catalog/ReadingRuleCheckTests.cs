using System.Globalization;
using Srdi.Application.Checking;
using Srdi.Catalog.Loading;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>Each file in ReadingRuleFixtures/ is a document that loads and compiles but breaks one
/// reading rule; its first line says where srdi check must flag it and what it must say:
/// "# expect-check: LINE: MESSAGE". The real catalog passes the same checks (CatalogConventionTests).</summary>
public sealed class ReadingRuleCheckTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "ReadingRuleFixtures");

    /// <summary>The real vocabulary plus facts of the fixtures' own, so that a change to the real
    /// catalog's facts never changes what a fixture shows.</summary>
    private static readonly CatalogVocabulary Vocabulary = RealCatalog.Navigator.Catalog.Vocabulary with
    {
        Facts = new Dictionary<string, FactDefinition>(RealCatalog.Navigator.Catalog.Vocabulary.Facts)
        {
            ["fixture_equipment_investment"] = new("fixture_equipment_investment", "技术改造设备投入（全部项目合计）", FactType.Money, "元", true, [], [], SourceLocation.None),
            ["fixture_standards"] = new("fixture_standards", "主导制定的标准", FactType.List, null, true, [], [new FieldDefinition("name", "标准名称", FactType.Choice, [])], SourceLocation.None),
            ["fixture_size"] = new("fixture_size", "企业规模", FactType.Choice, null, false, ["小型", "中型"], [], SourceLocation.None),
        },
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.yaml").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void Folder_HoldsOneFixturePerCheck() => Assert.Equal(5, Directory.GetFiles(Folder, "*.yaml").Length);

    [Theory]
    [MemberData(nameof(Files))]
    public void EachCheck_FiresOnItsFixture_NamingFileAndLine(string file)
    {
        var path = Path.Combine(Folder, file);
        var header = File.ReadLines(path).First();
        Assert.StartsWith("# expect-check: ", header, StringComparison.Ordinal);
        var expectation = header["# expect-check: ".Length..];
        var line = int.Parse(expectation[..expectation.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var message = expectation[(expectation.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();

        var document = CatalogLoader.LoadDocument(path, $"ReadingRuleFixtures/{file}", "broken", Vocabulary.Terms);
        CompiledCatalog.Compile(new PolicyCatalog(Vocabulary, [document])); // it is a valid catalog: only the check objects

        var findings = ReadingRuleChecks.Check(document, Vocabulary, source: null)
            .Concat(ReadingRuleChecks.PartTests(document, tests: [])).ToList();
        var finding = Assert.Single(findings);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"ReadingRuleFixtures/{file}:{line}:"), finding, StringComparison.Ordinal);
        Assert.Contains(message, finding, StringComparison.Ordinal);
    }

    [Fact]
    public void GovernsAll_WithTheWords_SatisfiesTheCheck()
    {
        var path = Path.Combine(Folder, "measure_condition_blocks_items_it_does_not_govern.yaml");
        var fixed_ = File.ReadAllText(path).Replace("        rule: fixture_size == \"小型\"",
            "        rule: fixture_size == \"小型\"\n        governs: all\n        basis: 对专精特新小微企业", StringComparison.Ordinal);
        var copy = Path.Combine(Path.GetTempPath(), $"srdi-governs-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(copy, fixed_);
        try
        {
            var document = CatalogLoader.LoadDocument(copy, "governs.yaml", "broken", Vocabulary.Terms);
            Assert.Empty(ReadingRuleChecks.Check(document, Vocabulary, source: null));
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
