using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Database;
using Srdi.Storage.Hosting;
using Srdi.Storage.Records;

namespace Srdi.Storage.Tests;

/// <summary>AddSrdiStorage as a host uses it: configuration in, a migrated database out.</summary>
public sealed class StorageHostingTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"srdi-storage-host-{Guid.NewGuid():N}");

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddSrdiStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public async Task Default_IsSqliteFileInTheDataFolder_MigratedAndSeededOnStart()
    {
        await using var services = Build(new() { ["Storage:DataFolder"] = folder, ["Storage:SeedExamples"] = "true" });

        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

        var contexts = services.GetRequiredService<IDbContextFactory<SrdiDbContext>>();
        Assert.Equal(StorageProvider.Sqlite, ((SrdiDbContextFactory)contexts).Provider);
        Assert.True(File.Exists(Path.Combine(folder, StorageOptions.SqliteFileName)));
        var page = await services.GetRequiredService<EnterpriseRecords>().ListAsync(new EnterpriseFilter());
        Assert.Equal(Directory.GetFiles(ExampleEnterprises.Shipped, "*.json").Length, page.Total);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_SaysWhatToSet()
    {
        using var services = Build(new() { ["Storage:Provider"] = "postgres" });

        var refused = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IDbContextFactory<SrdiDbContext>>());

        Assert.Contains("ConnectionStrings:Srdi", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithConnectionString_UsesPostgres()
    {
        using var services = Build(new() { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Srdi"] = "Host=127.0.0.1;Database=srdi" });

        var contexts = (SrdiDbContextFactory)services.GetRequiredService<IDbContextFactory<SrdiDbContext>>();

        Assert.Equal(StorageProvider.Postgres, contexts.Provider);
        using var db = contexts.CreateDbContext();
        Assert.IsType<PostgresSrdiDbContext>(db);
    }

    [Fact]
    public void UnknownProvider_IsRefusedInChinese()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StorageConfiguration.ParseProvider("mysql"));

        Assert.Contains("Storage:Provider 应为 sqlite 或 postgres", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
