using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>POST /api/v1/evaluations, /assessments and /comparisons: the application services'
/// contracts, byte for byte, and every refusal as problem+json naming the field.</summary>
public sealed class EvaluationsApiTests(SrdiWebFactory factory) : IClassFixture<SrdiWebFactory>
{
    private static readonly DateOnly At = new(2025, 6, 1);

    private readonly HttpClient _client = factory.CreateClient();

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static StringContent ExampleBody(string name) => Json(File.ReadAllText(SrdiWebFactory.Example(name)));

    private Task<HttpResponseMessage> PostAsync(string route, HttpContent body) =>
        _client.PostAsync(new Uri(route, UriKind.Relative), body);

    private static JsonElement Measure(JsonElement result, string id) =>
        result.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure_id").GetString() == id);

    [Fact]
    public async Task Evaluate_NanshanLittleGiant_IsTheServicesResultByteForByte()
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01", ExampleBody("nanshan-little-giant.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var service = Service<EvaluationService>();
        var profile = Service<ProfileReader>().ReadFile(SrdiWebFactory.Example("nanshan-little-giant.json"));
        Assert.Equal(SrdiJson.Serialize(service.Result(service.Evaluate(profile, At))), text);

        var result = JsonDocument.Parse(text).RootElement;
        Assert.Equal(EvaluationResult.SchemaName, result.GetProperty("schema").GetString());
        var award = Measure(result, "sz-nanshan-2024.4");
        Assert.Equal("eligible", award.GetProperty("status").GetString());
        Assert.Equal(1000000m, award.GetProperty("benefit").GetProperty("exact").GetDecimal());
        var rent = Measure(result, "sz-nanshan-2024.20").GetProperty("benefit").GetProperty("schedule").GetProperty("years");
        Assert.Equal([3000000m, 3000000m, 3000000m, 1500000m, 1500000m], rent.EnumerateArray().Select(y => y.GetDecimal()));
    }

    [Fact]
    public async Task Evaluate_Flags_ReachTheService()
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01&includeDrafts=true&withUpgrade=true", ExampleBody("shenzhen-srdi-sme.json"));
        var text = await response.Content.ReadAsStringAsync();
        var service = Service<EvaluationService>();
        var profile = Service<ProfileReader>().ReadFile(SrdiWebFactory.Example("shenzhen-srdi-sme.json"));
        Assert.Equal(SrdiJson.Serialize(service.Result(service.Evaluate(profile, At, includeDrafts: true, withUpgrade: true))), text);
        var result = JsonDocument.Parse(text).RootElement;
        Assert.True(result.GetProperty("include_drafts").GetBoolean());
        Assert.True(result.TryGetProperty("upgrade", out _));
    }

    [Fact]
    public async Task Evaluate_WithoutAt_UsesTodayFromTheInjectedClock()
    {
        var response = await PostAsync("/api/v1/evaluations", ExampleBody("nanshan-little-giant.json"));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2025-06-01", result.GetProperty("at").GetString());
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("01/06/2025")]
    [InlineData("明天")]
    public async Task Evaluate_BadAt_Is400NamingAt(string at)
    {
        var response = await PostAsync("/api/v1/evaluations?at=" + Uri.EscapeDataString(at), ExampleBody("nanshan-little-giant.json"));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Equal("at", Problem.Field(problem));
        Assert.Contains("YYYY-MM-DD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BadFlag_Is400NamingTheFlag()
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01&includeDrafts=maybe", ExampleBody("nanshan-little-giant.json"));
        Assert.Equal("includeDrafts", Problem.Field(await Problem.ReadAsync(response, 400)));
    }

    [Fact]
    public async Task Evaluate_NegativeMoney_Is400WithTheFieldsJsonPath()
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01", Json("""{"id":"x","facts":{"office_rent_annual":-5}}"""));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Equal("$.facts.office_rent_annual", Problem.Field(problem));
        Assert.Equal("profile-invalid", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("detail").GetString()!, c => c is >= '\u4e00' and <= '\u9fff');
    }

    [Fact]
    public async Task Evaluate_MisspeltField_Is400NamingThePathAndTheNearestName()
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01", Json("""{"id":"x","factz":{}}"""));
        var problem = await Problem.ReadAsync(response, 400);
        Assert.Equal("$.factz", Problem.Field(problem));
        Assert.Contains("facts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task Evaluate_NotAProfile_Is400AtTheRoot(string body)
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01", Json(body));
        Assert.Equal("$", Problem.Field(await Problem.ReadAsync(response, 400)));
    }

    [Fact]
    public async Task Evaluate_BodyOverTheLimit_Is413()
    {
        var padding = new string(' ', 1024 * 1024 + 1);
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01", Json("{\"id\":\"x\"}" + padding));
        var problem = await Problem.ReadAsync(response, 413);
        Assert.Equal("body-too-large", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Evaluate_BodyWithoutJsonContentType_Is415Problem()
    {
        var response = await PostAsync("/api/v1/evaluations?at=2025-06-01", new StringContent("{\"id\":\"x\"}", Encoding.UTF8, "text/plain"));
        await Problem.ReadAsync(response, 415);
    }

    [Fact]
    public async Task Assess_ShenzhenSrdiSme_IsTheServicesResultByteForByte()
    {
        var response = await PostAsync("/api/v1/assessments?at=2025-06-01", ExampleBody("shenzhen-srdi-sme.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var profile = Service<ProfileReader>().ReadFile(SrdiWebFactory.Example("shenzhen-srdi-sme.json"));
        Assert.Equal(SrdiJson.Serialize(AssessmentService.Result(Service<AssessmentService>().Assess(profile, At))), text);
        Assert.Equal(AssessmentResult.SchemaName, JsonDocument.Parse(text).RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task Assess_BadProfile_Is400WithTheField()
    {
        var response = await PostAsync("/api/v1/assessments?at=2025-06-01", Json("""{"id":"x","facts":{"office_rent_annual":-5}}"""));
        Assert.Equal("$.facts.office_rent_annual", Problem.Field(await Problem.ReadAsync(response, 400)));
    }

    [Fact]
    public async Task Compare_NanshanLittleGiant_PutsShenzhenNanshanFirst()
    {
        var response = await PostAsync("/api/v1/comparisons?at=2025-06-01", ExampleBody("nanshan-little-giant.json"));
        var text = await response.Content.ReadAsStringAsync();
        var profile = Service<ProfileReader>().ReadFile(SrdiWebFactory.Example("nanshan-little-giant.json"));
        Assert.Equal(SrdiJson.Serialize(Service<AreaComparison>().Compare(profile, At)), text);

        var areas = JsonDocument.Parse(text).RootElement.GetProperty("areas");
        var first = areas[0].GetProperty("area");
        Assert.Equal("深圳市", first.GetProperty("city").GetString());
        Assert.Equal("南山区", first.GetProperty("district").GetString());
        Assert.True(areas[0].GetProperty("current").GetBoolean());
        Assert.True(areas[0].GetProperty("in_force").GetProperty("exact").GetDecimal() >= areas[1].GetProperty("in_force").GetProperty("exact").GetDecimal());
    }

    [Fact]
    public async Task Compare_BadAt_Is400NamingAt()
    {
        var response = await PostAsync("/api/v1/comparisons?at=2025-6-1", ExampleBody("nanshan-little-giant.json"));
        Assert.Equal("at", Problem.Field(await Problem.ReadAsync(response, 400)));
    }
}
