using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

/// <summary>The catalog compiled once, evaluated many times. Thread-safe: evaluation keeps its
/// state in a per-call context.</summary>
public sealed class CompiledCatalog
{
    private readonly FactSlots _slots;
    private readonly CompiledDocument[] _documents;

    private CompiledCatalog(PolicyCatalog catalog)
    {
        Catalog = catalog;
        _slots = new FactSlots(catalog.Vocabulary.Facts.Values);
        _documents = CatalogCompiler.Compile(catalog, _slots);
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>Compiles a loaded catalog. Throws <see cref="Srdi.Model.Sources.CatalogException"/>
    /// naming the file and line of the first rule that does not compile.</summary>
    public static CompiledCatalog Compile(PolicyCatalog catalog) => new(catalog);

    /// <summary>Evaluates every measure for one enterprise on a date. With <paramref name="explain"/>
    /// each result carries its conditions, computations and missing facts.</summary>
    public EvaluationReport Evaluate(EnterpriseProfile profile, DateOnly at, bool includeDrafts = false, bool explain = true)
    {
        var context = new EvaluationContext(new BoundEnterprise(profile, _slots), at);
        var results = new List<MeasureResult>(_documents.Sum(d => d.Measures.Length));
        foreach (var document in _documents)
        {
            var first = results.Count;
            var area = AreaMatch.Check(document.Document.Area, profile.Area, at);
            foreach (var measure in document.Measures)
                results.Add(MeasureEvaluator.Evaluate(measure, document.Document, context, explain, area));
            ApplyExclusionGroups(results, first);
        }
        var inForce = Totals.Zero;
        var drafts = Totals.Zero;
        foreach (var r in results)
        {
            if (r.Status != MeasureStatus.Eligible || r.ExcludedBy is not null) continue;
            var money = EnterpriseMoney(r);
            if (r.Draft) drafts += money; else inForce += money;
        }
        return new EvaluationReport(profile, at, includeDrafts, results, inForce, drafts);
    }

    /// <summary>Money paid to the enterprise itself; what reaches its buyers, staff or park is
    /// listed with the measure but not added to the enterprise's totals (reading rule 15).</summary>
    private static Totals EnterpriseMoney(MeasureResult r)
    {
        decimal exact = 0, upTo = 0, scheduled = 0;
        foreach (var p in r.Parts)
        {
            if (p.Applies != Truth.True || p.Amount is null || p.Beneficiary != "enterprise") continue;
            switch (p.Kind)
            {
                case BenefitKind.Exact: exact += p.Amount.Value; break;
                case BenefitKind.UpTo: upTo += p.Amount.Value; break;
                case BenefitKind.Schedule: scheduled += p.Amount.Value; break;
            }
        }
        return new Totals(exact, upTo, scheduled);
    }

    /// <summary>Reading rule 18: among like measures of one document only the highest counts.</summary>
    private static void ApplyExclusionGroups(List<MeasureResult> results, int first)
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = first; i < results.Count; i++)
        {
            var r = results[i];
            if (r.Measure.ExclusionGroup is not { } group || r.Status != MeasureStatus.Eligible) continue;
            if (!groups.TryGetValue(group, out var best))
            {
                groups[group] = i;
                continue;
            }
            if (r.RankingValue > results[best].RankingValue)
            {
                results[best] = results[best] with { ExcludedBy = r.Measure.Id };
                groups[group] = i;
            }
            else
            {
                results[i] = r with { ExcludedBy = results[best].Measure.Id };
            }
        }
        // A measure excluded early by one that was itself beaten later names the final winner.
        foreach (var (_, winner) in groups)
            for (var i = first; i < results.Count; i++)
                if (results[i].ExcludedBy is not null && results[i].Measure.ExclusionGroup == results[winner].Measure.ExclusionGroup)
                    results[i] = results[i] with { ExcludedBy = results[winner].Measure.Id };
    }
}
