using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Srdi.Storage.Database;
using Srdi.Storage.Records;
using Srdi.Storage.Search;

namespace Srdi.Storage.Hosting;

/// <summary>Brings the database to the latest migration of its provider when the host starts
/// (unless <see cref="StorageOptions.MigrateOnStart"/> is off), copies the loaded catalog into the
/// policy search's tables when it differs from the one there (unless
/// <see cref="StorageOptions.RefreshPolicySearchOnStart"/> is off), then seeds the examples if
/// asked. A program without a host calls <see cref="MigrateAsync"/> and
/// <see cref="PolicySearch.RefreshAsync(CancellationToken)"/> itself.</summary>
public sealed class StorageMigrator(IDbContextFactory<SrdiDbContext> contexts, ExampleEnterprises examples, PolicySearch search, IOptions<StorageOptions> options) : IHostedService
{
    /// <summary>Applies every pending migration; an up-to-date database is left as it is.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart) await MigrateAsync(cancellationToken);
        if (options.Value.RefreshPolicySearchOnStart) await search.RefreshAsync(cancellationToken);
        if (options.Value.SeedExamples) await examples.SeedAsync(folder: null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
