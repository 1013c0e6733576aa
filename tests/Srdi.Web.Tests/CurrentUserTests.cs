using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Srdi.Web.Hosting;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>Who a change is recorded as made by, until accounts exist.</summary>
public sealed class CurrentUserTests
{
    private static string NameFor(ClaimsPrincipal user) =>
        new RequestUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } }).Name;

    [Fact]
    public void NoOneSignedIn_IsAnonymous() => Assert.Equal("匿名（尚未启用账户）", NameFor(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public void AnAuthenticatedUser_IsTheirName() =>
        Assert.Equal("张三", NameFor(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "张三")], "test"))));

    [Fact]
    public void NoRequest_IsAnonymous() => Assert.Equal(RequestUser.Anonymous, new RequestUser(new HttpContextAccessor()).Name);
}
