using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Formatting;
using Srdi.Engine.Runtime;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

/// <summary>Evaluates one compiled measure. With <c>explain</c> off it skips every string and
/// list that only an explanation needs.</summary>
internal static class MeasureEvaluator
{
    private static readonly IReadOnlyList<ConditionTrace> NoConditions = [];
    private static readonly IReadOnlyList<string> NoMissing = [];
    private static readonly IReadOnlyList<ScheduleYear> NoYears = [];

    /// <param name="area">Whether the enterprise is in the document's area: decided once per document.</param>
    public static MeasureResult Evaluate(CompiledMeasure compiled, PolicyDocument document, EvaluationContext context, bool explain, Truth area)
    {
        var measure = compiled.Measure;
        if (area == Truth.False && !explain) return compiled.OutsideArea;
        context.Document = document;
        context.Missing = explain ? [] : null;
        var traces = explain ? new List<ConditionTrace>() : null;

        var gate = area;
        traces?.Add(new ConditionTrace($"注册地位于{document.Area}", null, gate, AreaMatch.Describe(context.Enterprise.Area)));
        if (gate == Truth.Unknown) context.NoteMissing("area");

        if (compiled.Targets.Length > 0 && (gate != Truth.False || explain))
        {
            var held = CertificateMatch.Holds(context.Enterprise.Certificates, compiled.Targets, context.At) ? Truth.True : Truth.False;
            traces?.Add(new ConditionTrace($"适用对象：{string.Join("或", measure.Targets)}", null, held, DescribeCertificates(context)));
            gate = And(gate, held);
        }

        foreach (var condition in compiled.Conditions)
        {
            if (gate == Truth.False && !explain) break;
            var value = condition.Node.Evaluate(context).Truth;
            traces?.Add(new ConditionTrace(condition.Label, condition.Rule, value, condition.Node.Render(context)));
            gate = And(gate, value);
        }

        var parts = new List<PartResult>(compiled.Parts.Length);
        if (gate != Truth.False)
            foreach (var part in compiled.Parts)
                parts.Add(EvaluatePart(part, measure, context, explain));

        var status = Decide(gate, parts, measure.Benefit.InKind.Count > 0);
        decimal exact = 0, upTo = 0, scheduled = 0;
        // Until money is decided, the kind is what the measure's parts could give.
        var kind = status == MeasureStatus.Eligible ? BenefitKind.InKind : compiled.NominalKind;
        if (status == MeasureStatus.Eligible)
        {
            foreach (var p in parts.Where(p => p.Applies == Truth.True && (p.Amount is not null || p.Kind == BenefitKind.External)))
            {
                switch (p.Kind)
                {
                    case BenefitKind.Exact: exact += p.Amount!.Value; break;
                    case BenefitKind.UpTo: upTo += p.Amount!.Value; break;
                    case BenefitKind.Schedule: scheduled += p.Amount!.Value; break;
                    // The ceiling this text puts on an amount another document sets; never in totals.
                    case BenefitKind.External: upTo += p.Cap ?? 0; break;
                }
                kind = Stronger(kind, p.Kind);
            }
        }

        MeasureStatus? wouldBe = null;
        if (status is MeasureStatus.Eligible or MeasureStatus.NeedsInfo && !document.Validity.Contains(context.At))
        {
            wouldBe = status;
            status = MeasureStatus.NotInForce;
        }

        var missing = status is MeasureStatus.NeedsInfo or MeasureStatus.Eligible || wouldBe is not null
            ? (IReadOnlyList<string>?)context.Missing ?? NoMissing
            : NoMissing;
        return new MeasureResult(measure, document, status, wouldBe, kind, exact, upTo, scheduled,
            parts, traces ?? NoConditions, missing, null);
    }

    /// <summary>The result for an enterprise outside the document's area, without explanation:
    /// the same for every such enterprise, so it is built once per measure.</summary>
    public static MeasureResult OutsideArea(Measure measure, PolicyDocument document) =>
        new(measure, document, MeasureStatus.Ineligible, null, NominalKind(measure), 0, 0, 0, [], NoConditions, NoMissing, null);

    internal static BenefitKind NominalKind(Measure measure) =>
        measure.Benefit.Parts.Count == 0 ? BenefitKind.InKind
        : measure.Benefit.Parts.Any(p => p.Schedule is not null) ? BenefitKind.Schedule
        : measure.Benefit.Parts.Any(p => p.Amount is not null && p.UpTo) ? BenefitKind.UpTo
        : measure.Benefit.Parts.Any(p => p.Amount is not null) ? BenefitKind.Exact
        : BenefitKind.External;

    private static MeasureStatus Decide(Truth gate, List<PartResult> parts, bool hasInKind)
    {
        if (gate == Truth.False) return MeasureStatus.Ineligible;
        if (gate == Truth.Unknown) return MeasureStatus.NeedsInfo;
        if (parts.Count == 0) return MeasureStatus.Eligible;
        var known = false;
        var unknown = false;
        foreach (var p in parts)
        {
            if (p.Applies == Truth.True && (p.Amount is not null || p.Kind == BenefitKind.External)) known = true;
            else if (p.Applies != Truth.False) unknown = true;
        }
        if (known) return MeasureStatus.Eligible;
        if (unknown) return MeasureStatus.NeedsInfo;
        return hasInKind ? MeasureStatus.Eligible : MeasureStatus.Ineligible;
    }

    private static PartResult EvaluatePart(CompiledPart compiled, Measure measure, EvaluationContext context, bool explain)
    {
        var part = compiled.Part;
        var applies = compiled.When?.Evaluate(context).Truth ?? Truth.True;
        var application = part.Application ?? measure.Application;
        var beneficiary = part.Beneficiary ?? measure.Beneficiary;
        if (applies == Truth.False)
            return new PartResult(part, compiled.Kind, applies, null, explain ? $"不适用：{compiled.When!.Render(context)}" : null, false, null, NoYears, application, beneficiary);

        decimal? cap = null;
        if (compiled.Cap is not null)
        {
            var c = compiled.Cap.Evaluate(context);
            if (!c.IsUnknown) cap = c.Number;
        }

        if (compiled.Part.External is not null)
            return new PartResult(part, BenefitKind.External, applies, null,
                explain ? $"金额按{part.External!.Document}确定" + (cap is null ? "" : $"，本条上限 {Amounts.Yuan(cap.Value)}") : null,
                false, cap, NoYears, application, beneficiary);

        if (compiled.Steps.Length > 0)
        {
            var years = new List<ScheduleYear>();
            decimal total = 0;
            var unknown = false;
            foreach (var step in compiled.Steps)
            {
                var (amount, capped, text) = Compute(step.Amount, step.Cap, context, explain);
                if (amount is null) { unknown = true; continue; }
                for (var i = 0; i < step.Step.Years; i++)
                {
                    years.Add(new ScheduleYear(years.Count + 1, amount.Value, text, capped));
                    total += amount.Value;
                }
            }
            return unknown
                ? new PartResult(part, BenefitKind.Schedule, applies, null, null, false, null, NoYears, application, beneficiary)
                : new PartResult(part, BenefitKind.Schedule, applies, total,
                    explain ? string.Join(" + ", years.Select(y => Amounts.Yuan(y.Amount))) + $" = {Amounts.Yuan(total)}" : null,
                    years.Any(y => y.CapApplied), null, years, application, beneficiary);
        }

        var (value, capApplied, computation) = Compute(compiled.Amount!, compiled.Cap, context, explain);
        return new PartResult(part, compiled.Kind, applies, value, computation, capApplied, cap, NoYears, application, beneficiary);
    }

    /// <summary>amount, then the cap (reading rule 3). A grant is never negative.</summary>
    private static (decimal? Amount, bool Capped, string? Text) Compute(Node amount, Node? cap, EvaluationContext context, bool explain)
    {
        var a = amount.Evaluate(context);
        if (a.IsUnknown) return (null, false, null);
        var value = Math.Max(0, a.Number);
        var capped = false;
        if (cap is not null)
        {
            var c = cap.Evaluate(context);
            if (c.IsUnknown) return (null, false, null);
            if (value > c.Number)
            {
                value = c.Number;
                capped = true;
            }
        }
        string? text = null;
        if (explain)
        {
            var body = amount.Render(context);
            var plain = amount is NumberLiteral;
            text = cap is null
                ? plain ? Amounts.Yuan(value) : $"{body} = {Amounts.Yuan(value)}"
                : $"min({body}, {cap.Render(context)}) = {Amounts.Yuan(value)}";
        }
        return (value, capped, text);
    }

    private static Truth And(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.True;

    private static BenefitKind Stronger(BenefitKind current, BenefitKind next)
    {
        static int Rank(BenefitKind k) => k switch
        {
            BenefitKind.Schedule => 4,
            BenefitKind.UpTo => 3,
            BenefitKind.Exact => 2,
            BenefitKind.External => 1,
            _ => 0,
        };
        return Rank(next) > Rank(current) ? next : current;
    }

    private static string DescribeCertificates(EvaluationContext context)
    {
        var certificates = context.Enterprise.Certificates;
        if (certificates.Length == 0) return "未持有任何证书";
        return string.Join("；", certificates.Select(c =>
            $"{c.Kind}@{c.Level.ToString().ToLowerInvariant()}（{c.IssuedOn:yyyy-MM-dd} 至 {c.ExpiresOn:yyyy-MM-dd}，{(c.IsValidOn(context.At) ? "有效" : c.ExpiresOn < context.At ? "已过期" : "尚未生效")}）"));
    }
}
