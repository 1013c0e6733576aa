using System.Globalization;
using MiniExcelLibs;
using Srdi.Application.Evaluation;

namespace Srdi.Application.Batch;

/// <summary>名单.xlsx: the beneficiary list of every measure for 免申即享 review, one sheet per
/// measure, sheets grouped by lead department behind an index sheet. Rows are streamed from the
/// run's temporary files, so the workbook never sits whole in memory.</summary>
public static class BeneficiaryWorkbook
{
    public const string FileName = "名单.xlsx";

    /// <summary>Excel's limit is 1,048,576 rows a sheet; a longer list continues on the next sheet.</summary>
    private const int RowsPerSheet = 1_000_000;

    private static readonly string[] Columns = ["企业标识", "企业名称", "区县", "金额类型", "确定金额（元）", "最高金额（元）", "分年度合计（元）", "从高不重复", "决定所用事实", "其他受益方", "其他受益方的资金"];

    public static string Write(BatchReport report, string listsFolder, string folder)
    {
        // The measures of the documents whose area holds an enterprise of the roster (summary.md
        // counts the others): a national catalog's index would otherwise list 30,000 clauses.
        var ordered = report.Concerned().OrderBy(m => m.Document.IsDraft).ThenBy(m => m.LeadDepartment, StringComparer.Ordinal).ThenBy(m => m.Index).ToList();
        var sheets = new Dictionary<string, object>();
        var index = new List<Dictionary<string, object?>>();
        foreach (var m in ordered)
        {
            var stats = report.Statistics.Measures[m.Index];
            var file = Path.Combine(listsFolder, string.Create(CultureInfo.InvariantCulture, $"{m.Index}.tsv"));
            var sheetNames = new List<string>();
            if (File.Exists(file))
            {
                var parts = (int)Math.Max(1, (stats.Eligible + stats.Excluded + RowsPerSheet - 1) / RowsPerSheet);
                for (var p = 0; p < parts; p++)
                {
                    var name = parts == 1 ? m.Measure.Id : string.Create(CultureInfo.InvariantCulture, $"{m.Measure.Id} ({p + 1})");
                    sheetNames.Add(name);
                    sheets[name] = Rows(file, m, m.CaveatOn(report.Options.At), p * (long)RowsPerSheet, RowsPerSheet);
                }
            }
            index.Add(new Dictionary<string, object?>
            {
                ["牵头部门"] = m.LeadDepartment,
                ["全部责任单位"] = m.Measure.Departments.Count == 0 ? "未载明" : string.Join("、", m.Measure.Departments),
                ["措施"] = m.Measure.Id,
                ["标题"] = m.Measure.Title,
                ["文件"] = m.Document.Title + (m.Document.IsDraft ? "（征求意见稿）" : ""),
                ["条款"] = m.Measure.Clause,
                ["申请方式"] = m.ApplicationLabel,
                ["其他受益方"] = m.OtherBeneficiaries.Length == 0 ? "无" : m.OtherBeneficiaries,
                ["注意"] = m.CaveatOn(report.Options.At),
                ["符合企业数"] = stats.Eligible + stats.Excluded,
                ["确定金额（元）"] = stats.Exact,
                ["最高金额（元）"] = stats.UpTo,
                ["分年度合计（元）"] = stats.Scheduled,
                ["工作表"] = sheetNames.Count == 0 ? "（无符合企业）" : string.Join("、", sheetNames),
                ["条款原文"] = m.Measure.Text,
            });
        }
        var all = new Dictionary<string, object> { ["目录"] = index };
        foreach (var (name, rows) in sheets) all[name] = rows;
        var path = Path.Combine(folder, FileName);
        MiniExcel.SaveAs(path, all, overwriteFile: true);
        return FileName;
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(string file, BatchMeasure measure, string caveat, long skip, int take)
    {
        var basis = $"{measure.Document.Title} {measure.Measure.Clause}" + (caveat.Length > 0 ? $"（{caveat}）" : "");
        foreach (var line in File.ReadLines(file).Skip((int)skip).Take(take))
        {
            var cells = line.Split('\t');
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < Columns.Length; i++)
                row[Columns[i]] = i is >= 4 and <= 6 && decimal.TryParse(cells[i], System.Globalization.CultureInfo.InvariantCulture, out var money) ? money : cells.ElementAtOrDefault(i);
            row["依据"] = basis;
            yield return row;
        }
    }
}
