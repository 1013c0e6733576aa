using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

/// <summary>The catalog compiled once, evaluated many times. Thread-safe: evaluation keeps its
/// state in a per-call context and in the caller's record and outcome buffer.</summary>
/// <remarks>A document known to compile may be compiled only when an evaluation first needs it
/// (<see cref="CatalogDocument"/>): everything else here (the outcome buffer, the measures, the
/// area index, the outside-area outcomes) is built from the loaded model, so it forces no compile.</remarks>
public sealed class CompiledCatalog
{
    private readonly FactSlots _slots;
    private readonly CatalogDocument[] _documents;
    private readonly CatalogCompiler? _deferred;
    private readonly BenefitKind[] _nominalKinds;
    private readonly Tiers.CompiledRuleset[] _rulesets;
    private readonly int _maxParts;
    private readonly CertificateBits _bits;
    private readonly AreaIndex _areas;
    private readonly Lazy<Dictionary<string, (int Document, int Measure)>> _byId;

    private CompiledCatalog(PolicyCatalog catalog, IReadOnlySet<int>? knownToCompile)
    {
        Catalog = catalog;
        _bits = new CertificateBits(catalog.Vocabulary);
        _slots = new FactSlots(catalog.Vocabulary.Facts.Values, _bits);
        (_documents, _deferred) = CatalogCompiler.Compile(catalog, _slots, _bits, knownToCompile);
        var measures = catalog.Documents.SelectMany(d => d.Measures).ToArray();
        Measures = measures;
        _nominalKinds = measures.Select(MeasureCore.NominalKind).ToArray();
        _maxParts = measures.Select(m => m.Benefit.Parts.Count).DefaultIfEmpty(0).Max();
        _areas = new AreaIndex(catalog.Documents.Select(d => d.Area).ToArray());
        _byId = new(() => catalog.Documents.SelectMany((d, i) => d.Measures.Select((m, j) => (m.Id, Place: (i, j))))
            .ToDictionary(x => x.Id, x => x.Place, StringComparer.Ordinal));
        _rulesets = catalog.Rulesets.Select(r => Tiers.CompiledRuleset.Compile(r, _slots, catalog.Vocabulary, _bits))
            .OrderBy(r => r.Source.Validity.From ?? DateOnly.MinValue).ToArray();
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>Every measure in catalog order: the order of an outcome buffer.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>The build of the compiler: whether a document compiles depends on it, on the
    /// document and on the vocabulary, so a record that a document compiled is kept under it.</summary>
    public static Guid CompilerBuild { get; } = typeof(CompiledCatalog).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>Compiles a loaded catalog. Throws <see cref="Srdi.Model.Sources.CatalogException"/>
    /// naming the file and line of the first rule that does not compile.</summary>
    /// <param name="knownToCompile">Indexes in <see cref="PolicyCatalog.Documents"/> of documents
    /// known to compile without error against this vocabulary with this <see cref="CompilerBuild"/>
    /// (a loading fact, from the catalog's cache): they are compiled when an evaluation first needs
    /// them. Every other document is compiled now, so a mistake is still thrown here.</param>
    public static CompiledCatalog Compile(PolicyCatalog catalog, IReadOnlySet<int>? knownToCompile = null) => new(catalog, knownToCompile);

    /// <summary>Whether the document's rules are compiled yet.</summary>
    internal bool IsCompiled(string documentId) => _documents.Single(d => d.Document.Id == documentId).IsCompiled;

    /// <summary>How many deferred documents have been compiled since.</summary>
    internal int DeferredCompilations => _deferred?.Compilations ?? 0;

    /// <summary>An empty record to fill fact by fact: one per worker, cleared between rows.</summary>
    public EnterpriseRecord NewRecord() => new(_slots);

    /// <summary>A record holding a profile's facts.</summary>
    public EnterpriseRecord Record(EnterpriseProfile profile) => new(profile, _slots);

    public bool TryGetSlot(string fact, out int slot) => _slots.TryGet(fact, out slot);

    public FactDefinition FactAt(int slot) => _slots.Definitions[slot];

    public int FactCount => _slots.Count;

    /// <summary>A buffer for <see cref="Evaluate(EnterpriseRecord, DateOnly, EnterpriseOutcomes)"/>:
    /// one per worker, every measure outside the area until evaluated.</summary>
    public EnterpriseOutcomes NewOutcomes()
    {
        var outcomes = new EnterpriseOutcomes(_nominalKinds.Length, _documents.Length, _maxParts);
        MarkOutsideArea(new MeasureRange(0, _nominalKinds.Length), outcomes.Buffer);
        return outcomes;
    }

    /// <summary>The fast path: the outcome of every measure that can concern one enterprise on a
    /// date, without explanation. Only the documents of its area (found through the area index)
    /// are evaluated; <see cref="EnterpriseOutcomes.Evaluated"/> lists their measures, and every
    /// other measure reads as outside the area.</summary>
    public void Evaluate(EnterpriseRecord enterprise, DateOnly at, EnterpriseOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Buffer.Length != _nominalKinds.Length) throw new ArgumentException("结果缓冲区不属于本政策目录", nameof(outcomes));
        outcomes.Begin();
        var context = outcomes.Context ??= new EvaluationContext(enterprise, at);
        context.Reset(enterprise, at);
        EvaluateArea(enterprise, context, outcomes.Parts, outcomes.Buffer, outcomes);
        // The previous row's documents that this row does not concern read as outside again.
        var current = outcomes.Documents;
        var next = 0;
        foreach (var document in outcomes.PreviousDocuments)
        {
            while (next < current.Length && current[next] < document) next++;
            if (next < current.Length && current[next] == document) continue;
            MarkOutsideArea(_documents[document].Range, outcomes.Buffer);
        }
    }

    private void MarkOutsideArea(MeasureRange measures, Span<MeasureOutcome> outcomes)
    {
        for (var m = measures.Start; m < measures.End; m++) CompiledMeasure.MarkOutsideArea(ref outcomes[m], _nominalKinds[m]);
    }

    /// <summary>The fast path into a plain buffer: every measure's outcome for one enterprise on a
    /// date, written into <paramref name="outcomes"/> (one per measure, catalog order), without
    /// explanation. Writes every measure, those outside the area included: a roster uses
    /// <see cref="Evaluate(EnterpriseRecord, DateOnly, EnterpriseOutcomes)"/>, whose cost does not
    /// grow with the documents of other areas.</summary>
    public void Evaluate(EnterpriseRecord enterprise, DateOnly at, Span<MeasureOutcome> outcomes)
    {
        if (outcomes.Length < _nominalKinds.Length) throw new ArgumentException("结果缓冲区短于措施数", nameof(outcomes));
        MarkOutsideArea(new MeasureRange(0, _nominalKinds.Length), outcomes);
        var context = enterprise.ContextFor(at);
        if (enterprise.PartScratch.Length < _maxParts) enterprise.PartScratch = new PartState[_maxParts];
        EvaluateArea(enterprise, context, enterprise.PartScratch, outcomes, null);
    }

    private void EvaluateArea(EnterpriseRecord enterprise, EvaluationContext context, PartState[] parts, Span<MeasureOutcome> outcomes, EnterpriseOutcomes? evaluated)
    {
        var at = context.At;
        context.Touched = enterprise.Touch();
        // Registered there by the date (nearly every row), the names alone decide: the shared place
        // stands for the area, and a worker's lookups find it again row after row.
        var place = enterprise.AreaOn(at);
        var candidates = evaluated is null ? _areas.Candidates(place, at, out var exact) : evaluated.Areas.Candidates(_areas, place, at, out exact);
        foreach (var d in candidates)
        {
            var document = _documents[d];
            var area = exact ? Truth.True : AreaMatch.Check(document.Document.Area, place, at);
            if (area == Truth.False) continue;
            EvaluateDocument(document, context, area, outcomes, parts);
            evaluated?.Add(d, document.Range);
        }
    }

    private void EvaluateDocument(CatalogDocument entry, EvaluationContext context, Truth area, Span<MeasureOutcome> outcomes, Span<PartState> parts)
    {
        var document = entry.Compiled;
        var measures = document.Measures;
        var masks = document.TargetMasks;
        var start = entry.Range.Start;
        for (var i = 0; i < measures.Length; i++)
        {
            // In the area for certain and holding none of the targets: ineligible at the targets,
            // as MeasureCore.Evaluate would write it, without reading the measure.
            if (area == Truth.True && masks[i] != 0 && !context.Holds(masks[i]))
            {
                MeasureCore.FailAtTargets(ref outcomes[start + i], _nominalKinds[start + i]);
                continue;
            }
            MeasureCore.Evaluate(measures[i], document.Document, context, area, ref outcomes[start + i], parts);
        }
        ApplyExclusionGroups(document, outcomes);
    }

    /// <summary>The definition the area index and the target masks must agree with: every document
    /// checked with <see cref="AreaMatch.Check"/>, the measures of those outside the area marked so,
    /// every other measure evaluated in full. What the fast path did before the index; kept for the
    /// tests that hold the fast path to it.</summary>
    internal void EvaluateEveryDocument(EnterpriseRecord enterprise, DateOnly at, Span<MeasureOutcome> outcomes)
    {
        var context = enterprise.ContextFor(at);
        if (enterprise.PartScratch.Length < _maxParts) enterprise.PartScratch = new PartState[_maxParts];
        var parts = enterprise.PartScratch;
        foreach (var document in _documents)
        {
            var area = AreaMatch.Check(document.Document.Area, enterprise.Area, at);
            if (area == Truth.False)
            {
                MarkOutsideArea(document.Range, outcomes);
                continue;
            }
            // Every measure read in full, without the target masks' shortcut, which the tests hold to this.
            var compiled = document.Compiled;
            foreach (var measure in compiled.Measures)
                MeasureCore.Evaluate(measure, compiled.Document, context, area, ref outcomes[measure.Index], parts);
            ApplyExclusionGroups(compiled, outcomes);
        }
    }

    /// <summary>Money counted for the enterprise from the measures last evaluated, drafts apart.</summary>
    public (Totals InForce, Totals Drafts) TotalsOf(EnterpriseOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var sum = default(CountedSum);
        var buffer = outcomes.Buffer;
        foreach (var d in outcomes.Documents)
        {
            var document = _documents[d];
            var draft = document.Document.IsDraft;
            for (var m = document.Range.Start; m < document.Range.End; m++) sum.Add(buffer[m], draft);
        }
        return sum.Totals;
    }

    /// <summary>Money counted for the enterprise from a buffer of outcomes, drafts apart.</summary>
    public (Totals InForce, Totals Drafts) TotalsOf(ReadOnlySpan<MeasureOutcome> outcomes)
    {
        var sum = default(CountedSum);
        foreach (var document in _documents)
        {
            var draft = document.Document.IsDraft;
            for (var m = document.Range.Start; m < document.Range.End; m++) sum.Add(outcomes[m], draft);
        }
        return sum.Totals;
    }

    /// <summary>The money counted for the enterprise, in-force and drafts apart, added outcome by
    /// outcome: one rule for the fast path's totals and the explained report's.</summary>
    private struct CountedSum
    {
        private decimal _exact, _upTo, _scheduled, _draftExact, _draftUpTo, _draftScheduled;

        public void Add(in MeasureOutcome o, bool draft)
        {
            if (!o.Counts) return;
            if (draft) { _draftExact += o.CountedExact; _draftUpTo += o.CountedUpTo; _draftScheduled += o.CountedScheduled; }
            else { _exact += o.CountedExact; _upTo += o.CountedUpTo; _scheduled += o.CountedScheduled; }
        }

        public readonly (Totals InForce, Totals Drafts) Totals =>
            (new Totals(_exact, _upTo, _scheduled), new Totals(_draftExact, _draftUpTo, _draftScheduled));
    }

    /// <summary>Evaluates for one enterprise on a date every measure of the documents whose area
    /// may include it (area true or unknown), in catalog order. With <paramref name="explain"/>
    /// each result carries its conditions, computations and missing facts.</summary>
    /// <remarks>The measures of documents of other areas are not listed: they cannot concern the
    /// enterprise, and a national catalog has tens of thousands of them. Those documents are in
    /// <see cref="EvaluationReport.Elsewhere"/>.</remarks>
    public EvaluationReport Evaluate(EnterpriseProfile profile, DateOnly at, bool includeDrafts = false, bool explain = true)
    {
        var enterprise = new EnterpriseRecord(profile, _slots);
        var context = new EvaluationContext(enterprise, at);
        var candidates = _areas.Candidates(profile.Area, at, out var exact);
        // Buffers for the concerned documents only: a national catalog's other measures cost nothing.
        var concerned = new List<Concerned>(candidates.Length);
        foreach (var d in candidates)
        {
            var entry = _documents[d];
            var area = exact ? Truth.True : AreaMatch.Check(entry.Document.Area, profile.Area, at);
            if (area == Truth.False) continue;
            var document = entry.Compiled;
            var outcomes = new MeasureOutcome[document.Measures.Length];
            var states = new PartState[document.Measures.Length][];
            var missing = new List<string>[document.Measures.Length];
            for (var i = 0; i < document.Measures.Length; i++)
            {
                var measure = document.Measures[i];
                states[i] = new PartState[measure.Parts.Length];
                missing[i] = [];
                context.Missing = explain ? missing[i] : null;
                MeasureCore.Evaluate(measure, document.Document, context, area, ref outcomes[i], states[i]);
            }
            ApplyExclusionGroups(document, outcomes, entry.Range.Start);
            concerned.Add(new Concerned(entry, document, area, outcomes, states, missing));
        }
        context.Missing = null;

        var results = new List<MeasureResult>();
        var sum = default(CountedSum);
        foreach (var c in concerned)
        {
            var document = c.Document.Document;
            for (var i = 0; i < c.Document.Measures.Length; i++)
            {
                var measure = c.Document.Measures[i];
                ref readonly var o = ref c.Outcomes[i];
                var excludedBy = o.ExcludedBy >= 0 ? Measures[o.ExcludedBy].Id : null;
                results.Add(explain
                    ? MeasureExplainer.Explain(measure, document, context, c.Area, o, c.States[i], c.Missing[i], excludedBy, Catalog.Vocabulary)
                    : new MeasureResult(measure.Measure, document, o.Status, o.Status == MeasureStatus.NotInForce ? o.WouldBe : null, o.Kind,
                        o.Exact, o.UpTo, o.Scheduled, [], [], [], excludedBy)
                    {
                        Counted = MeasureExplainer.Counted(o),
                        PendingRevision = measure.Measure.PendingRevisionOn(at),
                    });
                sum.Add(o, document.IsDraft);
            }
        }
        var elsewhere = new List<PolicyDocument>(_documents.Length - concerned.Count);
        var next = 0;
        foreach (var document in _documents)
        {
            if (next < concerned.Count && ReferenceEquals(concerned[next].Entry, document)) next++;
            else elsewhere.Add(document.Document);
        }
        var (inForce, drafts) = sum.Totals;
        return new EvaluationReport(profile, at, includeDrafts, results, inForce, drafts) { Elsewhere = elsewhere };
    }

    /// <summary>A document the explained path evaluated, with its measures' outcomes and states.</summary>
    private sealed record Concerned(CatalogDocument Entry, CompiledDocument Document, Truth Area, MeasureOutcome[] Outcomes, PartState[][] States, List<string>[] Missing);

    /// <summary>One measure of a document whose area does not include the enterprise, explained:
    /// what <see cref="Evaluate(EnterpriseProfile, DateOnly, bool, bool)"/> leaves out of its
    /// report, for a reader who asks about that measure by name (a rules test saying that an
    /// enterprise of another city gets nothing). Ineligible, with the area line saying why.</summary>
    /// <exception cref="KeyNotFoundException">No measure has that id.</exception>
    /// <exception cref="InvalidOperationException">The document may apply: its result is in the report.</exception>
    public MeasureResult ExplainElsewhere(EnterpriseProfile profile, DateOnly at, string measureId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!_byId.Value.TryGetValue(measureId, out var found)) throw new KeyNotFoundException($"没有措施 {measureId}");
        var entry = _documents[found.Document];
        var area = AreaMatch.Check(entry.Document.Area, profile.Area, at);
        if (area != Truth.False)
            throw new InvalidOperationException($"措施 {measureId} 所在文件可能适用于该企业的注册地，其结果在评估报告中");
        var document = entry.Compiled;
        var measure = document.Measures[found.Measure];
        var context = new EvaluationContext(new EnterpriseRecord(profile, _slots), at);
        var outcome = default(MeasureOutcome);
        var parts = new PartState[measure.Parts.Length];
        MeasureCore.Evaluate(measure, document.Document, context, area, ref outcome, parts);
        return MeasureExplainer.Explain(measure, document.Document, context, area, outcome, parts, [], null, Catalog.Vocabulary);
    }

    /// <summary>Assesses the tiers of the ladder with the ruleset in force on the date: the newest
    /// that has started. A date past its end still uses it, flagged as superseded.</summary>
    public Tiers.AssessmentReport Assess(EnterpriseProfile profile, DateOnly at)
    {
        var ruleset = _rulesets.LastOrDefault(r => r.Source.Validity.From is not { } from || from <= at)
            ?? _rulesets.FirstOrDefault()
            ?? throw new InvalidOperationException("政策目录中没有梯度认定规则集（catalog/criteria/）");
        var context = new EvaluationContext(new EnterpriseRecord(profile, _slots), at);
        return Tiers.TierAssessor.Assess(ruleset, context, _slots);
    }

    /// <summary>Reading rule 18: among like measures of one document only the highest counts; ties
    /// go to the earlier clause.</summary>
    /// <param name="first">The catalog index of <paramref name="outcomes"/>' first element.</param>
    private static void ApplyExclusionGroups(CompiledDocument document, Span<MeasureOutcome> outcomes, int first = 0)
    {
        foreach (var group in document.ExclusionGroups)
        {
            var best = -1;
            decimal bestValue = 0;
            foreach (var index in group)
            {
                ref var o = ref outcomes[index - first];
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
                if (index != best && outcomes[index - first].Status == MeasureStatus.Eligible) outcomes[index - first].ExcludedBy = best;
        }
    }
}
