using System.CommandLine;
using Srdi.Application.Rosters;

namespace Srdi.Cli.Commands;

/// <summary>srdi roster template. Synthetic rosters come from tools/Srdi.RosterGenerator, not the product.</summary>
internal static class RosterCommand
{
    public static Command Build(CommandContext context, Option<string?> catalogOption)
    {
        var command = new Command("roster", "企业名单：生成空白模板");

        var outOption = new Option<string>("--out") { Description = "输出文件夹", DefaultValueFactory = _ => "." };
        var atOption = new Option<string?>("--at") { Description = "评估日期：按年度填写的事实列出此前三年（默认今天）" };
        var template = new Command("template", "写出空白名单模板（CSV 和 Excel，中文表头）");
        template.Options.Add(outOption);
        template.Options.Add(atOption);
        template.SetAction(parse =>
        {
            var template = context.Service<RosterTemplate>(parse.GetValue(catalogOption));
            var year = EvaluateCommand.ParseDate(parse.GetValue(atOption)).Year;
            var folder = parse.GetValue(outOption)!;
            OutputPaths.CheckFolder("--out", folder);
            var (csv, xlsx) = template.WriteFiles(folder, year);
            context.Output.WriteLine($"已写出 {template.Columns(year).Count} 列的模板：{Path.GetFullPath(csv)}、{Path.GetFullPath(xlsx)}（列说明见 docs/roster.md）");
            return SrdiCommandLine.Ok;
        });
        command.Subcommands.Add(template);
        return command;
    }
}
