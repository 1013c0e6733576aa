using Srdi.Application.Contracts;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Application.Evaluation;

/// <summary>Where an enterprise would be supported most: its profile evaluated as if it were
/// registered in each area of the catalog (every document's province, city or district), all
/// else unchanged. Thread-safe.</summary>
public sealed class AreaComparison(PolicyNavigator navigator)
{
    public AreaComparisonResult Compare(EnterpriseProfile profile, DateOnly at)
    {
        var outcomes = Areas().Select(area => Outcome(profile, area, at))
            .OrderByDescending(o => o.InForce.Exact)
            .ThenByDescending(o => o.InForce.UpTo)
            .ThenByDescending(o => o.InForce.Scheduled)
            .ThenByDescending(o => o.Drafts.Exact)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        return new AreaComparisonResult(AreaComparisonResult.SchemaName, new EnterpriseRef(profile.Id, profile.Name), at, outcomes);
    }

    /// <summary>Each distinct area a document of the catalog applies to, in catalog order.</summary>
    private IEnumerable<Area> Areas() => navigator.Catalog.Documents.Select(d => d.Area).Distinct();

    private AreaOutcome Outcome(EnterpriseProfile profile, Area area, DateOnly at)
    {
        // Moving the enterprise keeps the date it settled: a measure asking for years of
        // registration sees the same history wherever the enterprise is placed.
        var moved = profile with { Area = new EnterpriseArea(area.Province, area.City, area.District, profile.Area?.Since) };
        var report = navigator.Evaluate(moved, at, includeDrafts: false);
        var eligible = report.Measures.Where(m => m.Status == MeasureStatus.Eligible).ToList();
        var documents = report.Measures.Where(m => m.InArea == Truth.True).Select(m => m.Document.Id).Distinct(StringComparer.Ordinal).ToList();
        return new AreaOutcome(
            new AreaResult(area.Province, area.City, area.District),
            area.ToString(),
            IsCurrent(profile.Area, area),
            MoneyTotals.From(report.InForce),
            MoneyTotals.From(report.Drafts),
            eligible.Count(m => !m.Draft),
            eligible.Count(m => m.Draft),
            documents);
    }

    private static bool IsCurrent(EnterpriseArea? current, Area area) =>
        current is not null
        && AreaNames.Same(current.Province ?? "", area.Province)
        && AreaNames.Same(current.City ?? "", area.City ?? "")
        && AreaNames.Same(current.District ?? "", area.District ?? "");
}
