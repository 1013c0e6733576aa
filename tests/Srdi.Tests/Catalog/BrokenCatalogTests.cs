using System.Globalization;
using Srdi.Catalog.Loading;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Xunit;

namespace Srdi.Tests.Catalog;

/// <summary>Each file in BrokenCatalogs/ is named after its mistake and says on its first line
/// where loading must fail and what it must say: "# expect: LINE: MESSAGE".</summary>
public sealed class BrokenCatalogTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "BrokenCatalogs");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.yaml").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>Documents load and compile in parallel; with two broken ones the first in name
    /// order is reported, every time, as a sequential load would.</summary>
    [Fact]
    public void TwoBrokenDocuments_TheFirstInNameOrderIsReported()
    {
        var copy = Directory.CreateTempSubdirectory("srdi-two-broken-").FullName;
        try
        {
            RealCatalog.CopyTo(copy);
            void Break(string document, string from, string to)
            {
                var policy = Path.Combine(copy, "documents", document, "policy.yaml");
                var text = File.ReadAllText(policy);
                Assert.Contains(from, text, StringComparison.Ordinal);
                File.WriteAllText(policy, text.Replace(from, to, StringComparison.Ordinal));
            }
            Break("xiamen-2024", "status: in-force", "status: in-farce");
            Break("guangzhou-2025", "level: city", "level: town");
            for (var i = 0; i < 5; i++)
                Assert.Contains("guangzhou-2025", Assert.Throws<CatalogException>(() => CatalogLoader.Load(copy)).Message, StringComparison.Ordinal);
            // Fixed at load, broken at compile: the rule of the first document in catalog order.
            Break("guangzhou-2025", "level: town", "level: city");
            Break("nanjing", "when: ", "when: unknown_fact_a > 0 and ");
            Break("xiamen-2024", "status: in-farce", "status: in-force");
            Break("xiamen-2024", "when: ", "when: unknown_fact_b > 0 and ");
            var catalog = CatalogLoader.Load(copy);
            for (var i = 0; i < 5; i++)
                Assert.Contains("unknown_fact_a", Assert.Throws<CatalogException>(() => CompiledCatalog.Compile(catalog)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Folder_HoldsTheKnownMistakes() => Assert.True(Directory.GetFiles(Folder, "*.yaml").Length >= 12);

    [Theory]
    [MemberData(nameof(Files))]
    public void LoadingABrokenFile_FailsWithFileLineAndWhatWasExpected(string file)
    {
        var path = Path.Combine(Folder, file);
        var header = File.ReadLines(path).First();
        Assert.StartsWith("# expect: ", header, StringComparison.Ordinal);
        var expectation = header["# expect: ".Length..];
        var line = int.Parse(expectation[..expectation.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var message = expectation[(expectation.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();

        var error = Assert.Throws<CatalogException>(() =>
        {
            var document = CatalogLoader.LoadDocument(path, $"BrokenCatalogs/{file}", "broken", RealCatalog.Navigator.Catalog.Vocabulary.Terms);
            CompiledCatalog.Compile(new PolicyCatalog(RealCatalog.Navigator.Catalog.Vocabulary, [document]));
        });

        Assert.Equal($"BrokenCatalogs/{file}", error.Location.File);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"BrokenCatalogs/{file}:{line}:"), error.Message, StringComparison.Ordinal);
    }
}
