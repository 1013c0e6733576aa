using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Srdi.Application.Batch;
using Srdi.Engine.Formatting;

namespace Srdi.Cli.Commands;

/// <summary>srdi batch diff OLD NEW [--out FILE]: who gained or lost what between two runs.</summary>
internal static class DiffCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var oldArgument = new Argument<string>("old") { Description = "较早一次 srdi batch 的输出文件夹" };
        var newArgument = new Argument<string>("new") { Description = "较新一次 srdi batch 的输出文件夹" };
        var outOption = new Option<string?>("--out") { Description = "逐企业逐措施的变化明细写入此 CSV 文件" };
        var command = new Command("diff", "比较两次批量评估：谁获得或失去了哪项支持、金额如何变化");
        command.Arguments.Add(oldArgument);
        command.Arguments.Add(newArgument);
        command.Options.Add(outOption);
        command.SetAction(parse =>
        {
            if (parse.GetValue(outOption) is { } outPath) OutputPaths.CheckFile("--out", outPath);
            BatchDiffReport report;
            try
            {
                report = BatchDiff.Compare(parse.GetValue(oldArgument)!, parse.GetValue(newArgument)!);
            }
            catch (BatchOutputException e)
            {
                throw new UsageException(e.Message);
            }
            var o = context.Output;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"比较 {report.Compared:N0} 家两次都在的企业；仅在旧名单 {report.OnlyOld:N0} 家，仅在新名单 {report.OnlyNew:N0} 家；共 {report.Changes.Count:N0} 处变化。"));
            var table = new Table().AddColumns("措施", "获得", "失去", "金额变化", "确定金额增减", "最高金额增减", "分年度增减");
            foreach (var m in report.Measures)
                table.AddRow(Markup.Escape(m.MeasureId), m.Gained.ToString("N0", CultureInfo.InvariantCulture), m.Lost.ToString("N0", CultureInfo.InvariantCulture), m.Changed.ToString("N0", CultureInfo.InvariantCulture), Signed(m.ExactDelta), Signed(m.UpToDelta), Signed(m.ScheduledDelta));
            Screen.Render(o, table);
            if (parse.GetValue(outOption) is { } path)
            {
                BatchDiff.WriteCsv(report, path, context.Open(parse.GetValue(catalogOption)).Wording.Terms.Statuses.Label);
                o.WriteLine($"明细：{Path.GetFullPath(path)}");
            }
            return SrdiCommandLine.Ok;
        });
        return command;
    }

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + Amounts.Yuan(value);
}
