using Microsoft.Data.Sqlite;
using Npgsql;

namespace Srdi.Web.Tests;

/// <summary>An empty database of its own for one test class's web host, dropped afterwards: a
/// temporary SQLite file, or a fresh database on the PostgreSQL server named by
/// <see cref="PostgresVariable"/> (as tests/Srdi.Storage.Tests does).</summary>
internal abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SRDI_TEST_POSTGRES";

    /// <summary>The value of <c>Storage:Provider</c>.</summary>
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(bool postgres) =>
        postgres ? PostgresTestDatabase.CreateAsync() : Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"srdi-web-{Guid.NewGuid():N}.db");

    public override string Provider => "sqlite";
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

    public override string Provider => "postgres";
    public override string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"未设置环境变量 {PostgresVariable}：PostgreSQL 测试需要一个真实的 PostgreSQL 服务器，不能跳过。" +
                $"请用 bash .ci/with-postgres dotnet test 运行（它安装并启动一个临时服务器），或设置 {PostgresVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\"");
        var name = $"srdi_web_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresTestDatabase(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
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
