using Srdi.Tests.Catalog;
using Srdi.Tools.Rosters;
using Xunit;

namespace Srdi.Tests.Batch;

/// <summary>The roster generator tool: its places come from the catalog, its command line refuses
/// bad input with one Chinese message and exit code 2, and srdi no longer generates rosters.</summary>
public sealed class RosterGeneratorTests : IDisposable
{
    private static readonly DateOnly At = new(2025, 6, 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("srdi-generator-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void DefaultCities_AreEveryDocumentsCity_PlusSomeNoDocumentCovers()
    {
        var catalog = RealCatalog.Navigator.Catalog;
        var cities = new RosterGenerator(catalog, new GeneratorOptions(10, 1, At, [])).Cities.ToList();
        var documentCities = catalog.Documents.Select(d => d.Area.City).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(documentCities, cities.Where(c => c.City.Covered).Select(c => c.City.Name).Order(StringComparer.Ordinal));
        Assert.Contains(cities, c => !c.City.Covered);
        Assert.Equal(RosterGenerator.ElsewhereShare, cities.Where(c => !c.City.Covered).Sum(c => c.Share), 6);
    }

    [Fact]
    public void ACityTheCatalogDoesNotKnow_IsAcceptedAsOneNoDocumentCovers()
    {
        var generator = new RosterGenerator(RealCatalog.Navigator.Catalog, new GeneratorOptions(50, 3, At, ["深圳", "浙江省杭州市"]));
        var hangzhou = generator.Cities.Single(c => c.City.Name == "杭州市").City;
        Assert.False(hangzhou.Covered);
        Assert.Equal("浙江省", hangzhou.Province);
        Assert.Equal([RosterPlaces.GenericDistrict], hangzhou.Districts);
        var city = Array.IndexOf(generator.Keys, "city");
        Assert.Contains(generator.Rows(), r => r[city] == "杭州市");
    }

    [Theory]
    [InlineData("--seed", "1", "--out", "a.csv")]
    [InlineData("--count", "0", "--out", "a.csv")]
    [InlineData("--count", "10", "--out", "a.txt")]
    [InlineData("--count", "10", "--at", "2025/06/01", "--out", "a.csv")]
    [InlineData("--count", "10", "--colour", "红", "--out", "a.csv")]
    public void BadInput_ExitsWithCodeTwoAndOneChineseMessage(params string[] args)
    {
        var error = new StringWriter();
        Assert.Equal(GeneratorCommandLine.BadInput, GeneratorCommandLine.Run(args, TextWriter.Null, error));
        var message = error.ToString().Trim();
        Assert.DoesNotContain('\n', message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
    }

    [Fact]
    public void Srdi_NoLongerGeneratesRosters()
    {
        var (exit, _, _) = Srdi.Tests.Cli.CliRun.Run("roster", "generate", "--count", "10", "--out", Path.Combine(_folder, "r.csv"));
        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(Path.Combine(_folder, "r.csv")));
    }
}
