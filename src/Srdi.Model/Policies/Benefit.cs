using Srdi.Model.Sources;

namespace Srdi.Model.Policies;

/// <summary>What a measure gives: services and other benefits in kind, and money parts.</summary>
public sealed record Benefit(IReadOnlyList<InKindItem> InKind, IReadOnlyList<BenefitPart> Parts)
{
    /// <summary>How many things the clause gives: in-kind items and money parts together.</summary>
    public int Pieces => InKind.Count + Parts.Count;
}

/// <summary>One service or other benefit in kind. <see cref="When"/> is the condition the clause
/// attaches to this item alone (reading rule 20): "专精特新小微企业价格扣除" governs the price deduction,
/// not the rest of the clause.</summary>
public sealed record InKindItem(string Text, SourceText? When, string? Basis, SourceLocation Location)
{
    public override string ToString() => Text;
}

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
    SourceLocation Location)
{
    /// <summary>The words of the clause that set this part's window, ratio and cap, verbatim.</summary>
    public string? Basis { get; init; }

    /// <summary>Why a scalar fact decides a part whose words name items (每项, 项目…): the
    /// reading rule 22 check accepts the part only with a reason.</summary>
    public string? ScalarReason { get; init; }
}

/// <summary>What one sum of a part is counted per ("7,200元 per month"): informative only, it
/// changes no amount. A closed list: vocabulary/terms.yaml gives each code its Chinese.</summary>
public enum BenefitPeriod { Once, Year, Project, PersonTime, Month }

/// <summary>A run of years paid at the same rule: "前3年每年按实际支付租金的30%…每年最高300万元".</summary>
public sealed record ScheduleStep(int Years, SourceText Amount, SourceText? Cap, string? CapLabel);

/// <summary>An amount set by a document outside the catalog (reading rule 8).</summary>
public sealed record ExternalAmount(string Document, string? Note);
