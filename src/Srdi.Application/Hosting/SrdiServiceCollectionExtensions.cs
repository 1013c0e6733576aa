using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Srdi.Application.Batch;
using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Application.Tiers;
using Srdi.Application.Vocabulary;

namespace Srdi.Application.Hosting;

/// <summary>The one entry point a host uses: every application service, built on one catalog that
/// is loaded, validated and compiled once, on first use, and shared by all requests.</summary>
public static class SrdiServiceCollectionExtensions
{
    public static IServiceCollection AddSrdiNavigator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SrdiNavigatorOptions>().Bind(configuration.GetSection(SrdiNavigatorOptions.Section));
        services.AddSingleton(sp => PolicyNavigator.Open(sp.GetRequiredService<IOptions<SrdiNavigatorOptions>>().Value.Catalog));
        services.AddSingleton(sp => sp.GetRequiredService<PolicyNavigator>().Wording);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyNavigator>().Profiles);
        services.AddSingleton<EvaluationService>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<AreaComparison>();
        services.AddSingleton<PolicyLibrary>();
        services.AddSingleton<ProfileQuestionnaire>();
        services.AddSingleton<RosterTemplate>();
        services.AddSingleton<BatchService>();
        return services;
    }
}
