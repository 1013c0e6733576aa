using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Srdi.Application.Evaluation;

namespace Srdi.Reports;

/// <summary>Writes a <see cref="PolicyReport"/> as an .xlsx workbook (MiniExcel): 汇总, 措施,
/// 待补充信息 and 惠及他方, with the same words and figures as the PDF. Money stays in the
/// Chinese the report shows (300万元, 最高 …); the totals also carry their amount in yuan as a
/// number. No cell is a live formula: text that a spreadsheet would read as one (= + - @) is
/// written behind an apostrophe.</summary>
internal static class ExcelReportWriter
{
    public const string SummarySheet = "汇总";
    public const string MeasuresSheet = "措施";
    public const string QuestionsSheet = "待补充信息";
    public const string OthersSheet = "惠及他方";

    public static void Write(Stream output, PolicyReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            [SummarySheet] = Summary(report).ToList(),
            [MeasuresSheet] = report.AllMeasures.Select(x => new MeasureRow
            {
                Document = Cell.Text(x.Document.Title),
                DocumentState = Cell.Text(x.Document.State),
                Measure = Cell.Text($"{x.Measure.Clause} {x.Measure.Title}"),
                Status = Cell.Text(x.Measure.Status),
                Amount = Cell.Text(x.Measure.Amount),
                Reason = Cell.Text(x.Measure.Reason),
                Caveat = Cell.Text(x.Measure.Caveat ?? ""),
                Application = Cell.Text(x.Measure.Application),
                Computations = Cell.Text(string.Join("\n", x.Measure.Computations)),
                Text = Cell.Text(x.Measure.Text),
            }).ToList(),
            [QuestionsSheet] = report.Questions.Select(q => new QuestionRow
            {
                Label = Cell.Text(q.Label),
                Unit = Cell.Text(q.Unit ?? ""),
                Yearly = q.Yearly ? "是" : "否",
                Measures = Cell.Text(string.Join("、", q.Measures)),
            }).ToList(),
            [OthersSheet] = report.ReachingOthers.Select(x => new OtherRow
            {
                Measure = Cell.Text(x.Measure),
                Part = Cell.Text(x.Part),
                Beneficiary = Cell.Text(x.Beneficiary),
                Amount = Cell.Text(x.Amount),
            }).ToList(),
        };
        output.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    private static IEnumerable<SummaryRow> Summary(PolicyReport r)
    {
        yield return Row("报告", PolicyReport.Title);
        yield return Row("企业", r.EnterpriseName);
        yield return Row("企业标识", r.EnterpriseId);
        yield return Row("评估日期", ChineseText.Date(r.At));
        yield return Row("注册地", r.AreaText);
        yield return Row("证书", r.CertificatesText);
        yield return Row("生成时间", r.GeneratedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return Row("合计口径", r.CountedHeading);
        foreach (var (label, text, yuan) in r.Counted.Lines) yield return Row("合计·" + label, text, yuan);
        if (r.DraftsApart is { } drafts)
        {
            yield return Row("征求意见稿口径", PolicyReport.DraftsHeading);
            foreach (var (label, text, yuan) in drafts.Lines) yield return Row("征求意见稿·" + label, text, yuan);
        }
        if (r.NotHere.Count > 0) yield return Row("不适用的文件", r.NotHereLine);
        if (r.Tiers is not { } tiers) yield break;
        yield return Row("认定标准", tiers.Ruleset);
        foreach (var t in tiers.Tiers)
        {
            yield return Row(ReportTiers.Heading + "·" + t.Name, t.Line
                + (t.Gaps.Count > 0 ? "；差距：" + string.Join("；", t.Gaps) : "")
                + (t.MissingLine is { } missing ? "；" + missing : ""));
        }
        if (tiers.Upgrade is not { } u)
        {
            yield return Row("晋级价值", ReportTiers.NoUpgrade);
            yield break;
        }
        yield return Row("晋级价值", u.Heading);
        foreach (var d in u.Documents)
        {
            var opened = d.Opened.Select(o => $"{o.Measure}：{o.Amount}").Concat(d.InKindOpened);
            yield return Row("晋级价值·文件", d.Line + "（" + string.Join("；", opened) + "）");
        }
        foreach (var (label, text, yuan) in u.InForceDifference.Lines) yield return Row("晋级价值·合计（现行有效）·" + label, "+" + text, yuan);
        if (u.DraftDifference is { } draftDifference)
        {
            foreach (var (label, text, yuan) in draftDifference.Lines) yield return Row("晋级价值·征求意见稿另计（尚未生效）·" + label, "+" + text, yuan);
        }
    }

    private static SummaryRow Row(string item, string text, decimal? yuan = null) =>
        new() { Item = Cell.Text(item), Text = Cell.Text(text), Yuan = yuan };

    internal sealed class SummaryRow
    {
        [ExcelColumn(Name = "项目", Width = 36)] public string Item { get; init; } = "";
        [ExcelColumn(Name = "内容", Width = 80)] public string Text { get; init; } = "";
        [ExcelColumn(Name = "金额（元）", Width = 16)] public decimal? Yuan { get; init; }
    }

    internal sealed class MeasureRow
    {
        [ExcelColumn(Name = "文件", Width = 40)] public string Document { get; init; } = "";
        [ExcelColumn(Name = "文件状态", Width = 16)] public string DocumentState { get; init; } = "";
        [ExcelColumn(Name = "措施", Width = 36)] public string Measure { get; init; } = "";
        [ExcelColumn(Name = "状态", Width = 16)] public string Status { get; init; } = "";
        [ExcelColumn(Name = "金额", Width = 28)] public string Amount { get; init; } = "";
        [ExcelColumn(Name = "理由", Width = 36)] public string Reason { get; init; } = "";
        [ExcelColumn(Name = "注意", Width = 36)] public string Caveat { get; init; } = "";
        [ExcelColumn(Name = "申报方式", Width = 12)] public string Application { get; init; } = "";
        [ExcelColumn(Name = "计算", Width = 40)] public string Computations { get; init; } = "";
        [ExcelColumn(Name = "原文", Width = 80)] public string Text { get; init; } = "";
    }

    internal sealed class QuestionRow
    {
        [ExcelColumn(Name = "待补充信息", Width = 30)] public string Label { get; init; } = "";
        [ExcelColumn(Name = "单位", Width = 10)] public string Unit { get; init; } = "";
        [ExcelColumn(Name = "按年度", Width = 8)] public string Yearly { get; init; } = "";
        [ExcelColumn(Name = "影响的措施", Width = 80)] public string Measures { get; init; } = "";
    }

    internal sealed class OtherRow
    {
        [ExcelColumn(Name = "措施", Width = 36)] public string Measure { get; init; } = "";
        [ExcelColumn(Name = "资金项目", Width = 30)] public string Part { get; init; } = "";
        [ExcelColumn(Name = "受益方", Width = 16)] public string Beneficiary { get; init; } = "";
        [ExcelColumn(Name = "金额", Width = 28)] public string Amount { get; init; } = "";
    }
}

/// <summary>Text for a spreadsheet cell that can never be taken for a formula.</summary>
internal static class Cell
{
    /// <summary>Text that starts with = + - @ (or a tab or carriage return, which some
    /// spreadsheets skip before reading a formula) is written behind an apostrophe.</summary>
    public static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
