using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Entities;

namespace Srdi.Storage.Database;

/// <summary>The enterprise records' database. The model is declared once here; each provider has
/// its own derived context (<see cref="SqliteSrdiDbContext"/>, <see cref="PostgresSrdiDbContext"/>)
/// only so that each keeps its own migrations (Migrations/Sqlite, Migrations/Postgres): the SQL
/// types differ, the model does not.</summary>
public abstract class SrdiDbContext(DbContextOptions options) : DbContext(options)
{
    public const int IdLength = 64;
    public const int NameLength = 200;
    public const int AreaLength = 50;
    public const int UserLength = 100;
    public const int NoteLength = 500;

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<ProfileVersion> ProfileVersions => Set<ProfileVersion>();

    /// <summary>The catalog's measures as text for full-text search (Search/PolicySearch.cs).</summary>
    public DbSet<PolicyText> PolicyTexts => Set<PolicyText>();
    public DbSet<PolicyTextSet> PolicyTextSets => Set<PolicyTextSet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Enterprise>(e =>
        {
            e.ToTable("Enterprises");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Province).HasMaxLength(AreaLength);
            e.Property(x => x.City).HasMaxLength(AreaLength);
            e.Property(x => x.District).HasMaxLength(AreaLength);
            e.Property(x => x.CreatedBy).HasMaxLength(UserLength);
            e.Property(x => x.CurrentVersion).IsConcurrencyToken();
            e.HasIndex(x => new { x.City, x.District });
            e.ToTable(t => t.HasCheckConstraint("CK_Enterprises_CurrentVersion", "\"CurrentVersion\" >= 1"));
            e.HasMany(x => x.Versions).WithOne(v => v.Enterprise).HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProfileVersion>(v =>
        {
            v.ToTable("ProfileVersions");
            v.HasKey(x => new { x.EnterpriseId, x.Number });
            v.Property(x => x.EnterpriseId).HasMaxLength(IdLength);
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.ChangedBy).HasMaxLength(UserLength);
            v.Property(x => x.Note).HasMaxLength(NoteLength);
            v.ToTable(t => t.HasCheckConstraint("CK_ProfileVersions_Number", "\"Number\" >= 1"));
        });
        modelBuilder.ApplyConfiguration(new PolicyTextConfiguration());
        modelBuilder.ApplyConfiguration(new PolicyTextSetConfiguration());
    }
}
