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
