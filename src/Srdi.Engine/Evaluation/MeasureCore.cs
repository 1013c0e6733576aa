using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Runtime;
using Srdi.Model.Policies;

namespace Srdi.Engine.Evaluation;

/// <summary>The decision for one measure: area, targets, conditions, parts, status, money. Both the
/// fast path and the explained path run exactly this; the explanation is built afterwards.</summary>
internal static class MeasureCore
{
    /// <summary>The outcome of a measure whose targets the enterprise, in the area for certain, does not hold.</summary>
    public static void FailAtTargets(ref MeasureOutcome o, BenefitKind nominalKind) => Ineligible(ref o, nominalKind, 1);

    // Most measures end here for most enterprises (a tier they do not hold): the outcome is
    // decided without the parts, and its money is not written, meaning nothing when
    // ineligible (MeasureOutcome).
    private static void Ineligible(ref MeasureOutcome o, BenefitKind nominalKind, short failedAt)
    {
        o.Status = MeasureStatus.Ineligible;
        o.WouldBe = default;
        o.Kind = nominalKind;
        o.FailedAt = failedAt;
        o.ExcludedBy = -1;
        o.HasMissing = false;
    }

    /// <param name="area">Whether the enterprise is in the document's area: decided once per document.</param>
    /// <param name="parts">Scratch for the parts' states, at least as long as the measure's parts.</param>
    public static void Evaluate(CompiledMeasure compiled, PolicyDocument document, EvaluationContext context, Truth area, ref MeasureOutcome o, Span<PartState> parts)
    {
        // Written only when it changes: every measure of a document shares it, and a store per
        // measure to an object each core writes is a cache line the cores pass back and forth.
        if (!ReferenceEquals(context.Document, document)) context.Document = document;
        var gate = area;
        short failedAt = -1;
        if (gate == Truth.False) failedAt = 0;
        if (gate == Truth.Unknown) context.NoteMissing("area");

        if (gate != Truth.False && compiled.Targets.Length > 0 && !context.Holds(compiled.TargetMask))
        {
            gate = Truth.False;
            failedAt = 1;
        }

        for (var i = 0; i < compiled.Conditions.Length && gate != Truth.False; i++)
        {
            var value = compiled.Conditions[i].Node.Evaluate(context).Truth;
            if (value == Truth.False)
            {
                gate = Truth.False;
                failedAt = (short)(2 + i);
            }
            else if (value == Truth.Unknown)
            {
                gate = Truth.Unknown;
            }
        }

        if (gate == Truth.False)
        {
            Ineligible(ref o, compiled.NominalKind, failedAt);
            return;
        }
        o = default;
        o.FailedAt = failedAt;
        o.ExcludedBy = -1;

        var known = false;
        var unknown = false;
        for (var i = 0; i < compiled.Parts.Length; i++)
        {
            ref var p = ref parts[i];
            EvaluatePart(compiled.Parts[i], context, ref p);
            if (p.Applies == Truth.True && p.Known) known = true;
            else if (p.Applies != Truth.False) unknown = true;
        }

        // Reading rule 20: an in-kind item with a condition of its own is given or not on that
        // condition alone; one without goes with the measure.
        var inKind = compiled.InKind.Length > 0 ? Truth.True : Truth.False;
        var unknownItem = false;
        if (compiled.InKindConditional)
        {
            // Every item is read, so that each unknown one names its facts.
            inKind = Truth.False;
            foreach (var item in compiled.InKind)
            {
                var given = item.When?.Evaluate(context).Truth ?? Truth.True;
                if (given == Truth.True) inKind = Truth.True;
                else if (given == Truth.Unknown) unknownItem = true;
            }
        }

        o.Status = gate switch
        {
            Truth.Unknown => MeasureStatus.NeedsInfo,
            _ when known => MeasureStatus.Eligible,
            // Money that hangs on an unknown fact asks for it before the services alone answer (rule 19);
            // a service certainly given answers even while another item waits on a fact, as known
            // money does (docs/interpretation.md, decision 1).
            _ when unknown => MeasureStatus.NeedsInfo,
            _ when inKind == Truth.True => MeasureStatus.Eligible,
            _ when unknownItem => MeasureStatus.NeedsInfo,
            _ => MeasureStatus.Ineligible,
        };
        o.Kind = compiled.NominalKind;
        if (o.Status == MeasureStatus.Eligible)
        {
            o.Kind = BenefitKind.InKind;
            for (var i = 0; i < compiled.Parts.Length; i++)
            {
                ref var p = ref parts[i];
                if (p.Applies != Truth.True || !p.Known) continue;
                var part = compiled.Parts[i];
                if (part.Budgeted) o.Budgeted += p.Amount;
                switch (part.Kind)
                {
                    case BenefitKind.Exact:
                        o.Exact += p.Amount;
                        if (part.PaysEnterprise) o.CountedExact += p.Amount;
                        else o.OthersExact += p.Amount;
                        break;
                    case BenefitKind.UpTo:
                        o.UpTo += p.Amount;
                        if (part.PaysEnterprise) o.CountedUpTo += p.Amount;
                        else o.OthersUpTo += p.Amount;
                        break;
                    case BenefitKind.Schedule:
                        o.Scheduled += p.Amount;
                        if (part.PaysEnterprise) o.CountedScheduled += p.Amount;
                        else o.OthersScheduled += p.Amount;
                        break;
                    case BenefitKind.External:
                        // The ceiling this text puts on an amount another document sets; never counted.
                        if (p.HasCap)
                        {
                            o.UpTo += p.Cap;
                            // A ceiling on money paid to a buyer, staff…: the other beneficiary's, never the enterprise's.
                            if (!part.PaysEnterprise) o.OthersUpTo += p.Cap;
                        }
                        break;
                }
                o.Kind = Stronger(o.Kind, part.Kind);
            }
        }
        if (o.Status == MeasureStatus.Eligible && compiled.Measure.PendingRevisionOn(context.At) is not null)
            AsCeilings(ref o);
        o.HasMissing = unknown || unknownItem || gate == Truth.Unknown;
        if (o.Status is MeasureStatus.Eligible or MeasureStatus.NeedsInfo && !document.Validity.Contains(context.At))
        {
            o.WouldBe = o.Status;
            o.Status = MeasureStatus.NotInForce;
        }
    }

    /// <summary>Reading rule 23: until the policy it waits for is revised, and because the revised
    /// version prevails, what this text fixes is only a ceiling: "以修订后的政策为准".</summary>
    private static void AsCeilings(ref MeasureOutcome o)
    {
        o.UpTo += o.Exact;
        o.CountedUpTo += o.CountedExact;
        o.OthersUpTo += o.OthersExact;
        o.Exact = o.CountedExact = o.OthersExact = 0;
        if (o.Kind == BenefitKind.Exact) o.Kind = BenefitKind.UpTo;
    }

    private static void EvaluatePart(CompiledPart part, EvaluationContext context, ref PartState p)
    {
        p = default;
        p.Applies = part.When?.Evaluate(context).Truth ?? Truth.True;
        if (p.Applies == Truth.False) return;
        if (part.Cap is not null)
        {
            var c = part.Cap.Evaluate(context);
            if (!c.IsUnknown)
            {
                p.HasCap = true;
                p.Cap = c.Number;
            }
        }
        if (part.Part.External is not null)
        {
            p.Known = true;
            return;
        }
        if (part.Steps.Length > 0)
        {
            decimal total = 0;
            foreach (var step in part.Steps)
            {
                if (!Compute(step.Amount, step.Cap, context, out var amount, out var capped)) return;
                total += amount * step.Step.Years;
                p.Capped |= capped;
            }
            p.Known = true;
            p.Amount = total;
            return;
        }
        if (Compute(part.Amount!, part.Cap, context, out var value, out var partCapped))
        {
            p.Known = true;
            p.Amount = value;
            p.Capped = partCapped;
        }
    }

    /// <summary>amount, then the cap (reading rule 3). A grant is never negative.</summary>
    public static bool Compute(Node amount, Node? cap, EvaluationContext context, out decimal value, out bool capped)
    {
        value = 0;
        capped = false;
        var a = amount.Evaluate(context);
        if (a.IsUnknown) return false;
        value = Math.Max(0, a.Number);
        if (cap is null) return true;
        var c = cap.Evaluate(context);
        if (c.IsUnknown) return false;
        if (value > c.Number)
        {
            value = c.Number;
            capped = true;
        }
        return true;
    }

    private static BenefitKind Stronger(BenefitKind current, BenefitKind next) => Rank(next) > Rank(current) ? next : current;

    private static int Rank(BenefitKind k) => k switch
    {
        BenefitKind.Schedule => 4,
        BenefitKind.UpTo => 3,
        BenefitKind.Exact => 2,
        BenefitKind.External => 1,
        _ => 0,
    };

    internal static BenefitKind NominalKind(Measure measure) =>
        measure.Benefit.Parts.Count == 0 ? BenefitKind.InKind
        : measure.Benefit.Parts.Any(p => p.Schedule is not null) ? BenefitKind.Schedule
        : measure.Benefit.Parts.Any(p => p.Amount is not null && p.UpTo) ? BenefitKind.UpTo
        : measure.Benefit.Parts.Any(p => p.Amount is not null) ? BenefitKind.Exact
        : BenefitKind.External;
}
