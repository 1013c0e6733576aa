using Srdi.Engine.Expressions;
using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

/// <summary>Turns the loaded catalog into its compiled form, once. Every expression is parsed,
/// bound and type-checked here; a mistake names its file and line.</summary>
internal static class CatalogCompiler
{
    public static CompiledDocument[] Compile(PolicyCatalog catalog, FactSlots slots) =>
        catalog.Documents.Select(d => CompileDocument(d, catalog.Vocabulary, slots)).ToArray();

    private static CompiledDocument CompileDocument(PolicyDocument document, CatalogVocabulary vocabulary, FactSlots slots)
    {
        var binder = new Binder(slots, vocabulary, RuleScope.For(document));
        foreach (var (term, requirements) in document.Terms)
            foreach (var r in requirements)
                if (!vocabulary.Certificates.ContainsKey(r.Kind))
                    throw new CatalogException(document.Location, $"terms 中 \"{term}\" 引用了未知的证书种类 \"{r.Kind}\"");
        var measures = document.Measures.Select(m => CompileMeasure(m, document, binder)).ToArray();
        return new CompiledDocument(document, measures);
    }

    private static CompiledMeasure CompileMeasure(Measure measure, PolicyDocument document, Binder binder)
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
                s.Cap is null ? null : binder.Compile(s.Cap, ExprType.Number, "分年度上限"))).ToArray())).ToArray();
        return new CompiledMeasure(measure, targets.Distinct().ToArray(), conditions, parts, MeasureEvaluator.OutsideArea(measure, document));
    }
}
