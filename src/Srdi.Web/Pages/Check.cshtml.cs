using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Evaluation;
using Srdi.Application.Profiles;
using Srdi.Application.Tiers;
using Srdi.Engine;

namespace Srdi.Web.Pages;

/// <summary>政策体检: a profile (JSON) and a date in, the 政策体检报告 out: the
/// <see cref="EvaluationView"/> laid out as a page, and the tier assessment with its upgrade
/// value. Every word of the report comes from the services' Chinese.</summary>
public sealed class CheckModel(ProfileReader profiles, EvaluationService evaluations, AssessmentService assessments,
    PolicyNavigator navigator, TimeProvider clock) : PageModel
{
    private const string DefaultExample = "nanshan-little-giant.json";

    [BindProperty(SupportsGet = true)] public string? Example { get; set; }
    [BindProperty] public string Profile { get; set; } = "";
    [BindProperty] public string? At { get; set; }
    [BindProperty] public bool IncludeDrafts { get; set; }

    public IReadOnlyList<Choice> Examples { get; private set; } = [];
    public string? Error { get; private set; }
    public EvaluationView? View { get; private set; }
    public Assessment? Assessment { get; private set; }

    public ReportModel Report(EvaluationView view) => new(view, Assessment, navigator);

    public void OnGet()
    {
        LoadExamples();
        var name = Examples.Any(e => e.Value == Example) ? Example! : DefaultExample;
        Example = name;
        Profile = ReadExample(name) ?? "";
        At ??= ChineseText.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
    }

    public IActionResult OnPost()
    {
        LoadExamples();
        if (!Application.Text.IsoDate.TryParse(At, out var at))
        {
            Error = $"评估日期应为 YYYY-MM-DD，例如 2025-06-01；实际为“{At}”。";
            return Page();
        }
        try
        {
            var profile = profiles.ReadText(Profile);
            View = evaluations.View(evaluations.Evaluate(profile, at, IncludeDrafts));
            Assessment = assessments.Assess(profile, at);
        }
        catch (ProfileException e)
        {
            var error = ErrorResult.From(e);
            Error = error.Field is { } field ? $"企业档案无效（{field}）：{error.Message}" : $"企业档案无效：{error.Message}";
        }
        return Page();
    }

    private static string ExamplesFolder => Path.Combine(AppContext.BaseDirectory, "examples");

    private void LoadExamples() =>
        Examples = Directory.Exists(ExamplesFolder)
            ? Directory.EnumerateFiles(ExamplesFolder, "*.json").Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).Select(f => new Choice(f, ExampleLabel(f))).ToList()
            : [];

    private static string? ReadExample(string file)
    {
        var path = Path.Combine(ExamplesFolder, file);
        return System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path) : null;
    }

    /// <summary>An example's enterprise name, read from its own file.</summary>
    private static string ExampleLabel(string file)
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(ExamplesFolder, file)));
            return node?["name"]?.GetValue<string>() ?? file;
        }
        catch (System.Text.Json.JsonException)
        {
            return file;
        }
    }
}
