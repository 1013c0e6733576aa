using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Srdi.Storage.Accounts;
using Srdi.Storage.Database;

namespace Srdi.Web.Accounts;

/// <summary>One demo sign-in: the role it shows, its login and the password it has this run.</summary>
public sealed record DemoAccount(string Role, string UserName, string DisplayName, string Password);

/// <summary>Makes sure the roles exist and, when <see cref="AccountOptions.SeedDemo"/> is on,
/// that a demo account of each role exists with a fresh random password for this run (printed
/// at start-up; no password is ever kept in the repository or on disk). The enterprise user is
/// linked to the 南山 example enterprise; the service officer to every example enterprise
/// registered in 深圳. Runs after the storage migrator (hosted services start in order).</summary>
public sealed class DemoAccounts(IServiceScopeFactory scopes, IDbContextFactory<SrdiDbContext> contexts, IOptions<AccountOptions> options, TimeProvider clock) : IHostedService
{
    public const string EnterpriseExample = "91440300MA5NSLG001";
    private const string DemoCity = "深圳市";
    private const string SeededBy = "系统（演示账户）";

    private static readonly (string Role, string UserName, string DisplayName)[] Plan =
    [
        (Roles.Admin, "admin", "系统管理员（演示）"),
        (Roles.Officer, "officer", "深圳市服务专员（演示）"),
        (Roles.Enterprise, "owner", "南山某精密传感 企业用户（演示）"),
    ];

    /// <summary>The demo accounts of this run (empty when seeding is off).</summary>
    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        if (!options.Value.SeedDemo) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<SrdiUser>>();
        var accounts = new List<DemoAccount>();
        foreach (var (role, userName, displayName) in Plan)
        {
            var password = NewPassword();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new SrdiUser { UserName = userName, DisplayName = displayName };
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, role));
            }
            else
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            await LinkAsync(role, user.Id, cancellationToken);
            accounts.Add(new DemoAccount(role, userName, displayName, password));
        }
        Accounts = accounts;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LinkAsync(string role, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = role switch
        {
            Roles.Enterprise => await db.Enterprises.Where(e => e.Id == EnterpriseExample).Select(e => e.Id).ToListAsync(cancellationToken),
            Roles.Officer => await db.Enterprises.Where(e => e.City == DemoCity).Select(e => e.Id).ToListAsync(cancellationToken),
            _ => [],
        };
        var linked = await db.Assignments.Where(a => a.UserId == userId).Select(a => a.EnterpriseId).ToListAsync(cancellationToken);
        foreach (var id in ids.Except(linked, StringComparer.Ordinal))
            db.Assignments.Add(new Assignment { UserId = userId, EnterpriseId = id, AssignedBy = SeededBy, AssignedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>16 characters from an alphabet without look-alikes, with each class Identity asks for.</summary>
    private static string NewPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string capitals = "ABCDEFGHJKMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var all = letters + capitals + digits;
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[0] = capitals[RandomNumberGenerator.GetInt32(capitals.Length)];
        chars[1] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[^1] = '!';
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("演示账户创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
