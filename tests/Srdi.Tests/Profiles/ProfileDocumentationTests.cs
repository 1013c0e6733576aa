using Srdi.Application.Profiles;
using Srdi.Tests.Catalog;
using Xunit;

namespace Srdi.Tests.Profiles;

public sealed class ProfileDocumentationTests
{
    [Fact]
    public void CommittedSchema_MatchesTheVocabulary()
    {
        var committed = File.ReadAllText(Path.Combine(RealCatalog.RepositoryRoot, "docs", "profile.schema.json"));
        var generated = ProfileSchema.Generate(RealCatalog.Navigator.Catalog.Vocabulary);
        Assert.True(committed == generated, "docs/profile.schema.json is stale: run `srdi facts --json-schema > docs/profile.schema.json`");
    }

    [Fact]
    public void EveryDocument_HasAWorkedExampleThatReadsAndConcernsIt()
    {
        var examples = Directory.GetFiles(Path.Combine(RealCatalog.RepositoryRoot, "examples"), "*.json");
        var concerned = new HashSet<string>();
        foreach (var path in examples)
        {
            var profile = RealCatalog.Navigator.Profiles.ReadFile(path);
            var report = RealCatalog.Navigator.Evaluate(profile, new DateOnly(2025, 12, 1));
            foreach (var m in report.Measures.Where(m => m.Status == Srdi.Engine.Evaluation.MeasureStatus.Eligible))
                concerned.Add(m.Measure.DocumentId);
        }
        Assert.Equal(RealCatalog.Navigator.Catalog.Documents.Select(d => d.Id).Order(), concerned.Order());
    }
}
