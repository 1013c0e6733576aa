using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Srdi.Application;
using Srdi.Application.Profiles;
using Srdi.Storage.Database;
using Srdi.Storage.Hosting;
using Srdi.Storage.Records;
using Srdi.Storage.Search;

namespace Srdi.Storage.Tests;

/// <summary>The base of every storage test class: each test gets an empty database of its own on
/// <see cref="Provider"/>, migrated, and the records over it. Each class is declared twice, once
/// per provider (Sqlite… and Postgres…), so both run the same tests.</summary>
public abstract class StorageTests : IAsyncLifetime
{
    private static readonly Lazy<PolicyNavigator> SharedNavigator = new(() => PolicyNavigator.Open());
    private TestDatabase? database;

    protected abstract StorageProvider Provider { get; }

    /// <summary>The catalog that ships with the program, loaded once for all tests.</summary>
    protected static PolicyNavigator Navigator => SharedNavigator.Value;
    protected static ProfileReader Profiles => Navigator.Profiles;
    protected FixedClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
    protected SrdiDbContextFactory Contexts { get; private set; } = null!;
    protected EnterpriseRecords Records { get; private set; } = null!;
    protected string ConnectionString => database!.ConnectionString;

    public virtual async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Provider);
        Contexts = new SrdiDbContextFactory(Provider, database.ConnectionString);
        Records = new EnterpriseRecords(Contexts, Profiles, Clock);
        if (MigrateFirst) await Migrator(Contexts).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    /// <summary>False for tests of the migrations themselves, which start from an empty database.</summary>
    protected virtual bool MigrateFirst => true;

    /// <summary>Records whose database fails the way the interceptor says.</summary>
    protected EnterpriseRecords RecordsFailingOn(IInterceptor interceptor) =>
        new(new SrdiDbContextFactory(Provider, ConnectionString, o => o.AddInterceptors(interceptor)), Profiles, Clock);

    protected ExampleEnterprises Examples(EnterpriseRecords? records = null) => new(records ?? Records, Contexts);

    protected StorageMigrator Migrator(IDbContextFactory<SrdiDbContext> contexts) =>
        new(contexts, new ExampleEnterprises(Records, contexts), Search(contexts), Microsoft.Extensions.Options.Options.Create(new StorageOptions()));

    /// <summary>The policy search over the shipped catalog on this test's database.</summary>
    protected PolicySearch Search(IDbContextFactory<SrdiDbContext>? contexts = null) => new(contexts ?? Contexts, Navigator, Clock);

    protected async Task<(int Enterprises, int Versions)> CountRowsAsync()
    {
        await using var db = Contexts.CreateDbContext();
        return (await db.Enterprises.CountAsync(), await db.ProfileVersions.CountAsync());
    }

    /// <summary>A valid profile (docs/profile.md) with the given id, name and area.</summary>
    protected static string Profile(string id, string name = "深圳市南山某精密传感科技有限公司", string city = "深圳市", string district = "南山区", string rent = "1200万") =>
        $$"""
        {
          "id": "{{id}}",
          "name": "{{name}}",
          "area": { "province": "{{ProvinceOf(city)}}", "city": "{{city}}", "district": "{{district}}", "since": "2016-05-20" },
          "certificates": [ { "kind": "little-giant", "issuer": "工业和信息化部", "issued_on": "2024-07-15" } ],
          "facts": { "sector": "工业", "office_rent_annual": "{{rent}}" }
        }
        """;

    private static string ProvinceOf(string city) => city switch
    {
        "南京市" => "江苏省",
        "厦门市" => "福建省",
        _ => "广东省",
    };
}
