using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Srdi.Web.Pages;

/// <summary>The server-rendered pages (Razor Pages, antiforgery on every form by default).</summary>
public static class PagesExtensions
{
    /// <summary>Adds Razor Pages, and writes Chinese into the HTML as itself rather than as
    /// numeric character references (pages stay readable in the source and half the size).</summary>
    public static IServiceCollection AddSrdiPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            // Who may open what: the enterprise pages need a signed-in user and, for a page of
            // one enterprise, the access check; administration needs an administrator.
            o.Conventions.AuthorizeFolder("/Enterprises");
            o.Conventions.AddFolderApplicationModelConvention("/Enterprises",
                m => m.Filters.Add(new ServiceFilterAttribute(typeof(Accounts.EnterpriseAccessPageFilter))));
            o.Conventions.AuthorizeFolder("/Admin", Accounts.AccountsExtensions.AdminPolicy);
        });
        services.AddSingleton<Enterprises.ReportFile>();
        services.AddSingleton<Enterprises.GuidedProfile>();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
