using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Srdi.Storage.Accounts;
using Srdi.Storage.Database;
using Srdi.Web.Hosting;

namespace Srdi.Web.Accounts;

/// <summary>Accounts and roles: ASP.NET Core Identity over the platform's database (hashed
/// passwords, lockout, cookie sign-in for pages), API tokens for programs, the roles' policies,
/// sign-in rate limiting, and the demo accounts.</summary>
public static class AccountsExtensions
{
    /// <summary>Requires an administrator.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Requires a program signed in by an API token (the API does not accept the pages'
    /// cookie, so a page of another site cannot make a signed-in browser call it).</summary>
    public const string ApiPolicy = "api";

    /// <summary>The rate limiter's policy for sign-in attempts.</summary>
    public const string SignInLimit = "sign-in";

    public static IServiceCollection AddSrdiAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section));

        services.AddIdentity<SrdiUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SrdiDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<DisplayNameClaims>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(c =>
        {
            c.Cookie.Name = "srdi.auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.LoginPath = "/account/login";
            c.LogoutPath = "/account/logout";
            c.AccessDeniedPath = "/account/denied";
            c.ExpireTimeSpan = TimeSpan.FromHours(8);
            c.SlidingExpiration = true;
        });

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context =>
            {
                // Only attempts count: showing the form is free.
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("form");
                var permits = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "登录尝试过于频繁，请一分钟后再试", "too-many-sign-ins");
            };
        });

        services.AddSingleton<EnterpriseAccessPageFilter>();
        services.AddSingleton<DemoAccounts>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoAccounts>());
        return services;
    }

    /// <summary>Security headers, the rate limiter, then who is asking and what they may do.</summary>
    public static WebApplication UseSrdiAccounts(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
