using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>/api/v1/enterprises over the enterprise records: create, read, change with If-Match,
/// history, each version evaluated, assessed and compared, lists, and every refusal as
/// problem+json. Declared once per database (Sqlite… and Postgres…); each class has a database of
/// its own, seeded with the examples, and each test its own enterprise ids.</summary>
public abstract class EnterprisesApiTests(SrdiWebFactory factory)
{
    private const string Anonymous = SrdiWebFactory.AdminChangedBy;
    private const string Rent = "sz-nanshan-2024.20";
    private static readonly decimal[] RentSchedule = [3000000m, 3000000m, 3000000m, 1500000m, 1500000m];

    private readonly HttpClient _client = factory.AdminClient();

    private static Uri Route(string route) => new(route, UriKind.Relative);

    /// <summary>A 南山 little giant; with <paramref name="rent"/> it rents its office.</summary>
    private static string Profile(string id, string? rent = null, string name = "深圳市南山某精密传感科技有限公司", string city = "深圳市", string district = "南山区") =>
        $$"""
        {
          "id": "{{id}}",
          "name": "{{name}}",
          "area": { "province": "{{(city == "南京市" ? "江苏省" : "广东省")}}", "city": "{{city}}", "district": "{{district}}", "since": "2016-05-20" },
          "certificates": [ { "kind": "little-giant", "issuer": "工业和信息化部", "issued_on": "2024-07-15" } ],
          "facts": { "sector": "工业"{{(rent is null ? "" : $", \"office_rent_annual\": \"{rent}\"")}} }
        }
        """;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> CreateAsync(string profile) => _client.PostAsync(Route("/api/v1/enterprises"), Json(profile));

    private Task<HttpResponseMessage> UpdateAsync(string id, string profile, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Route("/api/v1/enterprises/" + id)) { Content = Json(profile) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _client.SendAsync(request);
    }

    private async Task<JsonElement> GetJsonAsync(string route)
    {
        var response = await _client.GetAsync(Route(route));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Measure(JsonElement result, string id) =>
        result.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure_id").GetString() == id);

    [Fact]
    public async Task Lifecycle_CreateGetUpdateHistoryVersionsEvaluateAndCompare()
    {
        const string id = "WEB-LIFECYCLE-001";
        var created = await CreateAsync(Profile(id));
        var record = await ReadAsync(created, HttpStatusCode.Created);
        Assert.Equal("/api/v1/enterprises/" + id, created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal(id, record.GetProperty("id").GetString());
        Assert.Equal("南山区", record.GetProperty("area").GetProperty("district").GetString());
        Assert.Equal(1, record.GetProperty("version").GetInt32());
        Assert.Equal(Anonymous, record.GetProperty("created_by").GetString());
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), record.GetProperty("created_at").GetDateTimeOffset());

        var current = await GetJsonAsync("/api/v1/enterprises/" + id);
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.False(current.GetProperty("profile").GetProperty("facts").TryGetProperty("office_rent_annual", out _));

        var updated = await UpdateAsync(id, Profile(id, rent: "1200万"), "\"1\"");
        var second = await ReadAsync(updated, HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("\"2\"", updated.Headers.ETag?.Tag);
        Assert.Equal("1200万", second.GetProperty("profile").GetProperty("facts").GetProperty("office_rent_annual").GetString());

        var history = await GetJsonAsync($"/api/v1/enterprises/{id}/versions");
        Assert.Equal([1, 2], history.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(history.EnumerateArray(), v => Assert.Equal(Anonymous, v.GetProperty("changed_by").GetString()));

        var first = await GetJsonAsync($"/api/v1/enterprises/{id}/versions/1");
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.False(first.GetProperty("profile").GetProperty("facts").TryGetProperty("office_rent_annual", out _));

        var evaluation = await _client.GetStringAsync(Route($"/api/v1/enterprises/{id}/evaluation?at=2025-06-01"));
        var services = factory.Services;
        var evaluations = services.GetRequiredService<EvaluationService>();
        var profile = services.GetRequiredService<ProfileReader>().ReadText(Profile(id, rent: "1200万"));
        Assert.Equal(SrdiJson.Serialize(evaluations.Result(evaluations.Evaluate(profile, SrdiWebFactory.Today))), evaluation);
        var rent = Measure(JsonDocument.Parse(evaluation).RootElement, Rent);
        Assert.Equal("eligible", rent.GetProperty("status").GetString());
        Assert.Equal(RentSchedule, rent.GetProperty("benefit").GetProperty("schedule").GetProperty("years").EnumerateArray().Select(y => y.GetDecimal()));

        // Without office rent an industrial little giant already has clause 20's second sentence (工业企业租金补贴,
        // an amount set by another document; reading rule 20), not the office-rent schedule.
        var before = Measure(await GetJsonAsync($"/api/v1/enterprises/{id}/evaluation?at=2025-06-01&version=1"), Rent);
        Assert.Equal("external", before.GetProperty("benefit").GetProperty("kind").GetString());

        var changes = await GetJsonAsync($"/api/v1/enterprises/{id}/changes?from=1&to=2&at=2025-06-01");
        Assert.Equal(EntitlementChangesResult.SchemaName, changes.GetProperty("schema").GetString());
        var change = changes.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("measure_id").GetString() == Rent);
        Assert.Empty(change.GetProperty("before").GetProperty("schedule").EnumerateArray());
        Assert.Equal("eligible", change.GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(RentSchedule, change.GetProperty("after").GetProperty("schedule").EnumerateArray().Select(y => y.GetDecimal()));

        var assessment = await GetJsonAsync($"/api/v1/enterprises/{id}/assessment?at=2025-06-01&version=1");
        Assert.Equal(AssessmentResult.SchemaName, assessment.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task Create_TheSameIdTwice_Is409NamingTheId()
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(Profile("WEB-DUPLICATE-001"))).StatusCode);
        var problem = await Problem.ReadAsync(await CreateAsync(Profile("WEB-DUPLICATE-001")), 409);
        Assert.Equal("$.id", Problem.Field(problem));
        Assert.Equal("enterprise-exists", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_InvalidProfile_Is400WithTheFieldsJsonPath()
    {
        var problem = await Problem.ReadAsync(await CreateAsync("""{"id":"WEB-INVALID-001","facts":{"office_rent_annual":-5}}"""), 400);
        Assert.Equal("$.facts.office_rent_annual", Problem.Field(problem));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(Route("/api/v1/enterprises/WEB-INVALID-001"))).StatusCode);
    }

    [Fact]
    public async Task Update_FromAStaleVersion_Is412NamingBothVersions()
    {
        const string id = "WEB-STALE-001";
        await CreateAsync(Profile(id));
        Assert.Equal(HttpStatusCode.OK, (await UpdateAsync(id, Profile(id, rent: "100万"), "\"1\"")).StatusCode);
        var response = await UpdateAsync(id, Profile(id, rent: "200万"), "\"1\"");
        var problem = await Problem.ReadAsync(response, 412);
        Assert.Equal("version-stale", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("第 1 版", detail, StringComparison.Ordinal);
        Assert.Contains("第 2 版", detail, StringComparison.Ordinal);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(2, (await GetJsonAsync("/api/v1/enterprises/" + id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Is428()
    {
        await CreateAsync(Profile("WEB-NOVERSION-001"));
        var problem = await Problem.ReadAsync(await UpdateAsync("WEB-NOVERSION-001", Profile("WEB-NOVERSION-001"), null), 428);
        Assert.Equal("If-Match", Problem.Field(problem));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"abc\"")]
    [InlineData("\"0\"")]
    public async Task Update_MalformedIfMatch_Is400NamingTheHeader(string ifMatch)
    {
        await CreateAsync(Profile("WEB-BADVERSION-001"));
        var problem = await Problem.ReadAsync(await UpdateAsync("WEB-BADVERSION-001", Profile("WEB-BADVERSION-001"), ifMatch), 400);
        Assert.Equal("If-Match", Problem.Field(problem));
    }

    [Fact]
    public async Task Update_ProfileOfAnotherId_Is400NamingTheId()
    {
        await CreateAsync(Profile("WEB-MISMATCH-001"));
        var problem = await Problem.ReadAsync(await UpdateAsync("WEB-MISMATCH-001", Profile("WEB-MISMATCH-002"), "\"1\""), 400);
        Assert.Equal("$.id", Problem.Field(problem));
    }

    [Theory]
    [InlineData("/api/v1/enterprises/WEB-NOBODY")]
    [InlineData("/api/v1/enterprises/WEB-NOBODY/versions")]
    [InlineData("/api/v1/enterprises/WEB-NOBODY/versions/1")]
    [InlineData("/api/v1/enterprises/WEB-NOBODY/evaluation?at=2025-06-01")]
    [InlineData("/api/v1/enterprises/WEB-NOBODY/assessment")]
    [InlineData("/api/v1/enterprises/WEB-NOBODY/changes?from=1&to=2")]
    public async Task Unknown_Is404NamingTheId(string route)
    {
        var problem = await Problem.ReadAsync(await _client.GetAsync(Route(route)), 404);
        Assert.Equal("id", Problem.Field(problem));
    }

    [Fact]
    public async Task Update_Unknown_Is404()
    {
        await Problem.ReadAsync(await UpdateAsync("WEB-NOBODY", Profile("WEB-NOBODY"), "\"1\""), 404);
    }

    [Fact]
    public async Task UnknownVersion_Is404NamingTheParameter()
    {
        await CreateAsync(Profile("WEB-VERSIONS-001"));
        Assert.Equal("number", Problem.Field(await Problem.ReadAsync(await _client.GetAsync(Route("/api/v1/enterprises/WEB-VERSIONS-001/versions/9")), 404)));
        Assert.Equal("version", Problem.Field(await Problem.ReadAsync(await _client.GetAsync(Route("/api/v1/enterprises/WEB-VERSIONS-001/evaluation?version=9")), 404)));
        Assert.Equal("to", Problem.Field(await Problem.ReadAsync(await _client.GetAsync(Route("/api/v1/enterprises/WEB-VERSIONS-001/changes?from=1&to=9")), 404)));
        Assert.Equal("from", Problem.Field(await Problem.ReadAsync(await _client.GetAsync(Route("/api/v1/enterprises/WEB-VERSIONS-001/changes?to=1")), 400)));
    }

    [Fact]
    public async Task List_FiltersByCityDistrictAndName_AndPages()
    {
        await CreateAsync(Profile("WEB-LIST-001", name: "列表测试甲科技有限公司"));
        await CreateAsync(Profile("WEB-LIST-002", name: "列表测试乙科技有限公司", district: "福田区"));
        await CreateAsync(Profile("WEB-LIST-003", name: "列表测试丙科技有限公司", city: "南京市", district: "玄武区"));

        var all = await GetJsonAsync("/api/v1/enterprises?name=" + Uri.EscapeDataString("列表测试"));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(["WEB-LIST-001", "WEB-LIST-002", "WEB-LIST-003"], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var shenzhen = await GetJsonAsync("/api/v1/enterprises?name=" + Uri.EscapeDataString("列表测试") + "&city=" + Uri.EscapeDataString("深圳市"));
        Assert.Equal(2, shenzhen.GetProperty("total").GetInt32());
        var futian = await GetJsonAsync("/api/v1/enterprises?name=" + Uri.EscapeDataString("列表测试") + "&district=" + Uri.EscapeDataString("福田区"));
        Assert.Equal("WEB-LIST-002", Assert.Single(futian.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var page = await GetJsonAsync("/api/v1/enterprises?name=" + Uri.EscapeDataString("列表测试") + "&page=2&pageSize=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("page_size").GetInt32());
        Assert.Equal("WEB-LIST-003", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("page=2147483647&pageSize=200", "page")]
    public async Task List_BadPaging_Is400NamingTheParameter(string query, string field)
    {
        Assert.Equal(field, Problem.Field(await Problem.ReadAsync(await _client.GetAsync(Route("/api/v1/enterprises?" + query)), 400)));
    }

    [Fact]
    public async Task SeededExamples_ArePresent()
    {
        var examples = Directory.GetFiles(Path.Combine(SrdiWebFactory.RepositoryRoot, "examples"), "*.json");
        var list = await GetJsonAsync("/api/v1/enterprises?pageSize=200");
        Assert.True(list.GetProperty("total").GetInt32() >= examples.Length);
        var nanshan = await GetJsonAsync("/api/v1/enterprises/91440300MA5NSLG001");
        Assert.Equal("系统（示例数据）", nanshan.GetProperty("created_by").GetString());
        Assert.Equal("深圳市南山某精密传感科技有限公司", nanshan.GetProperty("name").GetString());
    }
}

public sealed class SqliteEnterprisesApiTests(SrdiWebFactory factory) : EnterprisesApiTests(factory), IClassFixture<SrdiWebFactory>;

public sealed class PostgresEnterprisesApiTests(PostgresWebFactory factory) : EnterprisesApiTests(factory), IClassFixture<PostgresWebFactory>;
