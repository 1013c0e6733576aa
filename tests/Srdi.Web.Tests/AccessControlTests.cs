using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Storage.Accounts;
using Srdi.Storage.Records;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>One enterprise's user can neither read nor change another enterprise's record, by
/// any route that takes an enterprise id, in the API or in the pages. The routes are not listed
/// by hand: they are read from the running app's route table, so a route added later is tested
/// too. Each route is also opened by the record's own user, to prove the route was reached.</summary>
public abstract class AccessControlTests(SrdiWebFactory factory) : IAsyncLifetime
{
    private const string A = "ACL-ENTERPRISE-A";
    private const string B = "ACL-ENTERPRISE-B";
    private const string NameA = "甲访问控制测试科技有限公司";
    private const string NameB = "乙访问控制测试科技有限公司";

    private string _tokenA = "", _tokenB = "", _officerToken = "";
    private string _userA = "", _userB = "", _officer = "";

    private static string Profile(string id, string name) => $$"""
        { "id": "{{id}}", "name": "{{name}}",
          "area": { "province": "广东省", "city": "深圳市", "district": "南山区", "since": "2016-05-20" },
          "certificates": [ { "kind": "little-giant", "issuer": "工业和信息化部", "issued_on": "2024-07-15" } ],
          "facts": { "sector": "工业", "office_rent_annual": "1200万" } }
        """;

    public async Task InitializeAsync()
    {
        var records = factory.Services.GetRequiredService<EnterpriseRecords>();
        if (await records.GetAsync(A) is null)
        {
            await records.CreateAsync(Profile(A, NameA), "测试");
            await records.CreateAsync(Profile(B, NameB), "测试");
            (_, _tokenA) = await factory.CreateUserAsync("acl-owner-a", "甲企业用户", Roles.Enterprise, A);
            (_, _tokenB) = await factory.CreateUserAsync("acl-owner-b", "乙企业用户", Roles.Enterprise, B);
            (_, _officerToken) = await factory.CreateUserAsync("acl-officer", "专员", Roles.Officer, A);
        }
        _userA = "acl-owner-a";
        _userB = "acl-owner-b";
        _officer = "acl-officer";
        var tokens = factory.Services.GetRequiredService<ApiTokens>();
        // Each class fixture keeps its users; fresh tokens per test keep the tests independent.
        _tokenA = await NewTokenAsync(tokens, _userA);
        _tokenB = await NewTokenAsync(tokens, _userB);
        _officerToken = await NewTokenAsync(tokens, _officer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> NewTokenAsync(ApiTokens tokens, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SrdiUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        return await tokens.CreateAsync(user.Id, "访问控制测试") ?? throw new InvalidOperationException("令牌已达上限");
    }

    /// <summary>Every API route with an enterprise's {id}, with its methods, as the app routes them.</summary>
    private List<(string Method, string Route)> ApiRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/enterprises/", StringComparison.Ordinal) && e.RoutePattern.GetParameter("id") is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, Fill(e.RoutePattern.RawText!))))
            .ToList();

    /// <summary>Every page with an enterprise's {id} in its route.</summary>
    private List<string> PageRoutes() =>
        factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(p => p.AttributeRouteInfo?.Template)
            .OfType<string>()
            .Where(t => t.StartsWith("enterprises/", StringComparison.Ordinal) && t.Contains("{id}", StringComparison.Ordinal))
            .Select(t => Fill("/" + t))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string Fill(string template) =>
        template.Replace("{id}", A, StringComparison.Ordinal).Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{format}", "pdf", StringComparison.Ordinal) + (template.EndsWith("/report", StringComparison.Ordinal) ? "?format=pdf" : "");

    private static HttpRequestMessage Request(string method, string route, string token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(route, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (method is "PUT" or "POST")
        {
            request.Content = new StringContent(Profile(A, "篡改后的名称"), System.Text.Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        }
        return request;
    }

    [Fact]
    public async Task Api_EveryRouteWithAnEnterpriseId_IsClosedToAnotherEnterprisesUser()
    {
        var routes = ApiRoutes();
        Assert.True(routes.Count >= 8, $"expected the enterprise routes, found {routes.Count}");
        var client = factory.CreateClient();
        foreach (var (method, route) in routes)
        {
            // Not first: the route is reached by the record's own user (anything but 404/401/403).
            if (method != "PUT")
            {
                using var own = await client.SendAsync(Request(method, route, _tokenA));
                Assert.True(own.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"{method} {route} as the record's own user: {own.StatusCode}");
            }
            using var other = await client.SendAsync(Request(method, route, _tokenB));
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{method} {route} as another enterprise's user: {other.StatusCode}");
            var body = await other.Content.ReadAsStringAsync();
            Assert.DoesNotContain(NameA, body, StringComparison.Ordinal);
        }
        var record = await factory.Services.GetRequiredService<EnterpriseRecords>().GetAsync(A);
        Assert.Equal(NameA, record!.Name);
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public async Task Pages_EveryPageWithAnEnterpriseId_IsClosedToAnotherEnterprisesUser()
    {
        var routes = PageRoutes();
        Assert.True(routes.Count >= 5, $"expected the enterprise pages, found {routes.Count}");
        var owner = await Browsing.SignedInAsync(factory, _userA);
        var other = await Browsing.SignedInAsync(factory, _userB);
        // A valid anti-forgery token of the other user's own session, so a refusal is the access check's.
        var token = await other.TokenAsync("/enterprises/" + B + "/edit");
        foreach (var route in routes)
        {
            using var own = await owner.GetAsync(route);
            Assert.True(own.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"GET {route} as the record's own user: {own.StatusCode}");
            using var read = await other.GetAsync(route);
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            Assert.DoesNotContain(NameA, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var write = await other.PostAsync(route, token, new()
            {
                ["Profile"] = Profile(A, "篡改后的名称"),
                ["BaseVersion"] = "1",
            });
            Assert.True(write.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST {route} as another enterprise's user: {write.StatusCode}");
        }
        var record = await factory.Services.GetRequiredService<EnterpriseRecords>().GetAsync(A);
        Assert.Equal(NameA, record!.Name);
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public async Task Lists_ShowOnlyTheRecordsOpenToTheUser()
    {
        async Task<string[]> IdsAsync(string token)
        {
            using var client = factory.TokenClient(token);
            var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/enterprises?pageSize=200", UriKind.Relative))).RootElement;
            return page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
        }
        Assert.Equal([A], await IdsAsync(_tokenA));
        Assert.Equal([B], await IdsAsync(_tokenB));
        Assert.Equal([A], await IdsAsync(_officerToken));
        using var admin = factory.AdminClient();
        var all = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/enterprises?pageSize=200", UriKind.Relative))).RootElement;
        Assert.Contains(all.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == B);

        var officer = await Browsing.SignedInAsync(factory, _officer);
        var html = await (await officer.GetAsync("/enterprises")).Content.ReadAsStringAsync();
        Assert.Contains(NameA, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NameB, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordCreatedByAnEnterpriseUser_IsTheirsAndNoOneElses()
    {
        var id = "ACL-NEW-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (_, creatorToken) = await factory.CreateUserAsync("acl-creator-" + id[8..].ToLowerInvariant(), "丙企业用户", Roles.Enterprise);
        using var creator = factory.TokenClient(creatorToken);
        var created = await creator.PostAsync(new Uri("/api/v1/enterprises", UriKind.Relative),
            new StringContent(Profile(id, "丙新建测试有限公司"), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await creator.GetAsync(new Uri("/api/v1/enterprises/" + id, UriKind.Relative))).StatusCode);
        using var stranger = factory.TokenClient(_tokenA);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri("/api/v1/enterprises/" + id, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Administration_IsForAdministratorsOnly()
    {
        var officer = await Browsing.SignedInAsync(factory, _officer);
        var refused = await officer.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var anonymous = await Browsing.For(factory).GetAsync("/admin/users");
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_RefusesNoTokenARevokedTokenAndTheCookie()
    {
        var none = await factory.CreateClient().GetAsync(new Uri("/api/v1/enterprises", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("API 令牌", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A signed-in browser's cookie does not open the API: another site's page cannot use it.
        var browser = await Browsing.SignedInAsync(factory, _userA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/enterprises/" + A)).StatusCode);

        var tokens = factory.Services.GetRequiredService<ApiTokens>();
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SrdiUser>>().FindByNameAsync(_userA);
        var line = (await tokens.ListAsync(user!.Id)).First(t => _tokenA.StartsWith(t.Prefix, StringComparison.Ordinal) && t.RevokedAt is null);
        Assert.True(await tokens.RevokeAsync(user.Id, line.Id));
        using var revoked = factory.TokenClient(_tokenA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync(new Uri("/api/v1/enterprises/" + A, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeaders()
    {
        foreach (var route in new[] { "/", "/policies", "/account/login", "/api/v1/documents" })
        {
            var response = await factory.CreateClient().GetAsync(new Uri(route, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.True(response.Headers.Contains("Referrer-Policy"));
        }
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        var admin = await Browsing.SignedInAsync(factory, "test-admin");
        foreach (var route in new[] { "/", "/policies", "/check", "/enterprises", "/enterprises/" + A, "/enterprises/" + A + "/history", "/admin/users", "/account/tokens" })
        {
            var html = await (await admin.GetAsync(route)).Content.ReadAsStringAsync();
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteAccessControlTests(SrdiWebFactory factory) : AccessControlTests(factory), IClassFixture<SrdiWebFactory>;

public sealed class PostgresAccessControlTests(PostgresWebFactory factory) : AccessControlTests(factory), IClassFixture<PostgresWebFactory>;
