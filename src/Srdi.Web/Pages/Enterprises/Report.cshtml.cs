using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application.Profiles;
using Srdi.Storage.Records;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>Downloads an enterprise's report as PDF or Excel (at, drafts and version as on its page).</summary>
public sealed class ReportDownloadModel(EnterpriseRecords records, ProfileReader profiles, ReportFile files, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Format { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? At { get; set; }
    [BindProperty(SupportsGet = true)] public bool Drafts { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportFile.IsFormat(Format)) return NotFound();
        var stored = await StoredEnterprise.LoadAsync(records, profiles, Id, Version, HttpContext.RequestAborted);
        if (stored is null) return NotFound();
        if (stored.Profile is null) return new ConflictObjectResult(stored.Problem);
        var (content, type, name) = files.Write(stored.Profile, StoredEnterprise.DateOr(At, clock), Drafts, Format);
        return File(content, type, name);
    }
}
