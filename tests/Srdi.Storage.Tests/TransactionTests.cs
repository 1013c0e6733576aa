using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Database;

namespace Srdi.Storage.Tests;

/// <summary>A write is one transaction: a failure part-way leaves nothing of it behind.</summary>
public abstract class TransactionTests : StorageTests
{
    private const string Id = "91440300MA5NSLG001";

    [Fact]
    public async Task Create_FailingAfterTheEnterpriseInsert_LeavesNeitherRow()
    {
        var failing = new FailingCommands(sql => sql.Contains("INSERT INTO \"Enterprises\"", StringComparison.Ordinal));

        await Assert.ThrowsAsync<DbUpdateException>(() => RecordsFailingOn(failing).CreateAsync(Profile(Id), "张三"));

        Assert.Equal(1, failing.Failures);
        Assert.Equal((0, 0), await CountRowsAsync());
        Assert.Null(await Records.GetAsync(Id));
        // The failure left the id free: the same profile is created afterwards.
        Assert.Equal(1, (await Records.CreateAsync(Profile(Id), "张三")).Version);
    }

    [Fact]
    public async Task Update_FailingAfterTheVersionInsert_KeepsThePreviousVersion()
    {
        await Records.CreateAsync(Profile(Id), "张三");
        var failing = new FailingCommands(sql => sql.Contains("INSERT INTO \"ProfileVersions\"", StringComparison.Ordinal));

        await Assert.ThrowsAsync<DbUpdateException>(() => RecordsFailingOn(failing).UpdateAsync(Id, Profile(Id, rent: "1500万"), "李四", 1));

        Assert.Equal(1, failing.Failures);
        Assert.Equal((1, 1), await CountRowsAsync());
        var current = await Records.GetAsync(Id);
        Assert.Equal((1, "张三"), (current!.Version, current.ChangedBy));
        Assert.Equal(2, (await Records.UpdateAsync(Id, Profile(Id, rent: "1500万"), "李四", 1)).Version);
    }

    [Fact]
    public async Task Update_FailingUpdateOfTheEnterprise_AddsNoVersion()
    {
        await Records.CreateAsync(Profile(Id), "张三");
        var failing = new FailingCommands(sql => sql.Contains("UPDATE \"Enterprises\"", StringComparison.Ordinal));

        await Assert.ThrowsAsync<DbUpdateException>(() => RecordsFailingOn(failing).UpdateAsync(Id, Profile(Id, rent: "1500万"), "李四", 1));

        Assert.Equal(1, failing.Failures);
        Assert.Equal([1], (await Records.HistoryAsync(Id)).Select(v => v.Number));
    }
}

public sealed class SqliteTransactionTests : TransactionTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresTransactionTests : TransactionTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
