using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Srdi.Application.Hosting;
using Srdi.Application.Profiles;
using Srdi.Storage.Database;
using Srdi.Storage.Records;
using Srdi.Storage.Search;

namespace Srdi.Storage.Hosting;

/// <summary>The one entry point a host uses for the enterprise records.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="EnterpriseRecords"/>, <see cref="ExampleEnterprises"/>, <see cref="PolicySearch"/>, the
    /// context factory and <see cref="StorageMigrator"/> (a hosted service: a generic or web host
    /// migrates on start). Reads <c>Storage:Provider</c> and <c>ConnectionStrings:Srdi</c>; adds the
    /// application services too when the host has not (profiles are validated by its reader).</summary>
    public static IServiceCollection AddSrdiStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(ProfileReader))) services.AddSrdiNavigator(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDbContextFactory<SrdiDbContext>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var provider = StorageConfiguration.ParseProvider(options.Provider);
            var connection = StorageConfiguration.ConnectionString(provider, configuration.GetConnectionString(StorageOptions.ConnectionStringName), options.DataFolder);
            return new SrdiDbContextFactory(provider, connection);
        });
        services.AddSingleton<EnterpriseRecords>();
        services.AddSingleton<Accounts.EnterpriseAccess>();
        services.AddSingleton<Accounts.Assignments>();
        services.AddSingleton<Accounts.ApiTokens>();
        // Identity's stores want a context per request: one from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SrdiDbContext>>().CreateDbContext());
        services.AddSingleton<ExampleEnterprises>();
        services.AddSingleton<PolicySearch>();
        services.AddSingleton<StorageMigrator>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageMigrator>());
        return services;
    }
}
