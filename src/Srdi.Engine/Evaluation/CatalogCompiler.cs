using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Srdi.Engine.Expressions;
using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

/// <summary>Turns the loaded catalog's documents into their compiled form. Every expression is
/// parsed, bound and type-checked here; a mistake names its file and line.</summary>
internal sealed class CatalogCompiler(CatalogVocabulary vocabulary, FactSlots slots, CertificateBits bits)
{
    // Documents copied from city to city repeat the same rule texts: each is parsed once per compiler.
    private readonly ConcurrentDictionary<string, Syntax> _parsed = new(StringComparer.Ordinal);
    private int _compilations;

    /// <summary>How many documents this compiler has compiled.</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    /// <summary>Every document of the catalog: those in <paramref name="knownToCompile"/> (indexes
    /// in <see cref="PolicyCatalog.Documents"/>) left to compile when first needed, every other one
    /// compiled now, so that any mistake is thrown here. <c>Deferred</c> is the compiler that the
    /// deferred documents will use, null when there are none.</summary>
    public static (CatalogDocument[] Documents, CatalogCompiler? Deferred) Compile(PolicyCatalog catalog, FactSlots slots, CertificateBits bits,
        IReadOnlySet<int>? knownToCompile)
    {
        var documents = catalog.Documents;
        var first = new int[documents.Count];
        for (var d = 1; d < documents.Count; d++) first[d] = first[d - 1] + documents[d - 1].Measures.Count;
        var now = Enumerable.Range(0, documents.Count).Where(d => knownToCompile?.Contains(d) != true).ToArray();
        var compiler = new CatalogCompiler(catalog.Vocabulary, slots, bits);
        var compiled = new CompiledDocument?[documents.Count];
        var errors = new ExceptionDispatchInfo?[now.Length];
        // Documents compile independently (a national catalog has thousands); a mistake is
        // reported as a sequential compile would report it: the first document's in catalog order.
        Parallel.For(0, now.Length, (i, state) =>
        {
            if (state.ShouldExitCurrentIteration && state.LowestBreakIteration < i) return;
            var d = now[i];
            try
            {
                compiled[d] = compiler.CompileDocument(documents[d], first[d]);
            }
            catch (Exception e)
            {
                errors[i] = ExceptionDispatchInfo.Capture(e);
                state.Break();
            }
        });
        errors.FirstOrDefault(e => e is not null)?.Throw();
        // A compiler of their own for the deferred documents: the syntax trees parsed now are not
        // kept alive for as long as a document waits.
        var deferred = now.Length == documents.Count ? null : new CatalogCompiler(catalog.Vocabulary, slots, bits);
        var entries = new CatalogDocument[documents.Count];
        for (var d = 0; d < documents.Count; d++)
            entries[d] = new CatalogDocument(documents[d], new MeasureRange(first[d], first[d] + documents[d].Measures.Count), compiled[d], deferred);
        return (entries, deferred);
    }

    /// <summary>One document, its measures numbered from <paramref name="first"/> in catalog order.
    /// Thread-safe: documents compile in parallel.</summary>
    public CompiledDocument CompileDocument(PolicyDocument document, int first)
    {
        Interlocked.Increment(ref _compilations);
        var binder = new Binder(slots, vocabulary, RuleScope.For(document), bits) { Parsed = _parsed };
        foreach (var (term, requirements) in document.Terms)
            foreach (var r in requirements)
                if (!vocabulary.Certificates.ContainsKey(r.Kind))
                    throw new CatalogException(document.Location, $"terms 中 \"{term}\" 引用了未知的证书种类 \"{r.Kind}\"");
        var budgetedParts = new HashSet<(string Clause, string Part)>();
        foreach (var budget in document.Parameters.Values.Where(p => p.IsBudget && p.Part is not null))
        {
            var measure = document.Measures.FirstOrDefault(m => m.Number == budget.Clause)
                ?? throw new CatalogException(document.Location, $"预算参数 {budget.Name} 的 clause \"{budget.Clause}\" 不是本文件的条款序号");
            if (measure.Benefit.Parts.All(p => p.Label != budget.Part))
                throw new CatalogException(measure.Location, $"预算参数 {budget.Name} 的 part \"{budget.Part}\" 不是措施 {measure.Id} 的资金部分");
            budgetedParts.Add((budget.Clause!, budget.Part!));
        }
        var measures = document.Measures.Select((m, i) => CompileMeasure(m, binder, first + i, budgetedParts)).ToArray();
        var groups = measures.Where(m => m.Measure.ExclusionGroup is not null)
            .GroupBy(m => m.Measure.ExclusionGroup!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Select(m => m.Index).ToArray()).ToArray();
        return new CompiledDocument(document, measures, groups);
    }

    private static CompiledMeasure CompileMeasure(Measure measure, Binder binder, int index, HashSet<(string Clause, string Part)> budgeted)
    {
        var targets = new List<CertificateRequirement>();
        foreach (var target in measure.Targets)
        {
            try
            {
                targets.AddRange(binder.ResolveTargets(target));
            }
            catch (ExpressionException e)
            {
                throw new CatalogException(measure.Location, $"措施 {measure.Id} 的 targets：{e.Message}");
            }
        }
        var conditions = measure.Conditions
            .Select(c => new CompiledCondition(c.Label ?? c.Rule.Text, c.Rule.Text, binder.Compile(c.Rule, ExprType.Bool, "条件")))
            .ToArray();
        var parts = measure.Benefit.Parts.Select(p => new CompiledPart(
            p,
            p.When is null ? null : binder.Compile(p.When, ExprType.Bool, "when 条件"),
            p.Amount is null ? null : binder.Compile(p.Amount, ExprType.Number, "金额"),
            p.Cap is null ? null : binder.Compile(p.Cap, ExprType.Number, "上限"),
            (p.Schedule ?? []).Select(s => new CompiledStep(
                s,
                binder.Compile(s.Amount, ExprType.Number, "分年度金额"),
                s.Cap is null ? null : binder.Compile(s.Cap, ExprType.Number, "分年度上限"))).ToArray(),
            (p.Beneficiary ?? measure.Beneficiary) == "enterprise",
            budgeted.Contains((measure.Number, p.Label)))).ToArray();
        var inKind = measure.Benefit.InKind
            .Select(k => new CompiledInKind(k, k.When is null ? null : binder.Compile(k.When, ExprType.Bool, "非资金支持的 when 条件")))
            .ToArray();
        var distinct = targets.Distinct().ToArray();
        return new CompiledMeasure(measure, distinct, distinct.Length == 0 ? 0 : binder.Bits.Mask(distinct), conditions, parts, index)
        {
            InKind = inKind,
            InKindConditional = inKind.Any(k => k.When is not null),
        };
    }
}
