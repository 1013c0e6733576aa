using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Storage.Records;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>The history of a record: every version with who, when and why, and for two chosen
/// versions (by default the last two) what changed in the enterprise's entitlements on one date.</summary>
public sealed class HistoryModel(EnterpriseRecords records, ProfileReader profiles, EvaluationService evaluations,
    PolicyNavigator navigator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? At { get; set; }

    public EnterpriseRecord? Record { get; private set; }
    public IReadOnlyList<ProfileVersionSummary> Versions { get; private set; } = [];
    public DateOnly Date { get; private set; }
    public EntitlementChangesResult? Changes { get; private set; }
    public string? Problem { get; private set; }

    public string Status(string code) => navigator.Wording.Terms.Statuses.Label(code);

    public async Task<IActionResult> OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        Record = await records.GetAsync(Id, cancel);
        if (Record is null) return NotFound();
        Versions = await records.HistoryAsync(Id, cancel);
        Date = StoredEnterprise.DateOr(At, clock);
        if (Versions.Count < 2) return Page();
        var to = Math.Clamp(To ?? Record.Version, 1, Record.Version);
        var from = Math.Clamp(From ?? to - 1, 1, Record.Version);
        (From, To) = (from, to);
        var before = await StoredEnterprise.LoadAsync(records, profiles, Id, from, cancel);
        var after = await StoredEnterprise.LoadAsync(records, profiles, Id, to, cancel);
        if (before?.Profile is null || after?.Profile is null)
        {
            Problem = before?.Problem ?? after?.Problem;
            return Page();
        }
        Changes = EntitlementChanges.Compare(evaluations.Evaluate(before.Profile, Date).Report, evaluations.Evaluate(after.Profile, Date).Report, from, to);
        return Page();
    }
}
