using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Storage.Accounts;
using Srdi.Storage.Records;
using Srdi.Web.Accounts;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>企业库: the records open to the signed-in user (all for an administrator, the
/// assigned ones for a service officer, their own for an enterprise user), by name and city.</summary>
public sealed class IndexModel(EnterpriseRecords records) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public EnterprisePage? Records { get; private set; }

    public int Pages => Records is null ? 0 : Math.Max(1, (Records.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / EnterpriseFilter.MaxPageSize);
        var scope = EnterpriseAccess.ListScope(User.Viewer()!);
        Records = await records.ListAsync(new EnterpriseFilter(City: Blank(City), NameContains: Blank(Name), Page: PageNumber, PageSize: PageSize, AssignedTo: scope),
            HttpContext.RequestAborted);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
