using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Storage.Records;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>The enterprise as if registered in each area of the catalog, totals side by side,
/// the area where it would be supported most first.</summary>
public sealed class CompareModel(EnterpriseRecords records, ProfileReader profiles, AreaComparison comparison, Application.PolicyNavigator navigator, TimeProvider clock) : PageModel
{
    /// <summary>A document as people name it: its title, not its id.</summary>
    public string DocumentTitle(string id) => navigator.Catalog.Documents.FirstOrDefault(d => d.Id == id)?.Title ?? id;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? At { get; set; }

    public StoredEnterprise? Stored { get; private set; }
    public DateOnly Date { get; private set; }
    public AreaComparisonResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Stored = await StoredEnterprise.LoadAsync(records, profiles, Id, null, HttpContext.RequestAborted);
        if (Stored is null) return NotFound();
        Date = StoredEnterprise.DateOr(At, clock);
        if (Stored.Profile is { } profile) Result = comparison.Compare(profile, Date);
        return Page();
    }
}
