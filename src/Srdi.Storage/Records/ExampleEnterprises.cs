using Microsoft.EntityFrameworkCore;
using Srdi.Storage.Database;

namespace Srdi.Storage.Records;

/// <summary>Loads the example enterprises (the repository's examples/*.json, shipped beside the
/// program) into an empty database, for demonstrations and a first look at the platform. A
/// database that holds any record is left as it is, so seeding twice adds nothing.</summary>
public sealed class ExampleEnterprises(EnterpriseRecords records, IDbContextFactory<SrdiDbContext> contexts)
{
    public const string FolderName = "examples";

    /// <summary>Who the seeded versions are recorded as changed by.</summary>
    public const string SeededBy = "系统（示例数据）";

    /// <summary>The examples that ship with the program.</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>Creates a record for each profile in <paramref name="folder"/> (default: the shipped
    /// examples) if the database has none; returns how many were created.</summary>
    public async Task<int> SeedAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Enterprises.AnyAsync(cancellationToken)) return 0;
        }
        var created = 0;
        foreach (var file in Directory.GetFiles(folder ?? Shipped, "*.json").Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            await records.CreateAsync(json, SeededBy, $"示例档案 {Path.GetFileName(file)}", cancellationToken: cancellationToken);
            created++;
        }
        return created;
    }
}
