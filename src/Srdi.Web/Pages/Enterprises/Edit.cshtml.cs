using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application.Profiles;
using Srdi.Storage.Records;
using Srdi.Web.Hosting;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>Changes a profile: saved as a new version, with who, when and why, if nobody saved
/// another version since the form was opened (the version travels with the form).</summary>
public sealed class EditModel(EnterpriseRecords records, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string Profile { get; set; } = "";
    [BindProperty] public int BaseVersion { get; set; }
    [BindProperty] public string? Note { get; set; }

    public EnterpriseRecord? Record { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Record = await records.GetAsync(Id, HttpContext.RequestAborted);
        if (Record is null) return NotFound();
        Profile = Record.ProfileJson;
        BaseVersion = Record.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Record = await records.GetAsync(Id, HttpContext.RequestAborted);
        if (Record is null) return NotFound();
        if (Note is { Length: > Srdi.Storage.Database.SrdiDbContext.NoteLength })
        {
            Error = "修改说明最多 500 个字符。";
            return Page();
        }
        try
        {
            await records.UpdateAsync(Id, Profile, user.Name, BaseVersion, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), HttpContext.RequestAborted);
            return Redirect("/enterprises/" + Uri.EscapeDataString(Id));
        }
        catch (ProfileException e)
        {
            Error = $"企业档案无效（{e.Path}）：{e.Reason}";
        }
        catch (StaleVersionException e)
        {
            Error = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"保存失败：您打开的是第 {e.ExpectedVersion} 版，期间已有人保存了第 {e.CurrentVersion} 版。请复制您的修改，重新打开本页后再保存。");
        }
        return Page();
    }
}
