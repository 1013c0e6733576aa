using Srdi.Application;
using Srdi.Application.Evaluation;
using Srdi.Application.Tiers;
using Srdi.Engine.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Web.Pages;

/// <summary>What the report partial (Shared/_Report.cshtml) lays out: the evaluation as a person
/// reads it, the tier assessment, and the catalog's wording for the codes they carry.</summary>
public sealed record ReportModel(EvaluationView View, Assessment? Assessment, PolicyNavigator Navigator)
{
    public string Verdict(Verdict verdict) => Navigator.Wording.Verdict(verdict);

    public string Level(CertificateLevel level) => Navigator.Wording.Level(level);

    /// <summary>A measure's title for a person (its id only if the catalog lacks it).</summary>
    public string MeasureTitle(string id) => Navigator.FindMeasure(id)?.Title ?? id;
}
