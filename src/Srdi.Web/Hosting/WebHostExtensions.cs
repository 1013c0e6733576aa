using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Srdi.Application.Contracts;

namespace Srdi.Web.Hosting;

/// <summary>What the host adds around the application services: its options, the clock, who is
/// asking, the product's JSON, and problem+json for every error.</summary>
public static class WebHostExtensions
{
    /// <summary>Binds <see cref="SrdiWebOptions"/>, applies the body limit to Kestrel, registers
    /// the system clock (tests replace it), <see cref="ICurrentUser"/>, writes the contracts with <see cref="SrdiJson"/>'s
    /// settings and generated code, and turns every error into Chinese problem+json.</summary>
    public static IServiceCollection AddSrdiWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SrdiWebOptions>().Bind(configuration.GetSection(SrdiWebOptions.Section));
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(sp => new ConfigureOptions<KestrelServerOptions>(
            kestrel => kestrel.Limits.MaxRequestBodySize = sp.GetRequiredService<IOptions<SrdiWebOptions>>().Value.MaxRequestBodyBytes));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<ICurrentUser, RequestUser>();
        services.ConfigureHttpJsonOptions(o =>
        {
            // The same bytes as SrdiJson.Serialize: the API returns exactly the documented shapes.
            o.SerializerOptions.PropertyNamingPolicy = SrdiJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.Encoder = SrdiJson.Options.Encoder;
            o.SerializerOptions.WriteIndented = SrdiJson.Options.WriteIndented;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SrdiJsonContext.Default);
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (!Problems.IsChinese(context.ProblemDetails.Title)) context.ProblemDetails.Title = Problems.Title(status);
            context.ProblemDetails.Detail ??= Problems.Detail(status);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
