using System.Globalization;
using Spectre.Console;
using Srdi.Application;
using Srdi.Application.Evaluation;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Formatting;
using Srdi.Model.Policies;

namespace Srdi.Cli.Commands;

/// <summary>The readable form of an evaluation: per document a table of the measures that concern
/// the enterprise, then computations, questions, benefits that reach others, and totals.</summary>
internal static class EvaluationPrinter
{
    public static void Print(TextWriter o, EvaluationReport report, PolicyNavigator navigator)
    {
        var p = report.Profile;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"企业：{p.Name ?? p.Id}（{p.Id}）    评估日期：{report.At:yyyy-MM-dd}"));
        o.WriteLine($"注册地：{(p.Area is null ? "未填写" : $"{p.Area.Province}{p.Area.City}{p.Area.District}")}");
        o.WriteLine("证书：" + (p.Certificates.Count == 0 ? "无" : string.Join("；", p.Certificates.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{navigator.Catalog.Vocabulary.Certificates[c.Kind].Name}（{c.IssuedOn:yyyy-MM-dd} 至 {c.ExpiresOn:yyyy-MM-dd}{(c.IsValidOn(report.At) ? "" : "，评估日不在有效期内")}{(c.Renewal ? "，复核" : "")}）")))));
        o.WriteLine();

        var notHere = new List<PolicyDocument>();
        foreach (var group in report.Measures.GroupBy(m => m.Document))
        {
            var document = group.Key;
            var concerning = group.Where(m => m.Conditions.Count == 0 || m.Conditions[0].Outcome != Truth.False).ToList();
            if (concerning.Count == 0)
            {
                notHere.Add(document);
                continue;
            }
            var state = document.IsDraft ? "征求意见稿，不计入合计" + (report.IncludeDrafts ? "（本次按要求计入）" : "") : document.Validity.Contains(report.At) ? "现行有效" : "评估日不在有效期内";
            o.WriteLine($"■ {document.Title}（{document.Id}；{state}；有效期 {document.Validity}）");
            var table = new Table().AddColumns("条款", "措施", "状态", "金额", "申请方式", "说明");
            foreach (var r in concerning)
                table.AddRow(Markup.Escape(r.Measure.Clause), Markup.Escape(r.Measure.Title), Markup.Escape(StatusText(r)),
                    Markup.Escape(AmountText(r)), Markup.Escape(Words.ApplicationChinese(r.Measure.Application)), Markup.Escape(Reason(r)));
            Screen.Render(o, table);
            foreach (var r in concerning.Where(r => r.Status is MeasureStatus.Eligible or MeasureStatus.NotInForce && r.Parts.Any(x => x.Computation is not null && x.Applies == Truth.True)))
            {
                o.WriteLine($"  {r.Measure.Id}「{r.Measure.Title}」");
                foreach (var part in r.Parts.Where(x => x.Applies == Truth.True && x.Computation is not null))
                    o.WriteLine($"    {part.Part.Label}{(part.Part.Payer is { } payer ? $"（{payer}）" : "")}：{part.Computation}{(part.CapApplied ? $"  ← 触及上限{(part.Part.CapLabel is { } cl ? "：" + cl : "")}" : "")}");
                o.WriteLine($"    依据：{Excerpt(r.Measure.Text)}");
                if (r.Measure.Interpretation is { } note) o.WriteLine($"    解读：{note}");
            }
            o.WriteLine();
        }
        if (notHere.Count > 0)
            o.WriteLine($"注册地不在以下文件的适用范围内，未列出其措施：{string.Join("、", notHere.Select(d => d.Title))}");

        var questions = Questions.For(report, navigator.Catalog.Vocabulary);
        if (questions.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("待补充信息（补充后可判断更多措施）：");
            foreach (var q in questions)
                o.WriteLine($"  · {q.Label}{(q.Unit is null ? "" : $"（{q.Unit}）")}{(q.Yearly ? "，按年度" : "")} [{q.Fact}] — 影响 {string.Join("、", q.Measures)}");
        }

        var others = report.Measures.Where(m => m.Status == MeasureStatus.Eligible && m.Parts.Any(x => x.Applies == Truth.True && x.Beneficiary != "enterprise")).ToList();
        if (others.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("惠及本企业员工、客户或园区的措施（不计入本企业合计）：");
            foreach (var r in others)
                foreach (var part in r.Parts.Where(x => x.Applies == Truth.True && x.Beneficiary != "enterprise"))
                    o.WriteLine($"  · {r.Measure.Id}「{r.Measure.Title}」{part.Part.Label}：受益方 {BeneficiaryChinese(part.Beneficiary)}；{PartAmount(part)}");
        }

        o.WriteLine();
        o.WriteLine($"合计（现行有效{(report.IncludeDrafts ? "＋征求意见稿" : "")}，不含按其他文件确定的金额）：");
        PrintTotals(o, report.Counted);
        if (!report.IncludeDrafts && (report.Drafts.Exact + report.Drafts.UpTo + report.Drafts.Scheduled) > 0)
        {
            o.WriteLine("征求意见稿（尚未生效，未计入上面的合计；加 --include-drafts 计入）：");
            PrintTotals(o, report.Drafts);
        }
    }

    private static void PrintTotals(TextWriter o, Totals t)
    {
        o.WriteLine($"  确定金额：{Amounts.Chinese(t.Exact)}");
        o.WriteLine($"  最高可达（上限，不是承诺）：{Amounts.Chinese(t.UpTo)}");
        o.WriteLine($"  分年度计划合计：{Amounts.Chinese(t.Scheduled)}");
    }

    private static string StatusText(MeasureResult r) => r.Status switch
    {
        MeasureStatus.NotInForce => $"不在有效期（否则{Words.StatusChinese(r.WouldBe!.Value)}）",
        _ => Words.StatusChinese(r.Status) + (r.Draft ? "·征求意见稿" : "") + (r.ExcludedBy is { } by ? $"·从高不重复，已按 {by} 计" : ""),
    };

    internal static string AmountText(MeasureResult r)
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

    private static string PartAmount(PartResult p) => p.Kind switch
    {
        BenefitKind.External => "按其他文件确定" + (p.Cap is { } cap ? $"，本条上限 {Amounts.Chinese(cap)}" : ""),
        BenefitKind.UpTo => p.Amount is { } a ? $"最高 {Amounts.Chinese(a)}" : "待补充信息",
        _ => p.Amount is { } e ? Amounts.Chinese(e) + (p.Part.Per is { } per ? $"（{per}）" : "") : "待补充信息",
    };

    private static string Reason(MeasureResult r)
    {
        if (r.Status == MeasureStatus.NotInForce) return $"文件有效期 {r.Document.Validity}";
        var failed = r.Conditions.FirstOrDefault(c => c.Outcome == Truth.False);
        if (r.Status == MeasureStatus.Ineligible && failed is not null) return $"{failed.Label}：{failed.Seen}";
        if (r.Status == MeasureStatus.NeedsInfo) return "缺少：" + string.Join("、", r.Missing);
        if (r.Kind == BenefitKind.InKind) return Excerpt(string.Join("；", r.Measure.Benefit.InKind), 40);
        return r.Missing.Count > 0 ? "另需：" + string.Join("、", r.Missing) : "";
    }

    private static string BeneficiaryChinese(string b) => b switch
    {
        "buyer" => "采购方",
        "staff" => "员工",
        "graduates" => "高校毕业生",
        "training-provider" => "培训承办机构",
        "cluster-or-park" => "集群或园区",
        "investor" => "投资机构",
        "public" => "社会公众",
        _ => b,
    };

    private static string Excerpt(string text, int length = 80) => text.Length <= length ? text : text[..length] + "…";
}
