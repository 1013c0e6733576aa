using Srdi.Model.Sources;

namespace Srdi.Model.Policies;

/// <summary>What a measure gives: services and other benefits in kind, and money parts.</summary>
public sealed record Benefit(IReadOnlyList<string> InKind, IReadOnlyList<BenefitPart> Parts);

/// <summary>One sum of money a clause grants. Exactly one of <see cref="Amount"/>,
/// <see cref="Schedule"/> and <see cref="External"/> is set.</summary>
public sealed record BenefitPart(
    string Label,
    SourceText? When,
    bool UpTo,
    SourceText? Amount,
    IReadOnlyList<ScheduleStep>? Schedule,
    ExternalAmount? External,
    SourceText? Cap,
    string? CapLabel,
    string? Per,
    string? Payer,
    ApplicationMode? Application,
    string? Beneficiary,
    SourceLocation Location);

/// <summary>What one sum of a part is counted per ("7,200元 per month"): informative only, it
/// changes no amount. A closed list: vocabulary/terms.yaml gives each code its Chinese.</summary>
public enum BenefitPeriod { Once, Year, Project, PersonTime, Month }

/// <summary>A run of years paid at the same rule: "前3年每年按实际支付租金的30%…每年最高300万元".</summary>
public sealed record ScheduleStep(int Years, SourceText Amount, SourceText? Cap, string? CapLabel);

/// <summary>An amount set by a document outside the catalog (reading rule 8).</summary>
public sealed record ExternalAmount(string Document, string? Note);
