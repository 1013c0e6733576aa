using System.Text.Json.Serialization;

namespace Srdi.Application.Contracts;

/// <summary>An evaluation as programs read it (schema srdi.evaluation/1, docs/evaluation-json.md):
/// the CLI's --json and the HTTP API serialise this one type.</summary>
public sealed record EvaluationResult(
    string Schema,
    EnterpriseRef Enterprise,
    DateOnly At,
    bool IncludeDrafts,
    IReadOnlyList<MeasureEntitlement> Measures,
    EvaluationTotals Totals,
    IReadOnlyList<QuestionResult> Questions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UpgradeResult? Upgrade)
{
    public const string SchemaName = "srdi.evaluation/1";
}

/// <summary>In force, drafts apart, and the totals the user is shown (drafts only when asked).</summary>
public sealed record EvaluationTotals(MoneyTotals InForce, MoneyTotals Drafts, MoneyTotals Counted);

/// <summary>One measure for one enterprise: status, money, explanation and the clause.</summary>
public sealed record MeasureEntitlement(
    string MeasureId,
    string DocumentId,
    string Clause,
    string Title,
    string Status,
    string? WouldBe,
    bool Draft,
    string Category,
    string Beneficiary,
    string Application,
    IReadOnlyList<string> Departments,
    string? ExcludedBy,
    BenefitResult Benefit,
    IReadOnlyList<ConditionResult> Conditions,
    IReadOnlyList<MissingFact> Missing,
    string ClauseText,
    string? Interpretation)
{
    /// <summary>Reading rule 23: the policy revision this clause still waits for; its money is then
    /// this text's ceiling.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PendingRevisionResult? PendingRevision { get; init; }
}

/// <summary>The other policy a clause waits for, and the caveat a person reads.</summary>
public sealed record PendingRevisionResult(string Policy, DateOnly? RevisedOn, string Basis, string Note);

/// <summary>One in-kind item: whether it is given (an outcome code) and, for an item with a
/// condition of its own, what the profile showed.</summary>
public sealed record InKindEntitlement(string Text, string Given, string? Condition, string? Seen);

public sealed record BenefitResult(
    string Kind,
    decimal Exact,
    decimal UpTo,
    ScheduleResult? Schedule,
    bool Capped,
    IReadOnlyList<string> InKind,
    IReadOnlyList<PartEntitlement> Parts)
{
    /// <summary>Each in-kind item with whether it is given (reading rule 20).</summary>
    public IReadOnlyList<InKindEntitlement> InKindItems { get; init; } = [];
}

public sealed record ScheduleResult(IReadOnlyList<decimal> Years, decimal Total);

/// <summary>One money part of a measure, with its computation written out.</summary>
public sealed record PartEntitlement(
    string Label,
    string Kind,
    string Applies,
    decimal? Amount,
    string? Computation,
    decimal? Cap,
    bool CapApplied,
    string? CapLabel,
    string? Per,
    string? Payer,
    string Application,
    string Beneficiary,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExternalResult? External);

/// <summary>An amount set by another document, named.</summary>
public sealed record ExternalResult(string Document, string? Note);

/// <summary>One condition of a measure: what it requires, the rule, whether it held
/// (true/false/unknown) and what the profile showed.</summary>
public sealed record ConditionResult(string Label, string? Rule, string Outcome, string Seen);

public sealed record MissingFact(string Fact, string Label);

/// <summary>A fact the profile lacks, with the measures it would decide.</summary>
public sealed record QuestionResult(string Fact, string Label, string? Unit, bool Yearly, IReadOnlyList<string> Measures);
