using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Srdi.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PolicyReportBuilder"/> and <see cref="PolicyReportExport"/> (and the
    /// system clock when the host has none). Needs the navigator's services
    /// (<c>AddSrdiNavigator</c>).</summary>
    public static IServiceCollection AddSrdiReports(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PolicyReportBuilder>();
        services.AddSingleton<PolicyReportExport>();
        return services;
    }
}
