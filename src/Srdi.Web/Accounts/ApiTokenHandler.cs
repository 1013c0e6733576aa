using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Srdi.Storage.Accounts;
using Srdi.Web.Hosting;

namespace Srdi.Web.Accounts;

/// <summary>Signs a program in by <c>Authorization: Bearer srdi_…</c> (<see cref="ApiTokens"/>):
/// the token's user, with the same roles and claims as a cookie sign-in. A token of a locked or
/// deleted user signs nobody in. Challenges and refusals answer problem+json, never a redirect.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokens tokens, UserManager<SrdiUser> users, IUserClaimsPrincipalFactory<SrdiUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.Fail("not a bearer token");
        var userId = await tokens.FindUserAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (userId is null || await users.FindByIdAsync(userId) is not { } user) return AuthenticateResult.Fail("unknown or revoked token");
        if (await users.IsLockedOutAsync(user)) return AuthenticateResult.Fail("locked out");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.Write(Context, StatusCodes.Status401Unauthorized,
            "需要 API 令牌：在请求头 Authorization: Bearer srdi_… 中给出（登录后在“API 令牌”页面生成）；令牌无效、已撤销或账户已锁定时同样拒绝",
            "token-required");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "该账户的角色无权进行此操作", "forbidden");
}
