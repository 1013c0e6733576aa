using System.Globalization;
using Spectre.Console;
using Srdi.Application.Checking;

namespace Srdi.Cli.Commands;

internal static class CoveragePrinter
{
    public static void Print(TextWriter output, IReadOnlyList<DocumentCoverage> coverage)
    {
        var table = new Table().Title("政策目录覆盖情况").AddColumns("文件", "状态", "措施", "涉及资金", "可计算", "按其他文件", "非资金", "资金措施已测", "用例");
        foreach (var c in coverage)
            table.AddRow(Markup.Escape(c.DocumentId), c.Draft ? "征求意见稿" : "现行有效", c.Measures.ToString(CultureInfo.InvariantCulture), c.WithMoney.ToString(CultureInfo.InvariantCulture), c.Computed.ToString(CultureInfo.InvariantCulture), c.External.ToString(CultureInfo.InvariantCulture), c.InKindOnly.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{c.MoneyTested}/{c.WithMoney}"), c.Cases.ToString(CultureInfo.InvariantCulture));
        table.AddRow("合计", "", coverage.Sum(c => c.Measures).ToString(CultureInfo.InvariantCulture), coverage.Sum(c => c.WithMoney).ToString(CultureInfo.InvariantCulture), coverage.Sum(c => c.Computed).ToString(CultureInfo.InvariantCulture),
            coverage.Sum(c => c.External).ToString(CultureInfo.InvariantCulture), coverage.Sum(c => c.InKindOnly).ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{coverage.Sum(c => c.MoneyTested)}/{coverage.Sum(c => c.WithMoney)}"), coverage.Sum(c => c.Cases).ToString(CultureInfo.InvariantCulture));
        Screen.Render(output, table);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"共 {coverage.Count} 个文件、{coverage.Sum(c => c.Measures)} 项措施。"));
    }
}
