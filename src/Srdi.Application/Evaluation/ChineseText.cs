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
        _ => wording.Status(r.Status) + (r.Draft ? "·征求意见稿" : "") + (r.ExcludedBy is { } by ? $"·从高不重复，已按 {by} 计" : "")
            + (r.PendingRevision is not null && r.Status != MeasureStatus.Ineligible ? "·待相关政策修订后实施" : ""),
    };

    /// <summary>The documents whose area does not include the enterprise, in one line a person can
    /// read: with a national catalog they are thousands, so only the first few are named.</summary>
    public static string NotHere(IReadOnlyList<string> titles)
    {
        const int Named = 10;
        var line = "注册地不在以下文件的适用范围内，未列出其措施：" + string.Join("、", titles.Take(Named));
        return titles.Count <= Named ? line : line + string.Create(CultureInfo.InvariantCulture, $"等 {titles.Count} 个文件");
    }

    /// <summary>Reading rule 23, the caveat beside the status of a clause waiting on another policy.</summary>
    public static string PendingRevision(PolicyRevision revision, bool money) =>
        $"本条涉及《{revision.Policy.Trim('《', '》')}》的修订，"
        + (revision.RevisedOn is { } d ? string.Create(CultureInfo.InvariantCulture, $"该政策将于 {d:yyyy-MM-dd} 完成修订") : "该政策尚未完成修订")
        + "，本条自修订完成后开始实施；修订后的政策与本条不一致的，以修订后的政策为准。" + (money ? "本条所列金额仅为上限。" : "");

    /// <summary>The in-kind items the enterprise is given (or may be, once facts are known).</summary>
    public static IReadOnlyList<string> GivenInKind(MeasureResult r) =>
        r.InKind.Count == 0
            ? r.Measure.Benefit.InKind.Select(k => k.Text).ToList()
            : r.InKind.Where(k => k.Given != Truth.False).Select(k => k.Given == Truth.True ? k.Item.Text : k.Item.Text + "（待补充信息）").ToList();

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

    public string PartAmount(PartResult p) => p.Kind switch
    {
        BenefitKind.External => "按其他文件确定" + (p.Cap is { } cap ? $"，本条上限 {Amounts.Chinese(cap)}" : ""),
        BenefitKind.UpTo => p.Amount is { } a ? $"最高 {Amounts.Chinese(a)}" : "待补充信息",
        _ => p.Amount is { } e ? Amounts.Chinese(e) + (p.Part.Per is { } per ? $"（{wording.Period(per)}）" : "") : "待补充信息",
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
        if (r.Status == MeasureStatus.NeedsInfo) return "缺少：" + string.Join("、", r.Missing.Select(FactLabel));
        if (r.Status == MeasureStatus.Ineligible && r.Conditions.Count > 0)
        {
            // Every part and item has a condition of its own, and none holds.
            var part = r.Parts.FirstOrDefault(p => p.Applies == Truth.False);
            if (part is not null) return $"{part.Part.Label}：{part.Computation}";
            var item = r.InKind.FirstOrDefault(k => k.Given == Truth.False && k.Seen is not null);
            if (item is not null) return $"{Excerpt(item.Item.Text, 20)}：{item.Seen}";
        }
        if (r.Kind == BenefitKind.InKind) return Excerpt(string.Join("；", GivenInKind(r)), 40);
        return r.Missing.Count > 0 ? "另需：" + string.Join("、", r.Missing.Select(FactLabel)) : "";
    }

    /// <summary>What a person reads for a fact an evaluation asks for: its label, or for the
    /// registered area (which is no fact of the vocabulary) its description.</summary>
    public string FactLabel(string fact) => Label(vocabulary, fact);

    /// <inheritdoc cref="FactLabel"/>
    public static string Label(CatalogVocabulary vocabulary, string fact) =>
        vocabulary.Facts.TryGetValue(fact, out var definition) ? definition.Label
        : fact == AreaFact ? "注册地（省、市、区）"
        : fact;

    /// <summary>The name an evaluation gives the registered area when it is missing.</summary>
    public const string AreaFact = "area";

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

    /// <summary>A tier's verdict as every front end prints it: the route (how the tier was
    /// reached) only when it was reached; a tier not reached has its verdict alone.</summary>
    public static string TierVerdict(Vocabulary.Wording wording, Engine.Tiers.TierResult tier)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(tier);
        return wording.Verdict(tier.Verdict) + (tier.Verdict == Engine.Tiers.Verdict.Qualifies ? $"（{tier.Route}）" : "");
    }

    /// <summary>A moment as a person in China reads it: Beijing time (UTC+8, no daylight saving),
    /// to the minute.</summary>
    public static string Time(DateTimeOffset moment) =>
        moment.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, string> RuleWords = new(StringComparer.Ordinal)
    {
        ["and"] = "且", ["or"] = "或", ["not"] = "非", ["in"] = "属于", ["null"] = "未填写", ["true"] = "是", ["false"] = "否",
        ["at"] = "评估日", ["this_year"] = "本年度", ["last_year"] = "上一年度", ["sum"] = "合计", ["count"] = "项数",
        ["any"] = "存在", ["all"] = "全部", ["min"] = "取小", ["max"] = "取大", ["if"] = "如果", ["between"] = "介于",
        ["holds"] = "持有", ["first_obtained"] = "首次取得", ["first_obtained_in"] = "首次取得于", ["year"] = "年份", ["item"] = "该项",
        ["within_validity"] = "在文件有效期内", ["floor"] = "向下取整",
    };

    /// <summary>A rule expression in the words a person reads: each fact by its label (a yearly
    /// one with its year, 上一年度), an item's field by its label, a certificate by its name, a
    /// parameter by its label, and/or/not as 且/或/非; numbers and comparisons as written.</summary>
    public string Rule(string expression, IReadOnlyDictionary<string, DatedParameter>? documentParameters = null)
    {
        var pieces = Engine.Expressions.RuleText.Pieces(expression);
        if (pieces.Count == 0) return expression;
        var lists = pieces.Where(p => p.Kind == Engine.Expressions.RulePieceKind.Name && vocabulary.Facts.TryGetValue(p.Text, out var d) && d.Type == FactType.List)
            .Select(p => vocabulary.Facts[p.Text]).ToList();
        var words = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            switch (p.Kind)
            {
                case Engine.Expressions.RulePieceKind.Name when i > 0 && pieces[i - 1].Kind == Engine.Expressions.RulePieceKind.Dot:
                    words[^1] = lists.SelectMany(l => l.Fields).FirstOrDefault(f => f.Name == p.Text)?.Label ?? p.Text;
                    continue;
                case Engine.Expressions.RulePieceKind.Name when p.Text == "item" && i + 1 < pieces.Count && pieces[i + 1].Kind == Engine.Expressions.RulePieceKind.Dot:
                    i++; // item.field reads as the field's label alone
                    words.Add("");
                    continue;
                case Engine.Expressions.RulePieceKind.Name when vocabulary.Facts.TryGetValue(p.Text, out var fact):
                    var label = $"「{fact.Label}」";
                    if (i + 2 < pieces.Count && pieces[i + 1].Kind == Engine.Expressions.RulePieceKind.At)
                    {
                        var negative = pieces[i + 2].Text == "-";
                        var y = negative && i + 3 < pieces.Count ? "-" + pieces[i + 3].Text : pieces[i + 2].Text;
                        label += y switch
                        {
                            "last_year" => "（上一年度）",
                            "this_year" => "（本年度）",
                            _ when y.StartsWith('-') => $"（{y[1..]}年前）",
                            _ => $"（{y}年）",
                        };
                        i += negative ? 3 : 2;
                    }
                    words.Add(label);
                    continue;
                case Engine.Expressions.RulePieceKind.Name:
                    words.Add(RuleWords.GetValueOrDefault(p.Text) ?? p.Text);
                    continue;
                case Engine.Expressions.RulePieceKind.Parameter:
                    words.Add(documentParameters?.GetValueOrDefault(p.Text)?.Label is { } local ? $"「{local}」"
                        : vocabulary.Parameters.TryGetValue(p.Text, out var parameter) ? $"「{parameter.Label}」" : p.Text);
                    continue;
                case Engine.Expressions.RulePieceKind.Text:
                    words.Add($"“{Engine.Evaluation.CertificateNames.Target(vocabulary, p.Text)}”");
                    continue;
                default:
                    words.Add(p.Text);
                    continue;
            }
        }
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length == 0) continue;
            var glue = sb.Length == 0 || words[i] is ")" or "）" or "," or "，" || sb[^1] is '(' or '（'
                || (words[i] is "(" && i > 0 && pieces.Count > 0 && words[i - 1].Length > 0 && !"+-*/<>=≤≥≠,(×÷".Contains(words[i - 1][^1], StringComparison.Ordinal));
            if (!glue) sb.Append(' ');
            sb.Append(words[i]);
        }
        return sb.ToString();
    }

    /// <summary>✓ held, ✗ failed, ? undecided: the marks every explanation uses.</summary>
    public static string Mark(Truth t) => t switch { Truth.True => "✓", Truth.False => "✗", _ => "?" };

    public static string Excerpt(string text, int length = 80) => text.Length <= length ? text : text[..length] + "…";
}
