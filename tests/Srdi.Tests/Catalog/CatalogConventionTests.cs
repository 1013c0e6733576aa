using System.Text.RegularExpressions;
using Srdi.Application.Checking;
using Srdi.Model.Policies;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>Rules the whole catalog must keep, written as tests (in the manner of Noda Time's
/// convention tests): a broken convention fails the build, not a reader's trust.</summary>
public sealed partial class CatalogConventionTests
{
    private static PolicyCatalog Catalog => RealCatalog.Navigator.Catalog;

    [Fact]
    public void Catalog_HasEveryDocumentFolderWithEveryMeasure()
    {
        var census = CatalogCensus.Documents(RealCatalog.Root);
        Assert.NotEmpty(census);
        Assert.All(census, d => Assert.True(d.Measures > 0, $"{d.Id}: policy.yaml 中没有措施"));
        Assert.Equal(census.ToDictionary(d => d.Id, d => d.Measures), Catalog.Documents.ToDictionary(d => d.Id, d => d.Measures.Count));
        Assert.Equal(census.Sum(d => d.Measures), Catalog.Measures.Count());
    }

    [Fact]
    public void Drafts_AreTheDocumentsWhoseHeaderSaysDraft()
    {
        var census = CatalogCensus.Documents(RealCatalog.Root);
        Assert.Equal(census.Where(d => d.Draft).Select(d => d.Id), Catalog.Documents.Where(d => d.IsDraft).Select(d => d.Id).Order(StringComparer.Ordinal));
        // The two documents published for comment (征求意见稿) stay drafts whatever is added.
        Assert.Contains("guangzhou-2025", census.Where(d => d.Draft).Select(d => d.Id));
        Assert.Contains("shenzhen-draft", census.Where(d => d.Draft).Select(d => d.Id));
    }

    [GeneratedRegex(@"—\s*\d+\s*—")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Fact]
    public void EveryClauseText_IsVerbatimFromItsSourceDocument()
    {
        string Normalise(string s) => Whitespace().Replace(PageNumber().Replace(s, ""), "");
        foreach (var document in Catalog.Documents)
        {
            var source = Normalise(File.ReadAllText(Path.Combine(RealCatalog.Root, "sources", document.Source)));
            foreach (var measure in document.Measures)
                Assert.True(source.Contains(Normalise(measure.Text), StringComparison.Ordinal),
                    $"{measure.Id} 的 text 不是 {document.Source} 的原文");
        }
    }

    [Fact]
    public void EveryNumberInARule_IsTraceableToItsClause()
    {
        var problems = Catalog.Measures.SelectMany(CatalogCheck.UntraceableNumbers).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryMeasureWithMoney_HasRulesTests()
    {
        var tested = RealCatalog.Navigator.LoadTests().SelectMany(t => t.Expectations).Select(e => e.MeasureId).ToHashSet();
        var untested = Catalog.Measures.Where(m => m.HasMoney && !tested.Contains(m.Id)).Select(m => m.Id).ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void EveryExternalAmount_NamesItsDocument()
    {
        foreach (var part in Catalog.Measures.SelectMany(m => m.Benefit.Parts).Where(p => p.External is not null))
            Assert.False(string.IsNullOrWhiteSpace(part.External!.Document), part.Location.ToString());
    }

    [Fact]
    public void EveryDocument_SaysWhereEachEndOfItsValidityComesFrom()
    {
        foreach (var d in Catalog.Documents)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Validity.FromBasis), d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Validity.ToBasis), d.Id);
        }
    }

    // References cannot show File.ReadAllText or DateTime.Now (both in System.Private.CoreLib):
    // BannedSymbols.txt makes the compiler refuse them, and EnginePurityTests shows it does.
    [Fact]
    public void EngineAssembly_ReferencesNoIoOrWebPackage()
    {
        var references = typeof(Srdi.Engine.Evaluation.CompiledCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "Srdi.Model" || name == "netstandard", name));
        Assert.DoesNotContain(references, n => n.Contains("IO.FileSystem", StringComparison.Ordinal) || n.Contains("Net.Http", StringComparison.Ordinal) || n.Contains("YamlDotNet", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelAssembly_ReferencesNothingOfTheProject()
    {
        var references = typeof(Measure).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, n => n.StartsWith("Srdi", StringComparison.Ordinal));
    }
}
