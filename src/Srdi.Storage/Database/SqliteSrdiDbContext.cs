using Microsoft.EntityFrameworkCore;

namespace Srdi.Storage.Database;

/// <summary>The records on SQLite (the default); its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteSrdiDbContext(DbContextOptions<SqliteSrdiDbContext> options) : SrdiDbContext(options);
