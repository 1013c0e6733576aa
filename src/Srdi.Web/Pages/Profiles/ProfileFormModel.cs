using System.Globalization;
using Srdi.Application;
using Srdi.Application.Profiles;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Web.Pages.Profiles;

/// <summary>What the reusable enterprise profile form (Pages/Shared/_ProfileForm.cshtml) shows and
/// posts: the answers so far (<see cref="ProfileAnswers"/> keys), the basics (name, id, area,
/// certificates) when <see cref="ShowBasics"/>, the fact questions of a <see cref="Questionnaire"/>,
/// and the problems of the last post by field. Every answer the form does not show travels in a
/// hidden field, so a step never loses what an earlier one asked. Fields are named
/// <c>{Prefix}[{key}]</c>: a page binds them with
/// <c>[BindProperty(Name = "profile")] public Dictionary&lt;string, string?&gt; Answers { get; set; }</c>
/// and reads them with <see cref="ProfileAnswers.ToProfileJson"/>. The form posts to
/// <see cref="Action"/> with an anti-forgery token.</summary>
public sealed record ProfileFormModel
{
    /// <summary>The name the answers are bound under: fields are <c>{Prefix}[{key}]</c>.</summary>
    public required string Prefix { get; init; }

    /// <summary>Where the form posts, e.g. <c>/check?handler=facts</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The text of the submit button.</summary>
    public required string Submit { get; init; }

    /// <summary>An optional second button posting the same answers elsewhere (上一步).</summary>
    public (string Label, string Action)? Back { get; init; }

    /// <summary>The HTML id of the form.</summary>
    public string FormId { get; init; } = "profile-form";

    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();

    public bool ShowBasics { get; init; }

    public Questionnaire? Questions { get; init; }

    /// <summary>Problems of the last post by answer key (<see cref="General"/> for the profile as a whole).</summary>
    public IReadOnlyDictionary<string, string> Problems { get; init; } = new Dictionary<string, string>();

    /// <summary>Fields of the host page sent along as they are (an evaluation date, a flag).</summary>
    public IReadOnlyDictionary<string, string> Hidden { get; init; } = new Dictionary<string, string>();

    /// <summary>A page-level field shown with the basics, e.g. the evaluation date: its name,
    /// label and value; it is sent hidden when the basics are not shown.</summary>
    public (string Name, string Label, string Value)? DateField { get; init; }

    public required IReadOnlyList<Choice> CertificateKinds { get; init; }

    public required IReadOnlyList<Choice> Levels { get; init; }

    public const string General = "";

    /// <summary>A form over the catalog's certificate kinds and levels.</summary>
    public static ProfileFormModel Create(PolicyNavigator navigator, string prefix, string action, string submit,
        IReadOnlyDictionary<string, string> answers, bool showBasics, Questionnaire? questions) => new()
    {
        Prefix = prefix,
        Action = action,
        Submit = submit,
        Answers = answers,
        ShowBasics = showBasics,
        Questions = questions,
        CertificateKinds = navigator.Catalog.Vocabulary.Certificates.Values.Select(k => new Choice(k.Id, k.Name)).ToList(),
        Levels = Enum.GetValues<CertificateLevel>().Select(l => new Choice(Codes.Of(l), navigator.Wording.Level(l))).ToList(),
    };

    /// <summary>The answers of a profile for a form that asks <paramref name="questions"/>.</summary>
    public static Dictionary<string, string> AnswersOf(PolicyNavigator navigator, EnterpriseProfile profile, Questionnaire questions) =>
        ProfileAnswers.FromProfile(profile, questions, navigator.Catalog.Vocabulary);

    public string Name(string key) => $"{Prefix}[{key}]";

    public string Id(string key) => $"{FormId}-{key}";

    public string Value(string key) => Answers.TryGetValue(key, out var v) ? v : "";

    public string? Problem(string key) => Problems.TryGetValue(key, out var p) ? p : null;

    public static string YearText(int year) => year.ToString(CultureInfo.InvariantCulture) + "年";

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The answers this form shows as fields; the rest it sends hidden.</summary>
    public bool Shows(string key)
    {
        if (ShowBasics && (key is ProfileAnswers.Id or ProfileAnswers.Name or ProfileAnswers.Province or ProfileAnswers.City
            or ProfileAnswers.District or ProfileAnswers.Since || IsCertificate(key))) return true;
        if (Questions is null) return false;
        foreach (var q in Questions.Questions)
            foreach (var year in q.Yearly ? q.Years.Select(y => (int?)y) : [null])
            {
                var fact = ProfileAnswers.Fact(q.Fact, year);
                if (q.IsList ? key.StartsWith(fact + "-i", StringComparison.Ordinal) || key == ProfileAnswers.NoItems(q.Fact, year) : key == fact) return true;
            }
        return false;
    }

    public IEnumerable<KeyValuePair<string, string>> HiddenAnswers => Answers.Where(a => !Shows(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal);

    private static bool IsCertificate(string key) =>
        key.Length > 2 && key[0] == 'c' && char.IsAsciiDigit(key[1]) && key.Contains('-', StringComparison.Ordinal);

    /// <summary>What reads a question, shortened: "南山区…第4条、…等 12 项".</summary>
    public static string UsedBy(FactQuestion q) =>
        q.UsedBy.Count <= 3 ? string.Join("、", q.UsedBy) : string.Join("、", q.UsedBy.Take(3)) + $"等 {Number(q.UsedBy.Count)} 项";
}
