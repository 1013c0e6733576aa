using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Engine;
using Srdi.Web.Pages.Profiles;

namespace Srdi.Web.Pages;

/// <summary>政策体检: a profile and a date in, the 政策体检报告 out. The profile comes from the guided
/// form (basics, then only the facts the area's measures read, then follow-up questions for what
/// the report still lacks) or, as an advanced option, as JSON. The report is the
/// <see cref="EvaluationView"/> laid out as a page, and the tier assessment with its upgrade
/// value. Every word of the report comes from the services' Chinese.</summary>
public sealed class CheckModel(ProfileReader profiles, EvaluationService evaluations, AssessmentService assessments,
    ProfileQuestionnaire questionnaire, PolicyNavigator navigator, TimeProvider clock) : PageModel
{
    private const string DefaultExample = "nanshan-little-giant.json";

    /// <summary>The name the guided form's answers are posted under: profile[key].</summary>
    public const string Prefix = "profile";

    /// <summary>The guided form's steps: basics, then the facts the area's measures read, then
    /// the report with its follow-up questions.</summary>
    public enum Steps { Basics, Facts, Report }

    [BindProperty(SupportsGet = true)] public string? Example { get; set; }
    [BindProperty] public string Profile { get; set; } = "";
    [BindProperty] public string? At { get; set; }
    [BindProperty] public bool IncludeDrafts { get; set; }
    [BindProperty(Name = Prefix)] public Dictionary<string, string?> Answers { get; set; } = [];

    public Steps Step { get; private set; } = Steps.Basics;
    public IReadOnlyList<Choice> Examples { get; } = ExampleProfiles.List();
    public string? Error { get; private set; }

    /// <summary>The JSON box is opened when its own post was refused.</summary>
    public bool AdvancedOpen { get; private set; }
    public EvaluationView? View { get; private set; }
    public Assessment? Assessment { get; private set; }

    /// <summary>The guided form of the current step (basics or facts).</summary>
    public ProfileFormModel? Form { get; private set; }

    /// <summary>The report's follow-up: the facts it lacks, asked as form fields.</summary>
    public ProfileFormModel? FollowUp { get; private set; }

    public ReportModel Report(EvaluationView view) => new(view, Assessment, navigator) { FollowUp = FollowUp };

    public void OnGet()
    {
        var name = Examples.Any(e => e.Value == Example) ? Example! : DefaultExample;
        Example = name;
        Profile = ExampleProfiles.Read(name) ?? "";
        At ??= ChineseText.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (Profile.Length > 0) answers = ProfileFormModel.AnswersOf(navigator, profiles.ReadText(Profile), Questionnaire.None(Date()));
        }
        catch (ProfileException)
        {
            // An example that no longer reads leaves the form empty; the advanced box still shows it.
        }
        Form = BasicsForm(answers, null);
    }

    /// <summary>Step 1 → 2: the basics read, the facts their area's measures need asked.</summary>
    public IActionResult OnPostFacts()
    {
        if (ReadGuided(facts: false) is not { } profile) return Page();
        var at = Date();
        var questions = questionnaire.For(profile, at);
        Step = Steps.Facts;
        Form = FactsForm(ProfileFormModel.AnswersOf(navigator, profile, questions), questions, null);
        return Page();
    }

    /// <summary>Back to step 1 with every answer kept.</summary>
    public IActionResult OnPostBasics()
    {
        if (ReadGuided(facts: false) is not { } profile) return Page();
        Form = BasicsForm(ProfileFormModel.AnswersOf(navigator, profile, Questionnaire.None(Date())), null);
        return Page();
    }

    /// <summary>The guided form's answers (step 2, or the report's follow-up) evaluated.</summary>
    public IActionResult OnPostReport()
    {
        if (ReadGuided(facts: true) is not { } profile) return Page();
        Report(profile, Date());
        return Page();
    }

    /// <summary>The advanced way: a whole profile as JSON.</summary>
    public IActionResult OnPost()
    {
        if (!Application.Text.IsoDate.TryParse(At, out var at))
        {
            Error = $"评估日期应为{Application.Text.IsoDate.Expected}，例如 2025-06-01；实际为“{At}”。";
            AdvancedOpen = true;
            Form = BasicsForm(new Dictionary<string, string>(), null);
            return Page();
        }
        try
        {
            Report(profiles.ReadText(Profile), at);
        }
        catch (ProfileException e)
        {
            var error = ErrorResult.From(e);
            Error = error.Field is { } field ? $"企业档案无效（{field}）：{error.Message}" : $"企业档案无效：{error.Message}";
            AdvancedOpen = true;
            Form = BasicsForm(new Dictionary<string, string>(), null);
        }
        return Page();
    }

    private void Report(Srdi.Model.Profiles.EnterpriseProfile profile, DateOnly at)
    {
        Step = Steps.Report;
        View = evaluations.View(evaluations.Evaluate(profile, at, IncludeDrafts));
        Assessment = assessments.Assess(profile, at);
        Profile = ProfileJson.Serialize(profile, navigator.Catalog.Vocabulary);
        var followUp = questionnaire.FollowUp(View.Questions, at);
        if (!followUp.Questions.Any()) return;
        FollowUp = Guided(ProfileFormModel.AnswersOf(navigator, profile, followUp), followUp, "/check?handler=report", "补充后重新体检", showBasics: false, "check-follow-up", null);
    }

    /// <summary>The posted answers as a profile, or null with the form shown again, its problems
    /// by field and, above it, all of them in words. <paramref name="facts"/>: the answers came
    /// from the facts step (or the follow-up), which is shown again rather than the basics.</summary>
    private Srdi.Model.Profiles.EnterpriseProfile? ReadGuided(bool facts)
    {
        var answers = Answers.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Application.Text.IsoDate.TryParse(At, out _))
            problems[ProfileFormModel.General] = $"评估日期应为{Application.Text.IsoDate.Expected}，例如 2025-06-01；实际为“{At}”。";
        var reading = ProfileAnswers.ToProfileJson(Answers, navigator.Catalog.Vocabulary);
        foreach (var p in reading.Problems) problems.TryAdd(p.Key, p.Message);
        if (problems.Count == 0)
        {
            try
            {
                return profiles.Read(reading.Profile);
            }
            catch (ProfileException e)
            {
                problems[KeyOf(e.Path) ?? ProfileFormModel.General] = e.Reason;
            }
        }
        Error = "请检查标出的内容：" + string.Join("；", problems.Values);
        Form = BasicsForm(answers, problems);
        if (!facts || problems.Keys.All(k => !k.StartsWith("f-", StringComparison.Ordinal))) return null;
        // A fact answer failed: show the facts step again, asked for the basics as posted.
        var basics = (JsonObject)reading.Profile.DeepClone();
        basics.Remove("facts");
        try
        {
            var questions = questionnaire.For(profiles.Read(basics), Date());
            Step = Steps.Facts;
            Form = FactsForm(answers, questions, problems);
        }
        catch (ProfileException)
        {
            // The basics are at fault too: the basics step, as above, shows them.
        }
        return null;
    }

    /// <summary>The form field a profile path points at: $.area.city → city; $.certificates[0].level → c0-level.</summary>
    private static string? KeyOf(string path)
    {
        if (path.StartsWith("$.area.", StringComparison.Ordinal)) return path["$.area.".Length..];
        if (path == "$.id") return ProfileAnswers.Id;
        if (path.StartsWith("$.certificates[", StringComparison.Ordinal))
        {
            var close = path.IndexOf(']', StringComparison.Ordinal);
            if (close > 0 && int.TryParse(path.AsSpan(15, close - 15), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var row) && path.Length > close + 2)
                return ProfileAnswers.Certificate(row, path[(close + 2)..]);
        }
        return null;
    }

    private DateOnly Date() =>
        Application.Text.IsoDate.TryParse(At, out var at) ? at : DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private ProfileFormModel BasicsForm(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, string>? problems) =>
        Guided(answers, null, "/check?handler=facts", "下一步：填写经营信息", showBasics: true, "check-basics", problems);

    private ProfileFormModel FactsForm(IReadOnlyDictionary<string, string> answers, Questionnaire questions, IReadOnlyDictionary<string, string>? problems) =>
        Guided(answers, questions, "/check?handler=report", "生成体检报告", showBasics: false, "check-facts", problems);

    private ProfileFormModel Guided(IReadOnlyDictionary<string, string> answers, Questionnaire? questions, string action, string submit, bool showBasics, string id,
        IReadOnlyDictionary<string, string>? problems) =>
        ProfileFormModel.Create(navigator, Prefix, action, submit, answers, showBasics, questions) with
        {
            FormId = id,
            Problems = problems ?? new Dictionary<string, string>(),
            Back = showBasics ? null : ("返回修改基本情况", "/check?handler=basics"),
            DateField = ("At", "评估日期", At ?? ""),
            Hidden = IncludeDrafts ? new Dictionary<string, string> { ["IncludeDrafts"] = "true" } : new Dictionary<string, string>(),
        };
}
