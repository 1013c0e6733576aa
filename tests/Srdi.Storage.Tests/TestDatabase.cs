using Microsoft.Data.Sqlite;
using Npgsql;
using Srdi.Storage.Database;

namespace Srdi.Storage.Tests;

/// <summary>An empty database of its own for one test, dropped afterwards.</summary>
internal abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The PostgreSQL server the tests use (a connection string to any database on it
    /// whose user may create databases). CI always sets it (.ci/with-postgres).</summary>
    public const string PostgresVariable = "SRDI_TEST_POSTGRES";

    public abstract StorageProvider Provider { get; }
    public abstract string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => Task.FromResult<TestDatabase>(new SqliteTestDatabase()),
        StorageProvider.Postgres => PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"srdi-storage-{Guid.NewGuid():N}.db");

    public override StorageProvider Provider => StorageProvider.Sqlite;
    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string server;
    private readonly string name;

    private PostgresTestDatabase(string server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    public override StorageProvider Provider => StorageProvider.Postgres;
    public override string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"未设置环境变量 {PostgresVariable}：PostgreSQL 测试需要一个真实的 PostgreSQL 服务器，不能跳过。" +
                $"请用 bash .ci/with-postgres dotnet test 运行（它安装并启动一个临时服务器），或设置 {PostgresVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\"");
        var name = $"srdi_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new PostgresTestDatabase(server, name, database);
    }

    public override async ValueTask DisposeAsync()
    {
        await using (var own = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(own);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
