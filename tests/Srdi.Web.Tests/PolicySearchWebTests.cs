using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application;
using Srdi.Application.Policies;
using Srdi.Model.Policies;
using Srdi.Storage.Search;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>GET /api/v1/measures?q= and the 政策库 page's search box answer from the database's
/// full-text search, on each database. Expected measures are computed by scanning the catalog's
/// texts.</summary>
public abstract partial class PolicySearchWebTests(SrdiWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private PolicyNavigator Navigator => factory.Services.GetRequiredService<PolicyNavigator>();
    private PolicyLibrary Library => factory.Services.GetRequiredService<PolicyLibrary>();

    /// <summary>The measures the filter keeps whose document title, title or clause text contain every term.</summary>
    private List<string> Expected(string query, PolicyFilter? filter = null)
    {
        var terms = PolicySearch.Terms(query);
        return Library.List(filter ?? new PolicyFilter())
            .Where(x => terms.Count > 0 && terms.All(t => new[] { x.Document.Title, x.Measure.Title, x.Measure.Text }.Any(f => f.Contains(t, StringComparison.OrdinalIgnoreCase))))
            .Select(x => x.Measure.Id).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<string>> ApiAsync(string query)
    {
        var measures = (await _client.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/measures" + query, UriKind.Relative)))!;
        return measures.Select(m => m.GetProperty("id").GetString()!).ToList();
    }

    private async Task<string> PageAsync(string query)
    {
        var response = await _client.GetAsync(new Uri("/policies" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Links(string html) =>
        TitleLink().Matches(html).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).ToList();

    [Theory]
    [InlineData("租金")]
    [InlineData("贷款")]
    [InlineData("专精特新“小巨人”企业")]
    public async Task Api_ChineseQuery_ReturnsTheMeasuresThatContainIt(string query)
    {
        var expected = Expected(query);
        Assert.NotEmpty(expected);

        var ids = await ApiAsync("?q=" + Uri.EscapeDataString(query));

        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Api_QueryWithFilters_KeepsOnlyWhatBothKeep()
    {
        var expected = Expected("补贴", new PolicyFilter(City: "深圳"));
        Assert.NotEmpty(expected);
        Assert.NotEqual(Expected("补贴"), expected);

        var ids = await ApiAsync("?q=" + Uri.EscapeDataString("补贴") + "&city=" + Uri.EscapeDataString("深圳"));

        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Api_PhraseCopiedFromAClause_PutsThatMeasureFirst()
    {
        var measure = Navigator.Catalog.Measures.Last();
        var phrase = Enumerable.Range(measure.Text.Length / 3, measure.Text.Length / 2).Select(i => measure.Text.Substring(i, 8))
            .First(p => !p.Any(char.IsWhiteSpace) && Expected(p).SequenceEqual([measure.Id]));

        var ids = await ApiAsync("?q=" + Uri.EscapeDataString(phrase));

        Assert.Equal([measure.Id], ids);
    }

    [Fact]
    public async Task Page_ChineseQuery_ShowsTheHitCount_TheMeasures_AndTheMatchMarked()
    {
        const string query = "租金";
        var expected = Expected(query);
        Assert.NotEmpty(expected);

        var html = await PageAsync("?q=" + Uri.EscapeDataString(query));

        Assert.Equal(expected, Links(html).Order(StringComparer.Ordinal));
        Assert.Contains($"找到 <span class=\"hits\">{expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}</span> 项措施", html, StringComparison.Ordinal);
        var snippets = Snippet().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(expected.Count, snippets.Count);
        var inText = Library.List(new PolicyFilter()).Count(x => x.Measure.Text.Contains(query, StringComparison.Ordinal));
        Assert.Equal(inText, snippets.Count(s => s.Contains("<mark>" + query + "</mark>", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Page_FiltersAndQuery_KeepOnlyWhatBothKeep()
    {
        var expected = Expected("补贴", new PolicyFilter(City: "深圳"));

        var html = await PageAsync("?q=" + Uri.EscapeDataString("补贴") + "&city=" + Uri.EscapeDataString("深圳"));

        Assert.Equal(expected, Links(html).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("%_*")]
    [InlineData("租金 <b>")]
    public async Task Page_HostileQuery_IsAnsweredAndEncoded(string query)
    {
        var html = await PageAsync("?q=" + Uri.EscapeDataString(query));

        Assert.Equal(Expected(query), Links(html).Order(StringComparer.Ordinal));
        if (query.Contains('<', StringComparison.Ordinal)) Assert.DoesNotContain(query, html, StringComparison.Ordinal);
        Assert.Equal(Expected(query), (await ApiAsync("?q=" + Uri.EscapeDataString(query))).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("<p class=\"snippet\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex Snippet();

    [GeneratedRegex("<a class=\"title\" href=\"/policies/([^\"]+)\">")]
    private static partial Regex TitleLink();
}

public sealed class SqlitePolicySearchWebTests(SrdiWebFactory factory) : PolicySearchWebTests(factory), IClassFixture<SrdiWebFactory>;

public sealed class PostgresPolicySearchWebTests(PostgresWebFactory factory) : PolicySearchWebTests(factory), IClassFixture<PostgresWebFactory>;
