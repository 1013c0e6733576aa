using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Contracts;
using Srdi.Application.Policies;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>GET /api/v1/documents, /measures (filters, search, refusals) and /measures/{id}.</summary>
public sealed class PoliciesApiTests(SrdiWebFactory factory) : IClassFixture<SrdiWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private PolicyLibrary Library => factory.Services.GetRequiredService<PolicyLibrary>();

    private async Task<List<JsonElement>> MeasuresAsync(string query)
    {
        var response = await _client.GetAsync(new Uri("/api/v1/measures" + query, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    [Fact]
    public async Task Documents_ListsEveryDocumentOfTheCatalog()
    {
        var documents = (await _client.GetFromJsonAsync<List<JsonElement>>("/api/v1/documents"))!;
        var folders = Directory.GetDirectories(Path.Combine(SrdiWebFactory.RepositoryRoot, "catalog", "documents")).Select(Path.GetFileName);
        Assert.Equal(folders.Order(StringComparer.Ordinal), documents.Select(d => d.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(documents, d => d.GetProperty("area").GetProperty("district").GetString() == "南山区");
    }

    [Fact]
    public async Task Measures_WithoutFilter_ListsEveryMeasure()
    {
        var measures = await MeasuresAsync("");
        Assert.Equal(Library.List(new PolicyFilter()).Count(), measures.Count);
        Assert.All(measures, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("document_id").GetString())));
    }

    [Fact]
    public async Task Measures_ByDistrict_KeepsThatDocumentOnly()
    {
        var measures = await MeasuresAsync("?city=" + Uri.EscapeDataString("南山区"));
        Assert.NotEmpty(measures);
        Assert.All(measures, m => Assert.Equal("sz-nanshan-2024", m.GetProperty("document_id").GetString()));
    }

    [Fact]
    public async Task Measures_ByStatusAndLevel_MatchThePolicyLibrary()
    {
        var drafts = await MeasuresAsync("?status=draft");
        Assert.NotEmpty(drafts);
        Assert.All(drafts, m => Assert.True(m.GetProperty("draft").GetBoolean()));
        var chinese = await MeasuresAsync("?status=" + Uri.EscapeDataString("征求意见稿"));
        Assert.Equal(drafts.Count, chinese.Count);
        var district = await MeasuresAsync("?level=district");
        Assert.Equal(Library.List(new PolicyFilter(Level: Srdi.Model.Policies.GovernmentLevel.District)).Count(), district.Count);
    }

    [Fact]
    public async Task Measures_SearchText_FindsTheRentMeasure()
    {
        var measures = await MeasuresAsync("?q=" + Uri.EscapeDataString("租金") + "&city=" + Uri.EscapeDataString("深圳"));
        Assert.Contains(measures, m => m.GetProperty("id").GetString() == "sz-nanshan-2024.20");
        Assert.All(measures, m => Assert.NotEqual("xiamen-2024", m.GetProperty("document_id").GetString()));
    }

    [Theory]
    [InlineData("status", "repealed")]
    [InlineData("level", "province")]
    [InlineData("category", "no-such-category")]
    [InlineData("tier", "no-such-kind")]
    public async Task Measures_UnknownFilterValue_Is400NamingTheParameter(string parameter, string value)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/measures?{parameter}={value}", UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Equal(parameter, Problem.Field(problem));
        Assert.Contains(value, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measure_Known_IsTheLibrarysDetailByteForByte()
    {
        const string id = "sz-nanshan-2024.20";
        var text = await _client.GetStringAsync(new Uri("/api/v1/measures/" + id, UriKind.Relative));
        Assert.Equal(SrdiJson.Serialize(Library.Show(id)!), text);
        var detail = JsonDocument.Parse(text).RootElement;
        Assert.Equal(id, detail.GetProperty("measure").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(detail.GetProperty("text").GetString()));
        Assert.NotEqual(0, detail.GetProperty("tests").GetArrayLength());
    }

    [Fact]
    public async Task Measure_Unknown_Is404ProblemInChinese()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/measures/no-such.1", UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 404);
        Assert.Equal("id", Problem.Field(problem));
        Assert.Contains("no-such.1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
