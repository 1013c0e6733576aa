using Srdi.Model.Policies;
using Srdi.Model.Profiles;

namespace Srdi.Engine.Evaluation;

public enum MeasureStatus { Eligible, Ineligible, NeedsInfo, NotInForce }

/// <summary>exact: a sum the text fixes; up-to: a ceiling, never a promise; schedule: yearly
/// amounts; in-kind: no money; external: the amount is set by another document.</summary>
public enum BenefitKind { Exact, UpTo, Schedule, InKind, External }

/// <summary>The kinds of benefit a measure gives.</summary>
public static class BenefitKinds
{
    /// <summary>The kind a measure gives when it applies (its strongest money part): the kind its
    /// result shows when it does not apply, as for an enterprise outside its document's area.</summary>
    public static BenefitKind Nominal(Measure measure) => MeasureCore.NominalKind(measure);
}

/// <summary>What a line of an explanation checks: the document's area, the measure's targets
/// (certificates held), or one of the measure's own conditions.</summary>
public enum ConditionKind { Area, Targets, Rule }

/// <summary>One line of an explanation: what the clause requires, what the profile showed, and
/// whether it held.</summary>
public sealed record ConditionTrace(string Label, string? Rule, Truth Outcome, string Seen)
{
    public ConditionKind Kind { get; init; } = ConditionKind.Rule;
}

/// <summary>One year of a schedule, 1-based from the first year of support.</summary>
public sealed record ScheduleYear(int Index, decimal Amount, string? Computation, bool CapApplied);

/// <summary>The outcome of one money part of a measure.</summary>
public sealed record PartResult(
    BenefitPart Part,
    BenefitKind Kind,
    Truth Applies,
    decimal? Amount,
    string? Computation,
    bool CapApplied,
    decimal? Cap,
    IReadOnlyList<ScheduleYear> Schedule,
    ApplicationMode Application,
    string Beneficiary);

/// <summary>Whether one in-kind item is given: true for an item that goes with the measure; an
/// item with a condition of its own shows what the profile showed.</summary>
public sealed record InKindResult(InKindItem Item, Truth Given, string? Seen);

/// <summary>The outcome of one measure for one enterprise on one date, with its explanation.</summary>
public sealed record MeasureResult(
    Measure Measure,
    PolicyDocument Document,
    MeasureStatus Status,
    MeasureStatus? WouldBe,
    BenefitKind Kind,
    decimal Exact,
    decimal UpTo,
    decimal ScheduleTotal,
    IReadOnlyList<PartResult> Parts,
    IReadOnlyList<ConditionTrace> Conditions,
    IReadOnlyList<string> Missing,
    string? ExcludedBy)
{
    public bool Draft => Document.IsDraft;

    /// <summary>The in-kind items, each with whether it is given (explained results only).</summary>
    public IReadOnlyList<InKindResult> InKind { get; init; } = [];

    /// <summary>The policy revision the clause still waits for on the evaluation date (reading
    /// rule 23), or null: its money is then this text's ceiling, "以修订后的政策为准".</summary>
    public PolicyRevision? PendingRevision { get; init; }

    /// <summary>Whether the enterprise is registered where the document applies: false means the
    /// measure does not concern it at all, whatever else holds.</summary>
    public Truth InArea => Conditions.FirstOrDefault(c => c.Kind == ConditionKind.Area)?.Outcome ?? Truth.True;

    /// <summary>What this result adds to the enterprise's totals: zero unless it is eligible and not
    /// excluded; then the money of the parts paid to the enterprise itself (reading rule 15).</summary>
    public Totals Counted { get; init; } = Totals.Zero;

    public bool Capped => Parts.Any(p => p.CapApplied || p.Schedule.Any(y => y.CapApplied));

    /// <summary>The yearly amounts of every schedule part, added year by year.</summary>
    public IReadOnlyList<decimal> ScheduleAmounts
    {
        get
        {
            var years = new List<decimal>();
            foreach (var part in Parts.Where(p => p.Applies == Truth.True))
                for (var i = 0; i < part.Schedule.Count; i++)
                {
                    if (years.Count <= i) years.Add(0);
                    years[i] += part.Schedule[i].Amount;
                }
            return years;
        }
    }

}

/// <summary>Money added up over measures: sure sums, ceilings and multi-year schedules kept apart.</summary>
public readonly record struct Totals(decimal Exact, decimal UpTo, decimal Scheduled)
{
    public static readonly Totals Zero = new(0, 0, 0);

    public static Totals operator +(Totals a, Totals b) => new(a.Exact + b.Exact, a.UpTo + b.UpTo, a.Scheduled + b.Scheduled);

    public static Totals operator -(Totals a, Totals b) => new(a.Exact - b.Exact, a.UpTo - b.UpTo, a.Scheduled - b.Scheduled);

    /// <summary>The money counted for the enterprise over some results: each result's
    /// <see cref="MeasureResult.Counted"/>, decided once by the engine's core.</summary>
    public static Totals Of(IEnumerable<MeasureResult> results)
    {
        var total = Zero;
        foreach (var r in results) total += r.Counted;
        return total;
    }
}

/// <summary>Everything the catalog says about one enterprise on one date: the measures of the
/// documents whose area may include it (<see cref="Measures"/>), and the documents of other areas
/// (<see cref="Elsewhere"/>), whose measures cannot concern it and are not listed.</summary>
public sealed record EvaluationReport(
    EnterpriseProfile Profile,
    DateOnly At,
    bool IncludeDrafts,
    IReadOnlyList<MeasureResult> Measures,
    Totals InForce,
    Totals Drafts)
{
    /// <summary>The documents whose area does not include the enterprise on the date, in catalog order.</summary>
    public IReadOnlyList<PolicyDocument> Elsewhere { get; init; } = [];

    /// <summary>The totals a user is shown: in-force money, plus drafts only when asked for.</summary>
    public Totals Counted => IncludeDrafts ? InForce + Drafts : InForce;
}
