namespace Srdi.Engine.Evaluation;

/// <summary>The outcome of one measure without its explanation: what a batch keeps per
/// enterprise and measure. Filled in place, so evaluating a roster allocates nothing per row.
/// The money fields mean something only when the status is not <see cref="MeasureStatus.Ineligible"/>:
/// for an ineligible measure (outside the area, or failed at a target or condition) they are left
/// as the buffer held them.</summary>
public struct MeasureOutcome
{
    public MeasureStatus Status;

    /// <summary>What the status would be on a date inside the document's validity; meaningful
    /// when <see cref="Status"/> is <see cref="MeasureStatus.NotInForce"/>.</summary>
    public MeasureStatus WouldBe;

    public BenefitKind Kind;

    /// <summary>-1 when nothing failed; 0 the area, 1 the targets, 2 + i the i-th condition.</summary>
    public short FailedAt;

    /// <summary>Index (in catalog order) of the measure of the same exclusion group that counts
    /// instead of this one, or -1.</summary>
    public int ExcludedBy;

    public bool HasMissing;

    /// <summary>The measure's money: sure sums, ceilings (with external caps), schedule totals.</summary>
    public decimal Exact, UpTo, Scheduled;

    /// <summary>The part of it paid to the enterprise itself, external amounts left out.</summary>
    public decimal CountedExact, CountedUpTo, CountedScheduled;

    /// <summary>The part of it paid to someone else (buyers, staff, investors…; reading rule 25).</summary>
    public decimal OthersExact, OthersUpTo, OthersScheduled;

    /// <summary>The money of parts funded by a document's yearly budget.</summary>
    public decimal Budgeted;

    public readonly bool Excluded => ExcludedBy >= 0;

    public readonly bool Counts => Status == MeasureStatus.Eligible && ExcludedBy < 0;
}
