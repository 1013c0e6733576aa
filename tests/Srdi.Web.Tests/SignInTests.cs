using System.Net;
using Microsoft.AspNetCore.Hosting;
using Srdi.Storage.Accounts;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>The host with a small sign-in allowance, so that the rate limit is reached quickly.</summary>
public sealed class LimitedSignInFactory : SrdiWebFactory
{
    public const int Permits = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:SignInPermitsPerMinute", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Signing in: the password, the lockout after repeated failures, the anti-forgery
/// token, the rate limit, and signing out.</summary>
public sealed class SignInTests(SrdiWebFactory factory) : IClassFixture<SrdiWebFactory>
{
    [Fact]
    public async Task RightPassword_SignsInAndOpensTheEnterprisePages_SignOutCloses()
    {
        await factory.CreateUserAsync("signin-ok", "登录测试", Roles.Officer);
        var browsing = Browsing.For(factory);
        Assert.StartsWith("/account/login", (await browsing.GetAsync("/enterprises")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var response = await browsing.SignInAsync("signin-ok", SrdiWebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browsing.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("登录测试 · 服务专员", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await browsing.TokenAsync("/enterprises");
        Assert.Equal(HttpStatusCode.Redirect, (await browsing.PostAsync("/account/logout", token, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browsing.GetAsync("/enterprises")).StatusCode);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedInChinese_AndFiveLockTheAccount()
    {
        await factory.CreateUserAsync("signin-lock", "锁定测试", Roles.Enterprise);
        var browsing = Browsing.For(factory);
        for (var i = 0; i < 5; i++)
        {
            var refused = await browsing.SignInAsync("signin-lock", "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.True(html.Contains("登录名或密码不正确", StringComparison.Ordinal) || html.Contains("已暂时锁定", StringComparison.Ordinal));
        }
        // Locked: even the right password does not sign in now.
        var locked = await browsing.SignInAsync("signin-lock", SrdiWebFactory.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("已暂时锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // An unknown login reads exactly like a wrong password.
        var unknown = await browsing.SignInAsync("no-such-user", "wrong-password-1");
        Assert.Contains("登录名或密码不正确", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithoutItsAntiForgeryToken_IsRefused()
    {
        await factory.CreateUserAsync("signin-csrf", "防伪测试", Roles.Enterprise);
        var browsing = Browsing.For(factory);
        var response = await browsing.PostAsync("/account/login", null, new() { ["UserName"] = "signin-csrf", ["Password"] = SrdiWebFactory.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browsing.GetAsync("/enterprises")).StatusCode);
    }
}

/// <summary>Sign-in attempts beyond the allowance per minute are refused with 429.</summary>
public sealed class SignInRateLimitTests(LimitedSignInFactory factory) : IClassFixture<LimitedSignInFactory>
{
    [Fact]
    public async Task AttemptsBeyondTheAllowance_Are429_ShowingTheFormIsNot()
    {
        var browsing = Browsing.For(factory);
        var token = await browsing.TokenAsync("/account/login");
        for (var i = 0; i < LimitedSignInFactory.Permits; i++)
        {
            var response = await browsing.PostAsync("/account/login", token, new() { ["UserName"] = "nobody", ["Password"] = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var limited = await browsing.PostAsync("/account/login", token, new() { ["UserName"] = "nobody", ["Password"] = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("登录尝试过于频繁", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await browsing.GetAsync("/account/login")).StatusCode);
    }
}
