using Srdi.Engine.Evaluation;
using Srdi.Engine.Formatting;

namespace Srdi.Reports;

/// <summary>The 政策体检报告 as data, built once from an <see cref="Application.Evaluation.EvaluationView"/>
/// and an <see cref="Application.Tiers.Assessment"/> by <see cref="PolicyReportBuilder"/>: every
/// string is the Chinese a person reads (the services' renderings), so the PDF and the workbook
/// written from it carry the same words and the same figures.</summary>
public sealed record PolicyReport(
    string EnterpriseName,
    string EnterpriseId,
    DateOnly At,
    DateTimeOffset GeneratedAt,
    string AreaText,
    IReadOnlyList<string> Certificates,
    bool IncludeDrafts,
    ReportTotals Counted,
    ReportTotals? DraftsApart,
    IReadOnlyList<ReportDocument> Documents,
    IReadOnlyList<string> NotHere,
    IReadOnlyList<ReportQuestion> Questions,
    IReadOnlyList<ReportOtherBeneficiary> ReachingOthers,
    ReportTiers? Tiers)
{
    /// <summary>The report's title.</summary>
    public const string Title = "政策体检报告";

    /// <summary>The heading over <see cref="Counted"/>, as the page words it.</summary>
    public string CountedHeading => $"合计（现行有效{(IncludeDrafts ? "＋征求意见稿" : "")}，不含按其他文件确定的金额）";

    /// <summary>The heading over <see cref="DraftsApart"/>.</summary>
    public const string DraftsHeading = "征求意见稿（尚未生效，未计入上面的合计）";

    public const string QuestionsHeading = "待补充信息（补充后可判断更多措施）";

    public const string OthersHeading = "惠及员工、客户或园区的措施（不计入本企业合计）";

    public string NotHereLine => Srdi.Application.Evaluation.ChineseText.NotHere(NotHere);

    /// <summary>The certificates held, or 无.</summary>
    public string CertificatesText => Certificates.Count == 0 ? "无" : string.Join("；", Certificates);

    /// <summary>Every measure of every document that concerns the enterprise, in report order.</summary>
    public IEnumerable<(ReportDocument Document, ReportMeasure Measure)> AllMeasures =>
        Documents.SelectMany(d => d.Measures.Select(m => (d, m)));
}

/// <summary>Money totals in yuan, with the Chinese each figure is read as.</summary>
public sealed record ReportTotals(decimal Exact, decimal UpTo, decimal Scheduled)
{
    public const string ExactLabel = "确定金额";
    public const string UpToLabel = "最高可达（上限，不是承诺）";
    public const string ScheduledLabel = "分年度计划合计";

    public static ReportTotals From(Totals totals) => new(totals.Exact, totals.UpTo, totals.Scheduled);

    public string ExactText => Amounts.Chinese(Exact);
    public string UpToText => Amounts.Chinese(UpTo);
    public string ScheduledText => Amounts.Chinese(Scheduled);

    /// <summary>The three lines (label, figure) in the order the page shows them.</summary>
    public IReadOnlyList<(string Label, string Text, decimal Yuan)> Lines =>
    [
        (ExactLabel, ExactText, Exact),
        (UpToLabel, UpToText, UpTo),
        (ScheduledLabel, ScheduledText, Scheduled),
    ];
}

/// <summary>One document that concerns the enterprise, its state on the date and its measures.</summary>
public sealed record ReportDocument(string Title, string? Number, string State, string Validity, IReadOnlyList<ReportMeasure> Measures)
{
    /// <summary>The line under the title: state and validity (and the document number).</summary>
    public string StateLine => (Number is { Length: > 0 } n ? n + " · " : "") + $"{State} · 有效期 {Validity}";
}

/// <summary>One measure: its clause and title, the Chinese status, amount, reason and
/// application mode, the computations, and the verbatim clause text.</summary>
public sealed record ReportMeasure(
    string Clause,
    string Title,
    string Status,
    string Amount,
    string Reason,
    string Application,
    IReadOnlyList<string> Computations,
    string Text,
    string? Interpretation)
{
    /// <summary>A caveat beside the status (a clause waiting on another policy's revision).</summary>
    public string? Caveat { get; init; }
}

/// <summary>A fact the profile lacks: its label, unit, whether it is yearly, and the titles of
/// the measures it would decide.</summary>
public sealed record ReportQuestion(string Label, string? Unit, bool Yearly, IReadOnlyList<string> Measures)
{
    /// <summary>The question as one line, worded as the page words it.</summary>
    public string Line => Label + (Unit is null ? "" : $"（{Unit}）") + (Yearly ? "，按年度" : "") + " — 影响 " + string.Join("、", Measures);
}

/// <summary>Money a measure pays to someone other than the enterprise: never in its totals.</summary>
public sealed record ReportOtherBeneficiary(string Measure, string Part, string Beneficiary, string Amount)
{
    public string Line => $"{Measure} · {Part}：受益方 {Beneficiary}；{Amount}";
}

/// <summary>The tier assessment: the ruleset, each tier's verdict, and the upgrade value.</summary>
public sealed record ReportTiers(string Ruleset, IReadOnlyList<ReportTier> Tiers, ReportUpgrade? Upgrade)
{
    public const string Heading = "梯度评估";

    public const string NoUpgrade = "晋级价值：已持有梯度培育最高一档的有效证书，没有更高一档。";

    public string RulesetLine => "认定标准：" + Ruleset;
}

public sealed record ReportTier(string Name, string Verdict, bool Holds, IReadOnlyList<string> Gaps, IReadOnlyList<string> Missing)
{
    /// <summary>The tier as one line: name, verdict, route, and whether a valid certificate is held.</summary>
    public string Line => $"{Name}：{Verdict}" + (Holds ? "；已持有有效证书，按复核条件判断" : "");

    public string? MissingLine => Missing.Count == 0 ? null : "需补充：" + string.Join("、", Missing);
}

/// <summary>What first obtaining the next tier on the evaluation date would add.</summary>
/// <remarks>Drafts for comment are counted apart (<see cref="DraftDifference"/>, null when they
/// add nothing), as the totals are.</remarks>
public sealed record ReportUpgrade(string NextTier, string Level, IReadOnlyList<ReportUpgradeDocument> Documents, ReportTotals InForceDifference, ReportTotals? DraftDifference)
{
    public string Heading => $"晋级价值：若在评估日首次取得「{NextTier}」（{Level}）";

    public string TotalLine => "合计（现行有效）：" + ReportUpgradeDocument.DifferenceText(InForceDifference);

    public string? DraftLine => DraftDifference is { } d ? "征求意见稿另计（尚未生效）：" + ReportUpgradeDocument.DifferenceText(d) : null;
}

public sealed record ReportUpgradeDocument(string Title, bool IsDraft, ReportTotals Difference, IReadOnlyList<(string Measure, string Amount)> Opened, IReadOnlyList<string> InKindOpened)
{
    public string Line => Title + (IsDraft ? "（征求意见稿）" : "") + "：" + DifferenceText(Difference);

    internal static string DifferenceText(ReportTotals t) => $"确定 +{t.ExactText}，最高 +{t.UpToText}，分年度 +{t.ScheduledText}";
}
