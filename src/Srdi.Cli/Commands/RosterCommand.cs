using System.CommandLine;
using MiniExcelLibs;
using Srdi.Application.Rosters;

namespace Srdi.Cli.Commands;

/// <summary>srdi roster template | generate.</summary>
internal static class RosterCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var command = new Command("roster", "企业名单：生成空白模板、生成模拟名单");

        var outOption = new Option<string>("--out") { Description = "输出文件夹", DefaultValueFactory = _ => "." };
        var atOption = new Option<string?>("--at") { Description = "评估日期：按年度填写的事实列出此前三年（默认今天）" };
        var template = new Command("template", "写出空白名单模板（CSV 和 Excel，中文表头）");
        template.Options.Add(outOption);
        template.Options.Add(atOption);
        template.SetAction(parse =>
        {
            var navigator = context.Open(parse.GetValue(catalogOption));
            var year = EvaluateCommand.ParseDate(parse.GetValue(atOption)).Year;
            var columns = new RosterLayout(navigator.Compiled).Template(year);
            var folder = parse.GetValue(outOption)!;
            Directory.CreateDirectory(folder);
            var csv = Path.Combine(folder, "名单模板.csv");
            File.WriteAllText(csv, string.Join(',', columns.Select(c => Quote(c.Header))) + "\n", new System.Text.UTF8Encoding(true));
            var xlsx = Path.Combine(folder, "名单模板.xlsx");
            var header = new Dictionary<string, object?>();
            foreach (var c in columns) header[c.Header] = null;
            MiniExcel.SaveAs(xlsx, new[] { header }, overwriteFile: true);
            context.Output.WriteLine($"已写出 {columns.Count} 列的模板：{Path.GetFullPath(csv)}、{Path.GetFullPath(xlsx)}（列说明见 docs/roster.md）");
            return SrdiCommandLine.Ok;
        });
        command.Subcommands.Add(template);
        command.Subcommands.Add(GenerateCommand.Build(context, catalogOption));
        return command;
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
