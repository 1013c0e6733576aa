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

    private readonly Tiers.CompiledRuleset[] _rulesets;

    private CompiledCatalog(PolicyCatalog catalog)
    {
        Catalog = catalog;
        _slots = new FactSlots(catalog.Vocabulary.Facts.Values);
        _documents = CatalogCompiler.Compile(catalog, _slots);
        _rulesets = catalog.Rulesets.Select(r => Tiers.CompiledRuleset.Compile(r, _slots, catalog.Vocabulary))
            .OrderBy(r => r.Source.Validity.From ?? DateOnly.MinValue).ToArray();
    }

    /// <summary>Assesses the tiers of the ladder with the ruleset in force on the date: the newest
    /// that has started. A date past its end still uses it, flagged as superseded.</summary>
    public Tiers.AssessmentReport Assess(EnterpriseProfile profile, DateOnly at)
    {
        var ruleset = _rulesets.LastOrDefault(r => r.Source.Validity.From is not { } from || from <= at)
            ?? _rulesets.FirstOrDefault()
            ?? throw new InvalidOperationException("政策目录中没有梯度认定规则集（catalog/criteria/）");
        var context = new EvaluationContext(new BoundEnterprise(profile, _slots), at);
        return Tiers.TierAssessor.Assess(ruleset, context, _slots);
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
        var inForce = Totals.Of(results.Where(r => !r.Draft));
        var drafts = Totals.Of(results.Where(r => r.Draft));
        return new EvaluationReport(profile, at, includeDrafts, results, inForce, drafts);
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
