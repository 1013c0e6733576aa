using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application.Profiles;
using Srdi.Storage.Records;
using Srdi.Web.Hosting;
using Srdi.Web.Pages.Profiles;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>Changes a profile with the guided form (the basics and the facts the area's measures
/// read; facts the form does not ask travel along unchanged): saved as a new version, with who
/// and when, if nobody saved another version since the form was opened (the version travels
/// with the form).</summary>
public sealed class EditModel(EnterpriseRecords records, ProfileReader profiles, GuidedProfile guided, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(Name = GuidedProfile.Prefix)] public Dictionary<string, string?> Answers { get; set; } = [];
    [BindProperty] public int BaseVersion { get; set; }
    [BindProperty] public string? Note { get; set; }

    public EnterpriseRecord? Record { get; private set; }
    public ProfileFormModel? Form { get; private set; }
    public string? Error { get; private set; }

    private string Action => "/enterprises/" + Uri.EscapeDataString(Id) + "/edit";

    public async Task<IActionResult> OnGetAsync()
    {
        Record = await records.GetAsync(Id, HttpContext.RequestAborted);
        if (Record is null) return NotFound();
        BaseVersion = Record.Version;
        try
        {
            var profile = profiles.ReadText(Record.ProfileJson);
            var questions = guided.QuestionsFor(profile);
            Form = FormOf(guided.AnswersOf(profile, questions), questions, null);
        }
        catch (ProfileException e)
        {
            Error = $"当前版本的档案不再符合档案格式（{e.Path}：{e.Reason}），请联系管理员。";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Record = await records.GetAsync(Id, HttpContext.RequestAborted);
        if (Record is null) return NotFound();
        var (profile, json, answers, problems) = guided.Read(Answers);
        if (Note is { Length: > Srdi.Storage.Database.SrdiDbContext.NoteLength }) problems[ProfileFormModel.General] = "修改说明最多 500 个字符。";
        if (profile is null || problems.Count > 0)
        {
            Error = "请检查标出的内容：" + string.Join("；", problems.Values);
            Form = FormOf(answers, guided.QuestionsForPosted(Answers), problems);
            return Page();
        }
        try
        {
            await records.UpdateAsync(Id, json!, user.Name, BaseVersion, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), HttpContext.RequestAborted);
            return Redirect("/enterprises/" + Uri.EscapeDataString(Id));
        }
        catch (ProfileException e)
        {
            Error = $"企业档案无效（{e.Path}）：{e.Reason}";
        }
        catch (StaleVersionException e)
        {
            Error = string.Create(CultureInfo.InvariantCulture,
                $"保存失败：您打开的是第 {e.ExpectedVersion} 版，期间已有人保存了第 {e.CurrentVersion} 版。请重新打开本页，在最新版本上修改。");
        }
        Form = FormOf(answers, guided.QuestionsFor(profile), null);
        return Page();
    }

    private ProfileFormModel FormOf(IReadOnlyDictionary<string, string> answers, Application.Profiles.Questionnaire? questions, IReadOnlyDictionary<string, string>? problems) =>
        guided.Form(answers, questions, Action, "保存为新版本", problems, new Dictionary<string, string>
        {
            ["BaseVersion"] = BaseVersion.ToString(CultureInfo.InvariantCulture),
            ["Note"] = Note ?? "页面修改",
        });
}
