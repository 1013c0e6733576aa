using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Srdi.Engine.Formatting;

namespace Srdi.Application.Batch;

/// <summary>The summary of a batch, in Markdown for reading and Excel for working: counts and
/// money by document, measure and lead department (sure and ceiling apart, drafts apart), the
/// budgets against the roster's demand, and why enterprises with nothing miss out.</summary>
public static class SummaryWriter
{
    public const string Markdown = "summary.md";
    public const string Workbook = "summary.xlsx";

    public static IEnumerable<string> Write(BatchReport report, string folder)
    {
        var tables = Tables(report);
        File.WriteAllText(Path.Combine(folder, Markdown), MarkdownText(report, tables), new UTF8Encoding(false));
        var sheets = new Dictionary<string, object>();
        foreach (var (name, rows) in tables) sheets[name] = rows;
        var path = Path.Combine(folder, Workbook);
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);
        return [Markdown, Workbook];
    }

    private static List<(string Name, List<Dictionary<string, object?>> Rows)> Tables(BatchReport report)
    {
        var s = report.Statistics;
        var measures = report.Concerned();
        var otherMeasures = report.Measures.Length - measures.Count;
        var otherDocuments = Documents(report.Measures) - Documents(measures);
        var overview = new List<Dictionary<string, object?>>
        {
            Row(("项目", "评估日期"), ("值", report.Options.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            Row(("项目", "名单文件"), ("值", report.Roster)),
            Row(("项目", "已评估企业"), ("值", s.Evaluated)),
            Row(("项目", "拒绝的行"), ("值", s.Rejected)),
            Row(("项目", "跳过的空行"), ("值", report.EmptyRows)),
            Row(("项目", "未获任何资金支持的企业"), ("值", s.WithNothing)),
            Row(("项目", "现行有效·确定金额（元）"), ("值", s.InForce.Exact)),
            Row(("项目", "现行有效·最高金额（元，上限）"), ("值", s.InForce.UpTo)),
            Row(("项目", "现行有效·分年度合计（元）"), ("值", s.InForce.Scheduled)),
            Row(("项目", "征求意见稿·确定金额（元，未计入）"), ("值", s.Drafts.Exact)),
            Row(("项目", "征求意见稿·最高金额（元，未计入）"), ("值", s.Drafts.UpTo)),
            Row(("项目", "征求意见稿·分年度合计（元，未计入）"), ("值", s.Drafts.Scheduled)),
            Row(("项目", "用时（秒）"), ("值", Math.Round(report.Elapsed.TotalSeconds, 1))),
        };
        // A national catalog: the documents of areas where no enterprise of the roster is
        // registered are counted here, not listed a measure a row.
        if (otherDocuments > 0)
            overview.Add(Row(("项目", "适用地区内无本名单企业的文件（未逐条列出）"), ("值", string.Create(CultureInfo.InvariantCulture, $"{otherDocuments} 个文件，{otherMeasures} 项措施"))));

        var byMeasure = measures.Select(m =>
        {
            var x = s.Measures[m.Index];
            return Row(("措施", m.Measure.Id), ("标题", m.Measure.Title), ("文件", m.Document.Id), ("征求意见稿", m.Document.IsDraft ? "是" : "否"),
                ("牵头部门", m.LeadDepartment), ("申请方式", m.ApplicationLabel),
                ("符合企业数", x.Eligible), ("待补充信息", x.NeedsInfo), ("不在有效期", x.NotInForce), ("从高不重复排除", x.Excluded),
                ("确定金额", x.Exact), ("最高金额", x.UpTo), ("分年度合计", x.Scheduled), ("注意", m.CaveatOn(report.Options.At)));
        }).ToList();

        Dictionary<string, object?> Group(string key, string label, IEnumerable<BatchMeasure> group, params (string, object?)[] first)
        {
            var stats = group.Select(m => s.Measures[m.Index]).ToList();
            return Row([.. first, ("符合的企业-措施数", stats.Sum(x => x.Eligible)), ("待补充信息", stats.Sum(x => x.NeedsInfo)),
                ("确定金额", stats.Sum(x => x.Exact)), ("最高金额", stats.Sum(x => x.UpTo)), ("分年度合计", stats.Sum(x => x.Scheduled))]);
        }
        var byDocument = measures.GroupBy(m => m.Document)
            .Select(g => Group(g.Key.Id, g.Key.Title, g, ("文件", g.Key.Id), ("标题", g.Key.Title), ("状态", g.Key.IsDraft ? "征求意见稿（未计入合计）" : "现行有效")))
            .ToList();
        var byDepartment = measures.GroupBy(m => (m.LeadDepartment, Draft: m.Document.IsDraft))
            .OrderBy(g => g.Key.Draft).ThenBy(g => g.Key.LeadDepartment, StringComparer.Ordinal)
            .Select(g => Group(g.Key.LeadDepartment, "", g, ("牵头部门", g.Key.LeadDepartment), ("征求意见稿", g.Key.Draft ? "是" : "否")))
            .ToList();
        var budgets = report.Budgets.Select(b => Row(("文件", b.DocumentId), ("预算", b.Label), ("条款", b.Clause), ("资金部分", b.Part ?? "（工作经费，不用于本条奖励）"),
            ("年度预算（元）", b.Budget), ("名单需求（元）", b.Demand), ("需求/预算", b.Demand is { } d && b.Budget is { } bb && bb > 0 ? Math.Round(d / bb, 4) : null),
            ("按比例兑现系数", b.ProRata is { } p ? Math.Round(p, 4) : null), ("说明", b.Note ?? (b.Part is null ? "原文未将该经费指定用于支付奖励或补贴，不与名单需求对比" : null)))).ToList();
        // Equal counts in a fixed order (catalog order of the measure, then the reason): the
        // workers' dictionaries merge in whatever order they finished, and two runs of one roster
        // must write the same summary.
        var misses = s.NearestMisses.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Measure).ThenBy(kv => kv.Key.Reason, StringComparer.Ordinal).Select(kv => Row(
            ("最接近的措施", kv.Key.Measure >= 0 ? report.Measures[kv.Key.Measure].Measure.Id : ""),
            ("措施名称", kv.Key.Measure >= 0 ? report.Measures[kv.Key.Measure].Measure.Title : ""),
            ("未获支持的原因", kv.Key.Reason), ("企业数", kv.Value))).ToList();
        return [("概览", overview), ("按文件", byDocument), ("按措施", byMeasure), ("按牵头部门", byDepartment), ("预算", budgets), ("未获资金支持原因", misses)];
    }

    private static int Documents(IEnumerable<BatchMeasure> measures) =>
        measures.Select(m => m.Document).Distinct(ReferenceEqualityComparer.Instance).Count();

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>();
        foreach (var (k, v) in cells) row[k] = v;
        return row;
    }

    private static string MarkdownText(BatchReport report, List<(string Name, List<Dictionary<string, object?>> Rows)> tables)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# 免申即享名单汇总").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"金额单位：元。“最高金额”是上限，不是承诺；征求意见稿的金额单列，不计入现行有效合计{(report.Options.IncludeDrafts ? "（本次按要求另列含征求意见稿的合计）" : "")}；按其他文件确定的金额不计入。各企业的明细见 entitlements.csv / entitlements.jsonl，各措施名单见 名单.xlsx，被拒绝的行见 rejected.csv。").AppendLine();
        foreach (var notice in report.Notices) sb.AppendLine(CultureInfo.InvariantCulture, $"> {notice}").AppendLine();
        if (report.Options.IncludeDrafts)
        {
            var s = report.Statistics;
            sb.AppendLine(CultureInfo.InvariantCulture, $"含征求意见稿的合计：确定 {Amounts.Yuan(s.InForce.Exact + s.Drafts.Exact)}，最高 {Amounts.Yuan(s.InForce.UpTo + s.Drafts.UpTo)}，分年度 {Amounts.Yuan(s.InForce.Scheduled + s.Drafts.Scheduled)}。").AppendLine();
        }
        foreach (var (name, rows) in tables)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {name}").AppendLine();
            if (rows.Count == 0)
            {
                sb.AppendLine("（无）").AppendLine();
                continue;
            }
            var keys = rows[0].Keys.ToList();
            sb.AppendLine("| " + string.Join(" | ", keys) + " |");
            sb.AppendLine("|" + string.Join("|", keys.Select(_ => "---")) + "|");
            foreach (var row in rows.Take(name == "未获资金支持原因" ? 30 : int.MaxValue))
                sb.AppendLine("| " + string.Join(" | ", keys.Select(k => Cell(row[k]))) + " |");
            if (name == "未获资金支持原因" && rows.Count > 30) sb.AppendLine(CultureInfo.InvariantCulture, $"| … 另有 {rows.Count - 30} 种原因，见 summary.xlsx | | | |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d == decimal.Truncate(d) ? d.ToString("N0", CultureInfo.InvariantCulture) : Math.Abs(d) < 100 ? d.ToString("0.####", CultureInfo.InvariantCulture) : d.ToString("N2", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        double x => x.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString()!.Replace("|", "｜", StringComparison.Ordinal),
    };
}
