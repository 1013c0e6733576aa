using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Srdi.Storage.Database;

// dotnet-ef builds the contexts through these to generate migrations; neither connects to a
// server, so the connection strings only name the provider (docs/storage.md).

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSrdiDbContext>
{
    public SqliteSrdiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSrdiDbContext>().UseSqlite("Data Source=srdi-design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSrdiDbContext>
{
    public PostgresSrdiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSrdiDbContext>().UseNpgsql("Host=127.0.0.1;Database=srdi_design").Options);
}
