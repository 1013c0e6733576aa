using Microsoft.EntityFrameworkCore;

namespace Srdi.Storage.Database;

/// <summary>The records on PostgreSQL; its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresSrdiDbContext(DbContextOptions<PostgresSrdiDbContext> options) : SrdiDbContext(options);
