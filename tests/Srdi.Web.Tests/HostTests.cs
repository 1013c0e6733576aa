using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>The host around the routes: the OpenAPI document and its page, and problem+json for
/// what no route handles.</summary>
public sealed class HostTests(SrdiWebFactory factory) : IClassFixture<SrdiWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task OpenApi_ListsEveryRouteWithNameSummaryAndContracts()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var paths = document.GetProperty("paths");
        string[] routes = ["/api/v1/documents", "/api/v1/measures", "/api/v1/measures/{id}", "/api/v1/evaluations", "/api/v1/assessments", "/api/v1/comparisons",
            "/api/v1/enterprises/{id}/versions", "/api/v1/enterprises/{id}/versions/{number}", "/api/v1/enterprises/{id}/evaluation",
            "/api/v1/enterprises/{id}/assessment", "/api/v1/enterprises/{id}/changes"];
        foreach (var route in routes)
        {
            var operation = paths.GetProperty(route).EnumerateObject().Single().Value;
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
            Assert.Contains(operation.GetProperty("summary").GetString()!, c => c is >= '\u4e00' and <= '\u9fff');
        }
        foreach (var (route, methods) in new[] { ("/api/v1/enterprises", 2), ("/api/v1/enterprises/{id}", 2) })
        {
            var operations = paths.GetProperty(route).EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)).ToList();
            Assert.Equal(methods, operations.Count);
            Assert.All(operations, o => Assert.Contains(o.Value.GetProperty("summary").GetString()!, c => c is >= '\u4e00' and <= '\u9fff'));
        }
        // Programs learn from the document how to sign in, and which routes need it.
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(paths.GetProperty("/api/v1/enterprises/{id}").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/evaluations").GetProperty("post").TryGetProperty("security", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("EvaluationResult", out var evaluation));
        Assert.True(evaluation.GetProperty("properties").TryGetProperty("include_drafts", out _));
        Assert.True(schemas.TryGetProperty("AssessmentResult", out _));
        Assert.True(schemas.TryGetProperty("AreaComparisonResult", out _));
    }

    [Fact]
    public async Task Scalar_ServesTheInteractivePage()
    {
        var response = await _client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemInChinese()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));
        var problem = await Problem.ReadAsync(response, 404);
        Assert.Contains("/openapi/v1.json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemInChinese()
    {
        var response = await _client.DeleteAsync(new Uri("/api/v1/documents", UriKind.Relative));
        await Problem.ReadAsync(response, 405);
    }
}

/// <summary>An exception no handler expected: 500 problem+json in Chinese, without the
/// exception's message or stack trace.</summary>
public sealed class UnexpectedErrorTests(BrokenClockFactory factory) : IClassFixture<BrokenClockFactory>
{
    [Fact]
    public async Task UnexpectedException_Is500ProblemWithoutStackTrace()
    {
        var body = new StringContent(File.ReadAllText(SrdiWebFactory.Example("nanshan-little-giant.json")), Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), body);
        var problem = await Problem.ReadAsync(response, 500);
        var text = problem.GetRawText();
        Assert.DoesNotContain("secret internal failure", text, StringComparison.Ordinal);
        Assert.DoesNotContain("at Srdi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Equal("internal-error", problem.GetProperty("code").GetString());
    }
}
