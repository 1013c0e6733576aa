using System.Globalization;
using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Formatting;
using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

/// <summary>Turns a decided outcome into its explanation: each condition with the value it saw,
/// each part's computation written out. Re-reads values only; it decides nothing.</summary>
internal static class MeasureExplainer
{
    private static readonly IReadOnlyList<string> NoMissing = [];
    private static readonly IReadOnlyList<ScheduleYear> NoYears = [];

    public static MeasureResult Explain(CompiledMeasure compiled, PolicyDocument document, EvaluationContext context, Truth area,
        in MeasureOutcome o, PartState[] parts, List<string> missing, string? excludedBy, CatalogVocabulary vocabulary)
    {
        var measure = compiled.Measure;
        context.Document = document;
        var collected = context.Missing;
        context.Missing = null; // explaining asks for nothing
        try
        {
            var traces = new List<ConditionTrace>
            {
                new($"注册地位于{document.Area}", null, area, AreaMatch.Describe(context.Enterprise.Area)) { Kind = ConditionKind.Area },
            };
            if (compiled.Targets.Length > 0)
            {
                var held = context.Holds(compiled.TargetMask) ? Truth.True : Truth.False;
                traces.Add(new ConditionTrace($"适用对象：{string.Join("或", measure.Targets.Select(t => CertificateNames.Target(vocabulary, t)))}", null, held,
                    DescribeCertificates(context, vocabulary)) { Kind = ConditionKind.Targets });
            }
            foreach (var condition in compiled.Conditions)
                traces.Add(new ConditionTrace(condition.Label, condition.Rule, condition.Node.Evaluate(context).Truth, condition.Node.Render(context)));

            var partResults = new List<PartResult>(compiled.Parts.Length);
            if (o.FailedAt < 0)
                for (var i = 0; i < compiled.Parts.Length; i++)
                    partResults.Add(Part(compiled.Parts[i], measure, context, parts[i]));
            if (measure.PendingRevisionOn(context.At) is not null)
                for (var i = 0; i < partResults.Count; i++)
                    if (partResults[i].Kind == BenefitKind.Exact) partResults[i] = partResults[i] with { Kind = BenefitKind.UpTo };

            var inKind = new List<InKindResult>(compiled.InKind.Length);
            foreach (var item in compiled.InKind)
            {
                var given = o.FailedAt >= 0 ? Truth.False : item.When?.Evaluate(context).Truth ?? Truth.True;
                inKind.Add(new InKindResult(item.Item, given, o.FailedAt < 0 ? item.When?.Render(context) : null));
            }

            var decided = o.Status == MeasureStatus.NotInForce ? o.WouldBe : o.Status;
            IReadOnlyList<string> asked = decided == MeasureStatus.Ineligible ? NoMissing : missing;
            return new MeasureResult(measure, document, o.Status, o.Status == MeasureStatus.NotInForce ? o.WouldBe : null, o.Kind,
                o.Exact, o.UpTo, o.Scheduled, partResults, traces, asked, excludedBy)
            {
                Counted = Counted(o),
                InKind = inKind,
                PendingRevision = measure.PendingRevisionOn(context.At),
            };
        }
        finally
        {
            context.Missing = collected;
        }
    }

    internal static Totals Counted(in MeasureOutcome o) =>
        o.Counts ? new Totals(o.CountedExact, o.CountedUpTo, o.CountedScheduled) : Totals.Zero;

    private static PartResult Part(CompiledPart compiled, Measure measure, EvaluationContext context, in PartState p)
    {
        var part = compiled.Part;
        var application = part.Application ?? measure.Application;
        var beneficiary = part.Beneficiary ?? measure.Beneficiary;
        decimal? cap = p.HasCap ? p.Cap : null;
        if (p.Applies == Truth.False)
            return new PartResult(part, compiled.Kind, p.Applies, null, $"不适用：{compiled.When!.Render(context)}", false, null, NoYears, application, beneficiary);
        if (part.External is not null)
            return new PartResult(part, BenefitKind.External, p.Applies, null,
                $"金额按{part.External.Document}确定" + (cap is null ? "" : $"，本条上限 {Amounts.Yuan(cap.Value)}"),
                false, cap, NoYears, application, beneficiary);
        if (!p.Known)
            return new PartResult(part, compiled.Kind, p.Applies, null, null, false, cap, NoYears, application, beneficiary);
        if (compiled.Steps.Length > 0)
        {
            var years = new List<ScheduleYear>();
            foreach (var step in compiled.Steps)
            {
                MeasureCore.Compute(step.Amount, step.Cap, context, out var amount, out var capped);
                var text = Computation(step.Amount, step.Cap, context, amount);
                for (var i = 0; i < step.Step.Years; i++) years.Add(new ScheduleYear(years.Count + 1, amount, text, capped));
            }
            return new PartResult(part, BenefitKind.Schedule, p.Applies, p.Amount,
                string.Join(" + ", years.Select(y => Amounts.Yuan(y.Amount))) + $" = {Amounts.Yuan(p.Amount)}",
                p.Capped, null, years, application, beneficiary);
        }
        return new PartResult(part, compiled.Kind, p.Applies, p.Amount, Computation(compiled.Amount!, compiled.Cap, context, p.Amount),
            p.Capped, cap, NoYears, application, beneficiary);
    }

    private static string Computation(Node amount, Node? cap, EvaluationContext context, decimal value)
    {
        var body = amount.Render(context);
        return cap is null
            ? amount is NumberLiteral ? Amounts.Yuan(value) : $"{body} = {Amounts.Yuan(value)}"
            : $"min({body}, {cap.Render(context)}) = {Amounts.Yuan(value)}";
    }

    private static string DescribeCertificates(EvaluationContext context, CatalogVocabulary vocabulary)
    {
        var certificates = context.Enterprise.Certificates;
        if (certificates.Count == 0) return "未持有任何证书";
        return string.Join("；", certificates.Select(c =>
            CertificateNames.Of(vocabulary, c.Kind, c.Level)
            + string.Create(CultureInfo.InvariantCulture, $"（{c.IssuedOn:yyyy-MM-dd} 至 {c.ExpiresOn:yyyy-MM-dd}，{(c.IsValidOn(context.At) ? "有效" : c.ExpiresOn < context.At ? "已过期" : "尚未生效")}）")));
    }
}
