using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application.Profiles;
using Srdi.Storage.Accounts;
using Srdi.Storage.Records;
using Srdi.Web.Accounts;
using Srdi.Web.Hosting;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>Creates an enterprise record (version 1). The creator, unless an administrator, is
/// linked to it in the same transaction, so the record is theirs from the first moment.</summary>
public sealed class NewModel(EnterpriseRecords records, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Example { get; set; }
    [BindProperty] public string Profile { get; set; } = "";
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<Choice> Examples { get; } = ExampleProfiles.List();
    public string? Error { get; private set; }

    public void OnGet() => Profile = (Example is { } e ? ExampleProfiles.Read(e) : null) ?? ExampleProfiles.Blank;

    public async Task<IActionResult> OnPostAsync()
    {
        if (Note is { Length: > Srdi.Storage.Database.SrdiDbContext.NoteLength })
        {
            Error = "修改说明最多 500 个字符。";
            return Page();
        }
        try
        {
            var record = await records.CreateAsync(Profile, user.Name, string.IsNullOrWhiteSpace(Note) ? "新建档案" : Note.Trim(),
                EnterpriseAccess.ListScope(User.Viewer()!), HttpContext.RequestAborted);
            return Redirect("/enterprises/" + Uri.EscapeDataString(record.Id));
        }
        catch (ProfileException e)
        {
            Error = $"企业档案无效（{e.Path}）：{e.Reason}";
        }
        catch (DuplicateEnterpriseException)
        {
            Error = "已有同一统一社会信用代码的企业档案；如需查看，请联系管理员分配。";
        }
        return Page();
    }
}
