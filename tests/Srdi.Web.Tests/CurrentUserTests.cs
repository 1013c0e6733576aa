using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Srdi.Web.Hosting;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>Who a change is recorded as made by: the signed-in user's display name and login.</summary>
public sealed class CurrentUserTests
{
    private static string NameFor(ClaimsPrincipal user) =>
        new RequestUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } }).Name;

    [Fact]
    public void NoOneSignedIn_IsAnonymous() => Assert.Equal("匿名", NameFor(new ClaimsPrincipal(new ClaimsIdentity())));

    [Fact]
    public void AnAuthenticatedUserWithoutDisplayName_IsTheirLogin() =>
        Assert.Equal("zhangsan", NameFor(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "zhangsan")], "test"))));

    [Fact]
    public void AnAuthenticatedUser_IsTheirDisplayNameAndLogin() =>
        Assert.Equal("张三（zhangsan）", NameFor(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "zhangsan"), new Claim(Srdi.Web.Accounts.Principals.DisplayNameClaim, "张三")], "test"))));

    [Fact]
    public void NoRequest_IsAnonymous() => Assert.Equal(RequestUser.Anonymous, new RequestUser(new HttpContextAccessor()).Name);
}
