using Srdi.Storage.Database;
using Srdi.Storage.Records;

namespace Srdi.Storage.Tests;

/// <summary>The examples seed an empty database once and only once.</summary>
public abstract class ExampleEnterprisesTests : StorageTests
{
    private static readonly string[] ExampleFiles = Directory.GetFiles(ExampleEnterprises.Shipped, "*.json");

    [Fact]
    public async Task Seed_EmptyDatabase_CreatesEveryExample_AndTheSecondTimeNothing()
    {
        Assert.NotEmpty(ExampleFiles);

        Assert.Equal(ExampleFiles.Length, await Examples().SeedAsync());
        Assert.Equal(0, await Examples().SeedAsync());

        Assert.Equal((ExampleFiles.Length, ExampleFiles.Length), await CountRowsAsync());
        foreach (var file in ExampleFiles)
        {
            var json = await File.ReadAllTextAsync(file);
            var record = await Records.GetAsync(Profiles.ReadText(json).Id);
            Assert.NotNull(record);
            Assert.Equal((1, json, ExampleEnterprises.SeededBy), (record.Version, record.ProfileJson, record.ChangedBy));
        }
    }

    [Fact]
    public async Task Seed_DatabaseWithARecord_AddsNothing()
    {
        await Records.CreateAsync(Profile("91440300MA5REAL001"), "张三");

        Assert.Equal(0, await Examples().SeedAsync());

        Assert.Equal((1, 1), await CountRowsAsync());
    }
}

public sealed class SqliteExampleEnterprisesTests : ExampleEnterprisesTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresExampleEnterprisesTests : ExampleEnterprisesTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
