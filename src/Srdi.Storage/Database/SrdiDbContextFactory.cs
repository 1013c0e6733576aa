using Microsoft.EntityFrameworkCore;

namespace Srdi.Storage.Database;

/// <summary>Creates a context on the configured provider: a short-lived one per operation, so that
/// the services over it are thread-safe singletons like the application's others.</summary>
public sealed class SrdiDbContextFactory : IDbContextFactory<SrdiDbContext>
{
    private readonly Func<SrdiDbContext> create;

    public SrdiDbContextFactory(StorageProvider provider, string connectionString)
        : this(provider, connectionString, configure: null)
    {
    }

    /// <param name="configure">Extra options (tests add interceptors that inject failures).</param>
    internal SrdiDbContextFactory(StorageProvider provider, string connectionString, Action<DbContextOptionsBuilder>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        switch (provider)
        {
            case StorageProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteSrdiDbContext>().UseSqlite(connectionString);
                configure?.Invoke(sqlite);
                var sqliteOptions = sqlite.Options;
                create = () => new SqliteSrdiDbContext(sqliteOptions);
                break;
            case StorageProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresSrdiDbContext>().UseNpgsql(connectionString);
                configure?.Invoke(postgres);
                var postgresOptions = postgres.Options;
                create = () => new PostgresSrdiDbContext(postgresOptions);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    public StorageProvider Provider { get; }

    public SrdiDbContext CreateDbContext() => create();
}
