using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Srdi.Web.Hosting;

/// <summary>The OpenAPI document says how programs sign in: the API token scheme, required on
/// the enterprise routes (those whose endpoints demand the API policy).</summary>
public static class OpenApiSecurity
{
    public const string SchemeName = "ApiToken";

    public static OpenApiOptions AddApiTokenScheme(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, cancellationToken) =>
        {
            // People read the interactive page's title: in Chinese, not the assembly name.
            document.Info.Title = "专精特新政策导航 API";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "API 令牌：登录后在“API 令牌”页面生成，请求头写 Authorization: Bearer srdi_…；令牌代表其账户，只能看到该账户可以看到的企业。",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, cancellationToken) =>
        {
            var secured = context.Description.ActionDescriptor.EndpointMetadata
                .OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Any(a => a.Policy == Accounts.AccountsExtensions.ApiPolicy);
            if (secured)
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
            return Task.CompletedTask;
        });
        return options;
    }
}
