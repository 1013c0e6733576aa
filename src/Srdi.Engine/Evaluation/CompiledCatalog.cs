using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

/// <summary>The catalog compiled once, evaluated many times. Thread-safe: evaluation keeps its
/// state in a per-call context and in the caller's record and outcome buffer.</summary>
public sealed class CompiledCatalog
{
    private readonly FactSlots _slots;
    private readonly CompiledDocument[] _documents;
    private readonly CompiledMeasure[] _measures;
    private readonly Tiers.CompiledRuleset[] _rulesets;
    private readonly int _maxParts;
    private readonly CertificateBits _bits;

    private CompiledCatalog(PolicyCatalog catalog)
    {
        Catalog = catalog;
        _slots = new FactSlots(catalog.Vocabulary.Facts.Values);
        _bits = new CertificateBits(catalog.Vocabulary);
        _documents = CatalogCompiler.Compile(catalog, _slots, _bits);
        _measures = _documents.SelectMany(d => d.Measures).ToArray();
        _maxParts = _measures.Select(m => m.Parts.Length).DefaultIfEmpty(0).Max();
        Measures = _measures.Select(m => m.Measure).ToArray();
        _rulesets = catalog.Rulesets.Select(r => Tiers.CompiledRuleset.Compile(r, _slots, catalog.Vocabulary, _bits))
            .OrderBy(r => r.Source.Validity.From ?? DateOnly.MinValue).ToArray();
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>Every measure in catalog order: the order of an outcome buffer.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>Compiles a loaded catalog. Throws <see cref="Srdi.Model.Sources.CatalogException"/>
    /// naming the file and line of the first rule that does not compile.</summary>
    public static CompiledCatalog Compile(PolicyCatalog catalog) => new(catalog);

    /// <summary>An empty record to fill fact by fact: one per worker, cleared between rows.</summary>
    public EnterpriseRecord NewRecord() => new(_slots);

    /// <summary>A record holding a profile's facts.</summary>
    public EnterpriseRecord Record(EnterpriseProfile profile) => new(profile, _slots);

    public bool TryGetSlot(string fact, out int slot) => _slots.TryGet(fact, out slot);

    public FactDefinition FactAt(int slot) => _slots.Definitions[slot];

    public int FactCount => _slots.Count;

    /// <summary>The fast path: every measure's outcome for one enterprise on a date, written into
    /// <paramref name="outcomes"/> (one per measure, catalog order), without explanation.</summary>
    public void Evaluate(EnterpriseRecord enterprise, DateOnly at, Span<MeasureOutcome> outcomes)
    {
        if (outcomes.Length < _measures.Length) throw new ArgumentException("结果缓冲区短于措施数", nameof(outcomes));
        var context = enterprise.ContextFor(at, _bits);
        if (enterprise.PartScratch.Length < _maxParts) enterprise.PartScratch = new PartState[_maxParts];
        var parts = enterprise.PartScratch;
        foreach (var document in _documents)
        {
            var area = AreaMatch.Check(document.Document.Area, enterprise.Area, at);
            if (area == Truth.False)
            {
                // Most of a roster lies outside most documents: write only what an ineligible
                // outcome means, not its money, which is never read for an ineligible measure.
                foreach (var measure in document.Measures) measure.MarkOutsideArea(ref outcomes[measure.Index]);
                continue;
            }
            foreach (var measure in document.Measures)
                MeasureCore.Evaluate(measure, document.Document, context, area, ref outcomes[measure.Index], parts);
            ApplyExclusionGroups(document, outcomes);
        }
    }

    /// <summary>Money counted for the enterprise from a buffer of outcomes, drafts apart.</summary>
    public (Totals InForce, Totals Drafts) TotalsOf(ReadOnlySpan<MeasureOutcome> outcomes)
    {
        decimal e = 0, u = 0, s = 0, de = 0, du = 0, ds = 0;
        foreach (var document in _documents)
        {
            var draft = document.Document.IsDraft;
            foreach (var m in document.Measures)
            {
                ref readonly var o = ref outcomes[m.Index];
                if (!o.Counts) continue;
                if (draft) { de += o.CountedExact; du += o.CountedUpTo; ds += o.CountedScheduled; }
                else { e += o.CountedExact; u += o.CountedUpTo; s += o.CountedScheduled; }
            }
        }
        return (new Totals(e, u, s), new Totals(de, du, ds));
    }

    /// <summary>Evaluates every measure for one enterprise on a date. With <paramref name="explain"/>
    /// each result carries its conditions, computations and missing facts.</summary>
    public EvaluationReport Evaluate(EnterpriseProfile profile, DateOnly at, bool includeDrafts = false, bool explain = true)
    {
        var enterprise = new EnterpriseRecord(profile, _slots);
        var context = new EvaluationContext(enterprise, at, _bits);
        var outcomes = new MeasureOutcome[_measures.Length];
        var states = new PartState[_measures.Length][];
        var missing = new List<string>[_measures.Length];
        var areas = new Truth[_documents.Length];
        for (var d = 0; d < _documents.Length; d++)
        {
            var document = _documents[d];
            areas[d] = AreaMatch.Check(document.Document.Area, profile.Area, at);
            foreach (var measure in document.Measures)
            {
                states[measure.Index] = new PartState[measure.Parts.Length];
                missing[measure.Index] = [];
                context.Missing = explain ? missing[measure.Index] : null;
                MeasureCore.Evaluate(measure, document.Document, context, areas[d], ref outcomes[measure.Index], states[measure.Index]);
            }
            ApplyExclusionGroups(document, outcomes);
        }
        context.Missing = null;

        var results = new List<MeasureResult>(_measures.Length);
        for (var d = 0; d < _documents.Length; d++)
        {
            foreach (var measure in _documents[d].Measures)
            {
                ref readonly var o = ref outcomes[measure.Index];
                var excludedBy = o.ExcludedBy >= 0 ? _measures[o.ExcludedBy].Measure.Id : null;
                results.Add(explain
                    ? MeasureExplainer.Explain(measure, _documents[d].Document, context, areas[d], o, states[measure.Index], missing[measure.Index], excludedBy, Catalog.Vocabulary)
                    : new MeasureResult(measure.Measure, _documents[d].Document, o.Status, o.Status == MeasureStatus.NotInForce ? o.WouldBe : null, o.Kind,
                        o.Exact, o.UpTo, o.Scheduled, [], [], [], excludedBy)
                    {
                        Counted = MeasureExplainer.Counted(o),
                        PendingRevision = MeasureExplainer.Pending(measure.Measure, at),
                    });
            }
        }
        var (inForce, drafts) = TotalsOf(outcomes);
        return new EvaluationReport(profile, at, includeDrafts, results, inForce, drafts);
    }

    /// <summary>Assesses the tiers of the ladder with the ruleset in force on the date: the newest
    /// that has started. A date past its end still uses it, flagged as superseded.</summary>
    public Tiers.AssessmentReport Assess(EnterpriseProfile profile, DateOnly at)
    {
        var ruleset = _rulesets.LastOrDefault(r => r.Source.Validity.From is not { } from || from <= at)
            ?? _rulesets.FirstOrDefault()
            ?? throw new InvalidOperationException("政策目录中没有梯度认定规则集（catalog/criteria/）");
        var context = new EvaluationContext(new EnterpriseRecord(profile, _slots), at, _bits);
        return Tiers.TierAssessor.Assess(ruleset, context, _slots);
    }

    /// <summary>Reading rule 18: among like measures of one document only the highest counts; ties
    /// go to the earlier clause.</summary>
    private static void ApplyExclusionGroups(CompiledDocument document, Span<MeasureOutcome> outcomes)
    {
        foreach (var group in document.ExclusionGroups)
        {
            var best = -1;
            decimal bestValue = 0;
            foreach (var index in group)
            {
                ref var o = ref outcomes[index];
                if (o.Status != MeasureStatus.Eligible) continue;
                var value = o.Exact + o.UpTo + o.Scheduled;
                if (best < 0 || value > bestValue)
                {
                    best = index;
                    bestValue = value;
                }
            }
            if (best < 0) continue;
            foreach (var index in group)
                if (index != best && outcomes[index].Status == MeasureStatus.Eligible) outcomes[index].ExcludedBy = (short)best;
        }
    }
}
