using Srdi.Engine.Expressions.Nodes;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Evaluation;

internal sealed record CompiledCondition(string Label, string Rule, Node Node);

/// <summary>An in-kind item with the condition the clause attaches to it alone, if any.</summary>
internal sealed record CompiledInKind(InKindItem Item, Node? When);

internal sealed record CompiledStep(ScheduleStep Step, Node Amount, Node? Cap);

/// <param name="Budgeted">Funded by a yearly budget of the document (广州 十's 小技改 part).</param>
internal sealed record CompiledPart(BenefitPart Part, Node? When, Node? Amount, Node? Cap, CompiledStep[] Steps, bool PaysEnterprise, bool Budgeted)
{
    public BenefitKind Kind =>
        Part.External is not null ? BenefitKind.External
        : Steps.Length > 0 ? BenefitKind.Schedule
        : Part.UpTo ? BenefitKind.UpTo
        : BenefitKind.Exact;
}

/// <summary>A measure with its targets resolved and its expressions compiled.</summary>
internal sealed record CompiledMeasure(
    Measure Measure,
    CertificateRequirement[] Targets,
    ulong TargetMask,
    CompiledCondition[] Conditions,
    CompiledPart[] Parts,
    int Index)
{
    /// <summary>The in-kind items; an item without a condition goes with the measure.</summary>
    public CompiledInKind[] InKind { get; init; } = [];

    /// <summary>Whether some in-kind item has a condition of its own: only then is it evaluated.</summary>
    public bool InKindConditional { get; init; }

    /// <summary>The kind of benefit the measure gives when it applies: its strongest money part.</summary>
    public BenefitKind NominalKind { get; } = MeasureCore.NominalKind(Measure);

    /// <summary>The outcome for an enterprise outside the document's area: it needs only the
    /// measure's nominal kind, so a document not compiled yet is marked without compiling it.</summary>
    public static void MarkOutsideArea(ref MeasureOutcome o, BenefitKind nominalKind)
    {
        o.Status = MeasureStatus.Ineligible;
        o.WouldBe = MeasureStatus.Ineligible;
        o.Kind = nominalKind;
        o.FailedAt = 0;
        o.ExcludedBy = -1;
        o.HasMissing = false;
    }
}

/// <summary>A document with its measures compiled and its exclusion groups as index lists.</summary>
internal sealed record CompiledDocument(PolicyDocument Document, CompiledMeasure[] Measures, int[][] ExclusionGroups)
{
    /// <summary>Each measure's certificate mask, side by side (0: no targets). Most measures fail at
    /// their targets for most enterprises: read from here, such a measure is decided without touching
    /// its own objects, which a batch streaming records through the cache has evicted (docs/performance.md).</summary>
    public ulong[] TargetMasks { get; } = Measures.Select(m => m.TargetMask).ToArray();
}
