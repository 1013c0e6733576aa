using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Profiles;
using Srdi.Model.Sources;
using Srdi.Model.Vocabulary;

namespace Srdi.Tests.Engine;

/// <summary>Builds tiny in-memory catalogs for engine tests: one document, measures written inline.</summary>
internal static class TestCatalog
{
    public static readonly Validity Validity = new(new DateOnly(2024, 4, 8), "测试", new DateOnly(2027, 4, 7), "测试");

    public static CatalogVocabulary Vocabulary { get; } = new(
        new Dictionary<string, FactDefinition>
        {
            ["rent"] = Fact("rent", FactType.Money),
            ["projects"] = Fact("projects", FactType.Count, yearly: true),
            ["sector"] = new("sector", "行业", FactType.Choice, null, false, ["工业", "批发业"], [], SourceLocation.None),
            ["grants"] = new("grants", "市级资助", FactType.List, null, false, [], [new FieldDefinition("amount", "金额", FactType.Money, [])], SourceLocation.None),
            ["standards"] = new("standards", "主导制定的标准", FactType.List, null, false, [],
                [new FieldDefinition("published_on", "发布日期", FactType.Date, [])], SourceLocation.None),
            ["loans"] = new("loans", "贷款", FactType.List, null, true, [],
                [new FieldDefinition("principal", "本金", FactType.Money, []), new FieldDefinition("rate", "利率", FactType.Rate, []), new FieldDefinition("start", "放款日", FactType.Date, [])], SourceLocation.None),
        },
        new Dictionary<string, CertificateKind>
        {
            ["little-giant"] = new("little-giant", "小巨人", [CertificateLevel.National], CertificateLevel.National, 3),
            ["srdi-sme"] = new("srdi-sme", "专精特新中小企业", [CertificateLevel.Province, CertificateLevel.City], CertificateLevel.Province, 3),
        },
        new Dictionary<string, DatedParameter>
        {
            ["lpr_1y"] = new("lpr_1y", "一年期LPR", "年利率", null,
                [new DatedValue(new DateOnly(2024, 7, 22), 0.0335m, "测试"), new DatedValue(new DateOnly(2024, 10, 21), 0.031m, "测试")]),
        });

    public static FactDefinition Fact(string name, FactType type, bool yearly = false) =>
        new(name, name, type, null, yearly, [], [], SourceLocation.None);

    public static Measure Measure(string number, BenefitPart[] parts, string[]? targets = null, string[]? conditions = null,
        string? group = null, string[]? inKind = null, string beneficiary = "enterprise") =>
        new($"test.{number}", "test", "一、测试", number, $"措施{number}", "原文", [], "reward", beneficiary, ApplicationMode.Apply,
            targets ?? ["little-giant"],
            (conditions ?? []).Select(c => new Condition(null, new SourceText(c, SourceLocation.None))).ToList(),
            group, new Benefit((inKind ?? []).Select(k => new InKindItem(k, null, null, SourceLocation.None)).ToList(), parts), null, SourceLocation.None);

    public static BenefitPart Part(string amount, string? cap = null, bool upTo = false, string? when = null, string beneficiary = "enterprise") =>
        new("金额", when is null ? null : Text(when), upTo, Text(amount), null, null, cap is null ? null : Text(cap), null, null, null, null, beneficiary, SourceLocation.None);

    public static BenefitPart Schedule(params (int Years, string Amount, string Cap)[] steps) =>
        new("分年度", null, false, null, steps.Select(s => new ScheduleStep(s.Years, Text(s.Amount), Text(s.Cap), null)).ToList(), null, null, null, null, null, null, null, SourceLocation.None);

    public static SourceText Text(string s) => new(s, SourceLocation.None);

    public static CompiledCatalog Compile(DocumentStatus status, params Measure[] measures) =>
        CompiledCatalog.Compile(new PolicyCatalog(Vocabulary, [Document(status, measures)]));

    public static CompiledCatalog Compile(params Measure[] measures) => Compile(DocumentStatus.InForce, measures);

    public static PolicyDocument Document(DocumentStatus status, Measure[] measures) =>
        new("test", "测试文件", "测试", null, GovernmentLevel.District, new Area("广东省", "深圳市", "南山区"), status, "none.txt",
            Validity, new Dictionary<string, IReadOnlyList<CertificateRequirement>> { ["小巨人"] = [new CertificateRequirement("little-giant", null)] },
            null, new Dictionary<string, DatedParameter>(), measures, SourceLocation.None);

    public static EnterpriseProfile Enterprise(Dictionary<string, FactValue>? facts = null, string district = "南山区", DateOnly? issued = null, DateOnly? moved = null) =>
        new("e1", "测试企业", new EnterpriseArea("广东省", "深圳市", district, moved),
            [new Certificate("little-giant", CertificateLevel.National, null, issued ?? new DateOnly(2024, 7, 15), (issued ?? new DateOnly(2024, 7, 15)).AddYears(3).AddDays(-1), false)],
            facts ?? new Dictionary<string, FactValue>());

    public static readonly DateOnly At = new(2025, 6, 1);
}
