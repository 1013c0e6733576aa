using Srdi.Storage.Database;
using Srdi.Storage.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Srdi.Storage.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace Srdi.Web.Tests;

/// <summary>The web host as it runs, over the repository's catalog (the one authors edit, found
/// by walking up to Srdi.slnx), a clock fixed at <see cref="Today"/>, and an empty database of
/// its own for the test class (SQLite unless <see cref="Postgres"/>), migrated and seeded with
/// the examples on start as appsettings.json says.</summary>
public class SrdiWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    private TestDatabase? database;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Example(string name) => Path.Combine(RepositoryRoot, "examples", name);

    protected virtual TimeProvider Clock => new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    /// <summary>The records on a fresh database of the PostgreSQL server in SRDI_TEST_POSTGRES
    /// (the tests fail, never skip, without it) instead of a temporary SQLite file.</summary>
    protected virtual bool Postgres => false;

    /// <summary>The display name of the administrator every test class gets (<see cref="AdminClient"/>).</summary>
    public const string AdminName = "测试管理员";

    /// <summary>How the administrator's changes are recorded (display name and login).</summary>
    public const string AdminChangedBy = AdminName + "（test-admin）";

    private string? _adminToken;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Postgres ? StorageProvider.Postgres : StorageProvider.Sqlite);
        if (CreatesAdmin) _adminToken = (await CreateUserAsync("test-admin", AdminName, Roles.Admin)).Token;
    }

    /// <summary>Whether <see cref="InitializeAsync"/> makes the administrator (making a token reads the clock).</summary>
    protected virtual bool CreatesAdmin => true;

    /// <summary>A client that signs in to the API as an administrator, by API token.</summary>
    public HttpClient AdminClient() => TokenClient(_adminToken ?? throw new InvalidOperationException("工厂尚未初始化"));

    /// <summary>A client that sends <paramref name="token"/> with every request.</summary>
    public HttpClient TokenClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user with a role, linked to the given enterprises, and an API token for
    /// it. The password is <see cref="Password"/>.</summary>
    public async Task<(string UserId, string Token)> CreateUserAsync(string userName, string displayName, string role, params string[] enterprises)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SrdiUser>>();
        var user = new SrdiUser { UserName = userName, DisplayName = displayName };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        foreach (var id in enterprises)
            if (!await Services.GetRequiredService<Assignments>().AssignAsync(user.Id, id, "测试"))
                throw new InvalidOperationException($"无法分配企业 {id}");
        var token = await Services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "测试令牌") ?? throw new InvalidOperationException("无法生成令牌");
        return (user.Id, token);
    }

    /// <summary>The password of every user made by <see cref="CreateUserAsync"/>.</summary>
    public const string Password = "test-password-2025";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var db = database ?? throw new InvalidOperationException("测试数据库尚未创建：工厂应作为 xUnit 的 class fixture 使用");
        builder.UseSetting("Srdi:Catalog", Path.Combine(RepositoryRoot, "catalog"));
        builder.UseSetting("Storage:Provider", Srdi.Model.Vocabulary.Codes.Of(db.Provider));
        builder.UseSetting("ConnectionStrings:Srdi", db.ConnectionString);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is { } db)
        {
            database = null;
            await db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Srdi.slnx"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（Srdi.slnx）");
    }
}

/// <summary>A clock that always reads the same instant, in UTC.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A clock that fails when read: the host must answer 500 problem+json without the
/// exception's message or stack trace. (No examples are seeded and the policy search is not
/// refreshed on start: both read the clock.)</summary>
public sealed class BrokenClockFactory : SrdiWebFactory
{
    protected override TimeProvider Clock => new BrokenClock();

    protected override bool CreatesAdmin => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:SeedExamples", "false");
        builder.UseSetting("Storage:RefreshPolicySearchOnStart", "false");
    }

    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("secret internal failure");
    }
}

/// <summary>The web host over a fresh PostgreSQL database.</summary>
public sealed class PostgresWebFactory : SrdiWebFactory
{
    protected override bool Postgres => true;
}
