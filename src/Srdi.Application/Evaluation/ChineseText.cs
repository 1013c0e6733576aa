using System.Globalization;
using Srdi.Application.Vocabulary;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Formatting;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Evaluation;

/// <summary>The one place where an evaluation's data becomes the Chinese a person reads: statuses,
/// amounts, reasons, beneficiaries, certificates. The CLI prints these strings; the web shows
/// the same ones.</summary>
public sealed class ChineseText(Wording wording, CatalogVocabulary vocabulary)
{
    public Wording Wording => wording;

    public string Status(MeasureResult r) => r.Status switch
    {
        MeasureStatus.NotInForce => $"不在有效期（否则{wording.Status(r.WouldBe!.Value)}）",
        _ => wording.Status(r.Status) + (r.Draft ? "·征求意见稿" : "") + (r.ExcludedBy is { } by ? $"·从高不重复，已按 {by} 计" : ""),
    };

    public static string Amount(MeasureResult r)
    {
        if (r.Status is MeasureStatus.Ineligible) return "—";
        if (r.Status == MeasureStatus.NeedsInfo) return "待补充信息";
        return r.Kind switch
        {
            BenefitKind.Exact => Amounts.Chinese(r.Exact),
            BenefitKind.UpTo => (r.Exact > 0 ? $"确定 {Amounts.Chinese(r.Exact)} + " : "") + $"最高 {Amounts.Chinese(r.UpTo)}",
            BenefitKind.Schedule => $"分{r.ScheduleAmounts.Count}年共 {Amounts.Chinese(r.ScheduleTotal)}：" + string.Join(" / ", r.ScheduleAmounts.Select(Amounts.Chinese)),
            BenefitKind.External => "按其他文件确定" + (r.UpTo > 0 ? $"，本条上限 {Amounts.Chinese(r.UpTo)}" : ""),
            _ => "非资金支持",
        };
    }

    public static string PartAmount(PartResult p) => p.Kind switch
    {
        BenefitKind.External => "按其他文件确定" + (p.Cap is { } cap ? $"，本条上限 {Amounts.Chinese(cap)}" : ""),
        BenefitKind.UpTo => p.Amount is { } a ? $"最高 {Amounts.Chinese(a)}" : "待补充信息",
        _ => p.Amount is { } e ? Amounts.Chinese(e) + (p.Part.Per is { } per ? $"（{per}）" : "") : "待补充信息",
    };

    /// <summary>The short "why" beside a measure: the first failed condition, the facts missing
    /// (by their labels), the document's validity, or the benefits in kind. A measure for holders
    /// of certain titles names the certificates the enterprise holds as <see cref="Certificate"/>
    /// words them (the engine's trace spells them as codes).</summary>
    public string Reason(MeasureResult r, EnterpriseProfile profile, DateOnly at)
    {
        if (r.Status == MeasureStatus.NotInForce) return $"文件有效期 {r.Document.Validity}";
        var failed = r.Conditions.FirstOrDefault(c => c.Outcome == Truth.False);
        if (r.Status == MeasureStatus.Ineligible && failed is { Kind: ConditionKind.Targets })
            return $"{failed.Label}：" + (profile.Certificates.Count == 0 ? "未持有任何证书" : string.Join("；", profile.Certificates.Select(c => Certificate(c, at))));
        if (r.Status == MeasureStatus.Ineligible && failed is not null) return $"{failed.Label}：{failed.Seen}";
        if (r.Status == MeasureStatus.NeedsInfo) return "缺少：" + FactLabels(r.Missing);
        if (r.Kind == BenefitKind.InKind) return Excerpt(string.Join("；", r.Measure.Benefit.InKind), 40);
        return r.Missing.Count > 0 ? "另需：" + FactLabels(r.Missing) : "";
    }

    /// <summary>What a person calls a fact: its label in the vocabulary (the key only for a fact
    /// the vocabulary lacks).</summary>
    public string FactLabel(string fact) => FactLabel(vocabulary, fact);

    /// <summary>Facts by their labels, joined with 、.</summary>
    public string FactLabels(IEnumerable<string> facts) => string.Join("、", facts.Select(FactLabel));

    public static string FactLabel(CatalogVocabulary vocabulary, string fact) =>
        vocabulary.Facts.TryGetValue(fact, out var definition) ? definition.Label
        : fact == "area" ? "注册地（省、市、区）" : fact;

    /// <summary>How a document stands on the evaluation date.</summary>
    public static string DocumentState(PolicyDocument document, DateOnly at, bool includeDrafts) =>
        document.IsDraft ? "征求意见稿，不计入合计" + (includeDrafts ? "（本次按要求计入）" : "")
        : document.Validity.Contains(at) ? "现行有效" : "评估日不在有效期内";

    public string Beneficiary(string code) => wording.Beneficiary(code);

    public string Certificate(Certificate c, DateOnly at) =>
        $"{vocabulary.Certificates[c.Kind].Name}（{Date(c.IssuedOn)} 至 {Date(c.ExpiresOn)}{(c.IsValidOn(at) ? "" : "，评估日不在有效期内")}{(c.Renewal ? "，复核" : "")}）";

    public static string Area(EnterpriseArea? area) => area is null ? "未填写" : $"{area.Province}{area.City}{area.District}";

    /// <summary>A fact's value as a person reads it: money in 万元, rates in %, yes/no, dates.</summary>
    public static string Value(FactDefinition? definition, object value) => value switch
    {
        decimal d when definition?.Type == FactType.Money => Amounts.Chinese(d),
        decimal d when definition?.Type == FactType.Rate => Amounts.Percent(d),
        decimal d => Amounts.Plain(d),
        bool b => b ? "是" : "否",
        DateOnly date => Date(date),
        IReadOnlyList<FactItem> items => $"{items.Count} 项",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Date(DateOnly date) => Text.IsoDate.Format(date);

    /// <summary>✓ held, ✗ failed, ? undecided: the marks every explanation uses.</summary>
    public static string Mark(Truth t) => t switch { Truth.True => "✓", Truth.False => "✗", _ => "?" };

    public static string Excerpt(string text, int length = 80) => text.Length <= length ? text : text[..length] + "…";
}
