using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Accounts;
using Srdi.Storage.Entities;

namespace Srdi.Storage.Database;

/// <summary>The enterprise records' database. The model is declared once here; each provider has
/// its own derived context (<see cref="SqliteSrdiDbContext"/>, <see cref="PostgresSrdiDbContext"/>)
/// only so that each keeps its own migrations (Migrations/Sqlite, Migrations/Postgres): the SQL
/// types differ, the model does not. The accounts (Identity's users and roles, the
/// assignments and the API tokens) live in the same database, so that a record and the links
/// that open it to its users are written in one transaction.</summary>
public abstract class SrdiDbContext(DbContextOptions options) : IdentityDbContext<SrdiUser>(options)
{
    public const int IdLength = 64;
    public const int NameLength = 200;
    public const int AreaLength = 50;
    public const int UserLength = 100;
    public const int NoteLength = 500;

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<ProfileVersion> ProfileVersions => Set<ProfileVersion>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The catalog's measures as text for full-text search (Search/PolicySearch.cs).</summary>
    public DbSet<PolicyText> PolicyTexts => Set<PolicyText>();
    public DbSet<PolicyTextSet> PolicyTextSets => Set<PolicyTextSet>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<SrdiUser>(u => u.Property(x => x.DisplayName).HasMaxLength(UserLength));
        builder.Entity<Assignment>(a =>
        {
            a.ToTable("Assignments");
            a.HasKey(x => new { x.UserId, x.EnterpriseId });
            a.Property(x => x.EnterpriseId).HasMaxLength(IdLength);
            a.Property(x => x.AssignedBy).HasMaxLength(UserLength);
            a.HasIndex(x => x.EnterpriseId);
            a.HasOne<SrdiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ApiToken>(t =>
        {
            t.ToTable("ApiTokens");
            t.HasKey(x => x.Id);
            t.Property(x => x.Name).HasMaxLength(UserLength);
            t.Property(x => x.Hash).HasMaxLength(64);
            t.Property(x => x.Prefix).HasMaxLength(16);
            t.HasIndex(x => x.Hash).IsUnique();
            t.HasOne<SrdiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Enterprise>(e =>
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
        builder.Entity<ProfileVersion>(v =>
        {
            v.ToTable("ProfileVersions");
            v.HasKey(x => new { x.EnterpriseId, x.Number });
            v.Property(x => x.EnterpriseId).HasMaxLength(IdLength);
            v.Property(x => x.Number).ValueGeneratedNever();
            v.Property(x => x.ChangedBy).HasMaxLength(UserLength);
            v.Property(x => x.Note).HasMaxLength(NoteLength);
            v.ToTable(t => t.HasCheckConstraint("CK_ProfileVersions_Number", "\"Number\" >= 1"));
        });
        builder.ApplyConfiguration(new PolicyTextConfiguration());
        builder.ApplyConfiguration(new PolicyTextSetConfiguration());
    }
}
