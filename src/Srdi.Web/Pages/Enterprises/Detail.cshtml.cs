using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Storage.Records;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>一户一档: one enterprise's record and its 政策体检报告 at a chosen date, of the current
/// version or an earlier one, with links to change the profile, its history, the comparison
/// across areas and the report's downloads.</summary>
public sealed class DetailModel(EnterpriseRecords records, ProfileReader profiles, EvaluationService evaluations,
    AssessmentService assessments, PolicyNavigator navigator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? At { get; set; }
    [BindProperty(SupportsGet = true)] public bool Drafts { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }

    public StoredEnterprise? Stored { get; private set; }
    public DateOnly Date { get; private set; }
    public ReportModel? Report { get; private set; }

    public string Query => $"at={Application.Text.IsoDate.Format(Date)}&drafts={(Drafts ? "true" : "false")}"
        + (Version is { } v ? "&version=" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");

    public async Task<IActionResult> OnGetAsync()
    {
        Stored = await StoredEnterprise.LoadAsync(records, profiles, Id, Version, HttpContext.RequestAborted);
        if (Stored is null) return NotFound();
        Date = StoredEnterprise.DateOr(At, clock);
        if (Stored.Profile is { } profile)
        {
            var view = evaluations.View(evaluations.Evaluate(profile, Date, Drafts));
            Report = new ReportModel(view, assessments.Assess(profile, Date), navigator);
        }
        return Page();
    }
}
