using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Srdi.Application;
using Srdi.Application.Contracts;
using Srdi.Application.Policies;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Web.Pages.Policies;

/// <summary>措施详情: one measure's verbatim clause beside its rule, its tests, its document.</summary>
public sealed class DetailModel(PolicyLibrary library, PolicyNavigator navigator) : PageModel
{
    public MeasureDetail? Detail { get; private set; }

    public string Id { get; private set; } = "";

    public IActionResult OnGet(string id)
    {
        Id = id;
        Detail = library.Show(id);
        if (Detail is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public string CategoryText(string code) => navigator.Wording.Category(code);

    public string BeneficiaryText(string code) => navigator.Wording.Beneficiary(code);

    public string DocumentStatusText(string code) =>
        Codes.TryParse<DocumentStatus>(code, out var s) ? navigator.Wording.DocumentStatus(s) : "";

    public string ApplicationText(string code) =>
        Codes.TryParse<ApplicationMode>(code, out var mode) ? navigator.Wording.Application(mode) : "";

    /// <summary>The certificate kinds a measure targets, by their Chinese names.</summary>
    public string TargetText(string code) => Engine.Evaluation.CertificateNames.Target(navigator.Catalog.Vocabulary, code);

    /// <summary>A rule as a person reads it: facts by their labels, years in words, certificates
    /// by their names (the rule's code stays in the catalog and the API).</summary>
    public string RuleText(string rule) =>
        new Application.Evaluation.ChineseText(navigator.Wording, navigator.Catalog.Vocabulary)
            .Rule(rule, Detail is { } d ? navigator.Catalog.Documents.FirstOrDefault(x => x.Id == d.Document.Id)?.Parameters : null);

    /// <summary>What a part's sum is counted per, in Chinese (once → 一次性).</summary>
    public string PeriodText(string code) => navigator.Wording.Period(code);
}
