namespace Srdi.Application.Contracts;

/// <summary>What a batch run found over a roster (schema srdi.batch-summary/1): counts, money
/// in force and in drafts, per measure, the budgets against the roster's demand, and what the
/// output wrote.</summary>
public sealed record BatchSummaryResult(
    string Schema,
    DateOnly At,
    long Evaluated,
    long Rejected,
    long EmptyRows,
    long WithNothing,
    MoneyTotals InForce,
    MoneyTotals Drafts,
    IReadOnlyList<MeasureBatchResult> Measures,
    IReadOnlyList<BudgetResult> Budgets,
    IReadOnlyList<string> Notices,
    IReadOnlyList<string> Files,
    double ElapsedSeconds)
{
    public const string SchemaName = "srdi.batch-summary/1";
}

public sealed record MeasureBatchResult(
    string MeasureId,
    string DocumentId,
    bool Draft,
    string LeadDepartment,
    long Eligible,
    long NeedsInfo,
    long NotInForce,
    long Excluded,
    decimal Exact,
    decimal UpTo,
    decimal Scheduled);

public sealed record BudgetResult(string DocumentId, string Name, string Label, string? Clause, string? Part, decimal? Budget, decimal? Demand, decimal? ProRata, string? Note);
