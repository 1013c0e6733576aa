using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application.Profiles;
using Srdi.Storage.Accounts;
using Srdi.Storage.Records;
using Srdi.Web.Accounts;
using Srdi.Web.Hosting;
using Srdi.Web.Pages.Profiles;

namespace Srdi.Web.Pages.Enterprises;

/// <summary>Creates an enterprise record (version 1) with the guided form: first the basics
/// (name, code, area, certificates), then only the facts the measures of that area read. The
/// creator, unless an administrator, is linked to the record in the same transaction.</summary>
public sealed class NewModel(EnterpriseRecords records, ProfileReader profiles, GuidedProfile guided, ICurrentUser user) : PageModel
{
    private const string FactsAction = "/enterprises/new?handler=facts";
    private const string SaveAction = "/enterprises/new?handler=save";

    [BindProperty(SupportsGet = true)] public string? Example { get; set; }
    [BindProperty(Name = GuidedProfile.Prefix)] public Dictionary<string, string?> Answers { get; set; } = [];
    [BindProperty] public string Profile { get; set; } = "";

    public IReadOnlyList<Choice> Examples { get; } = ExampleProfiles.List();
    public ProfileFormModel? Form { get; private set; }
    public string? Error { get; private set; }
    public bool AdvancedOpen { get; private set; }

    public void OnGet()
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        Profile = (Example is { } e ? ExampleProfiles.Read(e) : null) ?? ExampleProfiles.Blank;
        if (Example is not null)
        {
            try
            {
                var profile = profiles.ReadText(Profile);
                answers = guided.AnswersOf(profile, Application.Profiles.Questionnaire.None(guided.Today));
            }
            catch (ProfileException)
            {
                // The example no longer reads: the form starts empty.
            }
        }
        Form = guided.Form(answers, null, FactsAction, "下一步：填写经营信息");
    }

    /// <summary>Basics → the facts their area's measures need.</summary>
    public IActionResult OnPostFacts()
    {
        var questions = guided.QuestionsForPosted(Answers);
        var (_, _, answers, problems) = guided.Read(Answers);
        if (questions is null)
        {
            Error = "请检查基本情况：" + string.Join("；", problems.Values);
            Form = guided.Form(answers, null, FactsAction, "下一步：填写经营信息", problems);
            return Page();
        }
        Form = guided.Form(answers, questions, SaveAction, "保存为第 1 版");
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var (profile, json, answers, problems) = guided.Read(Answers);
        if (profile is null)
        {
            Error = "请检查标出的内容：" + string.Join("；", problems.Values);
            Form = guided.Form(answers, guided.QuestionsForPosted(Answers), SaveAction, "保存为第 1 版", problems);
            return Page();
        }
        var saved = await CreateAsync(json!);
        if (saved is not null) return saved;
        Form = guided.Form(answers, guided.QuestionsFor(profile), SaveAction, "保存为第 1 版");
        return Page();
    }

    /// <summary>The advanced way: a whole profile as JSON.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var saved = await CreateAsync(Profile);
        if (saved is not null) return saved;
        AdvancedOpen = true;
        Form = guided.Form(new Dictionary<string, string>(), null, FactsAction, "下一步：填写经营信息");
        return Page();
    }

    private async Task<IActionResult?> CreateAsync(string json)
    {
        try
        {
            var record = await records.CreateAsync(json, user.Name, "新建档案", EnterpriseAccess.ListScope(User.Viewer()!), HttpContext.RequestAborted);
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
        return null;
    }
}
