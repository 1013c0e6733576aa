using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Srdi.Storage.Entities;

namespace Srdi.Storage.Database;

// The policy search's tables, kept apart from the records' model so that a migration of either
// can be regenerated on its own. The full-text parts EF does not model (the SQLite FTS5 table and
// its triggers, PostgreSQL's pg_trgm index) are raw SQL in PolicySearchSql, run by the
// PolicySearch migration of each provider.

internal sealed class PolicyTextConfiguration : IEntityTypeConfiguration<PolicyText>
{
    public const int MeasureIdLength = 100;

    public void Configure(EntityTypeBuilder<PolicyText> p)
    {
        p.ToTable("PolicyTexts");
        p.HasKey(x => x.Position);
        // Catalog order, written by the refresh; on SQLite an INTEGER PRIMARY KEY (the rowid the
        // FTS5 table reads through content_rowid).
        p.Property(x => x.Position).ValueGeneratedNever();
        p.Property(x => x.MeasureId).HasMaxLength(MeasureIdLength);
        p.Property(x => x.DocumentId).HasMaxLength(MeasureIdLength);
        p.HasIndex(x => x.MeasureId).IsUnique();
    }
}

internal sealed class PolicyTextSetConfiguration : IEntityTypeConfiguration<PolicyTextSet>
{
    public void Configure(EntityTypeBuilder<PolicyTextSet> s)
    {
        s.ToTable("PolicyTextSets");
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).HasMaxLength(20);
        s.Property(x => x.Fingerprint).HasMaxLength(64);
    }
}
