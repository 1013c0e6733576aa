using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Policies;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;
using Srdi.Storage.Search;

namespace Srdi.Web.Pages.Policies;

/// <summary>政策库: the catalog's measures, filtered by the query string and searched by text in
/// the database (<see cref="PolicySearch.FindAsync"/>), each hit with the passage it matched.
/// Every option shows the vocabulary's Chinese.</summary>
public sealed class IndexModel(PolicyLibrary library, PolicySearch search, PolicyNavigator navigator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<MeasureSummary> Results { get; private set; } = [];

    /// <summary>Where each result matched the search, by measure id (empty without a search).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SnippetPart>> Snippets { get; private set; } = new Dictionary<string, IReadOnlyList<SnippetPart>>();

    /// <summary>Whether the list is a search's answer (best first) rather than the catalog's order.</summary>
    public bool Searched => !string.IsNullOrWhiteSpace(Q);

    public IReadOnlyList<Choice> Cities { get; private set; } = [];
    public IReadOnlyList<Choice> Levels { get; private set; } = [];
    public IReadOnlyList<Choice> Categories { get; private set; } = [];
    public IReadOnlyList<Choice> Statuses { get; private set; } = [];
    public IReadOnlyList<Choice> Tiers { get; private set; } = [];

    /// <summary>A snippet as HTML: its text encoded, each match in &lt;mark&gt;, nothing between
    /// the parts (a space would show inside Chinese text).</summary>
    public static IHtmlContent Highlight(IReadOnlyList<SnippetPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Match) html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            else html.Append(part.Text);
        }
        return html;
    }

    public string CategoryText(string code) => navigator.Wording.Category(code);

    public string StatusText(MeasureSummary m) => navigator.Wording.DocumentStatus(m.Draft ? DocumentStatus.Draft : DocumentStatus.InForce);

    public string ApplicationText(MeasureSummary m) =>
        Codes.TryParse<ApplicationMode>(m.Application, out var mode) ? navigator.Wording.Application(mode) : "";

    /// <summary>The summary's money code (none, computed, external) in Chinese.</summary>
    public string MoneyText(MeasureSummary m) => m.Money switch
    {
        "none" => navigator.Wording.Kind(Engine.Evaluation.BenefitKind.InKind) + "支持",
        "external" => navigator.Wording.Kind(Engine.Evaluation.BenefitKind.External) + "确定金额",
        _ => "资金支持（按规则计算）",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var documents = navigator.Catalog.Documents;
        Cities = documents.SelectMany(d => new[] { d.Area.City, d.Area.District }).OfType<string>()
            .Distinct(StringComparer.Ordinal).Select(c => new Choice(c, c)).ToList();
        Levels = Enum.GetValues<GovernmentLevel>().Select(l => new Choice(Codes.Of(l), LevelText(l))).ToList();
        Categories = navigator.Catalog.Vocabulary.Terms.Categories.Codes.Select(c => new Choice(c, navigator.Wording.Category(c))).ToList();
        Statuses = Enum.GetValues<DocumentStatus>().Select(s => new Choice(Codes.Of(s), navigator.Wording.DocumentStatus(s))).ToList();
        Tiers = navigator.Catalog.Vocabulary.Certificates.Values.Select(c => new Choice(c.Id, c.Name)).ToList();

        GovernmentLevel? level = Codes.TryParse<GovernmentLevel>(Level ?? "", out var l) ? l : null;
        DocumentStatus? status = library.TryStatus(Status ?? "", out var s) ? s : null;
        var category = Categories.Any(c => c.Value == Category) ? Category : null;
        var tier = Tiers.Any(t => t.Value == Tier) ? Tier : null;
        var found = await search.FindAsync(new PolicyFilter(string.IsNullOrWhiteSpace(City) ? null : City, level, category, status, tier), Q, cancellationToken);
        Results = found.Select(x => PolicyLibrary.Summary(x.Document, x.Measure)).ToList();
        Snippets = found.Where(x => x.Snippet is not null).ToDictionary(x => x.Measure.Id, x => x.Snippet!, StringComparer.Ordinal);
    }

    private static string LevelText(GovernmentLevel level) => level switch
    {
        GovernmentLevel.District => "区级",
        _ => "市级",
    };
}
