namespace Srdi.Application.Contracts;

/// <summary>A policy document of the catalog: where it applies, its status and validity.</summary>
public sealed record PolicyDocumentResult(
    string Id,
    string Title,
    string? Number,
    string Issuer,
    string Status,
    string Level,
    AreaResult Area,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string Validity);

public sealed record AreaResult(string Province, string? City, string? District);

/// <summary>One measure as a list shows it. <see cref="Money"/> is none, computed or external.</summary>
public sealed record MeasureSummary(
    string Id,
    string DocumentId,
    string DocumentTitle,
    bool Draft,
    string Clause,
    string Title,
    string Category,
    string Beneficiary,
    string Application,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Targets,
    string Money);

/// <summary>One measure whole: its verbatim clause beside its rule and its tests.</summary>
public sealed record MeasureDetail(
    MeasureSummary Measure,
    PolicyDocumentResult Document,
    string Section,
    string Text,
    string? Interpretation,
    string? ExclusionGroup,
    IReadOnlyList<RuleCondition> Conditions,
    IReadOnlyList<RulePart> Parts,
    IReadOnlyList<string> InKind,
    IReadOnlyList<MeasureTestResult> Tests,
    string DefinedAt);

public sealed record RuleCondition(string? Label, string Rule);

/// <summary>One money part's rule as written in the catalog.</summary>
public sealed record RulePart(
    string Label,
    bool UpTo,
    string? Amount,
    IReadOnlyList<RuleStep> Schedule,
    ExternalResult? External,
    string? Cap,
    string? CapLabel,
    string? When,
    string? Per,
    string? Payer,
    string? Beneficiary);

public sealed record RuleStep(int Years, string Amount, string? Cap);

/// <summary>A rules test that checks the measure: its sentence, date and where it is written.</summary>
public sealed record MeasureTestResult(string Name, DateOnly At, string Location);
