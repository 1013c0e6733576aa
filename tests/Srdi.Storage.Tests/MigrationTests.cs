using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Srdi.Storage.Database;

namespace Srdi.Storage.Tests;

/// <summary>The provider's migrations build the schema on an empty database and match the model.</summary>
public abstract class MigrationTests : StorageTests
{
    protected override bool MigrateFirst => false;

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        await using (var db = Contexts.CreateDbContext())
        {
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetPendingMigrationsAsync());
        }

        await Migrator(Contexts).MigrateAsync();

        await using (var db = Contexts.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        Assert.Equal((0, 0), await CountRowsAsync());
        Assert.Equal(1, (await Records.CreateAsync(Profile("91440300MA5NSLG001"), "张三")).Version);
    }

    [Fact]
    public async Task Migrate_UpToDateDatabase_ChangesNothing()
    {
        await Migrator(Contexts).MigrateAsync();
        await Records.CreateAsync(Profile("91440300MA5NSLG001"), "张三");

        await Migrator(Contexts).MigrateAsync();

        Assert.Equal((1, 1), await CountRowsAsync());
    }

    [Fact]
    public void Model_HasNoChangeMissingFromTheMigrations()
    {
        using var db = Contexts.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"模型已改变但 {Provider} 没有对应的迁移：按 docs/storage.md 为两个数据库各加一个迁移");
    }
}

public sealed class SqliteMigrationTests : MigrationTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresMigrationTests : MigrationTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>Conventions over both providers' migrations, no database needed.</summary>
public sealed class MigrationConventionTests
{
    [Fact]
    public void Migrations_OfBothProviders_AreTheSameSteps()
    {
        static IEnumerable<string> Names<TContext>(Func<TContext> create) where TContext : DbContext
        {
            using var db = create();
            var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys;
            return migrations.Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();
        }

        var sqlite = Names(() => new SqliteSrdiDbContext(new DbContextOptionsBuilder<SqliteSrdiDbContext>().UseSqlite("Data Source=:memory:").Options));
        var postgres = Names(() => new PostgresSrdiDbContext(new DbContextOptionsBuilder<PostgresSrdiDbContext>().UseNpgsql("Host=127.0.0.1").Options));

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }
}
